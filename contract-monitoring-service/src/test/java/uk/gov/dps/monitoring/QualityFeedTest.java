package uk.gov.dps.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.dps.monitoring.Monitoring.CAMBRIDGESHIRE_OFFICER;
import static uk.gov.dps.monitoring.Monitoring.ESSEX_OFFICER;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.gov.dps.testing.LiveFeed;
import uk.gov.dps.testing.Tokens;

/** The live feed over HTTP: who may listen, and what each listener gets. */
@QuarkusTest
class QualityFeedTest {

    private static final String STREAM = "/quality-events/stream";

    @BeforeEach
    void liveFeedIsListening() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void onlyPartnerCouncilsMonitoringOfficersAndCommissionersMayListen() {
        given().get(STREAM).then().statusCode(401);
        for (String token : new String[] {Tokens.forProvider(UUID.randomUUID().toString()), Monitoring.FINANCE_OFFICER,
                Tokens.forCouncil("placement-officer", "essex"), Monitoring.KENT_OFFICER}) {
            given().auth().oauth2(token).accept("text/event-stream").get(STREAM).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        try (LiveFeed feed = Monitoring.liveFeed(Monitoring.THURROCK_COMMISSIONER, STREAM)) {
            feed.awaitListening();
        }
    }

    @Test
    void anUnknownEventTypeOrProviderIdIsABadRequest() {
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("type", "dps.placement.awarded.v1").get(STREAM)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("type"));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("provider", "acme").get(STREAM)
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("provider"));
    }

    @Test
    void everyPartnerListeningGetsTheSameEventAndFiltersNarrowWhatEachGets() {
        UUID provider = Monitoring.registeredProvider("Thurrock Fostering Ltd");
        UUID other = Monitoring.registeredProvider("Grays Homes Ltd");
        try (LiveFeed all = Monitoring.liveFeed(CAMBRIDGESHIRE_OFFICER, STREAM);
                LiveFeed suffolk = Monitoring.liveFeed(Monitoring.SUFFOLK_OFFICER, STREAM + "?provider=" + provider);
                LiveFeed concernsOnly = Monitoring.liveFeed(Monitoring.SUFFOLK_OFFICER,
                        STREAM + "?provider=" + provider + "&type=dps.quality.concern-raised.v1")) {
            all.awaitListening();
            suffolk.awaitListening();
            concernsOnly.awaitListening();

            Monitoring.recordInspection(ESSEX_OFFICER, other, "SC720001", "GOOD", LocalDate.of(2018, 12, 1));
            String inspection = Monitoring.recordInspection(ESSEX_OFFICER, provider, "SC720002", "GOOD",
                    LocalDate.of(2018, 12, 3));
            String concern = Monitoring.raiseConcern(ESSEX_OFFICER, provider, "LOW", "Late notification");

            LiveFeed.Event otherOnAll = all.await(e -> "dps.quality.inspection-recorded.v1".equals(e.name())
                    && other.toString().equals(JsonPath.from(e.data()).getString("providerId")), "the other provider's inspection");
            assertThat(JsonPath.from(otherOnAll.data()).getString("payload.settingUrn")).isEqualTo("SC720001");

            LiveFeed.Event onSuffolk = suffolk.await("dps.quality.inspection-recorded.v1");
            assertThat(JsonPath.from(onSuffolk.data()).getString("payload.inspectionId")).isEqualTo(inspection);
            LiveFeed.Event concernOnSuffolk = suffolk.await("dps.quality.concern-raised.v1");
            assertThat(JsonPath.from(concernOnSuffolk.data()).getString("payload.concernId")).isEqualTo(concern);
            assertThat(JsonPath.from(concernOnSuffolk.data()).getString("payload.raisingCouncil")).isEqualTo("essex");

            LiveFeed.Event onlyConcern = concernsOnly.await(e -> e.name() != null, "any event");
            assertThat(onlyConcern.name()).isEqualTo("dps.quality.concern-raised.v1");
            assertThat(onlyConcern.id()).isEqualTo(concernOnSuffolk.id());

            // a later concern marks the end: every listener shares the feed's one order, and the "all" listener
            // already has the other provider's inspection, so each stream got or dropped it before the marker
            String marker = Monitoring.raiseConcern(ESSEX_OFFICER, provider, "LOW", "Marker");
            LiveFeed.Event markerOnSuffolk = suffolk.await(e -> e.data() != null && e.data().contains(marker),
                    "the marker");
            LiveFeed.Event markerOnConcerns = concernsOnly.await(e -> e.data() != null && e.data().contains(marker),
                    "the marker");
            // the provider filter kept the other provider's inspection off Suffolk's feed
            assertThat(suffolk.eventsUpTo(markerOnSuffolk)).noneMatch(e -> e.data().contains(other.toString()));
            // and the type filter kept the inspection off the concerns-only feed
            assertThat(concernsOnly.eventsUpTo(markerOnConcerns)).extracting(LiveFeed.Event::id)
                    .containsExactly(onlyConcern.id(), markerOnConcerns.id());
        }
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsWhatItMissedThenTheLiveEventsNoneTwice() {
        UUID provider = Monitoring.registeredProvider("Reconnecting Care Ltd");
        String path = STREAM + "?provider=" + provider;
        String lastSeen;
        try (LiveFeed feed = Monitoring.liveFeed(CAMBRIDGESHIRE_OFFICER, path)) {
            feed.awaitListening();
            Monitoring.recordInspection(ESSEX_OFFICER, provider, "SC730001", "GOOD", LocalDate.of(2018, 12, 3));
            lastSeen = feed.await("dps.quality.inspection-recorded.v1").id();
        }
        // recorded while the officer's dashboard was away
        String missedConcern = Monitoring.raiseConcern(ESSEX_OFFICER, provider, "LOW", "Late notification");
        String missedInspection = Monitoring.recordInspection(ESSEX_OFFICER, provider, "SC730002", "GOOD",
                LocalDate.of(2018, 12, 10));

        try (LiveFeed feed = Monitoring.liveFeed(CAMBRIDGESHIRE_OFFICER, path, lastSeen)) {
            LiveFeed.Event concern = feed.await("dps.quality.concern-raised.v1");
            assertThat(JsonPath.from(concern.data()).getString("payload.concernId")).isEqualTo(missedConcern);
            LiveFeed.Event inspection = feed.await("dps.quality.inspection-recorded.v1");
            assertThat(JsonPath.from(inspection.data()).getString("payload.inspectionId")).isEqualTo(missedInspection);

            String liveConcern = Monitoring.raiseConcern(ESSEX_OFFICER, provider, "LOW", "Missing signature");
            LiveFeed.Event live = feed.await(e -> e.data() != null && e.data().contains(liveConcern),
                    "the live concern");
            assertThat(live.name()).isEqualTo("dps.quality.concern-raised.v1");
            // one provider's events keep their order (one key, one partition): up to the live one, the event it had
            // before it went away did not come again and the missed ones came once each
            List<LiveFeed.Event> upToLive = feed.eventsUpTo(live);
            assertThat(upToLive).filteredOn(e -> e.data().contains("SC730001")).isEmpty();
            assertThat(upToLive).filteredOn(e -> e.data().contains(missedConcern)).hasSize(1);
            assertThat(upToLive).filteredOn(e -> e.data().contains(missedInspection)).hasSize(1);
        }
    }

    @Test
    void aLastEventIdThatIsNotOneOfTheFeedsIsABadRequest() {
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).header("Last-Event-ID", "yesterday").get(STREAM).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Last-Event-ID"));
    }
}
