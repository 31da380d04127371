package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import uk.gov.dps.events.provider.VacancySnapshot;
import uk.gov.dps.events.quality.InspectionRecorded;
import uk.gov.dps.placement.domain.Projections.SettingView;
import uk.gov.dps.placement.domain.Projections.VacancyView;
import uk.gov.dps.placement.domain.SettingQuality;
import uk.gov.dps.testing.AdjustableClock;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/**
 * Invitations ranked by fit against the invitees' settings and vacancies, with known postcodes: the child lives in
 * PE29 (Huntingdon, Cambridgeshire); Beta Care's home is in PE1 (Peterborough: 20 miles or less, outside
 * Cambridgeshire's area), Alpha Homes' in PE13 (Wisbech: inside the area, over 20 miles). Every eligible member is
 * still invited; the fit orders and explains.
 */
@QuarkusTest
class InvitationFitTest {

    private static final List<String> NEEDS = List.of("EMOTIONAL_BEHAVIOURAL", "MISSING_EPISODES");

    @Inject
    AdjustableClock clock;

    @Test
    void theOfficerSeesWhoIsLikelyToAnswerFirstWithTheReasons() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        UUID fenland = CallOffFixtures.setting(market.first(), "Fenland House", "PE13", 8, 12, NEEDS, true, null, null,
                true, "England", true);
        UUID lincoln = CallOffFixtures.setting(market.second(), "Lincoln Road", "PE1", 11, 17, NEEDS, true, null, null,
                true, "England", true);
        vacancy(fenland, market.first(), clock.instant().minus(Duration.ofDays(1)), false);
        vacancy(lincoln, market.second(), clock.instant().minus(Duration.ofDays(1)), false);

        String referral = calledOff(market.lot(), "11-15", "PE29", false, clock.instant().plus(Duration.ofHours(5)));

        // by name Alpha would come first; by fit Beta does
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then().statusCode(200)
                .body("providerName", contains("Beta Care", "Alpha Homes"))
                .body("fit.fit", contains("MEETS", "PARTLY_MEETS"))
                .body("[0].fit.settingName", equalTo("Lincoln Road"))
                .body("[0].fit.distanceBand", equalTo("TWENTY_MILES_OR_LESS"))
                .body("[0].fit.insideArea", equalTo(false))
                .body("[0].fit.reasons.find { it.criterion == 'DISTANCE' }.text", matchesPattern(
                        "1\\d\\.\\d miles from the child's home district PE29 \\(20 miles or less\\), outside the "
                                + "council's area"))
                .body("[1].fit.settingName", equalTo("Fenland House"))
                .body("[1].fit.distanceBand", equalTo("OVER_TWENTY_MILES"))
                .body("[1].fit.insideArea", equalTo(true))
                .body("[1].fit.reasons.findAll { !it.met }.criterion", contains("AGE"))
                .body("[1].fit.reasons.find { it.criterion == 'AGE' }.text",
                        equalTo("Registered for ages 8-12 only: the child's age band is 11-15"));
        // an invited provider sees its own invitation's fit, nobody else's
        given().auth().oauth2(Tokens.forProvider(market.first().toString()))
                .get("/referrals/" + referral + "/invitations").then().statusCode(200)
                .body("providerName", contains("Alpha Homes")).body("[0].fit.fit", equalTo("PARTLY_MEETS"));
    }

    @Test
    void theInboxListsWhatTheProviderCanTakeFirstThenTheNearest() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        UUID fenland = CallOffFixtures.setting(market.first(), "Fenland House", "PE13", 5, 12, NEEDS, true, null, null,
                true, "England", true);
        vacancy(fenland, market.first(), clock.instant().minus(Duration.ofDays(2)), false);
        Instant respondBy = clock.instant().plus(Duration.ofHours(5));

        // called off in this order: newest first would be the reverse
        String meetsFar = calledOff(market.lot(), "5-10", "PE29", false, respondBy);
        String partly = calledOff(market.lot(), "11-15", "PE13", false, respondBy);
        String meetsNear = calledOff(market.lot(), "5-10", "PE13", false, respondBy);

        String alpha = Tokens.forProvider(market.first().toString());
        given().auth().oauth2(alpha).get("/invitations").then().statusCode(200)
                .body("items.referralId", contains(meetsNear, meetsFar, partly))
                .body("items.fit.fit", contains("MEETS", "MEETS", "PARTLY_MEETS"))
                .body("items[0].fit.miles", equalTo(0.0f))
                .body("items[2].fit.reasons.find { it.criterion == 'AGE' }.met", equalTo(false));
        // a provider without settings is still invited, after those with, and says why
        given().auth().oauth2(Tokens.forProvider(market.second().toString())).get("/invitations").then()
                .statusCode(200).body("items", hasSize(3))
                .body("items.fit.fit", contains("NO_SETTINGS_KNOWN", "NO_SETTINGS_KNOWN", "NO_SETTINGS_KNOWN"));
        given().auth().oauth2(OFFICER).get("/referrals/" + partly + "/invitations").then()
                .body("providerName", contains("Alpha Homes", "Beta Care"))
                .body("fit.fit", contains("PARTLY_MEETS", "NO_SETTINGS_KNOWN"));
    }

    @Test
    void staleAndNonEmergencyVacanciesAndAnInadequateSettingAreReasonsNotToMeet() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        UUID stale = CallOffFixtures.setting(market.first(), "Marsh Lane", "PE1", 11, 17, NEEDS, true, null, null,
                true, "England", true);
        vacancy(stale, market.first(), clock.instant().minus(Duration.ofDays(8)), true);
        UUID inadequate = CallOffFixtures.setting(market.second(), "Old Rectory", "PE1", 11, 17, NEEDS, true, null,
                null, true, "England", true);
        vacancy(inadequate, market.second(), clock.instant().minus(Duration.ofDays(1)), false);
        judge(market.second(), inadequate, "INADEQUATE", LocalDate.of(2018, 9, 3));

        String emergency = calledOff(market.lot(), "11-15", "PE29", true, clock.instant().plus(Duration.ofHours(5)));

        ValidatableResponse invitations = given().auth().oauth2(OFFICER).get("/referrals/" + emergency
                + "/invitations").then().statusCode(200).body("fit.fit", contains("PARTLY_MEETS", "PARTLY_MEETS"));
        invitations.body("find { it.providerName == 'Alpha Homes' }.fit.reasons.find { it.criterion == 'VACANCY' }.text",
                containsString("stale, last confirmed"));
        invitations.body("find { it.providerName == 'Beta Care' }.fit.reasons.findAll { !it.met }.criterion",
                contains("VACANCY", "QUALITY"));
        invitations.body("find { it.providerName == 'Beta Care' }.fit.reasons.find { it.criterion == 'VACANCY' }.text",
                containsString("not for emergency admissions"));
        invitations.body("find { it.providerName == 'Beta Care' }.fit.reasons.find { it.criterion == 'QUALITY' }.text",
                equalTo("Latest judgement of Old Rectory: INADEQUATE (2018-09-03): it cannot be awarded"));
    }

    @Test
    void aNewRoundAssessesAgainWhileTheFirstRoundsFitWasWhatWasShown() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        UUID home = CallOffFixtures.setting(market.first(), "Lincoln Road", "PE1", 11, 17, NEEDS, true, null, null,
                true, "England", true);
        String referral = calledOff(market.lot(), "11-15", "PE29", false, clock.instant().plus(Duration.ofHours(1)));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then()
                .body("find { it.providerName == 'Alpha Homes' }.fit.fit", equalTo("PARTLY_MEETS"))
                .body("find { it.providerName == 'Alpha Homes' }.fit.reasons.find { it.criterion == 'VACANCY' }.text",
                        equalTo("No open vacancy at Lincoln Road"));
        // a vacancy declared after the call-off does not rewrite what was shown
        vacancy(home, market.first(), clock.instant(), false);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then()
                .body("find { it.providerName == 'Alpha Homes' }.fit.fit", equalTo("PARTLY_MEETS"));

        clock.moveOn(Duration.ofMinutes(61));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"respondBy\": \"" + clock.instant().plus(Duration.ofHours(24)) + "\"}")
                .post("/referrals/" + referral + "/rounds").then().statusCode(201);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then()
                .body("providerName", contains("Alpha Homes", "Beta Care"))
                .body("fit.fit", contains("MEETS", "NO_SETTINGS_KNOWN"));
    }

    @Test
    void offersAndThePlacementShowTheSettingsDistanceFromHome() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        UUID lincoln = CallOffFixtures.setting(market.second(), "Lincoln Road", "PE1", 11, 17, NEEDS, true, null, null,
                true, "England", true);
        String referral = calledOff(market.lot(), "11-15", "PE29", false, clock.instant().plus(Duration.ofHours(5)));
        String offer = offer(referral, market.second(), lincoln, "2100.00").statusCode(201)
                .body("settingName", equalTo("Lincoln Road"))
                .body("distanceBand", equalTo("TWENTY_MILES_OR_LESS")).extract().path("id");
        // an offer naming no setting has no distance
        CallOffFixtures.offer(referral, market.first(), "2000.00");

        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/offers").then().statusCode(200)
                .body("find { it.id == '" + offer + "' }.distanceBand", equalTo("TWENTY_MILES_OR_LESS"))
                .body("find { it.id == '" + offer + "' }.insideArea", equalTo(false))
                .body("find { it.id != '" + offer + "' }.distanceMiles", nullValue());
        float miles = given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/evaluation").then()
                .statusCode(200).body("find { it.offerId == '" + offer + "' }.settingName", equalTo("Lincoln Road"))
                .body("find { it.offerId == '" + offer + "' }.insideArea", equalTo(false))
                .extract().path("find { it.offerId == '" + offer + "' }.distanceMiles");
        assertThat(miles).isBetween(15f, 20f);

        String placement = award(referral, offer, "\"justification\": \"Nearest to school\"").statusCode(201)
                .body("settingName", equalTo("Lincoln Road")).extract().path("id");
        given().auth().oauth2(OFFICER).get("/placements/" + placement).then().statusCode(200)
                .body("settingId", equalTo(lincoln.toString()))
                .body("distanceMiles", equalTo(miles))
                .body("distanceBand", equalTo("TWENTY_MILES_OR_LESS"))
                .body("insideArea", equalTo(false));
    }

    @Test
    void aSettingsOwnInadequateJudgementRefusesTheAwardThoughTheProvidersNewestIsGood() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        // the provider's newest judgement (2018-06-01, another home) is Good; this home's own, earlier, is Inadequate
        UUID marsh = CallOffFixtures.setting(market.first(), "Marsh House", "PE1", 11, 17, NEEDS, true, null, null,
                true, "England", true);
        String urn = judge(market.first(), marsh, "INADEQUATE", LocalDate.of(2018, 5, 2));
        String referral = calledOff(market.lot(), "11-15", "PE29", false, clock.instant().plus(Duration.ofHours(5)));
        String offer = offer(referral, market.first(), marsh, "1900.00").statusCode(201).extract().path("id");

        given().auth().oauth2(OFFICER).get("/lots/" + market.lot() + "/eligible-providers").then()
                .body("items.find { it.providerName == 'Alpha Homes' }.latestJudgement", equalTo("GOOD"));
        award(referral, offer, "\"justification\": \"Only offer\"").statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Marsh House"))
                .body("detail", containsString(urn))
                .body("detail", containsString("Inadequate"));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));
        given().auth().oauth2(OFFICER).get("/placements?size=200").then()
                .body("items.referralId", not(hasItem(referral)));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/audit").then()
                .body("items.action", not(hasItem("AWARDED")));
        // the evaluation uses the setting's own judgement too
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/evaluation").then()
                .body("find { it.offerId == '" + offer + "' }.excluded", equalTo(true));
    }

    @Test
    void declinesOutsideTheStatementOfPurposeAreCountedPerProviderWithThoseAssessedMeets() throws Exception {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        UUID lincoln = CallOffFixtures.setting(market.first(), "Lincoln Road", "PE1", 11, 17, NEEDS, true, null, null,
                true, "England", true);
        vacancy(lincoln, market.first(), clock.instant().minus(Duration.ofDays(1)), false);
        Instant respondBy = clock.instant().plus(Duration.ofHours(5));
        String meets = calledOff(market.lot(), "11-15", "PE29", false, respondBy);
        String partly = calledOff(market.lot(), "0-4", "PE29", false, respondBy);
        String other = calledOff(market.lot(), "11-15", "PE29", false, respondBy);

        decline(meets, market.first(), "OUTSIDE_STATEMENT_OF_PURPOSE").statusCode(201)
                .body("declineReason", equalTo("OUTSIDE_STATEMENT_OF_PURPOSE"));
        decline(partly, market.first(), "OUTSIDE_STATEMENT_OF_PURPOSE").statusCode(201);
        decline(other, market.first(), "NO_VACANCY").statusCode(201);
        decline(meets, market.second(), "LOCATION").statusCode(201);

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> declined = topic.await(r -> meets.equals(r.key())
                    && "dps.referral.offer-declined.v1".equals(header(r, "ce_type"))
                    && r.value().contains(market.first().toString()), Duration.ofSeconds(30));
            assertThat(declined.value()).contains("\"reason\":\"OUTSIDE_STATEMENT_OF_PURPOSE\"");
        }

        String commissioner = Tokens.forCouncil("commissioner", "cambridgeshire");
        ValidatableResponse counts = given().auth().oauth2(commissioner).queryParam("from", "2018-10-01")
                .queryParam("to", "2018-12-31").queryParam("lot", market.lot().toString())
                .get("/declines/by-provider").then().statusCode(200)
                .body("items.providerName", contains("Alpha Homes", "Beta Care"));
        counts.body("items[0].declines", equalTo(3))
                .body("items[0].byReason.OUTSIDE_STATEMENT_OF_PURPOSE", equalTo(2))
                .body("items[0].byReason.NO_VACANCY", equalTo(1))
                .body("items[0].declinedWhenAssessedMeets", equalTo(2))
                .body("items[0].outsideStatementOfPurposeWhenAssessedMeets", equalTo(1))
                .body("items[1].declines", equalTo(1))
                .body("items[1].declinedWhenAssessedMeets", equalTo(0));
        // another period counts nothing; officers may not ask; a bad period is a 400
        given().auth().oauth2(commissioner).queryParam("from", "2019-01-01").queryParam("to", "2019-03-31")
                .queryParam("lot", market.lot().toString()).get("/declines/by-provider").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(OFFICER).queryParam("from", "2018-10-01").queryParam("to", "2018-12-31")
                .get("/declines/by-provider").then().statusCode(403);
        given().auth().oauth2(commissioner).queryParam("from", "2018-12-31").queryParam("to", "2018-10-01")
                .get("/declines/by-provider").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(commissioner).queryParam("to", "2018-10-01").get("/declines/by-provider").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }

    // --- fixtures ---

    /** An open vacancy (one place from 29 October 2018) confirmed at {@code confirmedAt}; waits until it is known. */
    static void vacancy(UUID setting, UUID provider, Instant confirmedAt, boolean emergency) {
        UUID vacancy = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.VACANCY_DECLARED, provider, new VacancySnapshot(vacancy, setting, provider, 1,
                    LocalDate.of(2018, 10, 29), null, null, null, emergency, "OPEN", null, confirmedAt, confirmedAt));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> VacancyView.findById(vacancy) != null));
    }

    /** An inspection of the setting as contract-monitoring-service announces it; returns the setting's URN. */
    static String judge(UUID provider, UUID setting, String judgement, LocalDate on) {
        String urn = QuarkusTransaction.requiringNew().call(() -> SettingView.<SettingView>findById(setting).ofstedUrn);
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.INSPECTION_RECORDED, provider, new InspectionRecorded(UUID.randomUUID(),
                    provider, urn, "OFSTED", judgement, on, null, "cambridgeshire", Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            SettingQuality quality = SettingQuality.findById(urn);
            return quality != null && judgement.equals(quality.latestJudgement);
        }));
        return urn;
    }

    /** A referral for a girl of {@code ageBand} at home in {@code district}, checked in-house and called off. */
    static String calledOff(UUID lot, String ageBand, String district, boolean emergency, Instant respondBy) {
        String referral = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"lotId": "%s", "ageBand": "%s", "sex": "FEMALE",
                 "needs": ["EMOTIONAL_BEHAVIOURAL", "MISSING_EPISODES"], "postcodeDistrict": "%s",
                 "emergency": %s, "wantedStart": "2018-11-05", "placementPattern": "WEEKS_52"}
                """.formatted(lot, ageBand, district, emergency)).post("/referrals").then().statusCode(201).extract()
                .path("id");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"respondBy\":\"" + respondBy.truncatedTo(ChronoUnit.SECONDS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200)
                .header("Server-Timing", matchesPattern("fit;dur=\\d+\\.\\d;desc=\"2 invitations\""));
        return referral;
    }

    static ValidatableResponse offer(String referral, UUID provider, UUID setting, String core) {
        return given().auth().oauth2(Tokens.forProvider(provider.toString())).contentType(ContentType.JSON).body("""
                {"weeklyFee": {"core": %s, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "proposedStart": "2018-11-05", "homeReference": "Home", "needsMet": ["EMOTIONAL_BEHAVIOURAL"],
                 "settingId": "%s"}""".formatted(core, setting)).post("/referrals/" + referral + "/offers").then();
    }

    static ValidatableResponse award(String referral, String offer, String fields) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"offerId\": \"" + offer + "\", \"fundingShares\": [{\"stream\": \"LAC_PLACEMENTS\", "
                        + "\"percent\": 100}]" + (fields.isBlank() ? "" : ", " + fields) + "}")
                .post("/referrals/" + referral + "/award").then();
    }

    private static ValidatableResponse decline(String referral, UUID provider, String reason) {
        return given().auth().oauth2(Tokens.forProvider(provider.toString())).contentType(ContentType.JSON)
                .body("{\"reason\": \"" + reason + "\"}").post("/referrals/" + referral + "/declines").then();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
