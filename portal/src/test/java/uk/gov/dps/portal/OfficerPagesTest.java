package uk.gov.dps.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/**
 * The portal's own logic on the placement officer's and the panel's pages: what a form checks before calling the
 * service (funding shares adding up to 100%, a justification for any offer but the first-ranked, a reason to
 * refuse), that the form comes back with what was typed, and which actions each role is offered. The services are a
 * stand-in; the browser journeys (OfficerBrowserIT) run against the real ones.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class OfficerPagesTest {

    private static final String REFERRAL = "3f2c7a9e-5b1d-4c2e-9a8f-0d6b1e2c3a4f";
    private static final String FIRST = "11111111-1111-4111-8111-111111111111";
    private static final String SECOND = "22222222-2222-4222-8222-222222222222";
    private static final String PANEL_REQUEST = "44444444-4444-4444-8444-444444444444";

    @BeforeEach
    void stubs() {
        StandInServices.server.resetAll();
        StandInServices.server.stubFor(get(urlPathEqualTo("/referrals/" + REFERRAL)).willReturn(json(200, """
                {"id": "%s", "council": "cambridgeshire", "status": "CALLED_OFF", "ageBand": "11-15",
                 "emergency": true, "wantedStart": "2026-12-05", "placementPattern": "WEEKS_52",
                 "raisedAt": "2026-12-02T10:15:00Z", "raisedBy": "pat", "needs": ["AUTISM"]}""".formatted(REFERRAL))));
        StandInServices.server.stubFor(get(urlPathEqualTo("/referrals/" + REFERRAL + "/evaluation")).willReturn(
                json(200, """
                        [{"rank": 1, "offerId": "%s", "providerName": "Willow Homes", "weeklyTotal": 3500.00,
                          "excluded": false, "score": 91.5, "reasons": ["Lowest price", "Rated good"]},
                         {"rank": 2, "offerId": "%s", "providerName": "Oak Care", "weeklyTotal": 3900.00,
                          "excluded": false, "score": 80.1, "reasons": ["Meets every need"]}]"""
                        .formatted(FIRST, SECOND))));
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void offersAreShownRankedWithTheirReasonsAndAnAwardLink() {
        Document page = html(given().get("/referrals/" + REFERRAL + "/offers"), 200);
        assertThat(page.select("tbody tr")).hasSize(2);
        assertThat(page.select("tbody tr").get(0).text()).contains("1", "Willow Homes", "£3,500.00", "Lowest price",
                "Rated good");
        assertThat(page.select("tbody a").eachAttr("href")).containsExactly(
                "/referrals/" + REFERRAL + "/award?offer=" + FIRST, "/referrals/" + REFERRAL + "/award?offer=" + SECOND);
    }

    @Test
    @TestSecurity(user = "panel", roles = "panel")
    void thePanelSeesTheOffersButIsNotOfferedToAward() {
        Document page = html(given().get("/referrals/" + REFERRAL + "/offers"), 200);
        assertThat(page.select("tbody tr")).hasSize(2);
        assertThat(page.select("tbody a")).isEmpty();
        Document referral = html(given().get("/referrals/" + REFERRAL), 200);
        assertThat(referral.select("main a").eachText()).contains("See the offers, ranked")
                .doesNotContain("Cancel the referral", "Close as unmet", "Run another round");
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void sharesThatDoNotMakeAHundredAreRefusedOnTheFormWithWhatWasTyped() {
        Form form = Form.of("/referrals/" + REFERRAL + "/award?offer=" + FIRST);
        assertThat(form.page.select("#percent").val()).isEqualTo("100");
        Response response = form.post("/referrals/" + REFERRAL + "/award", Map.of("offerId", FIRST,
                "stream", "LAC_PLACEMENTS", "percent", "60", "stream-2", "HEALTH", "percent-2", "30"));
        Document page = html(response, 400);
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").text())
                .isEqualTo("The funding shares must add up to 100%; they add up to 90%");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#percent");
        assertThat(page.select("#percent").val()).isEqualTo("60");
        assertThat(page.select("#percent-2").val()).isEqualTo("30");
        assertThat(page.select("#stream-2 option[selected]").val()).isEqualTo("HEALTH");
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/referrals/.*/award")));
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void awardingAnOfferButTheFirstRankedNeedsAJustification() {
        Form form = Form.of("/referrals/" + REFERRAL + "/award?offer=" + SECOND);
        assertThat(form.page.select("label[for=justification]").text())
                .isEqualTo("Why this offer and not the first-ranked one");
        Document page = html(form.post("/referrals/" + REFERRAL + "/award", Map.of("offerId", SECOND,
                "stream", "LAC_PLACEMENTS", "percent", "100")), 400);
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("Explain why you are awarding an offer that is not ranked first");
        assertThat(page.select("#justification-error").text()).contains("not ranked first");
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/referrals/.*/award")));
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void anAwardTheServiceSendsToThePanelSaysSo() {
        StandInServices.server.stubFor(post(urlPathEqualTo("/referrals/" + REFERRAL + "/award"))
                .withRequestBody(equalToJson("""
                        {"offerId": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 50},
                          {"stream": "HIGH_NEEDS_BLOCK", "percent": 50}], "justification": "Closer to school"}"""
                        .formatted(SECOND), true, true))
                .willReturn(json(202, """
                        {"id": "%s", "referralId": "%s", "status": "PENDING",
                         "reasons": ["A weekly cost of £3900.00 is above the panel threshold of £3000.00"]}"""
                        .formatted(PANEL_REQUEST, REFERRAL))));
        Form form = Form.of("/referrals/" + REFERRAL + "/award?offer=" + SECOND);
        Response response = form.post("/referrals/" + REFERRAL + "/award", Map.of("offerId", SECOND,
                "stream", "LAC_PLACEMENTS", "percent", "50", "stream-2", "HIGH_NEEDS_BLOCK", "percent-2", "50",
                "justification", "Closer to school"));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/referrals/" + REFERRAL + "/sent-to-panel");
        assertThat(html(given().get("/referrals/" + REFERRAL + "/sent-to-panel"), 200).select("h1").text())
                .isEqualTo("Sent to the County Resourcing Panel");
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void aNewReferralNeedsItsRequiredAnswersAndKeepsTheRest() {
        Form form = Form.of("/referrals/new");
        Document page = html(form.post("/referrals", Map.of("lotId", "not-an-id", "ageBand", "11-15",
                "needs", "AUTISM", "postcodeDistrict", "PE13", "wantedStart-day", "31", "wantedStart-month", "2",
                "wantedStart-year", "2027")), 400);
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter the lot's ID as shown on the lot, like 3f2b1c9e-0000-4000-8000-000000000000",
                "The date the placement is wanted from must be a real date", "Select the placement pattern");
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#lotId",
                "#wantedStart-day", "#placementPattern");
        assertThat(page.select("#ageBand-3").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=needs][value=AUTISM]").hasAttr("checked")).isTrue();
        assertThat(page.select("#postcodeDistrict").val()).isEqualTo("PE13");
        assertThat(page.select("#wantedStart-day").val()).isEqualTo("31");
        StandInServices.server.verify(0, postRequestedFor(urlPathEqualTo("/referrals")));
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void theServicesRefusalOfAnEndCodeIsShownOnTheForm() {
        String placement = "55555555-5555-4555-8555-555555555555";
        StandInServices.server.stubFor(get(urlPathEqualTo("/placements/" + placement)).willReturn(json(200, """
                {"id": "%s", "providerName": "Willow Homes", "status": "STARTED", "startDate": "2026-11-02",
                 "awardedAt": "2026-11-01T09:00:00Z", "weeklyFee": {"total": 3500},
                 "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}]}""".formatted(placement))));
        StandInServices.server.stubFor(post(urlPathEqualTo("/placements/" + placement + "/end")).willReturn(json(400,
                """
                {"type": "about:blank", "title": "Bad Request", "status": 400,
                 "errors": [{"field": "reasonEpisodeCeased", "message": "ZZ is not a valid code in 2026-27"}]}""")));
        Form form = Form.of("/placements/" + placement);
        Document page = html(form.post("/placements/" + placement + "/end", Map.of("endDate-day", "1",
                "endDate-month", "12", "endDate-year", "2026", "endType", "PLANNED", "reasonEpisodeCeased", "zz")),
                400);
        assertThat(page.select(".govuk-error-summary").text()).contains("ZZ is not a valid code in 2026-27");
        assertThat(page.select("#reasonEpisodeCeased").val()).isEqualTo("zz");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/placements/" + placement + "/end"))
                .withRequestBody(equalToJson("""
                        {"endDate": "2026-12-01", "endType": "PLANNED", "reasonEpisodeCeased": "ZZ"}""", true, true)));
    }

    @Test
    @TestSecurity(user = "panel", roles = "panel")
    void thePanelMustGiveReasonsToRefuse() {
        StandInServices.server.stubFor(get(urlPathEqualTo("/panel-requests/" + PANEL_REQUEST)).willReturn(json(200,
                """
                {"request": {"id": "%s", "referralId": "%s", "offerId": "%s", "status": "PENDING",
                   "reasons": ["A weekly cost of £5200.00 is above the panel threshold of £4000.00"],
                   "weeklyFee": {"total": 5200}, "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}],
                   "requestedBy": "pat", "requestedAt": "2026-12-02T10:15:00Z"},
                 "referral": {"id": "%s", "ageBand": "11-15", "needs": ["AUTISM"], "placementPattern": "WEEKS_52",
                   "wantedStart": "2026-12-05", "status": "AWAITING_PANEL"},
                 "offer": {"id": "%s"}, "evaluation": []}""".formatted(PANEL_REQUEST, REFERRAL, FIRST, REFERRAL,
                        FIRST))));
        Form form = Form.of("/panel-requests/" + PANEL_REQUEST);
        assertThat(form.page.select("main").text()).contains("above the panel threshold");
        Document page = html(form.post("/panel-requests/" + PANEL_REQUEST + "/decision",
                Map.of("decision", "REFUSED", "reasons", "  ")), 400);
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter the panel's reasons for refusing");
        assertThat(page.select("#decision-2").hasAttr("checked")).isTrue();
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/panel-requests/.*")));
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void anOfficerIsNotOfferedThePanelsDecision() {
        Document home = html(given().get("/"), 200);
        assertThat(home.select("main h2 a").eachText()).containsExactly("Referrals", "Placements", "Vacancies");
    }

    /** A form page as a browser gets it: its CSRF cookie and hidden field, to post back like the browser does. */
    private record Form(Document page, Map<String, String> cookies) {

        static Form of(String path) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            return new Form(Jsoup.parse(response.asString()), response.cookies());
        }

        Response post(String path, Map<String, String> fields) {
            var input = page.select("input[type=hidden][name^=csrf]").first();
            assertThat(input).as("the form's CSRF field").isNotNull();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put(input.attr("name"), input.attr("value"));
            return given().redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded")
                    .formParams(all).post(path);
        }
    }

    private static Document html(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.asString());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json").withBody(body);
    }
}
