package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import uk.gov.dps.events.Topics;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Start, fee changes and end of a placement; exemptions and spot purchases (as of 22 October 2018). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PlacementLifecycleTest {

    private static final String COMMISSIONER = Tokens.forCouncil("commissioner", "cambridgeshire");

    @Test
    void aPlacementStartsChangesFeeAndEndsWithEvents() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.calledOff(market.lot());
        String offer = CallOffFixtures.offer(referral, market.first(), "2300.00");
        String placement = given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\":\"" + offer + "\",\"fundingShares\":[{\"stream\":\"LAC_PLACEMENTS\",\"percent\":100}]}")
                .post("/referrals/" + referral + "/award").then().statusCode(201).extract().path("id");

        post(placement, "start", "{\"startDate\":\"2018-11-05\"}").then().statusCode(200)
                .body("status", equalTo("STARTED"));
        post(placement, "start", "{\"startDate\":\"2018-11-06\"}").then().statusCode(409);
        post(placement, "fee-changes", "{\"effectiveFrom\":\"2018-10-01\",\"weeklyFee\":{\"core\":2400},\"reason\":\"x\"}")
                .then().statusCode(422);
        post(placement, "fee-changes", """
                {"effectiveFrom": "2019-04-01", "weeklyFee": {"core": 2369.00, "additionalStaffing": 150.00,
                 "therapy": 81.00}, "reason": "Annual uplift 3%"}""").then().statusCode(200)
                .body("feeChanges[0].weeklyFee.total", equalTo(2600.00f));
        post(placement, "end", "{\"endDate\":\"2018-11-01\",\"endType\":\"PLANNED\",\"reasonEpisodeCeased\":\"E4A\"}")
                .then().statusCode(422);
        post(placement, "end", """
                {"endDate": "2019-08-30", "endType": "DISRUPTION", "reasonEpisodeCeased": "x1",
                 "reasonPlaceChange": "alleg"}""").then().statusCode(200).body("status", equalTo("ENDED"))
                .body("reasonEpisodeCeased", equalTo("X1")).body("reasonPlaceChange", equalTo("ALLEG"));
        post(placement, "end", "{\"endDate\":\"2019-08-31\",\"endType\":\"PLANNED\",\"reasonEpisodeCeased\":\"E4A\"}")
                .then().statusCode(409);

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            topic.await(r -> placement.equals(r.key()) && "dps.placement.ended.v1".equals(header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(topic.seen().stream().filter(r -> placement.equals(r.key())).map(r -> header(r, "ce_type")))
                    .containsExactly("dps.placement.awarded.v1", "dps.placement.started.v1",
                            "dps.placement.fee-changed.v1", "dps.placement.ended.v1");
        }
    }

    @Test
    void spotPurchasesNeedAValidExemptionAndExemptionsNearExpiryAreAnnounced() {
        // the paper's IFA spot-purchase exemption ran to 30 June 2019; this one ends within the 30-day warning
        String soon = exemption("IFA", "2018-11-10");
        String later = exemption("SPECIAL_SCHOOL", "2019-06-30");
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"serviceType": "IFA", "reason": "late", "contractBasis": "IPA", "validUntil": "2018-01-01"}""")
                .post("/exemptions").then().statusCode(422);

        given().auth().oauth2(OFFICER).queryParam("expiring", true).get("/exemptions").then().statusCode(200)
                .body("items.id", hasItem(soon)).body("items.find { it.id == '" + soon + "' }.expiring", equalTo(true));
        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> expiring = topic.await(r -> soon.equals(r.key()), Duration.ofSeconds(30));
            assertThat(header(expiring, "ce_type")).isEqualTo("dps.exemption.expiring.v1");
            assertThat(expiring.value()).contains("\"daysLeft\":19");
            assertThat(topic.seen()).noneMatch(r -> later.equals(r.key()));
        }

        String placement = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(spot(soon, "2018-11-01"))
                .post("/spot-purchases").then().statusCode(201).body("basis", equalTo("SPOT_PURCHASE"))
                .extract().path("id");
        given().auth().oauth2(OFFICER).get("/placements/" + placement + "/agreement").then()
                .body("basis", equalTo("Spot purchase under exemption")).body("basisReference", containsString(soon));
        // a start after the exemption ends is not covered; an unknown exemption is no exemption
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(spot(soon, "2018-11-20"))
                .post("/spot-purchases").then().statusCode(422).body("detail", containsString("2018-11-10"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(spot("00000000-0000-4000-8000-000000000000", "2018-11-01")).post("/spot-purchases").then()
                .statusCode(422);
        // another council cannot use Cambridgeshire's exemption
        given().auth().oauth2(Tokens.forCouncil("placement-officer", "peterborough")).contentType(ContentType.JSON)
                .body(spot(soon, "2018-11-01")).post("/spot-purchases").then().statusCode(422);

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> bought = topic.await(r -> placement.equals(r.key()), Duration.ofSeconds(30));
            assertThat(header(bought, "ce_type")).isEqualTo("dps.placement.spot-purchased.v1");
            assertThat(bought.value()).contains(soon).contains("\"total\":820.00");
        }
    }

    @Test
    void operationalEndpointsAreOpenAndPlacementsNeedAPlacementRole() {
        uk.gov.dps.testing.ServiceChecks.assertOperationalEndpointsOpen();
        uk.gov.dps.testing.ServiceChecks.assertGetNeedsRole("/placements", OFFICER,
                Tokens.forCouncil("monitoring-officer", "cambridgeshire"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(spot("x", "2018-11-01"))
                .post("/spot-purchases").then().statusCode(400).body("errors.field", hasItem("exemptionId"));
    }

    private static String exemption(String serviceType, String validUntil) {
        return given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"serviceType": "%s", "reason": "IFA spot purchase while the DPS lot is set up",
                 "contractBasis": "Existing IFA specification and IPA", "validUntil": "%s"}"""
                .formatted(serviceType, validUntil)).post("/exemptions").then().statusCode(201).extract().path("id");
    }

    private static String spot(String exemption, String start) {
        return """
                {"exemptionId": "%s", "providerName": "Fenland Fostering Ltd",
                 "weeklyFee": {"core": 820.00}, "placementPattern": "WEEKS_52", "startDate": "%s",
                 "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}]}""".formatted(exemption, start);
    }

    private static io.restassured.response.Response post(String placement, String action, String body) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body)
                .post("/placements/" + placement + "/" + action);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
