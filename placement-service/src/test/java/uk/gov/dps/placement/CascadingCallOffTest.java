package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import uk.gov.dps.events.Topics;
import uk.gov.dps.placement.service.CascadeService;
import uk.gov.dps.testing.MetricsScrape;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;
import uk.gov.dps.testing.AdjustableClock;

/** A tiered lot cascades: TIER_1 first, TIER_2 when TIER_1's window closes without an offer. */
@QuarkusTest
class CascadingCallOffTest {

    @Inject
    CascadeService cascade;

    @Inject
    AdjustableClock clock;

    @Test
    void theNextTierIsInvitedOnlyWhenTheWindowClosesWithoutAnOffer() {
        CallOffFixtures.Market market = CallOffFixtures.tieredMarket();
        String referral = CallOffFixtures.raise(market.lot());
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"cascadeWindow\":\"PT1H\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200)
                .body("providerId", contains(market.first().toString())).body("tier", contains("TIER_1"));

        // the window is still open: nothing moves
        advance(referral);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then()
                .body("providerId", contains(market.first().toString()));

        double closedBefore = windowsClosedWithoutOffer();
        clock.moveOn(Duration.ofMinutes(61));
        advance(referral);
        // counted for ops' business dashboard (other tests' windows may close on the moved clock too)
        assertThat(windowsClosedWithoutOffer()).isGreaterThanOrEqualTo(closedBefore + 1);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then()
                .body("providerId", containsInAnyOrder(market.first().toString(), market.second().toString()));
        // TIER_1's window is closed for TIER_1; TIER_2 may offer in its own window
        given().auth().oauth2(Tokens.forProvider(market.first().toString())).contentType(ContentType.JSON)
                .body(offer()).post("/referrals/" + referral + "/offers").then().statusCode(422);
        CallOffFixtures.offer(referral, market.second(), "790.00");

        clock.moveOn(Duration.ofMinutes(61));
        advance(referral);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then()
                .body("size()", org.hamcrest.Matchers.equalTo(2));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/evaluation").then()
                .body("providerId", contains(market.second().toString()));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> second = topic.await(r -> referral.equals(r.key())
                    && "dps.referral.called-off.v1".equals(header(r, "ce_type")) && r.value().contains("TIER_2"),
                    Duration.ofSeconds(30));
            assertThat(second.value()).contains(market.second().toString()).doesNotContain(market.first().toString());
        }
    }

    @Test
    void aCascadeNeedsATieredLotAndAPositiveWindow() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.raise(market.lot());
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"cascadeWindow\":\"PT24H\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(400)
                .body("errors.field", hasItem("cascadeWindow"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"cascadeWindow\":\"-PT1H\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(400);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"cascadeWindow\":\"PT9999999999999H\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(400)
                .body("errors.field", hasItem("cascadeWindow"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(400)
                .body("errors.field", hasItem("respondBy"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then()
                .body("status", org.hamcrest.Matchers.equalTo("RAISED"));
    }

    private static double windowsClosedWithoutOffer() {
        return MetricsScrape.parse(given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString())
                .value("dps_calloff_windows_closed_without_offer_total", Map.of("service", "placement-service"));
    }

    private void advance(String referral) {
        QuarkusTransaction.requiringNew().run(() -> cascade.advance(UUID.fromString(referral)));
    }

    private static String offer() {
        return "{\"weeklyFee\":{\"core\":800.00},\"proposedStart\":\"2018-11-05\",\"homeReference\":\"Carer-3\"}";
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
