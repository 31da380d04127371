package uk.gov.dps.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.SettingSnapshot;
import uk.gov.dps.events.provider.VacancySnapshot;
import uk.gov.dps.testing.RawEvents;

/**
 * The sufficiency report and a group-failure view on the running stack, for a small data set in a lot of its own.
 * Settings and vacancies are published to the stack's Kafka (dps.providers) as provider-service announces them,
 * since provider-service's settings API is not part of this branch; everything else goes through the public APIs.
 * The child's home is PE29 (Huntingdon): Ash's home in PE1 (Peterborough) is 18.0 miles away, outside
 * Cambridgeshire; Birch's in NR1 (Norwich) 65.9 miles, outside; Ash's other home in PE13 (Wisbech) is not placed.
 */
class SufficiencyIT {

    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static String commissioner;
    private static String officer;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", "cambridgeshire");
        officer = RunningStack.token("placement-officer", "cambridgeshire");
    }

    @Test
    void theReportsFiguresForAKnownDataSetAndWhatIfAGroupFailed() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Ash", "Birch", "Cedar");
        String ash = lot.providers().get(0);
        String birch = lot.providers().get(1);
        String cedar = lot.providers().get(2);
        lot.providers().forEach(p -> lot.decide(commissioner, p, "ADMIT"));
        eventually("placement-service sees the three members", () -> {
            var response = as("placement-service", officer).get("/lots/" + lot.lotId() + "/eligible-providers");
            return response.statusCode() == 200
                    && Set.copyOf(response.jsonPath().getList("items.providerId")).equals(Set.copyOf(lot.providers()));
        });

        String group = "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        UUID ashPeterborough = UUID.randomUUID();
        UUID ashWisbech = UUID.randomUUID();
        UUID birchNorwich = UUID.randomUUID();
        Instant now = Instant.now();
        try (RawEvents events = new RawEvents(RunningStack.CONFIG.kafkaBootstrapServers())) {
            setting(events, ashPeterborough, ash, "Ash Peterborough", "PE1", "Horizon Care Group Ltd", group);
            setting(events, ashWisbech, ash, "Ash Wisbech", "PE13", "Horizon Care Group Ltd", group);
            setting(events, birchNorwich, birch, "Birch Norwich", "NR1", null, null);
            // an emergency place at Ash's Peterborough home; two at Birch's, which would take Ash's child
            vacancy(events, ashPeterborough, ash, 1, true, now);
            vacancy(events, birchNorwich, birch, 2, true, now);
        }
        // each provider's events are in order: once its vacancy counts, its homes are known
        eventually("placement-service knows the homes and their emergency places", () -> {
            var response = as("placement-service", officer).get("/reports/sufficiency?lotId=" + lot.lotId());
            return response.statusCode() == 200 && response.jsonPath().getInt("emergencyCapacity.places") == 3;
        });

        // R1: Ash offers its Peterborough home, Birch declines (no vacancy), Cedar (location); Ash is awarded
        String r1 = calledOff(lot.lotId());
        String o1 = offer(r1, ash, "850.00", ashPeterborough);
        decline(r1, birch, "NO_VACANCY");
        decline(r1, cedar, "LOCATION");
        award(r1, o1);
        // R2: Ash offers its Wisbech home, Birch its Norwich home, Cedar does not answer; Birch is awarded
        String r2 = calledOff(lot.lotId());
        offer(r2, ash, "1000.00", ashWisbech);
        String o2 = offer(r2, birch, "900.00", birchNorwich);
        award(r2, o2);
        // R3: cancelled before any call-off
        String r3 = raise(lot.lotId());
        as("placement-service", officer).body("{\"reason\":\"A relative can care for the child\"}")
                .post("/referrals/" + r3 + "/cancellation").then().statusCode(200);

        String quarter = quarterOf(LocalDate.now(ZoneId.of("Europe/London")));
        JsonPath report = as("placement-service", officer).queryParam("lotId", lot.lotId())
                .queryParam("period", quarter).get("/reports/sufficiency").then().statusCode(200).extract()
                .jsonPath().using(DECIMALS);
        assertEquals(3, report.getInt("referrals.raised"));
        assertEquals(2, report.getInt("referrals.placed"));
        assertEquals(1, report.getInt("referrals.cancelled"));
        assertEquals(0, report.getInt("referrals.unmet"));
        assertEquals(2, report.getInt("timeToPlace.placements"));
        assertEquals("0.0", report.getString("timeToPlace.medianDays"), "awarded within minutes of raising");
        assertEquals(6, report.getInt("invitations.invitations"));
        assertEquals("3.0", report.getString("invitations.invitationsPerReferral"));
        assertEquals(5, report.getInt("invitations.answered"));
        assertEquals("83.3", report.getString("invitations.responseRatePercent"));
        assertEquals("50.0", report.getString("invitations.offerRatePercent"));
        assertEquals(List.of(1), report.getList("declinesByReason.findAll { it.reason == 'NO_VACANCY' }.count"));
        assertEquals(List.of(1), report.getList("declinesByReason.findAll { it.reason == 'LOCATION' }.count"));
        assertEquals(2, report.getInt("placements"));
        assertEquals(1, report.getInt("distance.twentyMilesOrLess"));
        assertEquals(1, report.getInt("distance.overTwentyMiles"));
        assertEquals(0, report.getInt("distance.insideArea"));
        assertEquals(2, report.getInt("distance.outsideArea"));
        assertEquals(0, report.getInt("distance.unknown"));
        assertEquals("875.00", report.getString("weeklyPriceByLot[0].averageWeeklyPrice"));
        assertEquals(3, report.getInt("emergencyCapacity.places"));
        assertEquals(2, report.getInt("emergencyCapacity.settings"));
        assertEquals("50.0", report.getString("concentration.topProviders[0].percent"));
        assertEquals("100.0", report.getString("concentration.topProvidersPercent"));
        assertEquals(group, report.getString("concentration.topOwnerGroups.find { it.id != null }.id"));
        assertEquals("50.0", report.getString("concentration.topOwnerGroups.find { it.id != null }.percent"));

        String csv = as("placement-service", commissioner).queryParam("lotId", lot.lotId())
                .queryParam("period", quarter).get("/reports/sufficiency.csv").then().statusCode(200).extract()
                .asString();
        assertEquals("section,figure,breakdown,value", csv.lines().findFirst().orElseThrow());
        assertEquals(1, csv.lines().filter("invitations,response rate %,,83.3"::equals).count(), csv);
        // the joint DPS's figures for this lot are Cambridgeshire's (no other council used it)
        as("placement-service", RunningStack.token("commissioner", "peterborough")).queryParam("council", "joint")
                .queryParam("lotId", lot.lotId()).get("/reports/sufficiency").then().statusCode(200)
                .body("joint", equalTo(true)).body("referrals.raised", equalTo(3));
        as("placement-service", RunningStack.token("placement-officer", "peterborough")).queryParam("council", "joint")
                .get("/reports/sufficiency").then().statusCode(403).contentType("application/problem+json");
        as("placement-service", Scenario.provider(ash)).get("/reports/sufficiency").then().statusCode(403);
        as("placement-service", officer).queryParam("period", "2026-Q3").get("/reports/sufficiency").then()
                .statusCode(400).contentType("application/problem+json");

        // what if the group failed: Ash's one child, and Birch's two places that would take a child like it
        JsonPath failure = as("placement-service", commissioner).get("/reports/owner-groups/" + group + "/failure")
                .then().statusCode(200).extract().jsonPath().using(DECIMALS);
        assertEquals("Horizon Care Group Ltd", failure.getString("name"));
        assertEquals(1, failure.getInt("children"));
        assertEquals("850.00", failure.getString("weeklyCost"));
        assertEquals("cambridgeshire", failure.getString("byCouncil[0].council"));
        assertEquals(lot.lotId(), failure.getString("byLot[0].lotId"));
        assertEquals(1, failure.getInt("byLot[0].children"));
        assertEquals(1, failure.getInt("byLot[0].matchingVacancies"));
        assertEquals(2, failure.getInt("byLot[0].matchingPlaces"));
        as("placement-service", RunningStack.token("placement-officer", "peterborough"))
                .get("/reports/owner-groups/" + group + "/failure").then().statusCode(200)
                .body("children", equalTo(0));
        as("placement-service", Scenario.provider(ash)).get("/reports/owner-groups/" + group + "/failure").then()
                .statusCode(403);
        JsonPath groups = as("placement-service", commissioner).queryParam("size", 200).get("/reports/owner-groups")
                .then().statusCode(200).extract().jsonPath().using(DECIMALS);
        assertEquals(List.of(2), groups.getList("items.findAll { it.companiesHouseNumber == '" + group
                + "' }.settings"));
        assertEquals(List.of(1), groups.getList("items.findAll { it.companiesHouseNumber == '" + group
                + "' }.children"));
        assertNull(groups.get("items.find { it.companiesHouseNumber == 'NOGROUP0' }"));
    }

    private static void setting(RawEvents events, UUID setting, String provider, String name, String district,
            String group, String number) {
        events.sendEvent(EventCatalog.SETTING_REGISTERED, provider, new SettingSnapshot(setting,
                UUID.fromString(provider), name, "CHILDRENS_HOME", "SC" + ThreadLocalRandom.current().nextInt(100_000,
                        999_999), null, district, "England", 4, new SettingSnapshot.Profile(8, 17,
                        List.of("FEMALE", "MALE"), List.of("EMOTIONAL_BEHAVIOURAL"), true, false,
                        LocalDate.now().minusYears(1)),
                group == null ? null : new SettingSnapshot.OwnerGroup(group, number), true, true, Instant.now()));
    }

    private static void vacancy(RawEvents events, UUID setting, String provider, int places, boolean emergency,
            Instant confirmedAt) {
        events.sendEvent(EventCatalog.VACANCY_DECLARED, provider, new VacancySnapshot(UUID.randomUUID(), setting,
                UUID.fromString(provider), places, LocalDate.now().minusDays(1), null, null, null, emergency, "OPEN",
                null, confirmedAt, confirmedAt));
    }

    private static String raise(String lotId) {
        return as("placement-service", officer).body("""
                {"lotId": "%s", "ageBand": "11-15", "sex": "FEMALE", "needs": ["EMOTIONAL_BEHAVIOURAL"],
                 "postcodeDistrict": "PE29", "wantedStart": "%s", "placementPattern": "WEEKS_52"}"""
                .formatted(lotId, LocalDate.now().plusDays(3))).post("/referrals").then().statusCode(201).extract()
                .path("id");
    }

    private static String calledOff(String lotId) {
        String referral = raise(lotId);
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }

    private static String offer(String referral, String provider, String core, UUID setting) {
        return as("placement-service", Scenario.provider(provider)).body("""
                {"weeklyFee": {"core": %s, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "proposedStart": "%s", "homeReference": "Home", "needsMet": ["EMOTIONAL_BEHAVIOURAL"],
                 "settingId": "%s"}""".formatted(core, LocalDate.now().plusDays(3), setting))
                .post("/referrals/" + referral + "/offers").then().statusCode(201).extract().path("id");
    }

    private static void decline(String referral, String provider, String reason) {
        as("placement-service", Scenario.provider(provider)).body("{\"reason\":\"" + reason + "\"}")
                .post("/referrals/" + referral + "/declines").then().statusCode(201);
    }

    private static void award(String referral, String offer) {
        as("placement-service", officer).body("""
                {"offerId": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}],
                 "noticeReference": "E2E-CONTRACT-AWARD-NOTICE", "justification": "Nearest home to the child's school"}"""
                .formatted(offer)).post("/referrals/" + referral + "/award").then().statusCode(201);
    }

    private static String quarterOf(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        int quarter = day.getMonthValue() >= 4 ? (day.getMonthValue() - 4) / 3 + 1 : 4;
        return "%d-%02d-Q%d".formatted(start, (start + 1) % 100, quarter);
    }
}
