package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.Topics;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Withdrawing or amending an offer is announced on dps.placements, keyed by the referral, like the offer itself. */
@QuarkusTest
class OfferChangeEventsTest {

    @Test
    void aWithdrawalAndAnAmendmentArePublishedWithWhatChangedAndARefusedChangePublishesNothing() throws Exception {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String first = Tokens.forProvider(market.first().toString());
        String second = Tokens.forProvider(market.second().toString());
        String referral = CallOffFixtures.calledOff(market.lot());
        String firstOffer = CallOffFixtures.offer(referral, market.first(), "2300.00");
        String secondOffer = CallOffFixtures.offer(referral, market.second(), "2000.00");

        // refused (another provider's offer): no event
        given().auth().oauth2(second).contentType(ContentType.JSON).body("{\"reason\":\"Mischief\"}")
                .post("/referrals/" + referral + "/offers/" + firstOffer + "/withdrawal").then().statusCode(403);
        given().auth().oauth2(first).contentType(ContentType.JSON).body("""
                {"weeklyFee": {"core": 1800.00, "therapy": 81.00}, "proposedStart": "2018-11-12",
                 "homeReference": "Home-9", "needsMet": ["EMOTIONAL_BEHAVIOURAL", "MISSING_EPISODES"],
                 "reason": "Sibling discount"}""")
                .put("/referrals/" + referral + "/offers/" + firstOffer).then().statusCode(200);
        given().auth().oauth2(second).contentType(ContentType.JSON).body("{\"reason\":\"Vacancy filled\"}")
                .post("/referrals/" + referral + "/offers/" + secondOffer + "/withdrawal").then().statusCode(200);

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            topic.await(r -> referral.equals(r.key()) && "dps.referral.offer-withdrawn.v1".equals(type(r)),
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> events = topic.seen().stream()
                    .filter(r -> referral.equals(r.key())).toList();
            assertThat(events).extracting(OfferChangeEventsTest::type).containsExactly("dps.referral.raised.v1",
                    "dps.referral.called-off.v1", "dps.referral.offer-submitted.v1", "dps.referral.offer-submitted.v1",
                    "dps.referral.offer-amended.v1", "dps.referral.offer-withdrawn.v1");

            JsonNode amended = EventJson.mapper().readTree(events.get(4).value());
            assertThat(amended.get("offerId").asText()).isEqualTo(firstOffer);
            assertThat(amended.get("providerId").asText()).isEqualTo(market.first().toString());
            assertThat(amended.get("council").asText()).isEqualTo("cambridgeshire");
            assertThat(amended.at("/weeklyFee/total").decimalValue()).isEqualByComparingTo("1881.00");
            assertThat(amended.get("proposedStart").asText()).isEqualTo("2018-11-12");
            assertThat(amended.get("homeReference").asText()).isEqualTo("Home-9");
            assertThat(amended.get("needsMet")).extracting(JsonNode::asText)
                    .containsExactly("EMOTIONAL_BEHAVIOURAL", "MISSING_EPISODES");
            assertThat(amended.get("reason").asText()).isEqualTo("Sibling discount");
            assertThat(amended.get("amendedAt").asText()).isNotBlank();

            JsonNode withdrawn = EventJson.mapper().readTree(events.get(5).value());
            assertThat(withdrawn.get("offerId").asText()).isEqualTo(secondOffer);
            assertThat(withdrawn.get("providerId").asText()).isEqualTo(market.second().toString());
            assertThat(withdrawn.get("council").asText()).isEqualTo("cambridgeshire");
            assertThat(withdrawn.get("reason").asText()).isEqualTo("Vacancy filled");
            assertThat(withdrawn.get("withdrawnAt").asText()).isNotBlank();
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
