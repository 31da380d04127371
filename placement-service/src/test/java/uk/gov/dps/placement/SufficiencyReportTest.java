package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.VacancySnapshot;
import uk.gov.dps.placement.domain.FinancialQuarter;
import uk.gov.dps.placement.domain.Projections.VacancyView;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.testing.AdjustableClock;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;

/**
 * The sufficiency report and owner-group exposure over a small data set in a lot of its own, every figure checked
 * against values worked out by hand. The child's home is PE29 (Huntingdon, Cambridgeshire): a home in PE1
 * (Peterborough) is 18.0 miles away and outside Cambridgeshire's area, PE13 (Wisbech) 26.7 miles and inside, NR1
 * (Norwich) 65.9 miles and outside.
 */
@QuarkusTest
class SufficiencyReportTest {

    static final String OFFICER = CallOffFixtures.OFFICER;
    static final String COMMISSIONER = Tokens.forCouncil("commissioner", "cambridgeshire");
    static final String PETERBOROUGH_OFFICER = Tokens.forCouncil("placement-officer", "peterborough");
    static final String PETERBOROUGH_COMMISSIONER = Tokens.forCouncil("commissioner", "peterborough");

    /** Money and rates as written (2356.00, not 2356.0). */
    static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    /**
     * Six Cambridgeshire referrals and one Peterborough referral in a fresh lot (Alpha Homes and Beta Care invited,
     * Gamma Homes suspended): R1 Alpha offers its PE1 home, Beta declines (no vacancy), Alpha awarded, raised 2 days
     * before; R2 Alpha offers its PE13 home, Beta its NR1 home, Alpha's awarded, 4 days; R3 both decline (cannot meet
     * needs, no vacancy), closed unmet; R4 cancelled before any call-off; R5 Alpha offers without naming a home, Beta
     * does not answer, awarded, 9 days; R6 Alpha declines (location), Beta offers its NR1 home, awarded, 3 days.
     */
    @Test
    void everyFigureOfTheReportAsWorkedOutByHand() {
        Data d = dataSet();
        String period = d.quarter.label();

        JsonPath report = given().auth().oauth2(OFFICER).queryParam("lotId", d.market.lot().toString())
                .queryParam("period", period).get("/reports/sufficiency").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().using(DECIMALS);
        assertThat(report.getString("council")).isEqualTo("cambridgeshire");
        assertThat(report.getBoolean("joint")).isFalse();
        assertThat(report.getString("period")).isEqualTo(period);
        assertThat(report.getString("from")).isEqualTo(d.quarter.firstDay().toString());
        assertThat(report.getString("to")).isEqualTo(d.quarter.lastDay().toString());
        assertThat(report.getMap("referrals")).containsExactlyInAnyOrderEntriesOf(Map.of("raised", 6, "placed", 4,
                "placedInHouse", 0, "unmet", 1, "cancelled", 1, "open", 0));
        // 2, 3, 4 and 9 days: median 3.5, mean 4.5
        assertThat(report.getInt("timeToPlace.placements")).isEqualTo(4);
        assertThat(report.getString("timeToPlace.medianDays")).isEqualTo("3.5");
        assertThat(report.getString("timeToPlace.meanDays")).isEqualTo("4.5");
        // five call-offs of two invitations each; nine answers of which five offers and four declines
        assertThat(report.getInt("invitations.referralsCalledOff")).isEqualTo(5);
        assertThat(report.getInt("invitations.invitations")).isEqualTo(10);
        assertThat(report.getString("invitations.invitationsPerReferral")).isEqualTo("2.0");
        assertThat(report.getInt("invitations.answered")).isEqualTo(9);
        assertThat(report.getInt("invitations.offers")).isEqualTo(5);
        assertThat(report.getInt("invitations.declines")).isEqualTo(4);
        assertThat(report.getString("invitations.responseRatePercent")).isEqualTo("90.0");
        assertThat(report.getString("invitations.offerRatePercent")).isEqualTo("50.0");
        Map<String, Integer> declines = new java.util.HashMap<>();
        report.getList("declinesByReason", Map.class).forEach(m -> declines.put((String) m.get("reason"),
                (Integer) m.get("count")));
        assertThat(declines).containsEntry("NO_VACANCY", 2).containsEntry("CANNOT_MEET_NEEDS", 1)
                .containsEntry("LOCATION", 1).containsEntry("MATCHING", 0).containsEntry("OTHER", 0);
        // P1 PE1 (18.0, outside), P2 PE13 (26.7, inside), P3 no home named (unknown), P4 NR1 (65.9, outside)
        assertThat(report.getInt("placements")).isEqualTo(4);
        assertThat(report.getMap("distance")).containsExactlyInAnyOrderEntriesOf(Map.of("twentyMilesOrLess", 1,
                "overTwentyMiles", 2, "insideArea", 1, "outsideArea", 2, "unknown", 1));
        // (2231 + 3231 + 1231 + 2731) / 4
        assertThat(report.getList("weeklyPriceByLot")).hasSize(1);
        assertThat(report.getString("weeklyPriceByLot[0].lotId")).isEqualTo(d.market.lot().toString());
        assertThat(report.getString("weeklyPriceByLot[0].lotCode")).isEqualTo("LOT1");
        assertThat(report.getInt("weeklyPriceByLot[0].placements")).isEqualTo(4);
        assertThat(report.getString("weeklyPriceByLot[0].averageWeeklyPrice")).isEqualTo("2356.00");
        // fresh emergency vacancies available now at active members' open settings: V1 (2 places) and V6 (1)
        assertThat(report.getMap("emergencyCapacity")).containsExactlyInAnyOrderEntriesOf(Map.of("places", 3,
                "settings", 2, "vacancies", 2));
        assertThat(report.getInt("concentration.placements")).isEqualTo(4);
        assertThat(report.getString("concentration.topProviders[0].name")).isEqualTo("Alpha Homes");
        assertThat(report.getInt("concentration.topProviders[0].placements")).isEqualTo(3);
        assertThat(report.getString("concentration.topProviders[0].percent")).isEqualTo("75.0");
        assertThat(report.getString("concentration.topProviders[1].name")).isEqualTo("Beta Care");
        assertThat(report.getString("concentration.topProviders[1].percent")).isEqualTo("25.0");
        assertThat(report.getString("concentration.topProvidersPercent")).isEqualTo("100.0");
        // Alpha's three (one without a named home: its provider's group) are Horizon's; Beta, ungrouped, is its own
        assertThat(report.getString("concentration.topOwnerGroups[0].id")).isEqualTo(d.groupNumber);
        assertThat(report.getString("concentration.topOwnerGroups[0].name")).isEqualTo("Horizon Care Group Ltd");
        assertThat(report.getString("concentration.topOwnerGroups[0].percent")).isEqualTo("75.0");
        assertThat(report.getString("concentration.topOwnerGroups[1].id")).isNull();
        assertThat(report.getString("concentration.topOwnerGroups[1].name")).isEqualTo("Beta Care");
        assertThat(report.getString("concentration.topOwnerGroups[1].percent")).isEqualTo("25.0");
        assertThat(report.getString("concentration.topOwnerGroupsPercent")).isEqualTo("100.0");

        // the joint DPS adds Peterborough's cancelled referral; Peterborough's own figures are its alone
        JsonPath joint = given().auth().oauth2(PETERBOROUGH_COMMISSIONER).queryParam("council", "joint")
                .queryParam("lotId", d.market.lot().toString()).queryParam("period", period)
                .get("/reports/sufficiency").then().statusCode(200).extract().jsonPath().using(DECIMALS);
        assertThat(joint.getBoolean("joint")).isTrue();
        assertThat(joint.getInt("referrals.raised")).isEqualTo(7);
        assertThat(joint.getInt("referrals.cancelled")).isEqualTo(2);
        assertThat(joint.getInt("placements")).isEqualTo(4);
        given().auth().oauth2(PETERBOROUGH_OFFICER).queryParam("lotId", d.market.lot().toString())
                .get("/reports/sufficiency").then().statusCode(200).body("council", equalTo("peterborough"))
                .body("referrals.raised", equalTo(1)).body("placements", equalTo(0))
                .body("timeToPlace.medianDays", equalTo(null));
        // a commissioner's own council, by default
        given().auth().oauth2(COMMISSIONER).queryParam("lotId", d.market.lot().toString()).get("/reports/sufficiency")
                .then().statusCode(200).body("council", equalTo("cambridgeshire")).body("referrals.raised",
                        equalTo(6));
        // the quarters either side hold none of it
        for (FinancialQuarter other : List.of(d.quarter.previous(), d.quarter.next())) {
            given().auth().oauth2(OFFICER).queryParam("lotId", d.market.lot().toString())
                    .queryParam("period", other.label()).get("/reports/sufficiency").then().statusCode(200)
                    .body("referrals.raised", equalTo(0)).body("placements", equalTo(0))
                    .body("invitations.responseRatePercent", equalTo(null));
        }

        // the same figures as a spreadsheet: one row per figure
        String csv = given().auth().oauth2(OFFICER).accept("text/csv").queryParam("lotId", d.market.lot().toString())
                .queryParam("period", period).get("/reports/sufficiency").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition",
                        equalTo("attachment; filename=\"sufficiency-cambridgeshire-" + period + ".csv\""))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,figure,breakdown,value");
        assertThat(lines).contains("scope,council,,cambridgeshire", "scope,period,," + period,
                "referrals,raised,,6", "referrals,placed,,4", "referrals,unmet,,1", "referrals,cancelled,,1",
                "time to place,median days,,3.5", "time to place,mean days,,4.5",
                "invitations,invitations per referral,,2.0", "invitations,response rate %,,90.0",
                "invitations,offer rate %,,50.0", "declines,declines by reason,NO_VACANCY,2",
                "declines,declines by reason,CANNOT_MEET_NEEDS,1", "declines,declines by reason,LOCATION,1",
                "placements,20 miles or less,,1", "placements,over 20 miles,,2",
                "placements,inside the council's area,,1", "placements,outside the council's area,,2",
                "placements,distance unknown,,1",
                "weekly price,average weekly price,LOT1 Residential children's homes,2356.00",
                "emergency capacity,places,,3", "emergency capacity,settings,,2",
                "concentration,top provider share %,Alpha Homes,75.0",
                "concentration,top owner group share %,Horizon Care Group Ltd,75.0",
                "concentration,top 5 owner groups share %,,100.0");
        String csvByPath = given().auth().oauth2(OFFICER).queryParam("lotId", d.market.lot().toString())
                .queryParam("period", period).get("/reports/sufficiency.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csvByPath).isEqualTo(csv);

        // owner groups: Horizon's two open homes of 4 places, three Cambridgeshire children, their weekly cost
        JsonPath groups = given().auth().oauth2(COMMISSIONER).queryParam("size", 200).get("/reports/owner-groups")
                .then().statusCode(200).extract().jsonPath().using(DECIMALS);
        Map<String, Object> horizon = groups.<Map<String, Object>>getList("items").stream()
                .filter(g -> d.groupNumber.equals(g.get("companiesHouseNumber"))).findFirst().orElseThrow();
        assertThat(horizon).containsEntry("name", "Horizon Care Group Ltd").containsEntry("settings", 2)
                .containsEntry("places", 8).containsEntry("children", 3).containsEntry("weeklyCost", new BigDecimal("6693.00"));
        assertThat(horizon.get("byCouncil")).isEqualTo(List.of(Map.of("council", "cambridgeshire", "children", 3,
                "weeklyCost", new BigDecimal("6693.00"))));
        // Peterborough's officer sees no Cambridgeshire child
        Map<String, Object> horizonForPeterborough = given().auth().oauth2(PETERBOROUGH_OFFICER)
                .queryParam("size", 200).get("/reports/owner-groups").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream()
                .filter(g -> d.groupNumber.equals(g.get("companiesHouseNumber"))).findFirst().orElseThrow();
        assertThat(horizonForPeterborough).containsEntry("children", 0).containsEntry("byCouncil", List.of());

        // what if Horizon failed: its three children, and Beta's fresh NR1 vacancy (2 places) would take them;
        // Beta's stale and future ones, its under-5s home and suspended Gamma's home would not
        JsonPath failure = given().auth().oauth2(COMMISSIONER).get("/reports/owner-groups/" + d.groupNumber
                + "/failure").then().statusCode(200).extract().jsonPath().using(DECIMALS);
        assertThat(failure.getString("name")).isEqualTo("Horizon Care Group Ltd");
        assertThat(failure.getInt("children")).isEqualTo(3);
        assertThat(failure.getString("weeklyCost")).isEqualTo("6693.00");
        assertThat(failure.getList("byCouncil")).hasSize(1);
        assertThat(failure.getString("byCouncil[0].council")).isEqualTo("cambridgeshire");
        assertThat(failure.getInt("byCouncil[0].children")).isEqualTo(3);
        assertThat(failure.getList("byLot")).hasSize(1);
        assertThat(failure.getString("byLot[0].lotId")).isEqualTo(d.market.lot().toString());
        assertThat(failure.getInt("byLot[0].children")).isEqualTo(3);
        assertThat(failure.getInt("byLot[0].matchingVacancies")).isEqualTo(1);
        assertThat(failure.getInt("byLot[0].matchingPlaces")).isEqualTo(2);
        given().auth().oauth2(PETERBOROUGH_OFFICER).get("/reports/owner-groups/" + d.groupNumber + "/failure").then()
                .statusCode(200).body("children", equalTo(0)).body("byLot.size()", equalTo(0));
        given().auth().oauth2(COMMISSIONER).get("/reports/owner-groups/ZZ999999/failure").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(COMMISSIONER).get("/reports/owner-groups/not-a-number/failure").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("companiesHouseNumber"));
    }

    @Test
    void providersOtherCouncilsAndOfficersAskingForJointFiguresAreRefused() {
        String provider = Tokens.forProvider(UUID.randomUUID().toString());
        for (String path : List.of("/reports/sufficiency", "/reports/sufficiency.csv", "/reports/owner-groups",
                "/reports/owner-groups/09876543/failure")) {
            given().auth().oauth2(provider).get(path).then().statusCode(403);
            given().auth().oauth2(Tokens.forCouncil("finance-officer", "cambridgeshire")).get(path).then()
                    .statusCode(403);
            given().get(path).then().statusCode(401);
        }
        given().auth().oauth2(OFFICER).queryParam("council", "joint").get("/reports/sufficiency").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(OFFICER).queryParam("council", "peterborough").get("/reports/sufficiency").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(COMMISSIONER).queryParam("council", "peterborough").get("/reports/sufficiency").then()
                .statusCode(403);
        given().auth().oauth2(COMMISSIONER).queryParam("council", "joint").get("/reports/sufficiency").then()
                .statusCode(200).body("joint", equalTo(true)).body("council", equalTo(null));
    }

    @Test
    void aBadPeriodLotOrCouncilIsA400Problem() {
        for (String period : List.of("2026-Q3", "2026-28-Q3", "2026-27-Q5", "Q3", "2026/27")) {
            given().auth().oauth2(COMMISSIONER).queryParam("period", period).get("/reports/sufficiency").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("period"));
        }
        given().auth().oauth2(COMMISSIONER).queryParam("lotId", "lot-1").get("/reports/sufficiency").then()
                .statusCode(400).body("errors.field", hasItem("lotId"));
        given().auth().oauth2(COMMISSIONER).queryParam("council", "atlantis").get("/reports/sufficiency").then()
                .statusCode(400).body("errors.field", hasItem("council"));
        given().auth().oauth2(COMMISSIONER).queryParam("lotId", UUID.randomUUID()).get("/reports/sufficiency").then()
                .statusCode(422).contentType("application/problem+json");
    }

    /** Referrals raised either side of quarter boundaries, midnight UK time (GMT in winter, BST in spring and autumn). */
    @Test
    void aReferralCountsInTheQuarterItWasRaisedInUkTime() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String raised : List.of("2018-09-30T22:59:59Z", "2018-09-30T23:00:00Z", "2018-12-31T23:59:59Z",
                    "2019-01-01T00:00:00Z", "2019-03-31T22:59:59Z", "2019-03-31T23:00:00Z")) {
                em.createNativeQuery("insert into referral (id, council, lot_id, status, raised_at, raised_by) "
                        + "values (?1, 'cambridgeshire', ?2, 'RAISED', ?3, 'boundary test')")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, market.lot())
                        .setParameter(3, Instant.parse(raised)).executeUpdate();
            }
        });
        Map<String, Integer> expected = Map.of("2018-19-Q2", 1, "2018-19-Q3", 2, "2018-19-Q4", 2, "2019-20-Q1", 1);
        expected.forEach((period, raised) -> given().auth().oauth2(OFFICER)
                .queryParam("lotId", market.lot().toString()).queryParam("period", period)
                .get("/reports/sufficiency").then().statusCode(200).body("referrals.raised", equalTo(raised))
                .body("referrals.open", equalTo(raised)));
        given().auth().oauth2(OFFICER).queryParam("lotId", market.lot().toString()).get("/reports/sufficiency")
                .then().statusCode(200).body("period", equalTo(null)).body("referrals.raised", equalTo(6));
    }

    record Data(CallOffFixtures.Market market, String groupNumber, FinancialQuarter quarter) {
    }

    private Data dataSet() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String group = "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        List<String> needs = List.of("EMOTIONAL_BEHAVIOURAL");
        UUID pe1 = CallOffFixtures.setting(market.first(), "Alpha Peterborough", "PE1", 8, 17, needs, true,
                "Horizon Care Group Ltd", group, true, "England", true);
        UUID pe13 = CallOffFixtures.setting(market.first(), "Alpha Wisbech", "PE13", 8, 17, needs, true,
                "Horizon Care Group Ltd", group, true, "England", true);
        UUID nr1 = CallOffFixtures.setting(market.second(), "Beta Norwich", "NR1", 8, 17, needs, true, null, null,
                true, "England", true);
        UUID underFives = CallOffFixtures.setting(market.second(), "Beta Little Ones", "NR1", 0, 4, needs, true,
                null, null, true, "England", true);
        UUID gamma = CallOffFixtures.setting(market.suspended(), "Gamma House", "CB4", 8, 17, needs, true, null, null,
                true, "England", true);
        UUID closed = CallOffFixtures.setting(market.second(), "Beta Closed", "NR1", 8, 17, needs, true, null, null,
                true, "England", false);

        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(PlatformClock.UK));
        Instant stale = now.minus(Duration.ofDays(8));
        vacancies(
                vacancy(pe1, market.first(), 2, today.minusDays(1), true, now),          // V1: counted
                vacancy(nr1, market.second(), 1, today, true, stale),                    // V2: stale
                vacancy(pe13, market.first(), 1, today, false, now),                     // V3: not emergency
                vacancy(gamma, market.suspended(), 1, today, true, now),                 // V4: suspended member
                vacancy(nr1, market.second(), 1, today.plusDays(30), true, now),         // V5: not yet available
                vacancy(pe13, market.first(), 1, today, true, now),                      // V6: counted
                vacancy(nr1, market.second(), 2, today, false, now),                     // V7: would take Horizon's
                vacancy(underFives, market.second(), 1, today, false, now),              // V8: under-fives only
                vacancy(closed, market.second(), 1, today, true, now));                  // V9: closed setting

        String alpha = Tokens.forProvider(market.first().toString());
        String beta = Tokens.forProvider(market.second().toString());
        String r1 = calledOff(market.lot());
        String o1 = offer(r1, alpha, "2000.00", pe1);
        decline(r1, beta, "NO_VACANCY");
        String r2 = calledOff(market.lot());
        String o2 = offer(r2, alpha, "3000.00", pe13);
        offer(r2, beta, "2500.00", nr1);
        String r3 = calledOff(market.lot());
        decline(r3, alpha, "CANNOT_MEET_NEEDS");
        decline(r3, beta, "NO_VACANCY");
        String r4 = raise(market.lot(), OFFICER);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"reason\":\"Family found a relative\"}")
                .post("/referrals/" + r4 + "/cancellation").then().statusCode(200);
        String r5 = calledOff(market.lot());
        String o5 = offer(r5, alpha, "1000.00", null);
        String r6 = calledOff(market.lot());
        decline(r6, alpha, "LOCATION");
        String o6 = offer(r6, beta, "2500.00", nr1);
        String r7 = raise(market.lot(), PETERBOROUGH_OFFICER);
        given().auth().oauth2(PETERBOROUGH_OFFICER).contentType(ContentType.JSON).body("{\"reason\":\"Not needed\"}")
                .post("/referrals/" + r7 + "/cancellation").then().statusCode(200);

        // raised some days before the award (the test clock cannot go back): awarded within the hour of raising
        backdate(r1, 2);
        backdate(r2, 4);
        backdate(r5, 9);
        backdate(r6, 3);
        award(r1, o1);
        award(r2, o2);
        award(r5, o5);
        award(r6, o6);
        clock.moveOn(Duration.ofMinutes(61));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"reason\":\"No suitable offer\"}")
                .post("/referrals/" + r3 + "/unmet").then().statusCode(200);

        Instant raised = Instant.parse(given().auth().oauth2(OFFICER).get("/referrals/" + r4).then().statusCode(200)
                .extract().path("raisedAt"));
        FinancialQuarter quarter = FinancialQuarter.of(raised.atZone(PlatformClock.UK).toLocalDate());
        assertThat(FinancialQuarter.of(now.minus(Duration.ofDays(9)).atZone(PlatformClock.UK).toLocalDate()))
                .as("the data set stays within one quarter").isEqualTo(quarter);
        return new Data(market, group, quarter);
    }

    private void backdate(String referral, int days) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update referral set raised_at = raised_at - make_interval(days => ?1) where id = ?2")
                .setParameter(1, days).setParameter(2, UUID.fromString(referral)).executeUpdate());
    }

    private static VacancySnapshot vacancy(UUID setting, UUID provider, int places, LocalDate from, boolean emergency,
            Instant confirmedAt) {
        return new VacancySnapshot(UUID.randomUUID(), setting, provider, places, from, null, null, null, emergency,
                "OPEN", null, confirmedAt, confirmedAt);
    }

    private static void vacancies(VacancySnapshot... vacancies) {
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            for (VacancySnapshot v : vacancies) {
                events.sendEvent(EventCatalog.VACANCY_DECLARED, v.providerId(), v);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                VacancyView.count("vacancyId in ?1", List.of(vacancies).stream().map(VacancySnapshot::vacancyId)
                        .toList()) == vacancies.length));
    }

    private static String raise(UUID lot, String officer) {
        return given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"lotId": "%s", "ageBand": "11-15", "sex": "FEMALE", "needs": ["EMOTIONAL_BEHAVIOURAL"],
                 "postcodeDistrict": "PE29", "wantedStart": "2018-11-05", "placementPattern": "WEEKS_52"}
                """.formatted(lot)).post("/referrals").then().statusCode(201).extract().path("id");
    }

    private String calledOff(UUID lot) {
        String referral = raise(lot, OFFICER);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"respondBy\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }

    private static String offer(String referral, String provider, String core, UUID setting) {
        return given().auth().oauth2(provider).contentType(ContentType.JSON).body("""
                {"weeklyFee": {"core": %s, "additionalStaffing": 150.00, "education": 0, "therapy": 81.00},
                 "proposedStart": "2018-11-05", "homeReference": "Home", "needsMet": ["EMOTIONAL_BEHAVIOURAL"],
                 "settingId": %s}""".formatted(core, setting == null ? "null" : "\"" + setting + "\""))
                .post("/referrals/" + referral + "/offers").then().statusCode(201).extract().path("id");
    }

    private static void decline(String referral, String provider, String reason) {
        given().auth().oauth2(provider).contentType(ContentType.JSON).body("{\"reason\":\"" + reason + "\"}")
                .post("/referrals/" + referral + "/declines").then().statusCode(201);
    }

    private static void award(String referral, String offer) {
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"offerId": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}],
                 "justification": "The home nearest the child's school"}""".formatted(offer))
                .post("/referrals/" + referral + "/award").then().statusCode(201);
    }
}
