package uk.gov.dps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Across lot-service and provider-service: on a Procurement Act 2023 dynamic market, a provider excluded by a partner
 * council (s.57) is refused admission, whether it applies afterwards or applied before; a member excluded is
 * suspended, so lot-service's member list (what call-offs invite) drops it.
 */
class ExclusionIT {

    private static String commissioner;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", "cambridgeshire");
    }

    @Test
    void anExcludedProviderIsRefusedAdmissionToADynamicMarketAcrossServices() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Member", "Pending", "Newcomer");
        String member = lot.providers().get(0);
        String pending = lot.providers().get(1);
        String newcomer = lot.providers().get(2);
        lot.decide(commissioner, member, "ADMIT");
        awaitMembers(lot.lotId(), Set.of(member));
        // a second lot of the same dynamic market, which none has applied to yet
        String secondLot = as("lot-service", commissioner).body("""
                {"code": "LOT1", "name": "Residential Children's Homes", "serviceType": "RESIDENTIAL",
                 "categories": [{"code": "EMERGENCY", "name": "Emergency (same day)"}],
                 "selectionCriteria": ["Registered with Ofsted"]}""")
                .post("/dps/" + lot.dpsId() + "/lots").then().statusCode(201).extract().path("id");

        try (KafkaConsumer<String, String> providers = Scenario.consumerAtEndOf("dps.providers")) {
            for (String provider : List.of(member, pending, newcomer)) {
                as("provider-service", commissioner).body("""
                        {"ground": "MANDATORY", "reason": "Director convicted of fraud (Schedule 6 para 10)",
                         "startsOn": "%s", "endsOn": "%s", "debarmentReference": "DEB-E2E-%s"}"""
                        .formatted(LocalDate.now().minusDays(1), LocalDate.now().plusYears(5).minusDays(1),
                                Scenario.unique()))
                        .post("/providers/" + provider + "/exclusions").then().statusCode(201)
                        .body("section", equalTo("PA2023 s.57")).body("appliesToday", equalTo(true));
            }
            ConsumerRecord<String, String> excluded = Scenario.awaitRecord(providers, r -> member.equals(r.key())
                    && "dps.provider.excluded.v1".equals(Scenario.header(r, "ce_type")));
            assertThat(excluded.value()).contains("\"suspendedLotIds\":[\"" + lot.lotId() + "\"]");
        }

        // applying afterwards: refused once provider-service knows the new lot, and no application is made
        eventually("an excluded provider's application to lot " + secondLot + " is refused under PA2023 s.57", () -> {
            var answer = as("provider-service", Scenario.provider(newcomer)).body("""
                    {"lotId": "%s", "categories": ["EMERGENCY"]}""".formatted(secondLot))
                    .post("/providers/" + newcomer + "/applications");
            assertThat(answer.statusCode()).isNotEqualTo(201);
            return answer.statusCode() == 422 && answer.asString().contains("PA2023 s.57");
        });
        as("provider-service", Scenario.provider(newcomer)).get("/providers/" + newcomer + "/applications").then()
                .statusCode(200).body("items.size()", equalTo(1));
        // applied before: the commissioner cannot admit it, and it stays undecided
        as("provider-service", commissioner).body("{\"outcome\":\"ADMIT\",\"reasons\":\"Meets the criteria\"}")
                .post("/applications/" + lot.application(pending) + "/decision").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("PA2023 s.57"));
        as("provider-service", commissioner).get("/applications/" + lot.application(pending)).then()
                .body("status", equalTo("PENDING"));
        // the member is suspended: lot-service's list of members to invite no longer holds it, nor anyone else
        awaitMembers(lot.lotId(), Set.of());
        as("provider-service", commissioner).get("/providers/" + member).then()
                .body("memberships[0].status", equalTo("SUSPENDED"))
                .body("memberships[0].suspendedReason", containsString("PA2023 s.57"));
        as("provider-service", commissioner).get("/providers/" + pending + "/audit").then()
                .body("items.action", equalTo(List.of("REGISTERED", "APPLIED", "EXCLUDED")));
    }

    private static void awaitMembers(String lotId, Set<String> expected) {
        eventually("members of lot " + lotId + " are " + expected, () -> {
            List<String> members = as("lot-service", commissioner).get("/lots/" + lotId + "/members").then()
                    .statusCode(200).extract().path("items.providerId");
            return Set.copyOf(members).equals(expected) && members.size() == expected.size();
        });
    }
}
