package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.gov.dps.events.Topics;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Awards that need the County Resourcing Panel, the panel's queue and decisions, justification and preference. */
@QuarkusTest
class PanelRequestTest {

    static final String PANEL = Tokens.forCouncil("panel", "cambridgeshire");
    static final String SHARES = "\"fundingShares\": [{\"stream\": \"LAC_PLACEMENTS\", \"percent\": 100}]";

    @Test
    void aCostlyAwardWaitsForThePanelWhichRefusesThenApprovesTheResubmission() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.calledOff(market.lot());
        // 5,200.00 core + 231.00 a week: above the £4,000 threshold
        String offer = CallOffFixtures.offer(referral, market.first(), "5200.00");

        String refused = award(referral, offer, "").statusCode(202).header("Location", containsString("/panel-requests/"))
                .body("status", equalTo("PENDING")).body("weeklyFee.total", equalTo(5431.00f))
                .body("reasons", contains("A weekly cost of £5431.00 is above the panel threshold of £4000.00"))
                .extract().path("id");
        assertThat(placements(referral)).isZero();
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("AWAITING_PANEL"));
        // one request at a time: a second award waits for the panel's decision
        award(referral, offer, "").statusCode(409);

        // the queue is the panel's of the same council only
        given().auth().oauth2(PANEL).queryParam("status", "PENDING").queryParam("size", 100).get("/panel-requests")
                .then().statusCode(200).body("items.id", hasItem(refused));
        given().auth().oauth2(OFFICER).get("/panel-requests").then().statusCode(403);
        given().auth().oauth2(OFFICER).get("/panel-requests/" + refused).then().statusCode(403);
        String otherPanel = Tokens.forCouncil("panel", "peterborough");
        given().auth().oauth2(otherPanel).get("/panel-requests/" + refused).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(otherPanel).queryParam("status", "PENDING").queryParam("size", 100)
                .get("/panel-requests").then().statusCode(200).body("items.id", not(hasItem(refused)));
        decide(otherPanel, refused, "APPROVED", "Fine").statusCode(403);
        decide(OFFICER, refused, "APPROVED", "Fine").statusCode(403);

        // what the panel decides on: the child's minimal profile, the offer, the ranking
        given().auth().oauth2(PANEL).get("/panel-requests/" + refused).then().statusCode(200)
                .body("request.reasons.size()", equalTo(1)).body("referral.ageBand", equalTo("11-15"))
                .body("referral.needs", hasItem("MISSING_EPISODES")).body("offer.id", equalTo(offer))
                .body("evaluation[0].offerId", equalTo(offer)).body("evaluation[0].rank", equalTo(1))
                .body("request.justification", nullValue()).body("request.parentalPreference", nullValue());

        // bad decisions change nothing
        decide(PANEL, refused, "APPROVED", " ").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reasons"));
        decide(PANEL, refused, "PERHAPS", "Unsure").statusCode(400);
        given().auth().oauth2(PANEL).get("/panel-requests/" + refused).then().body("request.status", equalTo("PENDING"));

        decide(PANEL, refused, "REFUSED", "Ask the provider whether 2:1 staffing is needed all week").statusCode(200)
                .body("status", equalTo("REFUSED")).body("placementId", nullValue());
        decide(PANEL, refused, "APPROVED", "Changed our mind").statusCode(409);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));
        assertThat(placements(referral)).isZero();

        // re-submitted: a new request, the refused one kept
        String approved = award(referral, offer, "\"plannedStart\": \"2018-11-12\"").statusCode(202)
                .extract().path("id");
        assertThat(approved).isNotEqualTo(refused);
        String placement = decide(PANEL, approved, "APPROVED", "Needs-led: the staffing is justified").statusCode(200)
                .body("status", equalTo("APPROVED")).extract().path("placementId");
        given().auth().oauth2(OFFICER).get("/placements/" + placement).then().statusCode(200)
                .body("panelApprovalReference", equalTo(approved)).body("plannedStart", equalTo("2018-11-12"))
                .body("weeklyFee.total", equalTo(5431.00f)).body("status", equalTo("AWARDED"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("AWARDED"));
        decide(PANEL, approved, "REFUSED", "Too late").statusCode(409);
        given().auth().oauth2(PANEL).queryParam("referral", referral).get("/panel-requests").then().statusCode(200)
                .body("items.id", contains(refused, approved))
                .body("items.status", contains("REFUSED", "APPROVED"))
                .body("items[0].decisionReasons", containsString("2:1 staffing"));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> requested = topic.await(r -> referral.equals(r.key())
                    && "dps.referral.panel-requested.v1".equals(header(r, "ce_type"))
                    && r.value().contains(approved), Duration.ofSeconds(30));
            assertThat(requested.value()).contains("\"council\":\"cambridgeshire\"").contains("\"total\":5431.00")
                    .contains("above the panel threshold");
            ConsumerRecord<String, String> decided = topic.await(r -> referral.equals(r.key())
                    && "dps.referral.panel-decided.v1".equals(header(r, "ce_type"))
                    && r.value().contains(refused), Duration.ofSeconds(30));
            assertThat(decided.value()).contains("\"decision\":\"REFUSED\"");
            ConsumerRecord<String, String> awarded = topic.await(r -> placement.equals(r.key()), Duration.ofSeconds(30));
            assertThat(header(awarded, "ce_type")).isEqualTo("dps.placement.awarded.v1");
            assertThat(awarded.value()).contains("\"panelApprovalReference\":\"" + approved + "\"");
        }
    }

    @Test
    void anOfferOtherThanTheFirstRankedNeedsAWrittenJustificationKeptWithTheAward() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.calledOff(market.lot());
        String first = CallOffFixtures.offer(referral, market.first(), "2300.00");
        String second = CallOffFixtures.offer(referral, market.second(), "2400.00");
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/evaluation").then()
                .body("[0].offerId", equalTo(first)).body("[1].offerId", equalTo(second));

        award(referral, second, "").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("justification"));
        award(referral, second, "\"justification\": \"  \"").statusCode(400)
                .body("errors[0].field", equalTo("justification"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));
        assertThat(placements(referral)).isZero();

        String reason = "The first-ranked home is 90 miles away; this one keeps her at her school";
        String placement = award(referral, second, "\"justification\": \"" + reason + "\"").statusCode(201)
                .body("justification", equalTo(reason)).extract().path("id");
        given().auth().oauth2(OFFICER).get("/placements/" + placement).then().body("justification", equalTo(reason));
        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> awarded = topic.await(r -> placement.equals(r.key()), Duration.ofSeconds(30));
            assertThat(awarded.value()).contains("\"justification\":\"" + reason + "\"");
        }

        // the first-ranked needs none
        String other = CallOffFixtures.calledOff(market.lot());
        String top = CallOffFixtures.offer(other, market.first(), "2300.00");
        CallOffFixtures.offer(other, market.second(), "2400.00");
        award(other, top, "").statusCode(201).body("justification", nullValue());
    }

    @Test
    void parentalPreferenceIsASchoolAndItsBasisForSpecialSchoolsOnlyAndTheOldFreeTextReferenceIsRefused() {
        CallOffFixtures.Market homes = CallOffFixtures.market("RESIDENTIAL");
        String home = CallOffFixtures.calledOff(homes.lot());
        String homeOffer = CallOffFixtures.offer(home, homes.first(), "2300.00");
        award(home, homeOffer, "\"panelApprovalReference\": \"CRP-2018-77\"").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("panelApprovalReference"));
        award(home, homeOffer, "\"parentalPreference\": {\"school\": \"Alpha Homes\", \"basis\": \"PARENTAL_REQUEST\"}")
                .statusCode(400).body("errors[0].field", equalTo("parentalPreference"));
        given().auth().oauth2(OFFICER).get("/referrals/" + home).then().body("status", equalTo("CALLED_OFF"));

        CallOffFixtures.Market schools = CallOffFixtures.market("SPECIAL_SCHOOL");
        String school = schoolReferral(schools.lot());
        String schoolOffer = CallOffFixtures.offer(school, schools.first(), "1000.00");
        // the preference as a boolean, without a basis, or with an unknown basis: refused, nothing changes
        award(school, schoolOffer, "\"parentalPreference\": true").statusCode(400);
        award(school, schoolOffer, "\"parentalPreference\": {\"school\": \"Alpha Homes\"}").statusCode(400)
                .body("errors[0].field", containsString("basis"));
        award(school, schoolOffer, "\"parentalPreference\": {\"school\": \"\", \"basis\": \"TRIBUNAL_ORDER\"}")
                .statusCode(400).body("errors[0].field", containsString("school"));
        award(school, schoolOffer, "\"parentalPreference\": {\"school\": \"Alpha Homes\", \"basis\": \"WISH\"}")
                .statusCode(400);
        assertThat(placements(school)).isZero();

        // named by the parents: the preference is the basis, no panel
        String placement = award(school, schoolOffer,
                "\"parentalPreference\": {\"school\": \"Alpha Homes\", \"basis\": \"TRIBUNAL_ORDER\"}").statusCode(201)
                .body("parentalPreference.school", equalTo("Alpha Homes"))
                .body("parentalPreference.basis", equalTo("TRIBUNAL_ORDER")).extract().path("id");
        given().auth().oauth2(OFFICER).get("/placements/" + placement + "/agreement").then().statusCode(200)
                .body("form", equalTo("NASS_CONTRACT_SCHEDULE_2"))
                .body("parentalPreference.basis", equalTo("TRIBUNAL_ORDER")).body("panelApprovalReference", nullValue());

        // without a preference a special school goes to the panel, which sees the reason
        String another = schoolReferral(schools.lot());
        String anotherOffer = CallOffFixtures.offer(another, schools.first(), "1000.00");
        String request = award(another, anotherOffer, "").statusCode(202)
                .body("reasons", contains("A special-school placement without a recorded parental preference"))
                .extract().path("id");
        given().auth().oauth2(PANEL).get("/panel-requests/" + request).then().statusCode(200)
                .body("referral.placementPattern", equalTo("WEEKS_38"));
    }

    private static String schoolReferral(UUID lot) {
        String referral = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"lotId": "%s", "ageBand": "11-15", "sex": "FEMALE", "needs": ["EMOTIONAL_BEHAVIOURAL"],
                 "postcodeDistrict": "PE13", "wantedStart": "2018-11-05", "placementPattern": "WEEKS_38"}
                """.formatted(lot)).post("/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondBy\":\"2018-10-23T17:00:00Z\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }

    private static long placements(String referral) {
        return QuarkusTransaction.requiringNew().call(() -> Placement.count("referralId", UUID.fromString(referral)));
    }

    private static ValidatableResponse award(String referral, String offer, String fields) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\": \"" + offer + "\", " + SHARES + (fields.isBlank() ? "" : ", " + fields) + "}")
                .post("/referrals/" + referral + "/award").then();
    }

    private static ValidatableResponse decide(String token, String request, String decision, String reasons) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"decision\": \"" + decision + "\", \"reasons\": \"" + reasons + "\"}")
                .post("/panel-requests/" + request + "/decision").then();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
