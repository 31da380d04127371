package uk.gov.dps.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.SettingSnapshot;
import uk.gov.dps.events.provider.VacancySnapshot;
import uk.gov.dps.testing.RawEvents;

/**
 * Invitations ranked by fit against the running stack. Three providers admitted to a lot through provider- and
 * lot-service; their settings and vacancies arrive on dps.providers as provider-service announces them (sent here
 * straight to the stack's Kafka: provider-service's settings API was not on main when this was written). A referral
 * for a child of 11-15 at home in PE29 (Huntingdon): the home in PE1 (Peterborough, 20 miles or less, outside
 * Cambridgeshire's area) and the one in NR1 (Norwich, over 20 miles) meet it; the home in PE13 (Wisbech, inside the
 * area, over 20 miles) registered for ages 8-12 only partly meets it, and says why.
 */
class FitIT {

    private static String commissioner;
    private static String officer;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", "cambridgeshire");
        officer = RunningStack.token("placement-officer", "cambridgeshire");
    }

    @Test
    void invitationsAreRankedByFitWithDistanceInTheDfesBands() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Meadow", "Fen", "Broads");
        lot.providers().forEach(p -> lot.decide(commissioner, p, "ADMIT"));
        eventually("placement-service sees the three members", () -> {
            var response = as("placement-service", officer).get("/lots/" + lot.lotId() + "/eligible-providers");
            return response.statusCode() == 200
                    && Set.copyOf(response.jsonPath().getList("items.providerId")).equals(Set.copyOf(lot.providers()));
        });
        String peterborough = lot.providers().get(0);
        String wisbech = lot.providers().get(1);
        String norwich = lot.providers().get(2);
        UUID lincolnRoad = UUID.randomUUID();
        try (RawEvents events = new RawEvents(RunningStack.CONFIG.kafkaBootstrapServers())) {
            home(events, peterborough, lincolnRoad, "Lincoln Road", "PE1", 11, 17);
            home(events, wisbech, UUID.randomUUID(), "Fenland House", "PE13", 8, 12);
            home(events, norwich, UUID.randomUUID(), "Riverside", "NR1", 11, 17);
        }

        // the call-off assesses what placement-service knows at that moment: call off once it knows every home
        AtomicReference<String> calledOff = new AtomicReference<>();
        AtomicReference<JsonPath> invitations = new AtomicReference<>();
        eventually("a call-off assesses every home with its vacancy", () -> {
            calledOff.set(calledOff(lot.lotId()));
            JsonPath listed = as("placement-service", officer).get("/referrals/" + calledOff.get() + "/invitations")
                    .then().statusCode(200).extract().jsonPath();
            invitations.set(listed);
            for (int i = 0; i < 3; i++) {
                if (!Boolean.TRUE.equals(listed.get("[" + i + "].fit.reasons.find { it.criterion == 'VACANCY' }.met"))) {
                    pause();
                    return false;
                }
            }
            return true;
        });
        String referral = calledOff.get();
        JsonPath listed = invitations.get();
        assertEquals(List.of(peterborough, norwich, wisbech), listed.getList("providerId"));
        assertEquals(List.of("MEETS", "MEETS", "PARTLY_MEETS"), listed.getList("fit.fit"));
        assertEquals(List.of("TWENTY_MILES_OR_LESS", "OVER_TWENTY_MILES", "OVER_TWENTY_MILES"),
                listed.getList("fit.distanceBand"));
        assertEquals(List.of(false, false, true), listed.getList("fit.insideArea"));
        assertEquals("Registered for ages 8-12 only: the child's age band is 11-15",
                listed.getString("[2].fit.reasons.find { it.criterion == 'AGE' }.text"));
        assertEquals(List.of("AGE"), listed.getList("[2].fit.reasons.findAll { !it.met }.criterion"));

        // the Wisbech home's provider reads the same in its inbox
        Map<String, Object> inboxItem = as("placement-service", Scenario.provider(wisbech)).get("/invitations").then()
                .statusCode(200).extract().jsonPath()
                .getMap("items.find { it.referralId == '" + referral + "' }.fit");
        assertEquals("PARTLY_MEETS", inboxItem.get("fit"));

        // an offer at the Peterborough home shows its distance; a decline outside the Statement of Purpose is counted
        String offer = as("placement-service", Scenario.provider(peterborough)).body("""
                {"weeklyFee": {"core": 3100.00}, "proposedStart": "%s", "homeReference": "Lincoln Road",
                 "needsMet": ["EMOTIONAL_BEHAVIOURAL"], "settingId": "%s"}"""
                .formatted(LocalDate.now().plusDays(7), lincolnRoad)).post("/referrals/" + referral + "/offers").then()
                .statusCode(201).extract().path("id");
        as("placement-service", officer).get("/referrals/" + referral + "/offers").then().statusCode(200)
                .body("find { it.id == '" + offer + "' }.settingName", equalTo("Lincoln Road"))
                .body("find { it.id == '" + offer + "' }.distanceBand", equalTo("TWENTY_MILES_OR_LESS"))
                .body("find { it.id == '" + offer + "' }.insideArea", equalTo(false));
        float miles = as("placement-service", officer).get("/referrals/" + referral + "/offers").then().extract()
                .path("find { it.id == '" + offer + "' }.distanceMiles");
        assertTrue(miles > 15 && miles <= 20, "PE29 to PE1 is under 20 miles: " + miles);
        as("placement-service", Scenario.provider(wisbech)).body("{\"reason\": \"OUTSIDE_STATEMENT_OF_PURPOSE\"}")
                .post("/referrals/" + referral + "/declines").then().statusCode(201);
        String today = LocalDate.now().toString();
        as("placement-service", commissioner).queryParam("from", today).queryParam("to", today)
                .queryParam("lot", lot.lotId()).get("/declines/by-provider").then().statusCode(200)
                .body("items.providerId", contains(wisbech))
                .body("items[0].byReason.OUTSIDE_STATEMENT_OF_PURPOSE", equalTo(1))
                .body("items[0].declinedWhenAssessedMeets", equalTo(0));
    }

    /** A home for both sexes meeting EMOTIONAL_BEHAVIOURAL, with one open vacancy from today, confirmed now. */
    private static void home(RawEvents events, String provider, UUID setting, String name, String district,
            int minAge, int maxAge) {
        UUID providerId = UUID.fromString(provider);
        Instant now = Instant.now();
        events.sendEvent(EventCatalog.SETTING_REGISTERED, providerId, new SettingSnapshot(setting, providerId, name,
                "CHILDRENS_HOME", "SC" + Scenario.unique(), null, district, "England", 4,
                new SettingSnapshot.Profile(minAge, maxAge, List.of("FEMALE", "MALE"), List.of("EMOTIONAL_BEHAVIOURAL"),
                        false, false, LocalDate.now().minusYears(1)),
                null, true, true, now));
        events.sendEvent(EventCatalog.VACANCY_DECLARED, providerId, new VacancySnapshot(UUID.randomUUID(), setting,
                providerId, 1, LocalDate.now(), null, null, null, false, "OPEN", null, now, now));
    }

    private static void pause() {
        try {
            Thread.sleep(1000); // each try raises a referral: not every 50 ms
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String calledOff(String lotId) {
        String referral = as("placement-service", officer).body("""
                {"lotId": "%s", "ageBand": "11-15", "sex": "MALE", "needs": ["EMOTIONAL_BEHAVIOURAL"],
                 "postcodeDistrict": "PE29", "wantedStart": "%s", "placementPattern": "WEEKS_52"}"""
                .formatted(lotId, LocalDate.now().plusDays(7))).post("/referrals").then().statusCode(201).extract()
                .path("id");
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }
}
