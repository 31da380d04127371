package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.lot.PurchasingSystemEstablished;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.placement.domain.Projections;
import uk.gov.dps.placement.domain.RegimeTerms;
import uk.gov.dps.testing.AdjustableClock;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/**
 * What an award must record and tell: the notice a competitive award on a Procurement Act 2023 dynamic market
 * relates to, one "not successful" per provider however many rounds it offered in, and SSDA903 codes still valid
 * in the year the placement actually starts.
 */
@QuarkusTest
class AwardRulesTest {

    private static final String PANEL = Tokens.forCouncil("panel", "cambridgeshire");
    private static final String NOTICE = "\"noticeReference\": \"UK6-2018-004217\"";

    @Inject
    AdjustableClock clock;

    record Market(UUID lot, UUID first, UUID second) {
    }

    @Test
    void aCompetitiveAwardOnADynamicMarketRecordsItsNoticeWhileOtherRegimesNeedNone() {
        Market market = market("PA2023_DYNAMIC_MARKET");
        String referral = CallOffFixtures.calledOff(market.lot());
        String offer = CallOffFixtures.offer(referral, market.first(), "900.00");

        award(referral, offer, "").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("noticeReference"))
                .body("errors[0].message", containsString("Procurement Act 2023"));
        award(referral, offer, "\"noticeReference\": \"  \"").statusCode(400)
                .body("errors.field", hasItem("noticeReference"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));
        given().auth().oauth2(OFFICER).get("/placements").then().body("items.referralId", not(referral));

        String placement = award(referral, offer, NOTICE).statusCode(201)
                .body("noticeReference", equalTo("UK6-2018-004217")).extract().path("id");
        given().auth().oauth2(OFFICER).get("/placements/" + placement).then().statusCode(200)
                .body("noticeReference", equalTo("UK6-2018-004217"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/audit").then().statusCode(200)
                .body("items.find { it.action == 'AWARDED' }.details.noticeReference", equalTo("UK6-2018-004217"));
        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> awarded = topic.await(r -> placement.equals(r.key())
                    && "dps.placement.awarded.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(awarded.value()).contains("\"noticeReference\":\"UK6-2018-004217\"");
        }

        // a light-touch pseudo-DPS: the notice is optional
        Market lightTouch = market("LIGHT_TOUCH_PSEUDO_DPS");
        String other = CallOffFixtures.calledOff(lightTouch.lot());
        award(other, CallOffFixtures.offer(other, lightTouch.first(), "900.00"), "").statusCode(201)
                .body("noticeReference", nullValue());
    }

    @Test
    void anAwardThroughThePanelKeepsItsNoticeUntilThePlacementIsMade() {
        Market market = market("PA2023_DYNAMIC_MARKET");
        String referral = CallOffFixtures.calledOff(market.lot());
        // above the £4,000 weekly threshold: the panel decides
        String offer = CallOffFixtures.offer(referral, market.first(), "5200.00");
        award(referral, offer, "").statusCode(400).body("errors.field", hasItem("noticeReference"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));

        String request = award(referral, offer, NOTICE).statusCode(202)
                .body("noticeReference", equalTo("UK6-2018-004217")).extract().path("id");
        String placement = given().auth().oauth2(PANEL).contentType(ContentType.JSON)
                .body("{\"decision\": \"APPROVED\", \"reasons\": \"Needs-led\"}")
                .post("/panel-requests/" + request + "/decision").then().statusCode(200).extract().path("placementId");
        given().auth().oauth2(OFFICER).get("/placements/" + placement).then().statusCode(200)
                .body("noticeReference", equalTo("UK6-2018-004217"))
                .body("panelApprovalReference", equalTo(request));
    }

    @Test
    void aProviderThatOfferedInTwoRoundsIsToldOnceThatItWasNotSuccessful() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.raise(market.lot());
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"respondBy\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        // below the panel threshold, so the award is made at once
        CallOffFixtures.offer(referral, market.first(), "3600.00");
        CallOffFixtures.offer(referral, market.second(), "3550.00");
        clock.moveOn(Duration.ofMinutes(61));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"respondBy\": \"" + clock.instant().plus(Duration.ofHours(50)) + "\"}")
                .post("/referrals/" + referral + "/rounds").then().statusCode(201).body("round", equalTo(2));
        // both offer again; the first's second-round offer wins
        String winning = CallOffFixtures.offer(referral, market.first(), "3300.00");
        CallOffFixtures.offer(referral, market.second(), "3500.00");

        String placement = award(referral, winning, "\"justification\": \"Closest to the child's school\"")
                .statusCode(201).extract().path("id");

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> awarded = topic.await(r -> placement.equals(r.key())
                    && "dps.placement.awarded.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            // once, and never the winner (whose first-round offer lost only to its own second)
            assertThat(awarded.value()).contains("\"unsuccessfulProviderIds\":[\"" + market.second() + "\"]");
        }
        given().auth().oauth2(Tokens.forProvider(market.second().toString())).queryParam("size", 100)
                .get("/invitations").then().statusCode(200)
                .body("items.findAll { it.referralId == '" + referral + "' }.outcome", contains("NOT_SUCCESSFUL"));
        given().auth().oauth2(Tokens.forProvider(market.first().toString())).queryParam("size", 100)
                .get("/invitations").then().statusCode(200)
                .body("items.findAll { it.referralId == '" + referral + "' }.outcome", contains("AWARDED"));
    }

    @Test
    void aPlacementCannotStartInAYearWhereItsPlacementTypeWasWithdrawn() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = CallOffFixtures.calledOff(market.lot());
        String offer = CallOffFixtures.offer(referral, market.first(), "2300.00");
        // Z1 is valid in 2024-25 and withdrawn from 2025-26
        String placement = award(referral, offer, "\"plannedStart\": \"2025-03-24\", \"placementType\": \"Z1\"")
                .statusCode(201).body("placementType", equalTo("Z1")).extract().path("id");

        start(placement, "2025-04-07").statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Z1")).body("detail", containsString("2025-26"));
        given().auth().oauth2(OFFICER).get("/placements/" + placement).then().body("status", equalTo("AWARDED"))
                .body("startDate", nullValue());
        given().auth().oauth2(OFFICER).get("/placements/" + placement + "/audit").then()
                .body("items.action", not("STARTED"));
        // another council may not even try
        start(placement, "2025-03-31", Tokens.forCouncil("placement-officer", "peterborough")).statusCode(403);

        start(placement, "2025-03-31").statusCode(200).body("status", equalTo("STARTED"));
    }

    private static org.hamcrest.Matcher<Iterable<? super String>> not(String item) {
        return org.hamcrest.Matchers.not(hasItem(item));
    }

    /** A lot of a DPS under {@code regime} with two members; waits until placement-service knows both. */
    private static Market market(String regime) {
        UUID dps = UUID.randomUUID();
        UUID lot = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        LocalDate from = LocalDate.of(2018, 10, 1);
        LocalDate to = LocalDate.of(2022, 9, 30);
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PURCHASING_SYSTEM_ESTABLISHED, dps, new PurchasingSystemEstablished(dps,
                    "A-" + dps, "Award test", regime, List.of("cambridgeshire"), from, to));
            events.sendEvent(EventCatalog.LOT_OPENED, lot, new LotSnapshot(lot, dps, "A-" + dps, "LOT2", "IFA", "IFA",
                    List.of(), List.of(new LotSnapshot.Category("EMERGENCY", "Emergency (same day)")), List.of(),
                    false, true, List.of("cambridgeshire"), from, to));
            for (UUID provider : List.of(first, second)) {
                events.sendEvent(EventCatalog.PROVIDER_ADMITTED_TO_LOT, provider, new ProviderAdmittedToLot(provider,
                        "Agency " + provider, lot, UUID.randomUUID(), List.of("EMERGENCY"), null, Instant.now()));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                RegimeTerms.DpsRegime.findById(dps) != null && RegimeTerms.LotTerms.findById(lot) != null
                        && Projections.LotView.findById(lot) != null
                        && Projections.LotMember.count("lotId", lot) == 2));
        return new Market(lot, first, second);
    }

    private static ValidatableResponse award(String referral, String offer, String fields) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\": \"" + offer + "\", \"fundingShares\": [{\"stream\": \"LAC_PLACEMENTS\", "
                        + "\"percent\": 100}]" + (fields.isBlank() ? "" : ", " + fields) + "}")
                .post("/referrals/" + referral + "/award").then();
    }

    private static ValidatableResponse start(String placement, String day) {
        return start(placement, day, OFFICER);
    }

    private static ValidatableResponse start(String placement, String day, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"startDate\": \"" + day + "\"}")
                .post("/placements/" + placement + "/start").then();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
