package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import uk.gov.dps.events.Topics;
import uk.gov.dps.testing.AdjustableClock;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** A referral that ends without award: cancelled, re-run in rounds, or closed unmet and bought off the DPS. */
@QuarkusTest
class ReferralLifecycleTest {

    private static final String PETERBOROUGH = Tokens.forCouncil("placement-officer", "peterborough");

    @Inject
    AdjustableClock clock;

    @Test
    void aCancelledReferralClosesEveryInvitationAndIsAnnounced() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.calledOff(market.lot());
        String firstToken = Tokens.forProvider(market.first().toString());
        given().auth().oauth2(firstToken).get("/invitations").then().statusCode(200)
                .body("items.find { it.referralId == '" + referral + "' }.status", equalTo("OPEN"));

        // no reason, another council: refused, nothing changes
        cancel(referral, OFFICER, "{\"reason\": \" \"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        cancel(referral, PETERBOROUGH, "{\"reason\": \"Returned home\"}").then().statusCode(403);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));

        cancel(referral, OFFICER, "{\"reason\": \"The child returned home to family\"}").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("closedReason", equalTo("The child returned home to family"));
        cancel(referral, OFFICER, "{\"reason\": \"Again\"}").then().statusCode(409);

        for (var provider : new java.util.UUID[] {market.first(), market.second()}) {
            given().auth().oauth2(Tokens.forProvider(provider.toString())).queryParam("status", "CLOSED")
                    .get("/invitations").then().statusCode(200)
                    .body("items.find { it.referralId == '" + referral + "' }.status", equalTo("CLOSED"))
                    .body("items.find { it.referralId == '" + referral + "' }.outcome", equalTo(null));
        }
        // a closed call-off takes no offers
        given().auth().oauth2(firstToken).contentType(ContentType.JSON).body(offerBody("2000.00"))
                .post("/referrals/" + referral + "/offers").then().statusCode(409);

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> cancelled = topic.await(r -> referral.equals(r.key())
                    && "dps.referral.cancelled.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(cancelled.value()).contains("The child returned home to family")
                    .contains(market.first().toString()).contains(market.second().toString())
                    .contains("\"council\":\"cambridgeshire\"");
        }
    }

    @Test
    void anAwardedReferralCannotBeCancelled() {
        CallOffFixtures.Market market = CallOffFixtures.market("IFA");
        String referral = CallOffFixtures.calledOff(market.lot());
        String offer = CallOffFixtures.offer(referral, market.first(), "800.00");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\":\"" + offer + "\",\"fundingShares\":[{\"stream\":\"LAC_PLACEMENTS\",\"percent\":100}]}")
                .post("/referrals/" + referral + "/award").then().statusCode(201);

        cancel(referral, OFFICER, "{\"reason\": \"Changed our mind\"}").then().statusCode(409)
                .body("detail", containsString("AWARDED"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("AWARDED"));
    }

    @Test
    void aCallOffWithoutASuitableOfferIsReRunAfterItsDeadlineAndKeepsItsHistory() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = calledOffForAnHour(market.lot());
        String earlierOffer = CallOffFixtures.offer(referral, market.first(), "4100.00");

        // whole seconds: the deadline reads back as it was written
        Instant later = clock.instant().plus(Duration.ofHours(50)).truncatedTo(ChronoUnit.SECONDS);
        // the first round is still open
        newRound(referral, "{\"respondBy\": \"" + later + "\"}").then().statusCode(409)
                .body("detail", containsString("still open"));
        clock.moveOn(Duration.ofMinutes(61));

        // bad terms: refused naming the field, nothing changes
        newRound(referral, "{\"respondBy\": \"2018-10-01T09:00:00Z\"}").then().statusCode(400)
                .body("errors.field", hasItem("respondBy"));
        newRound(referral, "{\"category\": \"HORSES\", \"respondBy\": \"" + later + "\"}").then().statusCode(400)
                .body("errors.field", hasItem("category"));
        newRound(referral, "{}").then().statusCode(400).body("errors.field", hasItem("respondBy"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/rounds").then().statusCode(200)
                .body("round", contains(1));

        // round 2: the whole lot rather than the EMERGENCY category, with a longer window
        newRound(referral, "{\"respondBy\": \"" + later + "\"}").then().statusCode(201)
                .body("round", equalTo(2)).body("category", equalTo(null))
                .body("invitedProviderIds", containsInAnyOrder(market.first().toString(), market.second().toString()));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/rounds").then().statusCode(200)
                .body("round", contains(1, 2)).body("category", contains("EMERGENCY", null))
                .body("respondBy[1]", equalTo(later.toString()));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("round", equalTo(2))
                .body("status", equalTo("CALLED_OFF"));

        // the invited provider is asked again and may offer anew; its first-round offer stays readable
        String firstToken = Tokens.forProvider(market.first().toString());
        given().auth().oauth2(firstToken).get("/invitations").then()
                .body("items.find { it.referralId == '" + referral + "' }.status", equalTo("OPEN"))
                .body("items.find { it.referralId == '" + referral + "' }.respondBy", equalTo(later.toString()));
        String newOffer = CallOffFixtures.offer(referral, market.first(), "3900.00");
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/offers").then().statusCode(200)
                .body("id", containsInAnyOrder(earlierOffer, newOffer));
        // a second round inside the new window is refused
        newRound(referral, "{\"respondBy\": \"" + later.plus(Duration.ofDays(1)) + "\"}").then().statusCode(409);

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> second = topic.await(r -> referral.equals(r.key())
                    && "dps.referral.called-off.v1".equals(header(r, "ce_type")) && r.value().contains("\"round\":2"),
                    Duration.ofSeconds(30));
            assertThat(second.value()).contains(later.toString()).contains(market.second().toString());
        }
    }

    @Test
    void anUnmetReferralLeadsToASpotPurchaseLinkedToIt() {
        CallOffFixtures.Market market = CallOffFixtures.market("IFA");
        String referral = calledOffForAnHour(market.lot());
        String stillOpen = CallOffFixtures.calledOff(market.lot());

        unmet(referral, "{\"reason\": \"No carer near school\"}").then().statusCode(409);
        clock.moveOn(Duration.ofMinutes(61));
        unmet(referral, "{}").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));
        unmet(referral, "{\"reason\": \"No carer near the child's school\"}").then().statusCode(200)
                .body("status", equalTo("UNMET"));
        // nothing left to re-run
        newRound(referral, "{\"respondBy\": \"" + clock.instant().plus(Duration.ofDays(2)) + "\"}").then()
                .statusCode(409);

        String exemption = exemption(Tokens.forCouncil("commissioner", "cambridgeshire"));
        // a referral not closed unmet: 409; another council's: 403; neither buys anything
        spot(OFFICER, exemption, stillOpen).then().statusCode(409).body("detail", containsString("CALLED_OFF"));
        spot(PETERBOROUGH, exemption(Tokens.forCouncil("commissioner", "peterborough")), referral).then()
                .statusCode(403);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("spotPurchaseId", equalTo(null));

        String placement = spot(OFFICER, exemption, referral).then().statusCode(201)
                .body("basis", equalTo("SPOT_PURCHASE")).body("referralId", equalTo(referral)).extract().path("id");
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("spotPurchaseId", equalTo(placement))
                .body("status", equalTo("UNMET"));
        spot(OFFICER, exemption, referral).then().statusCode(409);
        // a spot purchase without a referral is still possible
        spot(OFFICER, exemption, null).then().statusCode(201).body("referralId", equalTo(null));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> unmet = topic.await(r -> referral.equals(r.key())
                    && "dps.referral.unmet.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(unmet.value()).contains("No carer near the child's school").contains("\"rounds\":1");
            ConsumerRecord<String, String> bought = topic.await(r -> placement.equals(r.key()), Duration.ofSeconds(30));
            assertThat(header(bought, "ce_type")).isEqualTo("dps.placement.spot-purchased.v1");
            assertThat(bought.value()).contains("\"referralId\":\"" + referral + "\"");
        }
    }

    @Test
    void schoolStatusAndUrgencyAreOptionalAndShownToInvitedProviders() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(referralWith(market.lot(), "\"urgency\": \"SOON\"")).post("/referrals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("urgency"));
        String referral = given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(referralWith(market.lot(), "\"schoolStatus\": \"NEEDS_SCHOOL_PLACE\", \"urgency\": \"UNDER_5_DAYS\""))
                .post("/referrals").then().statusCode(201).body("schoolStatus", equalTo("NEEDS_SCHOOL_PLACE"))
                .body("urgency", equalTo("UNDER_5_DAYS")).extract().path("id");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondBy\":\"2018-10-23T17:00:00Z\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);

        given().auth().oauth2(Tokens.forProvider(market.first().toString())).get("/referrals/" + referral).then()
                .statusCode(200).body("schoolStatus", equalTo("NEEDS_SCHOOL_PLACE"))
                .body("urgency", equalTo("UNDER_5_DAYS")).body("$", not(hasKey("childReference")))
                .body("$", not(hasKey("council")));
        // existing callers that send neither keep working
        given().auth().oauth2(OFFICER).get("/referrals/" + CallOffFixtures.raise(market.lot())).then()
                .body("schoolStatus", equalTo(null)).body("urgency", equalTo(null));
    }

    private String calledOffForAnHour(java.util.UUID lot) {
        String referral = CallOffFixtures.raise(lot);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"respondBy\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }

    private static io.restassured.response.Response cancel(String referral, String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/referrals/" + referral + "/cancellation");
    }

    private static io.restassured.response.Response newRound(String referral, String body) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body)
                .post("/referrals/" + referral + "/rounds");
    }

    private static io.restassured.response.Response unmet(String referral, String body) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body)
                .post("/referrals/" + referral + "/unmet");
    }

    private static String exemption(String commissioner) {
        return given().auth().oauth2(commissioner).contentType(ContentType.JSON).body("""
                {"serviceType": "IFA", "reason": "No DPS member could place the child",
                 "contractBasis": "IFA specification and IPA", "validUntil": "2019-03-31"}""")
                .post("/exemptions").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response spot(String token, String exemption, String referral) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"exemptionId": "%s", "providerName": "Fenland Fostering Ltd",
                 "weeklyFee": {"core": 820.00}, "placementPattern": "WEEKS_52", "startDate": "2018-11-01",
                 "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}]%s}"""
                .formatted(exemption, referral == null ? "" : ", \"referralId\": \"" + referral + "\""))
                .post("/spot-purchases");
    }

    private static String referralWith(java.util.UUID lot, String fields) {
        return """
                {"category": "EMERGENCY", "ageBand": "11-15", "sex": "FEMALE", "needs": [],
                 "postcodeDistrict": "PE13", "wantedStart": "2018-11-05", "placementPattern": "WEEKS_52",
                 "lotId": "%s", %s}""".formatted(lot, fields);
    }

    private static String offerBody(String core) {
        return "{\"weeklyFee\":{\"core\":" + core + "},\"proposedStart\":\"2018-11-05\",\"homeReference\":\"H1\"}";
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
