package uk.gov.dps.e2e;

import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds, through the public APIs only, a dynamic market (a new DPS today is let under the Procurement Act 2023)
 * with a tiered IFA lot and providers that have applied to it:
 * what several scenarios and the benchmark start from.
 */
public record OnboardedLot(String dpsId, String lotId, List<String> providers, Map<String, String> applications) {

    public static OnboardedLot withProviders(String commissioner, String... names) {
        String run = Scenario.unique();
        LocalDate today = LocalDate.now();
        String dpsId = as("lot-service", commissioner).body("""
                {"reference": "E2E-%s", "title": "Children's placements DPS (e2e %s)", "regime": "PA2023_DYNAMIC_MARKET",
                 "councils": ["cambridgeshire", "peterborough"], "validFrom": "%s", "validTo": "%s"}"""
                .formatted(run, run, today.minusDays(1), today.plusYears(1)))
                .post("/dps").then().statusCode(201).extract().path("id");
        String lotId = as("lot-service", commissioner).body("""
                {"code": "LOT2", "name": "Independent Fostering Agencies", "serviceType": "IFA", "tiered": true,
                 "categories": [{"code": "EMERGENCY", "name": "Emergency (same day)"}],
                 "selectionCriteria": ["Registered with Ofsted", "Not rated Inadequate"]}""")
                .post("/dps/" + dpsId + "/lots").then().statusCode(201).extract().path("id");

        List<String> providers = new ArrayList<>();
        Map<String, String> applications = new LinkedHashMap<>();
        for (String name : names) {
            String id = as("provider-service", commissioner).body("""
                    {"name": "%s Fostering %s", "ofstedUrn": "SC%s", "postcode": "PE13 1AA"}"""
                    .formatted(name, run, Scenario.unique())).post("/providers").then().statusCode(201).extract()
                    .path("id");
            providers.add(id);
        }
        // provider-service learns of the lot from dps.lots: an application is accepted once it has
        String first = providers.get(0);
        eventually("provider-service knows lot " + lotId, () -> as("provider-service", Scenario.provider(first))
                .body(applicationBody(lotId)).post("/providers/" + first + "/applications").statusCode() == 201);
        applications.put(first, as("provider-service", Scenario.provider(first)).get("/providers/" + first
                + "/applications").then().extract().path("items[0].id"));
        for (String id : providers.subList(1, providers.size())) {
            applications.put(id, as("provider-service", Scenario.provider(id)).body(applicationBody(lotId))
                    .post("/providers/" + id + "/applications").then().statusCode(201).extract().path("id"));
        }
        return new OnboardedLot(dpsId, lotId, providers, applications);
    }

    String application(String providerId) {
        return applications.get(providerId);
    }

    public void decide(String commissioner, String providerId, String outcome) {
        as("provider-service", commissioner)
                .body("{\"outcome\":\"" + outcome + "\",\"reasons\":\"" + ("REJECT".equals(outcome)
                        ? "No evidence of employer's liability insurance" : "Meets the selection criteria") + "\"}")
                .post("/applications/" + application(providerId) + "/decision").then().statusCode(200);
    }

    /** Admits the first provider and waits until placement-service can invite it; answers its id. */
    public String admitFirstProvider(String commissioner, String officer) {
        String provider = providers.get(0);
        decide(commissioner, provider, "ADMIT");
        eventually("placement-service sees the member", () -> {
            var response = as("placement-service", officer).get("/lots/" + lotId + "/eligible-providers");
            return response.statusCode() == 200 && response.jsonPath().getList("items.providerId").contains(provider);
        });
        return provider;
    }

    private static String applicationBody(String lotId) {
        return """
                {"lotId": "%s", "categories": ["EMERGENCY"], "requestedTier": "TIER_2",
                 "answers": [{"question": "Are you registered with Ofsted?", "answer": "Yes"}]}""".formatted(lotId);
    }
}
