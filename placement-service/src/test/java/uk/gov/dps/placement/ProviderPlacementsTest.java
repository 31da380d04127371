package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import uk.gov.dps.events.Topics;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/**
 * A provider's own placements with their agreement and fee history, and its requests to change a weekly fee,
 * decided by the placement's council (as of 22 October 2018).
 */
@QuarkusTest
class ProviderPlacementsTest {

    private static final String COMMISSIONER = Tokens.forCouncil("commissioner", "cambridgeshire");
    private static final String OTHER_COUNCIL = Tokens.forCouncil("placement-officer", "peterborough");
    private static final String UPLIFT = """
            {"effectiveFrom": "2019-04-01", "weeklyFee": {"core": 2369.00, "additionalStaffing": 150.00,
             "therapy": 81.00}, "reason": "Annual uplift 3%"}""";

    @Inject
    AuditTrail audit;

    @Test
    void aProviderSeesOnlyItsOwnPlacementsWithTheAgreementTermsAndEveryFee() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String first = Tokens.forProvider(market.first().toString());
        String second = Tokens.forProvider(market.second().toString());
        String older = awarded(market, market.first(), "2300.00");
        String others = awarded(market, market.second(), "2100.00");
        String newer = awarded(market, market.first(), "2200.00");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"startDate\":\"2018-11-05\"}")
                .post("/placements/" + older + "/start").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(UPLIFT)
                .post("/placements/" + older + "/fee-changes").then().statusCode(200);

        // newest first, only its own, filtered by status
        given().auth().oauth2(first).get("/placements").then().statusCode(200)
                .body("items.id", contains(newer, older)).body("hasNext", equalTo(false));
        given().auth().oauth2(first).queryParam("status", "started").get("/placements").then().statusCode(200)
                .body("items.id", contains(older)).body("items[0].weeklyFee.total", equalTo(2531.00f))
                .body("items[0].feeHistory.weeklyFee.total", contains(2531.00f, 2600.00f));
        given().auth().oauth2(first).queryParam("size", 1).get("/placements").then().statusCode(200)
                .body("items.id", contains(newer)).body("hasNext", equalTo(true));
        given().auth().oauth2(second).get("/placements").then().statusCode(200).body("items.id", contains(others));
        given().auth().oauth2(first).queryParam("status", "LIVE").get("/placements").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("status"));

        // the agreement's terms, the fee in force today (the uplift is from April) and every fee with its reason
        String own = given().auth().oauth2(first).get("/placements/" + older).then().statusCode(200)
                .body("agreementForm", equalTo("INDIVIDUAL_PLACEMENT_AGREEMENT"))
                .body("serviceType", equalTo("RESIDENTIAL")).body("placementPattern", equalTo("WEEKS_52"))
                .body("plannedStart", equalTo("2018-11-05")).body("expectedEnd", equalTo("2019-11-03"))
                .body("startDate", equalTo("2018-11-05")).body("status", equalTo("STARTED"))
                .body("providerName", equalTo("Alpha Homes")).body("council", equalTo("cambridgeshire"))
                .body("weeklyFee.total", equalTo(2531.00f)).body("weeklyFee.core", equalTo(2300.00f))
                .body("feeHistory.effectiveFrom", contains("2018-11-05", "2019-04-01"))
                .body("feeHistory.reason", contains("Agreed at award", "Annual uplift 3%"))
                .body("feeHistory.weeklyFee.total", contains(2531.00f, 2600.00f))
                .body("feeHistory.feeChangeRequestId", contains(nullValue(), nullValue()))
                .extract().asString();
        // nothing about the child, the council's funding split, its panel or its staff
        assertThat(own).doesNotContain("fundingShares").doesNotContain("LAC_PLACEMENTS")
                .doesNotContain("panelApprovalReference").doesNotContain("placement-officer@")
                .doesNotContain("ageBand").doesNotContain("needs");

        // another provider's placement: 403, as for referrals; an unknown one 404
        given().auth().oauth2(first).get("/placements/" + others).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(first).get("/placements/" + UUID.randomUUID()).then().statusCode(404);
        // the agreement document with the council's funding split stays the council's
        given().auth().oauth2(first).get("/placements/" + older + "/agreement").then().statusCode(403);

        // officers see what they saw before
        given().auth().oauth2(OFFICER).get("/placements/" + older).then().statusCode(200)
                .body("fundingShares[0].stream", equalTo("LAC_PLACEMENTS"))
                .body("feeChanges[0].changedBy", equalTo("placement-officer@cambridgeshire"))
                .body("$", not(hasKey("feeHistory")));
        given().auth().oauth2(OFFICER).get("/placements").then().statusCode(200)
                .body("items.id", hasItem(others)).body("items[0]", hasKey("fundingShares"));
        given().auth().oauth2(OTHER_COUNCIL).get("/placements/" + older).then().statusCode(403);
    }

    @Test
    void anAcceptedRequestChangesTheFeeFromItsDateAndSpendHearsOfIt() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String first = Tokens.forProvider(market.first().toString());
        String second = Tokens.forProvider(market.second().toString());
        String placement = awarded(market, market.first(), "2300.00");

        // only its own provider asks, and officers do not ask on a provider's behalf
        given().auth().oauth2(second).contentType(ContentType.JSON).body(UPLIFT)
                .post("/placements/" + placement + "/fee-change-requests").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(UPLIFT)
                .post("/placements/" + placement + "/fee-change-requests").then().statusCode(403);
        String request = given().auth().oauth2(first).contentType(ContentType.JSON).body(UPLIFT)
                .post("/placements/" + placement + "/fee-change-requests").then().statusCode(201)
                .header("Location", containsString("/placements/" + placement + "/fee-change-requests/"))
                .body("status", equalTo("PENDING")).body("weeklyFee.total", equalTo(2600.00f))
                .body("effectiveFrom", equalTo("2019-04-01")).body("providerId", equalTo(market.first().toString()))
                .extract().path("id");

        // the council's queue and the provider's own list; nobody else's
        given().auth().oauth2(OFFICER).queryParam("status", "PENDING").get("/fee-change-requests").then()
                .statusCode(200).body("items.id", hasItem(request));
        given().auth().oauth2(COMMISSIONER).queryParam("placement", placement).get("/fee-change-requests").then()
                .statusCode(200).body("items.id", contains(request));
        given().auth().oauth2(first).get("/fee-change-requests").then().statusCode(200)
                .body("items.id", contains(request));
        given().auth().oauth2(second).get("/fee-change-requests").then().statusCode(200).body("items", empty());
        given().auth().oauth2(OTHER_COUNCIL).get("/fee-change-requests").then().statusCode(200)
                .body("items.id", not(hasItem(request)));
        given().auth().oauth2(Tokens.forCouncil("panel", "cambridgeshire")).get("/fee-change-requests").then()
                .statusCode(403);
        given().auth().oauth2(OFFICER).queryParam("status", "WAITING").get("/fee-change-requests").then()
                .statusCode(400).body("errors.field", contains("status"));

        // another council, or the provider itself, cannot decide
        decide(OTHER_COUNCIL, placement, request, "ACCEPTED", null).statusCode(403);
        decide(first, placement, request, "ACCEPTED", null).statusCode(403);
        decide(COMMISSIONER, placement, request, "ACCEPTED", "Within the agreed uplift").statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decisionReason", equalTo("Within the agreed uplift"))
                .body("decidedAt", org.hamcrest.Matchers.notNullValue());
        // a request is decided once
        decide(OFFICER, placement, request, "REFUSED", "Changed my mind").statusCode(409)
                .contentType("application/problem+json");

        given().auth().oauth2(first).get("/placements/" + placement).then().statusCode(200)
                .body("feeHistory.effectiveFrom", contains("2018-11-05", "2019-04-01"))
                .body("feeHistory.weeklyFee.total", contains(2531.00f, 2600.00f))
                .body("feeHistory[1].reason", equalTo("Annual uplift 3%"))
                .body("feeHistory[1].feeChangeRequestId", equalTo(request));
        given().auth().oauth2(OFFICER).get("/placements/" + placement).then()
                .body("feeChanges.weeklyFee.total", contains(2600.00f));
        given().auth().oauth2(first).queryParam("status", "ACCEPTED").get("/fee-change-requests").then()
                .body("items.id", contains(request));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            topic.await(r -> placement.equals(r.key()) && "dps.placement.fee-changed.v1".equals(type(r)),
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> events = topic.seen().stream()
                    .filter(r -> placement.equals(r.key())).toList();
            assertThat(events).extracting(ProviderPlacementsTest::type).containsExactly("dps.placement.awarded.v1",
                    "dps.placement.fee-change-requested.v1", "dps.placement.fee-change-decided.v1",
                    "dps.placement.fee-changed.v1");
            assertThat(events.get(1).value()).contains("\"requestId\":\"" + request + "\"")
                    .contains("\"providerId\":\"" + market.first() + "\"").contains("\"total\":2600.00")
                    .contains("\"effectiveFrom\":\"2019-04-01\"").contains("\"council\":\"cambridgeshire\"");
            assertThat(events.get(2).value()).contains("\"decision\":\"ACCEPTED\"")
                    .contains("\"reason\":\"Within the agreed uplift\"");
            // the same event as a council's own fee change: spend re-commits from it
            assertThat(events.get(3).value()).contains("\"effectiveFrom\":\"2019-04-01\"")
                    .contains("\"total\":2600.00").contains("\"reason\":\"Annual uplift 3%\"");
        }

        PageRequest page = new PageRequest();
        page.size = 50;
        assertThat(audit.about(placement, page)).extracting(AuditTrail.Entry::action)
                .containsSubsequence("FEE_CHANGE_REQUESTED", "FEE_CHANGE_ACCEPTED", "FEE_CHANGED");
        assertThat(audit.about(placement, page)).filteredOn(e -> e.action().equals("FEE_CHANGE_ACCEPTED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("commissioner@cambridgeshire");
                    assertThat(e.reason()).isEqualTo("Within the agreed uplift");
                    assertThat(e.details().get("requestId").asText()).isEqualTo(request);
                });
    }

    @Test
    void aRefusedRequestChangesNoFeeAndBadRequestsChangeNothing() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String first = Tokens.forProvider(market.first().toString());
        String placement = awarded(market, market.first(), "2300.00");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"startDate\":\"2018-11-12\"}")
                .post("/placements/" + placement + "/start").then().statusCode(200);

        // before the placement started; no reason; a third decimal
        ask(first, placement, "2018-11-05", "2400.00", "Uplift").statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("effectiveFrom"))
                .body("errors[0].message", containsString("2018-11-12"));
        ask(first, placement, "2019-04-01", "2400.00", " ").statusCode(400).body("errors.field", hasItem("reason"));
        ask(first, placement, "2019-04-01", "2400.001", "Uplift").statusCode(400);

        String request = ask(first, placement, "2019-01-07", "2600.00", "One-to-one staffing at night")
                .statusCode(201).extract().path("id");
        // a refusal says why; a decision that is neither is refused
        decide(OFFICER, placement, request, "REFUSED", null).statusCode(400).body("errors.field", contains("reason"));
        decide(OFFICER, placement, request, "MAYBE", "x").statusCode(400).contentType("application/problem+json");
        decide(OFFICER, placement, UUID.randomUUID().toString(), "ACCEPTED", null).statusCode(404);
        decide(OFFICER, placement, request, "REFUSED", "Not in the care plan").statusCode(200)
                .body("status", equalTo("REFUSED")).body("decisionReason", equalTo("Not in the care plan"));
        decide(OFFICER, placement, request, "ACCEPTED", null).statusCode(409);

        // the fee is what was agreed at award
        given().auth().oauth2(first).get("/placements/" + placement).then().statusCode(200)
                .body("weeklyFee.total", equalTo(2531.00f)).body("feeHistory.reason", contains("Agreed at award"));
        given().auth().oauth2(first).get("/placements/" + placement + "/fee-change-requests/" + request).then()
                .statusCode(200).body("status", equalTo("REFUSED")).body("reason",
                        equalTo("One-to-one staffing at night"));
        given().auth().oauth2(Tokens.forProvider(market.second().toString()))
                .get("/placements/" + placement + "/fee-change-requests/" + request).then().statusCode(403);

        // after the end: a date after it is 400, any other request 409
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"endDate\":\"2019-08-30\",\"endType\":\"PLANNED\",\"reasonEpisodeCeased\":\"E4A\"}")
                .post("/placements/" + placement + "/end").then().statusCode(200);
        ask(first, placement, "2019-09-02", "2600.00", "Uplift").statusCode(400)
                .body("errors.field", contains("effectiveFrom")).body("errors[0].message", containsString("ended"));
        ask(first, placement, "2019-04-01", "2600.00", "Uplift").statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(first).queryParam("placement", placement).get("/fee-change-requests").then()
                .statusCode(200).body("items.id", contains(request)).body("items[0].status", equalTo("REFUSED"));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            topic.await(r -> placement.equals(r.key()) && "dps.placement.ended.v1".equals(type(r)),
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> events = topic.seen().stream()
                    .filter(r -> placement.equals(r.key())).toList();
            assertThat(events).extracting(ProviderPlacementsTest::type).containsExactly("dps.placement.awarded.v1",
                    "dps.placement.started.v1", "dps.placement.fee-change-requested.v1",
                    "dps.placement.fee-change-decided.v1", "dps.placement.ended.v1");
            assertThat(events.get(3).value()).contains("\"decision\":\"REFUSED\"")
                    .contains("\"reason\":\"Not in the care plan\"");
        }
        PageRequest page = new PageRequest();
        page.size = 50;
        assertThat(audit.about(placement, page)).extracting(AuditTrail.Entry::action)
                .containsExactly("AWARDED", "STARTED", "FEE_CHANGE_REQUESTED", "FEE_CHANGE_REFUSED", "ENDED");
    }

    @Test
    void onePlacementIsDocumentedAsEitherTheOfficersOrTheProvidersView() {
        var openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        assertThat(openApi.getString(
                "paths.'/placements/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/PlacementAnswer");
        assertThat(openApi.getList("components.schemas.PlacementAnswer.oneOf.'$ref'", String.class)).containsExactly(
                "#/components/schemas/PlacementView", "#/components/schemas/ProviderPlacementView");
        assertThat(openApi.getMap("paths.'/placements/{id}/fee-change-requests/{requestId}/decision'"))
                .containsKey("post");
    }

    /** A call-off on the market's lot awarded to {@code provider}'s offer (core fee + 231.00 a week). */
    private static String awarded(CallOffFixtures.Market market, UUID provider, String core) {
        String referral = CallOffFixtures.calledOff(market.lot());
        String offer = CallOffFixtures.offer(referral, provider, core);
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\":\"" + offer + "\",\"fundingShares\":[{\"stream\":\"LAC_PLACEMENTS\","
                        + "\"percent\":100}],\"expectedEnd\":\"2019-11-03\"}")
                .post("/referrals/" + referral + "/award").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse ask(String token, String placement, String effectiveFrom, String core,
            String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"effectiveFrom": "%s", "weeklyFee": {"core": %s}, "reason": "%s"}"""
                .formatted(effectiveFrom, core, reason)).post("/placements/" + placement + "/fee-change-requests")
                .then();
    }

    private static ValidatableResponse decide(String token, String placement, String request, String decision,
            String reason) {
        String body = reason == null ? "{\"decision\":\"" + decision + "\"}"
                : "{\"decision\":\"" + decision + "\",\"reason\":\"" + reason + "\"}";
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/placements/" + placement + "/fee-change-requests/" + request + "/decision").then();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
