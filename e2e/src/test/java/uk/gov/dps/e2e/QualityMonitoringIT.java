package uk.gov.dps.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import uk.gov.dps.cli.DpsStack;
import uk.gov.dps.testing.LiveFeed;

/**
 * Across contract-monitoring-, provider- and placement-service: an Inadequate inspection recorded by an
 * Essex monitoring officer is visible to a Cambridgeshire monitoring officer, changes the provider's risk rating to
 * red with reasons, appears on the live feed (server-sent events) and on dps.quality, and the provider is then
 * excluded from the next call-off.
 */
class QualityMonitoringIT {

    private static final String MONITORING = "contract-monitoring-service";

    private static String commissioner;
    private static String placementOfficer;
    private static String essexMonitoring;
    private static String cambridgeshireMonitoring;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", "cambridgeshire");
        placementOfficer = RunningStack.token("placement-officer", "cambridgeshire");
        essexMonitoring = RunningStack.token("monitoring-officer", "essex");
        cambridgeshireMonitoring = RunningStack.token("monitoring-officer", "cambridgeshire");
    }

    @Test
    void anInadequateJudgementRecordedInEssexIsSharedRatedRedStreamedPublishedAndExcludesTheProvider()
            throws Exception {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Inadequate", "Good");
        String inadequate = lot.providers().get(0);
        String control = lot.providers().get(1);
        lot.providers().forEach(p -> lot.decide(commissioner, p, "ADMIT"));
        eventually("contract monitoring knows both providers", () -> lot.providers().stream().allMatch(p ->
                as(MONITORING, cambridgeshireMonitoring).get("/providers/" + p + "/quality").statusCode() == 200));
        eventually("placement-service would invite both", () -> eligible(lot).containsAll(lot.providers()));

        String setting = "SC" + Scenario.unique();
        LocalDate inspectedOn = LocalDate.now().minusDays(7);
        String reason = "Latest Ofsted judgement for setting " + setting + " is Inadequate (inspected " + inspectedOn
                + ")";
        try (LiveFeed feed = liveFeed(cambridgeshireMonitoring, "?provider=" + inadequate, null);
                KafkaConsumer<String, String> quality = Scenario.consumerAtEndOf("dps.quality")) {
            feed.awaitListening();

            String inspection = as(MONITORING, essexMonitoring).body("""
                    {"providerId": "%s", "settingUrn": "%s", "regulator": "OFSTED", "judgement": "INADEQUATE",
                     "inspectedOn": "%s", "reportReference": "E2E-%s"}""".formatted(inadequate, setting, inspectedOn,
                    Scenario.unique())).post("/inspections").then().statusCode(201).extract().path("id");

            // shared: the Cambridgeshire officer sees what Essex recorded
            JsonPath listed = as(MONITORING, cambridgeshireMonitoring).queryParam("provider", inadequate)
                    .get("/inspections").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(inspection), listed.getList("items.id"));
            assertEquals("essex", listed.getString("items[0].recordingCouncil"));

            // red, with the reason, kept as history
            JsonPath picture = as(MONITORING, cambridgeshireMonitoring).get("/providers/" + inadequate + "/quality")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("RED", picture.getString("risk.rating"));
            assertEquals(List.of(reason), picture.getList("risk.reasons"));
            assertEquals("RED", picture.getString("history[0].to"));
            assertEquals("essex", picture.getString("history[0].changedByCouncil"));

            // on the live feed, as committed
            JsonPath streamed = JsonPath.from(feed.await("dps.quality.inspection-recorded.v1").data());
            assertEquals(inspection, streamed.getString("payload.inspectionId"));
            assertEquals("essex", streamed.getString("payload.recordingCouncil"));
            JsonPath rating = JsonPath.from(feed.await("dps.quality.risk-rating-changed.v1").data());
            assertEquals("RED", rating.getString("payload.to"));
            assertEquals(List.of(reason), rating.getList("payload.reasons"));

            // on dps.quality, keyed by the provider
            ConsumerRecord<String, String> recorded = Scenario.awaitRecord(quality, r -> inadequate.equals(r.key())
                    && "dps.quality.inspection-recorded.v1".equals(Scenario.header(r, "ce_type")));
            assertEquals("contract-monitoring-service", Scenario.header(recorded, "ce_source"));
            assertEquals("INADEQUATE", JsonPath.from(recorded.value()).getString("judgement"));
            ConsumerRecord<String, String> changed = Scenario.awaitRecord(quality, r -> inadequate.equals(r.key())
                    && "dps.quality.risk-rating-changed.v1".equals(Scenario.header(r, "ce_type")));
            assertEquals("RED", JsonPath.from(changed.value()).getString("to"));
        }

        // provider-service suspends the provider; the next call-off invites only the other member
        eventually("provider-service suspends the provider", () -> "SUSPENDED".equals(as("provider-service",
                commissioner).get("/providers/" + inadequate).then().statusCode(200).extract()
                .path("memberships[0].status")));
        eventually("placement-service no longer offers it", () -> !eligible(lot).contains(inadequate));
        List<String> invited = callOff(lot);
        assertTrue(invited.contains(control), "invited " + invited);
        assertFalse(invited.contains(inadequate), "the Inadequate provider was invited: " + invited);
    }

    @Test
    void aDashboardThatReconnectsGetsWhatItMissedOnEveryPartitionThenTheLiveEventsNoneTwice() throws Exception {
        // providers' events are keyed by provider: seven of them spread over dps.quality's partitions
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Resume A", "Resume B", "Resume C", "Resume D",
                "Resume E", "Resume F", "Resume G");
        List<String> providers = lot.providers();
        eventually("contract monitoring knows the providers", () -> providers.stream().allMatch(p ->
                as(MONITORING, cambridgeshireMonitoring).get("/providers/" + p + "/quality").statusCode() == 200));
        String lastSeen;
        String first;
        try (LiveFeed feed = liveFeed(cambridgeshireMonitoring, "?type=dps.quality.inspection-recorded.v1", null)) {
            feed.awaitListening();
            first = recordGoodInspection(providers.get(0));
            lastSeen = feed.await(e -> e.data() != null && e.data().contains(first), "the first inspection").id();
        }
        List<String> missed = providers.subList(1, 6).stream().map(this::recordGoodInspection).toList();

        try (LiveFeed feed = liveFeed(cambridgeshireMonitoring, "?type=dps.quality.inspection-recorded.v1",
                lastSeen)) {
            // partitions are read one after another: the missed events come in order per provider, not overall
            eventually("every missed inspection arrives", () -> missed.stream().allMatch(i -> feed.received(i) > 0));
            String live = recordGoodInspection(providers.get(6));
            feed.await(e -> e.data() != null && e.data().contains(live), "the live inspection");
            // a marker per provider: a provider's events keep their order on its partition and on the feed, so a
            // copy of a missed (or earlier) inspection would come before the provider's marker
            List<String> markers = providers.subList(0, 6).stream().map(this::recordGoodInspection).toList();
            for (String marker : markers) {
                feed.await(e -> e.data() != null && e.data().contains(marker), "marker " + marker);
            }
            for (String inspection : missed) {
                assertEquals(1, feed.received(inspection), "inspection " + inspection + " on the feed");
            }
            assertEquals(0, feed.received(first), "the inspection seen before the break came again");
        }
    }

    private String recordGoodInspection(String provider) {
        return as(MONITORING, essexMonitoring).body("""
                {"providerId": "%s", "settingUrn": "SC%s", "regulator": "OFSTED", "judgement": "GOOD",
                 "inspectedOn": "%s", "reportReference": "E2E-%s"}""".formatted(provider, Scenario.unique(),
                LocalDate.now().minusDays(3), Scenario.unique())).post("/inspections").then().statusCode(201)
                .extract().path("id");
    }

    private List<String> eligible(OnboardedLot lot) {
        var response = as("placement-service", placementOfficer).get("/lots/" + lot.lotId() + "/eligible-providers");
        return response.statusCode() == 200 ? response.jsonPath().getList("items.providerId") : List.of();
    }

    /** Raises a referral to the lot, records the in-house check and calls off: who was invited. */
    private List<String> callOff(OnboardedLot lot) {
        String referral = as("placement-service", placementOfficer).body("""
                {"lotId": "%s", "category": "EMERGENCY", "ageBand": "11-15", "sex": "FEMALE",
                 "needs": ["EMOTIONAL_BEHAVIOURAL"], "postcodeDistrict": "PE13", "emergency": true,
                 "wantedStart": "%s", "placementPattern": "WEEKS_52"}""".formatted(lot.lotId(),
                LocalDate.now().plusDays(3))).post("/referrals").then().statusCode(201).extract().path("id");
        as("placement-service", placementOfficer).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        return as("placement-service", placementOfficer)
                .body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200).extract().jsonPath()
                .getList("providerId");
    }

    /** The monitoring live feed, as a dashboard reads it; resuming after {@code lastEventId} when not null. */
    private static LiveFeed liveFeed(String token, String query, String lastEventId) {
        return LiveFeed.resume(URI.create(DpsStack.service(MONITORING).baseUrl() + "/quality-events/stream" + query),
                token, lastEventId, Scenario.PATIENCE);
    }
}
