package uk.gov.dps.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static uk.gov.dps.monitoring.Monitoring.CAMBRIDGESHIRE_OFFICER;
import static uk.gov.dps.monitoring.Monitoring.ESSEX_OFFICER;
import static uk.gov.dps.monitoring.Monitoring.SUFFOLK_OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.gov.dps.events.Topics;
import uk.gov.dps.testing.LiveFeed;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.TopicReader;

/**
 * The "done when", at service level: an Inadequate inspection recorded by an Essex monitoring officer is
 * visible to a Cambridgeshire monitoring officer, changes the risk rating to red with reasons, appears on the live
 * feed and on dps.quality (where provider-service picks it up to suspend the provider).
 */
@QuarkusTest
class SharedQualityMonitoringTest {

    private static final LocalDate INSPECTED = LocalDate.of(2018, 12, 14);
    private static final String REASON = "Latest Ofsted judgement for setting SC654321 is Inadequate (inspected 2018-12-14)";

    @BeforeEach
    void liveFeedIsListening() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void anInadequateJudgementRecordedInEssexIsSharedRatedRedStreamedAndPublished() throws Exception {
        UUID provider = Monitoring.registeredProvider("Colchester Children's Homes Ltd");
        assertThat(Monitoring.rating(provider)).isEqualTo("GREEN");

        try (LiveFeed feed = Monitoring.liveFeed(CAMBRIDGESHIRE_OFFICER, "/quality-events/stream?provider=" + provider);
                TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.QUALITY)) {
            feed.awaitListening();

            String inspection = given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON)
                    .body(Monitoring.inspection(provider, "sc654321", "INADEQUATE", INSPECTED)).post("/inspections")
                    .then().statusCode(201)
                    .body("settingUrn", equalTo("SC654321")).body("recordingCouncil", equalTo("essex"))
                    .body("recordedBy", equalTo("monitoring-officer@essex"))
                    .extract().path("id");

            // shared: a Cambridgeshire officer sees Essex's record
            given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("provider", provider.toString())
                    .get("/inspections").then().statusCode(200)
                    .body("items.id", contains(inspection)).body("items[0].judgement", equalTo("INADEQUATE"))
                    .body("items[0].recordingCouncil", equalTo("essex"));

            // red, with the reason, and the change kept as history
            given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/providers/" + provider + "/quality").then()
                    .statusCode(200)
                    .body("name", equalTo("Colchester Children's Homes Ltd"))
                    .body("risk.rating", equalTo("RED")).body("risk.reasons", contains(REASON))
                    .body("currentJudgements.id", contains(inspection))
                    .body("history[0].from", equalTo("GREEN")).body("history[0].to", equalTo("RED"))
                    .body("history[0].reasons", contains(REASON))
                    .body("history[0].cause", equalTo("Inspection recorded"))
                    .body("history[0].changedByCouncil", equalTo("essex"));

            // the live feed shows both events as they were committed
            LiveFeed.Event recorded = feed.await("dps.quality.inspection-recorded.v1");
            JsonPath recordedData = JsonPath.from(recorded.data());
            assertThat(recordedData.getString("providerId")).isEqualTo(provider.toString());
            assertThat(recordedData.getString("payload.inspectionId")).isEqualTo(inspection);
            assertThat(recordedData.getString("payload.judgement")).isEqualTo("INADEQUATE");
            assertThat(recordedData.getString("payload.recordingCouncil")).isEqualTo("essex");
            LiveFeed.Event changed = feed.await("dps.quality.risk-rating-changed.v1");
            JsonPath changedData = JsonPath.from(changed.data());
            assertThat(changedData.getString("payload.from")).isEqualTo("GREEN");
            assertThat(changedData.getString("payload.to")).isEqualTo("RED");
            assertThat(changedData.getList("payload.reasons")).containsExactly(REASON);

            // and on dps.quality, keyed by provider, in order, with the same CloudEvents ids as the feed's data
            ConsumerRecord<String, String> onTopic = topic.await(r -> provider.toString().equals(r.key())
                    && "dps.quality.inspection-recorded.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(header(onTopic, "ce_id")).isEqualTo(recordedData.getString("id"));
            assertThat(recorded.id()).isEqualTo("0:" + (onTopic.offset() + 1)); // the feed's position after it
            assertThat(header(onTopic, "ce_source")).isEqualTo("contract-monitoring-service");
            assertThat(JsonPath.from(onTopic.value()).getString("judgement")).isEqualTo("INADEQUATE");
            ConsumerRecord<String, String> ratingOnTopic = topic.await(r -> provider.toString().equals(r.key())
                    && "dps.quality.risk-rating-changed.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(header(ratingOnTopic, "ce_id")).isEqualTo(changedData.getString("id"));
            assertThat(ratingOnTopic.offset()).isGreaterThan(onTopic.offset());
            assertThat(JsonPath.from(ratingOnTopic.value()).getString("to")).isEqualTo("RED");
        }

        // who recorded what: the provider's audit trail, readable by any partner
        given().auth().oauth2(SUFFOLK_OFFICER).get("/providers/" + provider + "/audit").then().statusCode(200)
                .body("items.action", contains("INSPECTION_RECORDED", "RISK_RATING_CHANGED"))
                .body("items[0].actor", equalTo("monitoring-officer@essex"))
                .body("items[0].actorCouncil", equalTo("essex"))
                .body("items[0].details.judgement", equalTo("INADEQUATE"));
    }

    @Test
    void theMonitoringListPutsTheRedProviderAmongTheRedOnes() {
        UUID provider = Monitoring.registeredProvider("Harlow Care Ltd");
        Monitoring.recordInspection(ESSEX_OFFICER, provider, "SC700001", "INADEQUATE", INSPECTED);
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("rating", "red").queryParam("size", 200)
                .get("/providers").then().statusCode(200)
                .body("items.providerId", hasItems(provider.toString()));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("rating", "green").queryParam("size", 200)
                .get("/providers").then().statusCode(200)
                .body("items.providerId", org.hamcrest.Matchers.not(hasItems(provider.toString())));
    }

    @Test
    void aLaterGoodJudgementOfTheSameSettingReplacesTheInadequateOneAndTheRatingGoesBack() {
        UUID provider = Monitoring.registeredProvider("Basildon Homes Ltd");
        Monitoring.recordInspection(ESSEX_OFFICER, provider, "SC700002", "INADEQUATE", LocalDate.of(2018, 6, 1));
        // an older inspection recorded late does not override the newer judgement
        Monitoring.recordInspection(SUFFOLK_OFFICER, provider, "SC700002", "GOOD", LocalDate.of(2017, 6, 1));
        assertThat(Monitoring.rating(provider)).isEqualTo("RED");

        Monitoring.recordInspection(SUFFOLK_OFFICER, provider, "SC700002", "GOOD", LocalDate.of(2018, 12, 10));
        JsonPath quality = Monitoring.quality(provider);
        assertThat(quality.getString("risk.rating")).isEqualTo("GREEN");
        assertThat(quality.getList("currentJudgements.judgement")).containsExactly("GOOD");
        assertThat(quality.getList("history.to")).containsExactly("GREEN", "RED");
        assertThat(quality.getList("history.cause")).containsExactly("Inspection recorded", "Inspection recorded");
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/providers/" + provider + "/risk-history").then()
                .statusCode(200).body("items.to", contains("GREEN", "RED")).body("items[0].changedByCouncil",
                        equalTo("suffolk"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
