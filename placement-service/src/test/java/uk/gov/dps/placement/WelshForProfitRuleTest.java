package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import uk.gov.dps.testing.AdjustableClock;

/**
 * Health and Social Care (Wales) Act 2025: from a configured day (dps.placement.wales-for-profit-exceptional-from,
 * 2030-04-01 by default; the tests set 2018-10-23, the day after they start) an English council places with a
 * for-profit provider in Wales only in exceptional cases, with the reason recorded; before that day nothing changes.
 */
@QuarkusTest
class WelshForProfitRuleTest {

    private static final List<String> NEEDS = List.of("EMOTIONAL_BEHAVIOURAL");

    @Inject
    AdjustableClock clock;

    @Test
    void aForProfitWelshSettingNeedsAnExceptionalReasonFromTheRulesDayOnly() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        UUID lot = market.lot();
        UUID forProfit = market.first();
        UUID charity = market.second();
        UUID cardiff = CallOffFixtures.setting(forProfit, "Bay View", "CF10", 8, 17, NEEDS, true, "Valleys Group plc",
                "07654321", true, "Wales", true);
        UUID wrexham = CallOffFixtures.setting(charity, "Offa House", "LL11", 8, 17, NEEDS, true, null, null, false,
                "Wales", true);

        // 22 October 2018: the day before the rule (no test moves the clock a day on)
        String before = calledOff(lot);
        award(before, offer(before, forProfit, cardiff), "").statusCode(201).body("exceptionalReason", nullValue())
                .body("settingName", equalTo("Bay View"));

        String after = calledOff(lot);
        String forProfitOffer = offer(after, forProfit, cardiff);
        String notForProfit = calledOff(lot);
        String charityOffer = offer(notForProfit, charity, wrexham);
        // midnight in England on 23 October 2018 (BST), the rule's first moment
        Instant ruleDay = Instant.parse("2018-10-22T23:00:00Z");
        if (clock.instant().isBefore(ruleDay)) {
            clock.moveOn(Duration.between(clock.instant(), ruleDay));
        }

        award(after, forProfitOffer, "").statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Health and Social Care (Wales) Act 2025"))
                .body("detail", containsString("2018-10-23"))
                .body("detail", containsString("Bay View"))
                .body("detail", containsString("exceptionalReason"));
        award(after, forProfitOffer, "\"exceptionalReason\": \"   \"").statusCode(422);
        given().auth().oauth2(OFFICER).get("/referrals/" + after).then().body("status", equalTo("CALLED_OFF"));
        given().auth().oauth2(OFFICER).get("/referrals/" + after + "/audit").then()
                .body("items.action", not(hasItem("AWARDED")));

        // a not-for-profit Welsh setting needs no reason
        award(notForProfit, charityOffer, "").statusCode(201).body("exceptionalReason", nullValue());

        String reason = "Sibling already placed at Bay View; the panel judged keeping them together exceptional";
        String placement = award(after, forProfitOffer, "\"exceptionalReason\": \"" + reason + "\"").statusCode(201)
                .body("exceptionalReason", equalTo(reason)).extract().path("id");
        given().auth().oauth2(OFFICER).get("/placements/" + placement).then().statusCode(200)
                .body("exceptionalReason", equalTo(reason))
                .body("distanceBand", equalTo("OVER_TWENTY_MILES"))
                .body("insideArea", equalTo(false));
        given().auth().oauth2(OFFICER).get("/referrals/" + after + "/audit").then().statusCode(200)
                .body("items.find { it.action == 'AWARDED' }.details.exceptionalReason", equalTo(reason));
    }

    private String calledOff(UUID lot) {
        String referral = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"lotId": "%s", "ageBand": "11-15", "sex": "MALE", "needs": ["EMOTIONAL_BEHAVIOURAL"],
                 "postcodeDistrict": "PE29", "wantedStart": "2018-11-05", "placementPattern": "WEEKS_52"}
                """.formatted(lot)).post("/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"respondBy\":\"" + Instant.parse("2018-10-25T17:00:00Z")
                        + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }

    private static String offer(String referral, UUID provider, UUID setting) {
        return InvitationFitTest.offer(referral, provider, setting, "3100.00").statusCode(201).extract().path("id");
    }

    private static ValidatableResponse award(String referral, String offer, String fields) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\": \"" + offer + "\", \"fundingShares\": [{\"stream\": \"LAC_PLACEMENTS\", "
                        + "\"percent\": 100}]" + (fields.isBlank() ? "" : ", " + fields) + "}")
                .post("/referrals/" + referral + "/award").then();
    }
}
