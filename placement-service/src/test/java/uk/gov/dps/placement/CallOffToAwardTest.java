package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.provider.ProviderReinstated;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;
import uk.gov.dps.testing.AdjustableClock;

/** From referral to award, as of 22 October 2018. */
@QuarkusTest
class CallOffToAwardTest {

    @Inject
    AdjustableClock clock;

    @Test
    void aMisspeltFieldIsABadRequestNamingItAndInvitesNobody() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.raise(market.lot());
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);

        // "respondby" used to be ignored, so the call-off went out without the deadline the officer meant to set
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondby\":\"2018-10-23T17:00:00Z\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("respondby"))
                .body("errors.field", contains("respondby"))
                .body("errors[0].message", equalTo("is not a field of this request"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("RAISED")).body("respondBy", equalTo(null));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.empty());

        // inside an object, the misspelt field is named by its path
        given().auth().oauth2(Tokens.forProvider(market.first().toString())).contentType(ContentType.JSON)
                .body("{\"weeklyFee\": {\"core\": 2000.00, \"therapyy\": 81.00}, \"proposedStart\": \"2018-11-05\","
                        + " \"homeReference\": \"Home-7\"}")
                .post("/referrals/" + referral + "/offers").then().statusCode(400)
                .body("errors.field", contains("weeklyFee.therapyy"));

        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondBy\":\"2018-10-23T17:00:00Z\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200)
                .body("respondBy", contains("2018-10-23T17:00:00Z", "2018-10-23T17:00:00Z"));
    }

    @Test
    void aCallOffInvitesExactlyTheMembersNotSuspendedAndTheAwardMakesAnAgreement() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        given().auth().oauth2(OFFICER).queryParam("category", "emergency")
                .get("/lots/" + market.lot() + "/eligible-providers").then().statusCode(200)
                .body("items.providerName", org.hamcrest.Matchers.contains("Alpha Homes", "Beta Care"))
                .body("items.latestJudgement", org.hamcrest.Matchers.contains("GOOD", null))
                .body("hasNext", equalTo(false));
        String referral = CallOffFixtures.raise(market.lot());

        // in-house first
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondBy\":\"2018-10-23T17:00:00Z\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(409)
                .body("detail", containsString("in-house"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondBy\":\"2018-10-23T17:00:00Z\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200)
                .body("providerId", containsInAnyOrder(market.first().toString(), market.second().toString()));

        // the suspended member and a stranger cannot respond; invited providers see only the minimal profile
        String suspendedToken = Tokens.forProvider(market.suspended().toString());
        given().auth().oauth2(suspendedToken).get("/referrals/" + referral).then().statusCode(403);
        given().auth().oauth2(suspendedToken).contentType(ContentType.JSON).body(offerBody("2000.00"))
                .post("/referrals/" + referral + "/offers").then().statusCode(403);
        String firstToken = Tokens.forProvider(market.first().toString());
        given().auth().oauth2(firstToken).get("/referrals/" + referral).then().statusCode(200)
                .body("needs", hasItem("MISSING_EPISODES")).body("$", not(hasKey("raisedBy")))
                .body("$", not(hasKey("council")));

        String offer = CallOffFixtures.offer(referral, market.first(), "2300.00");
        given().auth().oauth2(firstToken).contentType(ContentType.JSON).body(offerBody("2200.00"))
                .post("/referrals/" + referral + "/offers").then().statusCode(409);
        String secondToken = Tokens.forProvider(market.second().toString());
        given().auth().oauth2(secondToken).contentType(ContentType.JSON)
                .body("{\"reason\":\"NO_VACANCY\",\"detail\":\"Next vacancy in January\"}")
                .post("/referrals/" + referral + "/declines").then().statusCode(201);
        String declineId = given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/offers").then()
                .statusCode(200).extract().path("find { it.kind == 'DECLINE' }.id");

        // the other provider cannot see the winning offer
        given().auth().oauth2(secondToken).get("/referrals/" + referral + "/offers").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].kind", equalTo("DECLINE"));
        given().auth().oauth2(secondToken).get("/referrals/" + referral + "/evaluation").then().statusCode(403);
        given().auth().oauth2(secondToken).get("/referrals/" + referral + "/invitations").then()
                .body("providerId", containsInAnyOrder(market.second().toString()));

        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/evaluation").then().statusCode(200)
                .body("[0].offerId", equalTo(offer)).body("[0].rank", equalTo(1))
                .body("[0].weeklyTotal", equalTo(2531.00f)).body("[0].latestJudgement", equalTo("GOOD"));

        // bad awards change nothing
        award(referral, offer, "[{\"stream\":\"HIGH_NEEDS_BLOCK\",\"percent\":60},{\"stream\":\"LAC_PLACEMENTS\",\"percent\":30}]")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("fundingShares")).body("errors[0].message", containsString("90%"));
        award(referral, declineId, "[{\"stream\":\"LAC_PLACEMENTS\",\"percent\":100}]").then().statusCode(422)
                .body("detail", containsString("declined"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));

        String placement = award(referral, offer,
                "[{\"stream\":\"HIGH_NEEDS_BLOCK\",\"percent\":60},{\"stream\":\"LAC_PLACEMENTS\",\"percent\":40}]")
                .then().statusCode(201).body("weeklyFee.total", equalTo(2531.00f))
                .body("providerName", equalTo("Alpha Homes")).extract().path("id");
        award(referral, offer, "[{\"stream\":\"LAC_PLACEMENTS\",\"percent\":100}]").then().statusCode(409);

        given().auth().oauth2(OFFICER).get("/placements/" + placement + "/agreement").then().statusCode(200)
                .body("form", equalTo("INDIVIDUAL_PLACEMENT_AGREEMENT")).body("basis", equalTo("DPS call-off"))
                .body("weeklyFee.core", equalTo(2300.00f)).body("fundingShares.stream",
                        containsInAnyOrder("HIGH_NEEDS_BLOCK", "LAC_PLACEMENTS"))
                .body("startDate", equalTo("2018-11-05"));
        given().auth().oauth2(Tokens.forCouncil("placement-officer", "peterborough")).get("/placements/" + placement)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.forCouncil("placement-officer", "peterborough")).get("/referrals/" + referral)
                .then().statusCode(403).body("$", not(hasKey("needs")));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> calledOff = topic.await(r -> referral.equals(r.key())
                    && "dps.referral.called-off.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(calledOff.value()).contains(market.first().toString()).contains(market.second().toString())
                    .doesNotContain(market.suspended().toString());
            ConsumerRecord<String, String> awarded = topic.await(r -> placement.equals(r.key()), Duration.ofSeconds(30));
            assertThat(header(awarded, "ce_type")).isEqualTo("dps.placement.awarded.v1");
            assertThat(awarded.value()).contains("\"total\":2531.00").contains("\"stream\":\"HIGH_NEEDS_BLOCK\"")
                    .contains("\"percent\":60");
        }
    }

    @Test
    void twoConcurrentAwardsOnOneReferralLetExactlyOneWin() {
        CallOffFixtures.Market market = CallOffFixtures.market("IFA");
        String referral = CallOffFixtures.calledOff(market.lot());
        String first = CallOffFixtures.offer(referral, market.first(), "800.00");
        String second = CallOffFixtures.offer(referral, market.second(), "790.00");
        String shares = "[{\"stream\":\"LAC_PLACEMENTS\",\"percent\":100}]";

        // the second-ranked offer needs a justification: both awards are valid, and only one can win
        String justified = shares + ",\"justification\":\"Nearer the child's school\"";
        var one = CompletableFuture.supplyAsync(() -> award(referral, first, justified).statusCode());
        var other = CompletableFuture.supplyAsync(() -> award(referral, second, justified).statusCode());
        assertThat(List.of(one.join(), other.join())).containsExactlyInAnyOrder(201, 409);
        given().auth().oauth2(OFFICER).queryParam("status", "AWARDED").get("/referrals").then()
                .body("items.findAll { it.id == '" + referral + "' }.size()", equalTo(1));
    }

    @Test
    void responsesAfterTheDeadlineAndBadFeesAreRefused() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.raise(market.lot());
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondBy\":\"" + inAnHour + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);

        String token = Tokens.forProvider(market.first().toString());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(offerBody("-5.00"))
                .post("/referrals/" + referral + "/offers").then().statusCode(400)
                .body("errors.field", hasItem("weeklyFee.core"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(offerBody("100.005"))
                .post("/referrals/" + referral + "/offers").then().statusCode(400);
        clock.moveOn(Duration.ofMinutes(61));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(offerBody("2000.00"))
                .post("/referrals/" + referral + "/offers").then().statusCode(422)
                .body("detail", containsString("deadline"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/offers").then().body("size()", equalTo(0));
    }

    @Test
    void referralsRefuseUnknownCategoriesNeedsAndPatterns() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        raiseWith(market.lot(), "\"category\": \"HORSES\", \"needs\": [], \"placementPattern\": \"WEEKS_52\"")
                .then().statusCode(400).body("errors.field", hasItem("category"));
        raiseWith(market.lot(), "\"needs\": [\"JUGGLING\"], \"placementPattern\": \"WEEKS_52\"")
                .then().statusCode(400).contentType("application/problem+json");
        raiseWith(market.lot(), "\"needs\": [], \"placementPattern\": \"WEEKS_38\"")
                .then().statusCode(400).body("errors.field", hasItem("placementPattern"));
        raiseWith(UUID.randomUUID(), "\"needs\": [], \"placementPattern\": \"WEEKS_52\"").then().statusCode(422);
        given().auth().oauth2(Tokens.forCouncil("placement-officer", "essex")).contentType(ContentType.JSON)
                .body("{\"lotId\":\"" + market.lot() + "\",\"ageBand\":\"5-10\",\"needs\":[],"
                        + "\"wantedStart\":\"2018-11-01\",\"placementPattern\":\"WEEKS_52\"}")
                .post("/referrals").then().statusCode(403);
    }

    @Test
    void aCallOffThatWouldInviteMoreProvidersThanItsEventCanNameIsRefusedAndChangesNothing() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PROVIDER_REINSTATED, market.suspended(), new ProviderReinstated(
                    market.suspended(), List.of(market.lot()), "Re-inspected Good", Instant.now()));
        }
        // three eligible now, one more than the cap the tests run with (dps.placement.max-invitations=2)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OFFICER)
                .queryParam("size", 2).get("/lots/" + market.lot() + "/eligible-providers").then().statusCode(200)
                .body("items.providerName", contains("Alpha Homes", "Beta Care")).body("hasNext", equalTo(true)));
        String referral = CallOffFixtures.raise(market.lot());
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondBy\":\"2018-10-23T17:00:00Z\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("More than 2 providers"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("RAISED"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then().body("size()", equalTo(0));
    }

    @Test
    void aReferralPlacedInHouseIsNeverCalledOff() {
        CallOffFixtures.Market market = CallOffFixtures.market("IFA");
        String referral = CallOffFixtures.raise(market.lot());
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"outcome\":\"AVAILABLE\",\"notes\":\"In-house carers in Wisbech\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200)
                .body("status", equalTo("PLACED_IN_HOUSE"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondBy\":\"2018-10-23T17:00:00Z\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(409);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then().body("size()",
                equalTo(0));
    }

    private static io.restassured.response.Response raiseWith(UUID lot, String fields) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"lotId\":\"" + lot
                + "\",\"ageBand\":\"5-10\",\"wantedStart\":\"2018-11-01\"," + fields + "}").post("/referrals");
    }

    private static io.restassured.response.Response award(String referral, String offer, String shares) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\":\"" + offer + "\",\"fundingShares\":" + shares + "}")
                .post("/referrals/" + referral + "/award");
    }

    private static String offerBody(String core) {
        return "{\"weeklyFee\":{\"core\":" + core + "},\"proposedStart\":\"2018-11-05\",\"homeReference\":\"H1\"}";
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
