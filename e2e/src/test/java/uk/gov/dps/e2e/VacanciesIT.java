package uk.gov.dps.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import uk.gov.dps.cli.DpsStack;
import uk.gov.dps.testing.LiveFeed;

/**
 * Settings and live vacancies across the running stack: a provider registers a home with its Statement of Purpose
 * and declares a vacancy; a placement officer finds it by lot, need, age and distance from the child's home
 * district, and sees it arrive on the live vacancy feed; another provider cannot change it.
 */
class VacanciesIT {

    private static final String PROVIDERS = "provider-service";

    private static String commissioner;
    private static String placementOfficer;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", "cambridgeshire");
        placementOfficer = RunningStack.token("placement-officer", "cambridgeshire");
    }

    @Test
    void aVacancyDeclaredAtAPeterboroughHomeIsFoundByLotNeedAgeAndDistanceAndStreamedLive() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Vacancy", "Rival");
        String provider = lot.providers().get(0);
        String rival = lot.providers().get(1);
        lot.providers().forEach(p -> lot.decide(commissioner, p, "ADMIT"));
        String providerToken = Scenario.provider(provider);
        String rivalToken = Scenario.provider(rival);

        String urn = "SC" + Scenario.unique().substring(1);
        String home = """
                {"name": "Cathedral View %s", "kind": "CHILDRENS_HOME", "ofstedUrn": "%s", "postcode": "PE1 1XX",
                 "registeredPlaces": 3,
                 "profile": {"minAge": 10, "maxAge": 16, "sexes": ["FEMALE", "MALE"],
                             "needs": ["EMOTIONAL_BEHAVIOURAL", "CHILD_SEXUAL_EXPLOITATION"],
                             "emergencyAdmissions": true, "soloPlacement": false},
                 "ownerGroup": {"name": "Horizon Care Group Ltd", "companiesHouseNumber": "09876543"},
                 "forProfit": true}""".formatted(urn, urn);
        String setting = as(PROVIDERS, providerToken).body(home).post("/providers/" + provider + "/settings").then()
                .statusCode(201).extract().path("id");
        String settingPath = "/providers/" + provider + "/settings/" + setting;
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String declaration = "{\"places\": 1, \"availableFrom\": \"" + today + "\", \"emergency\": true}";

        String vacancy;
        try (LiveFeed feed = LiveFeed.open(URI.create(DpsStack.service(PROVIDERS).baseUrl() + "/vacancies/feed"),
                placementOfficer, Scenario.PATIENCE)) {
            feed.awaitListening();
            vacancy = as(PROVIDERS, providerToken).body(declaration).post(settingPath + "/vacancies").then()
                    .statusCode(201).extract().path("id");

            LiveFeed.Event declared = feed.await(e -> "dps.provider.vacancy-declared.v1".equals(e.name())
                    && e.data().contains(vacancy), "the declared vacancy");
            JsonPath event = JsonPath.from(declared.data());
            assertEquals(provider, event.getString("providerId"));
            assertEquals(setting, event.getString("payload.settingId"));
            assertTrue(event.getBoolean("payload.emergency"));
        }

        // a 14-year-old from Huntingdon (PE29) needing help with child sexual exploitation: within 20 miles
        JsonPath found = as(PROVIDERS, placementOfficer).queryParam("lotId", lot.lotId())
                .queryParam("need", "CHILD_SEXUAL_EXPLOITATION").queryParam("age", 14).queryParam("near", "PE29")
                .queryParam("withinMiles", 20).get("/vacancies").then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.List.of(vacancy), found.getList("items.vacancy.id"));
        assertEquals(18.0f, found.getFloat("items[0].distanceMiles")); // PE29 to PE1 centroids: 17.96 miles
        assertEquals("PE1", found.getString("items[0].postcodeDistrict"));
        assertEquals("England", found.getString("items[0].country"));
        assertFalse(found.getBoolean("items[0].stale"));
        // not for an 8-year-old, nor for a need the home's Statement of Purpose does not cover
        assertTrue(as(PROVIDERS, placementOfficer).queryParam("lotId", lot.lotId()).queryParam("age", 8)
                .get("/vacancies").then().statusCode(200).extract().jsonPath().getList("items").isEmpty());
        assertTrue(as(PROVIDERS, placementOfficer).queryParam("lotId", lot.lotId()).queryParam("need", "AUTISM")
                .get("/vacancies").then().statusCode(200).extract().jsonPath().getList("items").isEmpty());

        // another provider cannot change the setting or its vacancy
        as(PROVIDERS, rivalToken).body(home.replace("\"registeredPlaces\": 3", "\"registeredPlaces\": 1"))
                .put(settingPath).then().statusCode(403).contentType("application/problem+json");
        as(PROVIDERS, rivalToken).body(declaration).post(settingPath + "/vacancies").then().statusCode(403);
        as(PROVIDERS, rivalToken).body("{\"reason\": \"FILLED\"}")
                .post("/providers/" + provider + "/vacancies/" + vacancy + "/withdraw").then().statusCode(403);
        as(PROVIDERS, placementOfficer).get(settingPath).then().statusCode(200).body("registeredPlaces",
                org.hamcrest.Matchers.equalTo(3));
        eventually("the vacancy is still offered", () -> as(PROVIDERS, placementOfficer)
                .queryParam("lotId", lot.lotId()).get("/vacancies").then().extract().jsonPath()
                .getList("items.vacancy.id").contains(vacancy));
    }
}
