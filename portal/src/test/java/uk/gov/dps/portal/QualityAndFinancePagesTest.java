package uk.gov.dps.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The monitoring and finance pages' own logic against stand-in services: the feed relay passing Last-Event-ID and
 * the filters through, the budget charts with their figures, and the concern form's errors. The e2e browser
 * journeys (QualityBrowserIT, FinanceBrowserIT) run them against the real services.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class QualityAndFinancePagesTest {

    private static final String PROVIDER = "7d1f6a2c-0c5e-4b8a-9f2d-3e4c5b6a7d8e";

    private static final String STREAM = """
            : listening to dps.quality

            id: 0:18,1:9,2:30
            event: dps.quality.concern-raised.v1
            data: {"id":"e1","type":"dps.quality.concern-raised.v1","providerId":"%s","time":"2026-12-02T10:00:00Z","payload":{"severity":"HIGH","summary":"Staffing"}}

            """.formatted(PROVIDER);

    @BeforeEach
    void reset() {
        StandInServices.server.resetAll();
    }

    @Test
    @TestSecurity(user = "mo", roles = "monitoring-officer")
    void theRelayPassesTheServicesEventsAndTheBrowsersLastEventIdThrough() {
        StandInServices.server.stubFor(get(urlPathEqualTo("/quality-events/stream")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(STREAM)));

        // EventSource reconnecting by itself sends the header
        Response resumed = given().header("Last-Event-ID", "0:17,1:9,2:30").get("/quality-feed/events?provider="
                + PROVIDER + "&type=dps.quality.concern-raised.v1&other=dropped");
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.contentType()).startsWith("text/event-stream");
        assertThat(resumed.asString()).isEqualTo(STREAM);
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/quality-events/stream"))
                .withHeader("Last-Event-ID", equalTo("0:17,1:9,2:30"))
                .withQueryParam("provider", equalTo(PROVIDER))
                .withQueryParam("type", equalTo("dps.quality.concern-raised.v1"))
                .withQueryParam("other", absent()));

        // the page's script, opening a new EventSource after a drop, says where it stopped with ?after=
        StandInServices.server.resetRequests();
        given().get("/quality-feed/events?after=0:18,1:9,2:30").then().statusCode(200);
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/quality-events/stream"))
                .withHeader("Last-Event-ID", equalTo("0:18,1:9,2:30")).withQueryParam("after", absent()));

        // a first connection starts live: no Last-Event-ID at all
        StandInServices.server.resetRequests();
        given().get("/quality-feed/events").then().statusCode(200);
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/quality-events/stream"))
                .withoutHeader("Last-Event-ID"));
    }

    @Test
    @TestSecurity(user = "mo", roles = "monitoring-officer")
    void theServicesRefusalOfTheFeedReachesTheBrowserAsItsStatus() {
        StandInServices.server.stubFor(get(urlPathEqualTo("/quality-events/stream")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/problem+json").withBody("{}")));
        // EventSource stops retrying on a status other than 200, rather than hammering the service
        given().get("/quality-feed/events").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "mo", roles = "monitoring-officer")
    void withoutTheScriptTheFeedPageListsTheLatestInspectionsAndConcernsNewestFirst() {
        StandInServices.server.stubFor(get(urlPathEqualTo("/providers")).willReturn(json("""
                {"items": [{"providerId": "%s", "name": "Oak House Ltd", "lots": 1, "activePlacements": 2,
                  "risk": {"rating": "AMBER", "reasons": []}}], "page": 0, "size": 100, "hasNext": false}"""
                .formatted(PROVIDER))));
        StandInServices.server.stubFor(get(urlPathEqualTo("/inspections")).willReturn(json("""
                {"items": [{"providerId": "%s", "settingUrn": "SC123456", "regulator": "OFSTED", "judgement": "GOOD",
                  "recordedAt": "2026-12-01T09:00:00Z"}], "page": 0, "size": 10, "hasNext": false}"""
                .formatted(PROVIDER))));
        StandInServices.server.stubFor(get(urlPathEqualTo("/concerns")).willReturn(json("""
                {"items": [{"providerId": "%s", "severity": "SERIOUS", "summary": "Missing child not reported",
                  "raisedAt": "2026-12-02T09:00:00Z"}], "page": 0, "size": 10, "hasNext": false}"""
                .formatted(PROVIDER))));

        Document page = html(given().get("/quality-feed?provider=" + PROVIDER), 200);
        assertThat(page.select("#feed-items li").eachText()).containsExactly(
                "Concern raised Oak House Ltd: Serious concern: Missing child not reported 2 December 2026 at 9:00am",
                "Inspection recorded Oak House Ltd: OFSTED judged SC123456 Good 1 December 2026 at 9:00am");
        assertThat(page.select("#feed-items").attr("aria-live")).isEqualTo("polite");
        assertThat(page.select("#provider option[selected]").text()).isEqualTo("Oak House Ltd");
        assertThat(page.select("#feed-status").attr("data-feed-url"))
                .isEqualTo("/quality-feed/events?provider=" + PROVIDER);
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/inspections"))
                .withQueryParam("provider", equalTo(PROVIDER)));

        // only concerns asked for: inspections are not fetched
        StandInServices.server.resetRequests();
        html(given().get("/quality-feed?type=dps.quality.concern-raised.v1"), 200);
        StandInServices.server.verify(0, getRequestedFor(urlPathEqualTo("/inspections")));
        html(given().get("/quality-feed?type=nonsense"), 400);
    }

    @Test
    @TestSecurity(user = "mo", roles = "monitoring-officer")
    void anEmptyConcernIsRefusedWithTheErrorSummaryAndKeepsWhatWasTyped() {
        StandInServices.server.stubFor(get(urlPathMatching("/providers/.*/quality")).willReturn(json("""
                {"providerId": "%s", "name": "Oak House Ltd", "risk": {"rating": "GREEN"}}""".formatted(PROVIDER))));
        Response form = given().get("/quality/providers/" + PROVIDER + "/concern");
        Document blank = html(form, 200);
        String csrf = blank.select("input[name=csrf-token]").attr("value");

        Response refused = given().cookies(form.cookies()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf).formParam("key", "k1").formParam("choice", "")
                .formParam("text", "").formParam("details", "Seen on the visit of 1 December")
                .post("/quality/providers/" + PROVIDER + "/concern");
        Document page = html(refused, 400);
        assertThat(page.title()).startsWith("Error: Raise a concern");
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#choice", "#text");
        assertThat(page.select("#text-error").text()).isEqualTo("Error: Enter a summary of the concern");
        assertThat(page.select("#details").text()).isEqualTo("Seen on the visit of 1 December");
        StandInServices.server.verify(0, postRequestedFor(urlPathEqualTo("/concerns")));
    }

    @Test
    @TestSecurity(user = "mo", roles = "monitoring-officer")
    void anInspectionIsSentWithItsDateAndTheFormsKeyThenThePageRedirects() {
        StandInServices.server.stubFor(get(urlPathMatching("/providers/.*/quality")).willReturn(json("""
                {"providerId": "%s", "name": "Oak House Ltd"}""".formatted(PROVIDER))));
        StandInServices.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(
                "/inspections")).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{}")));
        Response form = given().get("/quality/providers/" + PROVIDER + "/inspection");
        Document page = html(form, 200);
        String key = page.select("input[name=key]").attr("value");

        Response sent = given().redirects().follow(false).cookies(form.cookies())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.select("input[name=csrf-token]").attr("value")).formParam("key", key)
                .formParam("settingUrn", " SC123456 ").formParam("secondChoice", "OFSTED")
                .formParam("choice", "INADEQUATE").formParam("date-day", "3").formParam("date-month", "11")
                .formParam("date-year", "2026").formParam("text", "")
                .post("/quality/providers/" + PROVIDER + "/inspection");
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/quality/providers/" + PROVIDER + "?recorded=inspection");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/inspections"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("""
                        {"providerId": "%s", "settingUrn": "SC123456", "regulator": "OFSTED",
                         "judgement": "INADEQUATE", "inspectedOn": "2026-11-03"}""".formatted(PROVIDER), false, true)));
    }

    @Test
    @TestSecurity(user = "fin", roles = "finance-officer")
    void budgetPositionsAreAChartPerStreamAndYearWithTheFiguresAsATable() {
        StandInServices.server.stubFor(get(urlPathEqualTo("/budgets/positions")).willReturn(json("""
                {"items": [
                  {"financialYear": 2026, "financialYearLabel": "2026/27", "fundingStream": "HEALTH", "name": "CCG",
                   "budget": 100000.00, "committed": 95000.50, "spentToDate": 1234.56, "forecastOutturn": 95000.50,
                   "variance": 4999.50, "status": "AT_RISK", "atRiskPercent": 90, "overspentPercent": 100},
                  {"financialYear": 2026, "financialYearLabel": "2026/27", "fundingStream": "LAC_PLACEMENTS",
                   "name": "Residential", "budget": 50000, "committed": 60000, "spentToDate": 0,
                   "forecastOutturn": 60000, "variance": -10000, "status": "OVERSPENT", "atRiskPercent": 90,
                   "overspentPercent": 100}], "page": 0, "size": 100, "hasNext": false}""")));
        Document page = html(given().get("/finance/budgets"), 200);
        assertThat(page.select("main h2").eachText()).containsExactly("Health, 2026/27", "Lac placements, 2026/27");
        assertThat(page.select("main svg[role=img]")).hasSize(2);
        assertThat(page.select("main svg[role=img] title").first().text()).isEqualTo("Bar chart of Health, 2026/27");
        assertThat(page.select("main svg[role=img] desc").first().text()).isEqualTo("CCG: budget £100,000.00, committed"
                + " £95,000.50, forecast outturn £95,000.50, at risk.");
        assertThat(page.select("#chart-2026-health-table tbody tr").first().select("td").eachText()).containsExactly(
                "£100,000.00", "£95,000.50", "£1,234.56", "£95,000.50", "£4,999.50",
                "At risk over 90%, overspent over 100%", "At risk");
        assertThat(page.select("#chart-2026-lac-placements-table td").eachText()).contains("-£10,000.00", "Overspent");
        // one call for all the lines: no call per line
        StandInServices.server.verify(1, getRequestedFor(urlPathMatching("/budgets.*")));
    }

    @Test
    @TestSecurity(user = "fin", roles = "finance-officer")
    void theFinanceOfficersStartPageOffersTheirPages() {
        Document page = html(given().get("/"), 200);
        assertThat(page.select("main h2 a").eachAttr("href")).containsExactly("/finance/budgets", "/finance/alerts",
                "/finance/report", "/finance/invoices", "/finance/payment-performance");
    }

    private static Document html(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.asString());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
