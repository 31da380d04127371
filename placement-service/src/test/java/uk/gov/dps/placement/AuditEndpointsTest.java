package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import uk.gov.dps.testing.AdjustableClock;
import uk.gov.dps.testing.Tokens;

/** Every decision is readable by the council it belongs to: who, when, what and why; never by another council or a provider. */
@QuarkusTest
class AuditEndpointsTest {

    private static final String COMMISSIONER = Tokens.forCouncil("commissioner", "cambridgeshire");
    private static final String OTHER_COUNCIL = Tokens.forCouncil("placement-officer", "peterborough");

    @Inject
    AdjustableClock clock;

    @Test
    void aReferralsAuditShowsTheCallOffAndEveryProvidersResponse() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.calledOff(market.lot());
        String first = Tokens.forProvider(market.first().toString());
        String offer = CallOffFixtures.offer(referral, market.first(), "2300.00");
        given().auth().oauth2(first).contentType(ContentType.JSON).body("""
                {"weeklyFee": {"core": 2100.00}, "proposedStart": "2018-11-12", "homeReference": "Home-9",
                 "needsMet": ["EMOTIONAL_BEHAVIOURAL"], "reason": "Sibling discount"}""")
                .put("/referrals/" + referral + "/offers/" + offer).then().statusCode(200);
        given().auth().oauth2(first).contentType(ContentType.JSON).body("{\"reason\":\"Vacancy filled\"}")
                .post("/referrals/" + referral + "/offers/" + offer + "/withdrawal").then().statusCode(200);
        given().auth().oauth2(Tokens.forProvider(market.second().toString())).contentType(ContentType.JSON)
                .body("{\"reason\":\"NO_VACANCY\",\"detail\":\"Next vacancy in January\"}")
                .post("/referrals/" + referral + "/declines").then().statusCode(201);

        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/audit").then().statusCode(200)
                .body("items.action", contains("RAISED", "IN_HOUSE_NOT_AVAILABLE", "CALLED_OFF", "OFFERED",
                        "OFFER_AMENDED", "OFFER_WITHDRAWN", "DECLINED"))
                .body("items[3].details.offerId", equalTo(offer))
                .body("items[3].details.providerId", equalTo(market.first().toString()))
                .body("items[5].reason", equalTo("Vacancy filled"))
                .body("items[6].reason", equalTo("NO_VACANCY"))
                .body("items[0].actor", equalTo("placement-officer@cambridgeshire"))
                .body("items[0].actorCouncil", equalTo("cambridgeshire"))
                .body("items[0].at", org.hamcrest.Matchers.notNullValue());
        // paged
        given().auth().oauth2(OFFICER).queryParam("page", 1).queryParam("size", 2)
                .get("/referrals/" + referral + "/audit").then().statusCode(200)
                .body("items.action", contains("CALLED_OFF", "OFFERED"));

        // providers never read it, even invited ones; nor does another council
        given().auth().oauth2(first).get("/referrals/" + referral + "/audit").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(OTHER_COUNCIL).get("/referrals/" + referral + "/audit").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER).get("/referrals/00000000-0000-4000-8000-000000000000/audit").then()
                .statusCode(404);
    }

    @Test
    void anExemptionsAuditShowsItsGrantAndSpotPurchasesAndThePlacementsItsLife() {
        String exemption = given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"serviceType": "IFA", "reason": "IFA spot purchase while the DPS lot is set up",
                 "contractBasis": "Existing IFA specification and IPA", "validUntil": "2019-03-31"}""")
                .post("/exemptions").then().statusCode(201).extract().path("id");
        String placement = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"exemptionId": "%s", "providerName": "Fenland Fostering Ltd",
                 "weeklyFee": {"core": 820.00}, "placementPattern": "WEEKS_52", "startDate": "2018-11-01",
                 "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}]}""".formatted(exemption))
                .post("/spot-purchases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"startDate\":\"2018-11-01\"}")
                .post("/placements/" + placement + "/start").then().statusCode(200);

        given().auth().oauth2(COMMISSIONER).get("/exemptions/" + exemption + "/audit").then().statusCode(200)
                .body("items.action", contains("GRANTED", "SPOT_PURCHASE"))
                .body("items[0].reason", equalTo("IFA spot purchase while the DPS lot is set up"))
                .body("items[0].actor", equalTo("commissioner@cambridgeshire"));
        given().auth().oauth2(OFFICER).get("/placements/" + placement + "/audit").then().statusCode(200)
                .body("items.action", contains("SPOT_PURCHASED", "STARTED"))
                .body("items[0].reason", equalTo("IFA spot purchase while the DPS lot is set up"))
                .body("items[0].details.exemptionId", equalTo(exemption))
                .body("items[1].actor", equalTo("placement-officer@cambridgeshire"));

        given().auth().oauth2(OTHER_COUNCIL).get("/exemptions/" + exemption + "/audit").then().statusCode(403);
        given().auth().oauth2(OTHER_COUNCIL).get("/placements/" + placement + "/audit").then().statusCode(403);
        given().auth().oauth2(Tokens.forProvider(java.util.UUID.randomUUID().toString()))
                .get("/placements/" + placement + "/audit").then().statusCode(403);
    }

    @Test
    void aPlacementsAuditStartsWithItsAwardOnThePanelsApprovalAndEndsWithItsCodes() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.calledOff(market.lot());
        // above the panel's threshold: the placement is made when the panel approves
        String offer = CallOffFixtures.offer(referral, market.first(), "5200.00");
        String request = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"offerId": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}]}""".formatted(offer))
                .post("/referrals/" + referral + "/award").then().statusCode(202).extract().path("id");
        String placement = given().auth().oauth2(PanelRequestTest.PANEL).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVED\",\"reasons\":\"Needs-led: 2:1 staffing justified\"}")
                .post("/panel-requests/" + request + "/decision").then().statusCode(200).extract().path("placementId");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"endDate": "2018-12-31", "endType": "PLANNED", "reasonEpisodeCeased": "E4A"}""")
                .post("/placements/" + placement + "/end").then().statusCode(200);

        // made by the panel's approval of the officer's award; ended with its SSDA903 codes
        given().auth().oauth2(COMMISSIONER).get("/placements/" + placement + "/audit").then().statusCode(200)
                .body("items.action", contains("AWARDED", "ENDED"))
                .body("items[0].actor", equalTo("panel@cambridgeshire"))
                .body("items[0].details.awardedBy", equalTo("placement-officer@cambridgeshire"))
                .body("items[0].details.panelRequestId", equalTo(request))
                .body("items[0].details.referralId", equalTo(referral))
                .body("items[0].details.offerId", equalTo(offer))
                .body("items[1].reason", equalTo("E4A"))
                .body("items[1].details.reasonEpisodeCeased", equalTo("E4A"))
                .body("items[1].details.placementType", equalTo("K2"))
                .body("items[1].details.endDate", equalTo("2018-12-31"));
    }

    @Test
    void anUnmetReferralsAuditEndsWithTheSpotPurchaseThatAnsweredIt() {
        CallOffFixtures.Market market = CallOffFixtures.market("IFA");
        String referral = CallOffFixtures.raise(market.lot());
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"respondBy\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        clock.moveOn(Duration.ofMinutes(61));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"reason\":\"No carer in the window\"}")
                .post("/referrals/" + referral + "/unmet").then().statusCode(200);
        String exemption = given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"serviceType": "IFA", "reason": "No DPS member could place the child",
                 "contractBasis": "IFA specification and IPA", "validUntil": "2019-03-31"}""")
                .post("/exemptions").then().statusCode(201).extract().path("id");
        String placement = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"exemptionId": "%s", "providerName": "Fenland Fostering Ltd", "weeklyFee": {"core": 820.00},
                 "placementPattern": "WEEKS_52", "startDate": "2018-11-01",
                 "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}], "referralId": "%s"}"""
                .formatted(exemption, referral)).post("/spot-purchases").then().statusCode(201).extract().path("id");

        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/audit?size=50").then().statusCode(200)
                .body("items.action", contains("RAISED", "IN_HOUSE_NOT_AVAILABLE", "CALLED_OFF", "UNMET",
                        "SPOT_PURCHASED"))
                .body("items[3].reason", equalTo("No carer in the window"))
                .body("items[4].actor", equalTo("placement-officer@cambridgeshire"))
                .body("items[4].details.placementId", equalTo(placement))
                .body("items[4].details.exemptionId", equalTo(exemption));
        given().auth().oauth2(COMMISSIONER).get("/exemptions/" + exemption + "/audit").then().statusCode(200)
                .body("items[1].details.referralId", equalTo(referral));
    }
}
