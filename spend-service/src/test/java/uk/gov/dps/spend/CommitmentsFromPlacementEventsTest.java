package uk.gov.dps.spend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.spend.SpendFixtures.WAIT;
import static uk.gov.dps.spend.SpendFixtures.award;
import static uk.gov.dps.spend.SpendFixtures.awaitCommitted;
import static uk.gov.dps.spend.SpendFixtures.createBudget;
import static uk.gov.dps.spend.SpendFixtures.fee;
import static uk.gov.dps.spend.SpendFixtures.position;
import static uk.gov.dps.spend.SpendFixtures.shares;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.PlacementFeeChanged;
import uk.gov.dps.events.placement.PlacementStarted;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.TopicReader;
import uk.gov.dps.spend.service.LedgerMaintenance;

/**
 * Commitments follow placement-service's events on dps.placements: the "done when" at service level. Each
 * test books its placements to a lot of its own, and budget lines scoped to that lot, so tests never see each
 * other's figures.
 */
@QuarkusTest
class CommitmentsFromPlacementEventsTest {

    private static final String COUNCIL = "cambridgeshire";

    @Inject
    LedgerMaintenance maintenance;

    @Inject
    EntityManager em;

    @Test
    void anAwardSplitSixtyFortyRaisesBothLinesAndAFeeChangeAndAnEndMoveTheForecast() {
        UUID lot = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        String hnb = createBudget(COUNCIL, 2018, "HIGH_NEEDS_BLOCK", "50000.00", lot, null);
        String lac = createBudget(COUNCIL, 2018, "LAC_PLACEMENTS", "30000.00", lot, null);
        try (RawEvents events = SpendFixtures.events()) {
            // Residential, 52 weeks, £2,531 a week from Monday 5 Nov 2018, 60% HNB / 40% LAC.
            // 5 Nov 2018 - 31 Mar 2019 = 26 + 31 + 31 + 28 + 31 = 147 days = 21 weeks: 21 x £2,531 = £53,151.00
            // HNB: 60% = £31,890.60; LAC: 40% = £21,260.40
            PlacementAwarded awarded = award(placement, COUNCIL, lot, UUID.randomUUID(), "RESIDENTIAL", fee("2531.00"),
                    "WEEKS_52", "2018-11-05", shares("HIGH_NEEDS_BLOCK", 60, "LAC_PLACEMENTS", 40));
            String awardId = SpendFixtures.sendAward(events, awarded);
            JsonPath hnbPosition = awaitCommitted(COUNCIL, hnb, "31890.60");
            assertThat(hnbPosition.getString("forecastOutturn")).isEqualTo("31890.60");
            assertThat(hnbPosition.getString("spentToDate")).isEqualTo("0.00"); // it starts after 9 Oct 2018
            assertThat(hnbPosition.getString("variance")).isEqualTo("18109.40"); // £50,000 - £31,890.60
            assertThat(hnbPosition.getString("status")).isEqualTo("WITHIN"); // 63.78%
            JsonPath lacPosition = awaitCommitted(COUNCIL, lac, "21260.40");
            assertThat(lacPosition.getString("status")).isEqualTo("WITHIN"); // 70.87% of £30,000

            // Uplift to £2,600 from Monday 7 Jan 2019: 63 days (9 weeks) at £2,531 = £22,779, then
            // 84 days (12 weeks) at £2,600 = £31,200: £53,979.00. HNB £32,387.40, LAC £21,591.60
            String feeId = events.sendEvent(EventCatalog.PLACEMENT_FEE_CHANGED, placement, new PlacementFeeChanged(
                    placement, COUNCIL, LocalDate.parse("2019-01-07"), fee("2600.00"), "Annual uplift"));
            awaitCommitted(COUNCIL, hnb, "32387.40");
            assertThat(awaitCommitted(COUNCIL, lac, "21591.60").getString("forecastOutturn")).isEqualTo("21591.60");

            // Ends Sunday 17 Feb 2019: 9 weeks at £2,531 + 42 days (6 weeks) at £2,600 = £22,779 + £15,600 =
            // £38,379.00. HNB £23,027.40, LAC £15,351.60
            String endId = events.sendEvent(EventCatalog.PLACEMENT_ENDED, placement, new PlacementEnded(placement,
                    COUNCIL, awarded.providerId(), LocalDate.parse("2019-02-17"), "PLANNED", "STEP_DOWN_TO_FOSTERING"));
            awaitCommitted(COUNCIL, hnb, "23027.40");
            awaitCommitted(COUNCIL, lac, "15351.60");
            String before = position(COUNCIL, hnb).prettify() + position(COUNCIL, lac).prettify();

            // the same three events again (a broker redelivery: same ids) are skipped ...
            long duplicates = SpendFixtures.inboxCount("duplicate");
            events.sendEvent(awardId, EventCatalog.PLACEMENT_AWARDED, placement, awarded);
            events.sendEvent(feeId, EventCatalog.PLACEMENT_FEE_CHANGED, placement, new PlacementFeeChanged(placement,
                    COUNCIL, LocalDate.parse("2019-01-07"), fee("2600.00"), "Annual uplift"));
            events.sendEvent(endId, EventCatalog.PLACEMENT_ENDED, placement, new PlacementEnded(placement, COUNCIL,
                    awarded.providerId(), LocalDate.parse("2019-02-17"), "PLANNED", "STEP_DOWN_TO_FOSTERING"));
            SpendFixtures.awaitInboxCount("duplicate", duplicates + 3);
            // ... and the award republished under a new id (a producer retry) is applied but changes nothing
            long applied = SpendFixtures.inboxCount("applied");
            SpendFixtures.sendAward(events, awarded);
            SpendFixtures.awaitInboxCount("applied", applied + 1);
            assertThat(position(COUNCIL, hnb).prettify() + position(COUNCIL, lac).prettify()).isEqualTo(before);
            assertThat(position(COUNCIL, hnb).getString("committed")).isEqualTo("23027.40");
        }
    }

    @Test
    void aWholeLifecycleArrivingAtOnceGivesTheSameFiguresAsOneEventAtATime() {
        UUID lot = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        String hnb = createBudget(COUNCIL, 2018, "HIGH_NEEDS_BLOCK", "50000.00", lot, null);
        String lac = createBudget(COUNCIL, 2018, "LAC_PLACEMENTS", "30000.00", lot, null);
        PlacementAwarded awarded = award(placement, COUNCIL, lot, UUID.randomUUID(), "RESIDENTIAL", fee("2531.00"),
                "WEEKS_52", "2018-11-05", shares("HIGH_NEEDS_BLOCK", 60, "LAC_PLACEMENTS", 40));
        try (RawEvents events = SpendFixtures.events()) {
            // as a replay or a backlog delivers them: in one poll, applied in one transaction
            events.sendEventWithoutWaiting(EventCatalog.PLACEMENT_AWARDED, placement, awarded);
            events.sendEventWithoutWaiting(EventCatalog.PLACEMENT_FEE_CHANGED, placement, new PlacementFeeChanged(
                    placement, COUNCIL, LocalDate.parse("2019-01-07"), fee("2600.00"), "Annual uplift"));
            events.sendEventWithoutWaiting(EventCatalog.PLACEMENT_ENDED, placement, new PlacementEnded(placement,
                    COUNCIL, awarded.providerId(), LocalDate.parse("2019-02-17"), "PLANNED", "STEP_DOWN_TO_FOSTERING"));
            events.flush();
        }
        // the figures of the test above, event by event
        awaitCommitted(COUNCIL, hnb, "23027.40");
        assertThat(awaitCommitted(COUNCIL, lac, "15351.60").getString("forecastOutturn")).isEqualTo("15351.60");
    }

    @Test
    void spentToDateIsTheElapsedTimeAndTheForecastCrossingNinetyPercentRaisesABudgetAlert() {
        UUID lot = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        String line = createBudget(COUNCIL, 2018, "LAC_PLACEMENTS", "36000.00", lot, null);
        try (RawEvents events = SpendFixtures.events()) {
            // IFA, 52 weeks, £1,000 a week, planned for 10 Sep but started Monday 3 Sep 2018, all LAC.
            // Committed: 3 Sep 2018 - 31 Mar 2019 = 28+31+30+31+31+28+31 = 210 days = 30 weeks = £30,000.00
            // Spent to date, 3 Sep - 9 Oct 2018 inclusive: 37 days = £1,000 x 37/7 = £5,285.714 -> £5,285.71
            SpendFixtures.sendAward(events, award(placement, COUNCIL, lot, UUID.randomUUID(), "IFA", fee("1000.00"),
                    "WEEKS_52", "2018-09-10", shares("LAC_PLACEMENTS", 100)));
            events.sendEvent(EventCatalog.PLACEMENT_STARTED, placement,
                    new PlacementStarted(placement, COUNCIL, UUID.randomUUID(), LocalDate.parse("2018-09-03")));
            JsonPath position = awaitCommitted(COUNCIL, line, "30000.00");
            assertThat(position.getString("spentToDate")).isEqualTo("5285.71");
            // nothing invoiced yet: the whole commitment remains
            assertThat(position.getString("remainingCommitment")).isEqualTo("30000.00");
            assertThat(position.getString("forecastOutturn")).isEqualTo("30000.00");
            assertThat(position.getString("forecastPercentOfBudget")).isEqualTo("83.33");
            assertThat(position.getString("status")).isEqualTo("WITHIN");

            // £1,400 from 7 Jan 2019: 18 weeks x £1,000 + 12 weeks x £1,400 = £34,800.00 = 96.67% of £36,000
            events.sendEvent(EventCatalog.PLACEMENT_FEE_CHANGED, placement, new PlacementFeeChanged(placement,
                    COUNCIL, LocalDate.parse("2019-01-07"), fee("1400.00"), "Additional staffing"));
            position = awaitCommitted(COUNCIL, line, "34800.00");
            assertThat(position.getString("status")).isEqualTo("AT_RISK");
            assertThat(position.getString("variance")).isEqualTo("1200.00");
        }
        try (TopicReader spend = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.SPEND)) {
            ConsumerRecord<String, String> alert = spend.await(r -> line.equals(r.key()), WAIT);
            assertThat(header(alert, "ce_type")).isEqualTo("dps.spend.threshold-crossed.v1");
            assertThat(alert.value()).contains("\"subjectType\":\"BUDGET\"").contains("\"thresholdPercent\":90")
                    .contains("\"amount\":34800.00").contains("\"limit\":36000.00");
        }
        given().auth().oauth2(SpendFixtures.finance(COUNCIL)).queryParam("active", true).queryParam("size", 200)
                .get("/alerts").then().statusCode(200)
                .body("items.findAll { it.subjectId == '" + line + "' }.thresholdPercent",
                        org.hamcrest.Matchers.contains(90));
    }

    @Test
    void aCouncilWideLineCountsEveryLotOfItsStreamAndSpotPurchasesToo() {
        String council = "thurrock";
        String line = createBudget(council, 2018, "HEALTH", "20000.00", null, null);
        try (RawEvents events = SpendFixtures.events()) {
            // two placements in two lots, health paying 25% of each:
            // £2,000 x 21 weeks (5 Nov - 31 Mar) = £42,000 -> health £10,500.00
            UUID first = UUID.randomUUID();
            SpendFixtures.sendAward(events, award(first, council, UUID.randomUUID(), UUID.randomUUID(), "RESIDENTIAL",
                    fee("2000.00"), "WEEKS_52", "2018-11-05", shares("LAC_PLACEMENTS", 75, "HEALTH", 25)));
            // a spot purchase outside any lot, £820 x 17 weeks (3 Dec - 31 Mar: 29+31+28+31 = 119 days) = £13,940
            // -> health £3,485.00; together £13,985.00
            UUID spot = UUID.randomUUID();
            events.sendEvent(EventCatalog.SPOT_PURCHASE_MADE, spot, new uk.gov.dps.events.placement.SpotPurchaseMade(
                    spot, council, UUID.randomUUID(), null, "IFA", null, "Fenland Fostering Ltd", fee("820.00"),
                    "WEEKS_52", LocalDate.parse("2018-12-03"), shares("LAC_PLACEMENTS", 75, "HEALTH", 25),
                    java.time.Instant.parse("2018-11-30T16:00:00Z")));
            awaitCommitted(council, line, "13985.00");
        }
    }

    @Test
    void rebuildingTheLedgerFromThePlacementsGivesTheSamePositions() {
        UUID lot = UUID.randomUUID();
        String line = createBudget(COUNCIL, 2019, "LAC_PLACEMENTS", "100000.00", lot, null);
        try (RawEvents events = SpendFixtures.events()) {
            // open-ended, £700 a week from Monday 5 Nov 2018: the 2019/20 year holds 366 days (29 Feb 2020):
            // £700 x 366 / 7 = £36,600.00
            SpendFixtures.sendAward(events, award(UUID.randomUUID(), COUNCIL, lot, UUID.randomUUID(), "IFA",
                    fee("700.00"), "WEEKS_52", "2018-11-05", shares("LAC_PLACEMENTS", 100)));
            awaitCommitted(COUNCIL, line, "36600.00");
        }
        String before = position(COUNCIL, line).prettify();
        // as if the term calendar had changed: the ledger is emptied and refilled from the tracked placements
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE ledger_basis SET fingerprint = 'changed'").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> maintenance.rebuildIfBasisChanged());
        assertThat(position(COUNCIL, line).prettify()).isEqualTo(before);
    }

    @Test
    void openEndedPlacementsAreCarriedIntoTheNextYearWhenTheYearTurns() {
        UUID lot = UUID.randomUUID();
        String thisYear = createBudget(COUNCIL, 2018, "LAC_PLACEMENTS", "100000.00", lot, null);
        String line = createBudget(COUNCIL, 2020, "LAC_PLACEMENTS", "100000.00", lot, null);
        try (RawEvents events = SpendFixtures.events()) {
            // open-ended from 5 Nov 2018: this year (21 weeks x £700 = £14,700) and next are kept, not 2020/21
            SpendFixtures.sendAward(events, award(UUID.randomUUID(), COUNCIL, lot, UUID.randomUUID(), "IFA",
                    fee("700.00"), "WEEKS_52", "2018-11-05", shares("LAC_PLACEMENTS", 100)));
            awaitCommitted(COUNCIL, thisYear, "14700.00");
        }
        assertThat(position(COUNCIL, line).getString("committed")).isEqualTo("0.00");
        // on 2 April 2019 the figures reach 2020/21: 365 days x £700 / 7 = £36,500.00
        assertThat(maintenance.rollForwardAsOf(LocalDate.parse("2019-04-02"))).isPositive();
        assertThat(position(COUNCIL, line).getString("committed")).isEqualTo("36500.00");
    }

    @Test
    void anEventThatCanNeverBeAppliedIsParkedAndTheNextOneStillIs() {
        UUID lot = UUID.randomUUID();
        String line = createBudget(COUNCIL, 2018, "LAC_PLACEMENTS", "10000.00", lot, null);
        UUID unknown = UUID.randomUUID();
        UUID badShares = UUID.randomUUID();
        try (RawEvents events = SpendFixtures.events()) {
            events.sendEvent(EventCatalog.PLACEMENT_FEE_CHANGED, unknown, new PlacementFeeChanged(unknown, COUNCIL,
                    LocalDate.parse("2019-01-07"), fee("100.00"), "No such placement"));
            SpendFixtures.sendAward(events, award(badShares, COUNCIL, lot, UUID.randomUUID(), "IFA", fee("100.00"),
                    "WEEKS_52", "2018-11-05", shares("LAC_PLACEMENTS", 60, "HEALTH", 30)));
            // then a good one: 21 weeks x £100 = £2,100.00
            SpendFixtures.sendAward(events, award(UUID.randomUUID(), COUNCIL, lot, UUID.randomUUID(), "IFA",
                    fee("100.00"), "WEEKS_52", "2018-11-05", shares("LAC_PLACEMENTS", 100)));
            awaitCommitted(COUNCIL, line, "2100.00");
        }
        try (TopicReader dlq = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(),
                Topics.deadLetter(Topics.PLACEMENTS))) {
            assertThat(dlq.await(r -> unknown.toString().equals(r.key()), WAIT).value()).contains("No such placement");
            dlq.await(r -> badShares.toString().equals(r.key()), WAIT);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
