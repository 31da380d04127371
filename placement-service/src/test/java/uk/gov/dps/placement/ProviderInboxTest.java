package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.AdjustableClock;

/** A provider's inbox of invitations, what it learns of the decision, and changing its offer before its deadline. */
@QuarkusTest
class ProviderInboxTest {

    @Inject
    AdjustableClock clock;

    @Inject
    AuditTrail audit;

    @Test
    void theInboxFiltersByStatusAndLotAndTellsTheUnsuccessfulNeitherWinnerNorPrice() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String first = Tokens.forProvider(market.first().toString());
        String second = Tokens.forProvider(market.second().toString());
        // whole seconds, as the deadline reads back from the database
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        // awarded: both offered, the first wins at 2531.00 a week, the second offered 2631.00
        String awarded = calledOff(market.lot(), now.plus(Duration.ofHours(2)));
        String winning = CallOffFixtures.offer(awarded, market.first(), "2300.00");
        CallOffFixtures.offer(awarded, market.second(), "2400.00");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\":\"" + winning + "\",\"fundingShares\":[{\"stream\":\"LAC_PLACEMENTS\","
                        + "\"percent\":100}]}")
                .post("/referrals/" + awarded + "/award").then().statusCode(201);
        // the first has offered, the second not yet
        String answered = calledOff(market.lot(), now.plus(Duration.ofHours(2)));
        String answeredOffer = CallOffFixtures.offer(answered, market.first(), "2100.00");
        // nobody answers before this one's deadline
        String lapsed = calledOff(market.lot(), now.plus(Duration.ofMinutes(30)));
        clock.moveOn(Duration.ofMinutes(31));

        given().auth().oauth2(first).get("/invitations").then().statusCode(200)
                .body("items.referralId", contains(lapsed, answered, awarded))
                .body("items.status", contains("EXPIRED", "RESPONDED", "CLOSED"))
                .body("items.outcome", contains(null, null, "AWARDED"))
                .body("items[1].response.offerId", equalTo(answeredOffer))
                .body("items[1].response.weeklyFee.total", equalTo(2331.00f))
                .body("items[1].referral.needs", hasItem("MISSING_EPISODES"))
                .body("items[1].referral.status", equalTo("CALLED_OFF"))
                .body("items[2].referral.status", equalTo("AWARDED"))
                .body("items[2].referral.outcome", equalTo("AWARDED"))
                .body("hasNext", equalTo(false));
        given().auth().oauth2(first).queryParam("status", "responded").get("/invitations").then().statusCode(200)
                .body("items.referralId", contains(answered));

        given().auth().oauth2(second).queryParam("status", "OPEN").get("/invitations").then().statusCode(200)
                .body("items.referralId", contains(answered)).body("items[0].response", nullValue())
                .body("items[0].respondBy", equalTo(now.plus(Duration.ofHours(2)).toString()));
        given().auth().oauth2(second).queryParam("status", "EXPIRED").get("/invitations").then()
                .body("items.referralId", contains(lapsed));
        String closed = given().auth().oauth2(second).queryParam("status", "CLOSED").get("/invitations").then()
                .statusCode(200).body("items.referralId", contains(awarded))
                .body("items[0].outcome", equalTo("NOT_SUCCESSFUL"))
                .body("items[0].response.weeklyFee.total", equalTo(2631.00f)).extract().asString();
        assertThat(closed).doesNotContain(market.first().toString()).doesNotContain("2531").doesNotContain(winning)
                .doesNotContain("Alpha");
        String referral = given().auth().oauth2(second).get("/referrals/" + awarded).then().statusCode(200)
                .body("status", equalTo("AWARDED")).body("outcome", equalTo("NOT_SUCCESSFUL")).extract().asString();
        assertThat(referral).doesNotContain(market.first().toString()).doesNotContain("2531")
                .doesNotContain(winning);
        given().auth().oauth2(first).get("/referrals/" + awarded).then().statusCode(200)
                .body("status", equalTo("AWARDED")).body("outcome", equalTo("AWARDED"));
        given().auth().oauth2(first).get("/referrals/" + answered).then().statusCode(200)
                .body("status", equalTo("CALLED_OFF")).body("outcome", nullValue());

        // after the award, the winner's offer no longer changes
        given().auth().oauth2(first).contentType(ContentType.JSON).body("{\"reason\":\"Home closed\"}")
                .post("/referrals/" + awarded + "/offers/" + winning + "/withdrawal").then().statusCode(409)
                .contentType("application/problem+json");

        // lot filter and paging
        given().auth().oauth2(second).queryParam("lot", market.lot().toString()).queryParam("size", 2)
                .get("/invitations").then().statusCode(200).body("items.referralId", contains(lapsed, answered))
                .body("hasNext", equalTo(true));
        given().auth().oauth2(second).queryParam("lot", market.lot().toString()).queryParam("size", 2)
                .queryParam("page", 1).get("/invitations").then().body("items.referralId", contains(awarded))
                .body("hasNext", equalTo(false));
        given().auth().oauth2(second).queryParam("lot", UUID.randomUUID().toString()).get("/invitations").then()
                .statusCode(200).body("items", empty());

        // bad filters, other roles
        given().auth().oauth2(second).queryParam("status", "WON").get("/invitations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("status"));
        given().auth().oauth2(second).queryParam("lot", "LOT1").get("/invitations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("lot"));
        given().auth().oauth2(OFFICER).get("/invitations").then().statusCode(403);
        given().get("/invitations").then().statusCode(401);
    }

    @Test
    void aProviderWithdrawsOrAmendsItsOwnOfferUntilItsDeadlineAndAWithdrawnOfferIsNeverAwarded() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String first = Tokens.forProvider(market.first().toString());
        String second = Tokens.forProvider(market.second().toString());
        String referral = calledOff(market.lot(), clock.instant().plus(Duration.ofHours(1)));
        String firstOffer = CallOffFixtures.offer(referral, market.first(), "2300.00");
        String secondOffer = CallOffFixtures.offer(referral, market.second(), "2000.00");

        // another provider's offer: 403, and nothing changes
        given().auth().oauth2(second).contentType(ContentType.JSON).body(amendment("1.00", "Undercut"))
                .put("/referrals/" + referral + "/offers/" + firstOffer).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(second).contentType(ContentType.JSON).body("{\"reason\":\"Mischief\"}")
                .post("/referrals/" + referral + "/offers/" + firstOffer + "/withdrawal").then().statusCode(403);
        given().auth().oauth2(first).contentType(ContentType.JSON).body("{}")
                .post("/referrals/" + referral + "/offers/" + firstOffer + "/withdrawal").then().statusCode(400)
                .body("errors.field", hasItem("reason"));

        // the first lowers its fee: the evaluation ranks it at the new total
        given().auth().oauth2(first).contentType(ContentType.JSON).body(amendment("1800.00", "Sibling discount"))
                .put("/referrals/" + referral + "/offers/" + firstOffer).then().statusCode(200)
                .body("weeklyFee.total", equalTo(1800.00f)).body("proposedStart", equalTo("2018-11-12"))
                .body("homeReference", equalTo("Home-9")).body("amendedAt", org.hamcrest.Matchers.notNullValue());
        // the second withdraws: its offer is neither ranked nor awardable
        given().auth().oauth2(second).contentType(ContentType.JSON).body("{\"reason\":\"Vacancy filled\"}")
                .post("/referrals/" + referral + "/offers/" + secondOffer + "/withdrawal").then().statusCode(200)
                .body("withdrawalReason", equalTo("Vacancy filled"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/evaluation").then().statusCode(200)
                .body("offerId", contains(firstOffer)).body("[0].weeklyTotal", equalTo(1800.00f));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\":\"" + secondOffer + "\",\"fundingShares\":[{\"stream\":\"LAC_PLACEMENTS\","
                        + "\"percent\":100}]}")
                .post("/referrals/" + referral + "/award").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("withdrew"));
        given().auth().oauth2(second).contentType(ContentType.JSON).body(amendment("1900.00", "Back again"))
                .put("/referrals/" + referral + "/offers/" + secondOffer).then().statusCode(409);

        // who, when, what and why, in the referral's audit trail
        PageRequest page = new PageRequest();
        page.size = 50;
        List<AuditTrail.Entry> entries = audit.about(referral, page);
        assertThat(entries).filteredOn(e -> e.action().equals("OFFER_AMENDED")).singleElement().satisfies(e -> {
            assertThat(e.actor()).contains(market.first().toString());
            assertThat(e.reason()).isEqualTo("Sibling discount");
            assertThat(e.details().get("previousWeeklyTotal").asText()).isEqualTo("2531.00");
            assertThat(e.details().get("weeklyTotal").asText()).isEqualTo("1800.00");
            assertThat(e.at()).isNotNull();
        });
        assertThat(entries).filteredOn(e -> e.action().equals("OFFER_WITHDRAWN")).singleElement().satisfies(e -> {
            assertThat(e.actor()).contains(market.second().toString());
            assertThat(e.reason()).isEqualTo("Vacancy filled");
            assertThat(e.details().get("offerId").asText()).isEqualTo(secondOffer);
        });

        // after the deadline: 409, and the offer stands as it was
        clock.moveOn(Duration.ofMinutes(61));
        given().auth().oauth2(first).contentType(ContentType.JSON).body(amendment("1700.00", "Late"))
                .put("/referrals/" + referral + "/offers/" + firstOffer).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("deadline"));
        given().auth().oauth2(first).contentType(ContentType.JSON).body("{\"reason\":\"Late\"}")
                .post("/referrals/" + referral + "/offers/" + firstOffer + "/withdrawal").then().statusCode(409);
        given().auth().oauth2(first).get("/referrals/" + referral + "/offers").then().statusCode(200)
                .body("[0].weeklyFee.total", equalTo(1800.00f)).body("[0].withdrawnAt", nullValue());
        assertThat(audit.about(referral, page)).hasSize(entries.size());
    }

    /** Raised, checked in-house (none available) and called off with the given deadline. */
    private static String calledOff(UUID lot, Instant respondBy) {
        String referral = CallOffFixtures.raise(lot);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"respondBy\":\"" + respondBy + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }

    private static String amendment(String core, String reason) {
        return """
                {"weeklyFee": {"core": %s}, "proposedStart": "2018-11-12", "homeReference": "Home-9",
                 "needsMet": ["EMOTIONAL_BEHAVIOURAL"], "reason": "%s"}
                """.formatted(core, reason);
    }
}
