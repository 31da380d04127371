package uk.gov.dps.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;

import com.github.tomakehurst.wiremock.http.Fault;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

/**
 * The portal over HTTP as a browser meets it: sign-in required, the design system's files served from the WebJar,
 * the layout's GOV.UK markup, service answers turned into pages (403, 404, 400, down), and POSTs refused without
 * their CSRF token. The services are a stand-in here; the e2e browser tests use the real ones.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class PortalPagesTest {

    private static final String REFERRAL = "3f2c7a9e-5b1d-4c2e-9a8f-0d6b1e2c3a4f";

    @BeforeEach
    void reset() {
        StandInServices.server.resetAll();
    }

    @Test
    void pagesNeedASignedInPerson() {
        Response response = given().redirects().follow(false).get("/referrals");
        assertThat(response.statusCode()).isEqualTo(302);
        // to the realm's authorization endpoint, as the client, asking for a code back to the page asked for
        assertThat(response.header("Location")).contains("/realms/quarkus").contains("client_id=quarkus-web-app")
                .contains("response_type=code").contains("redirect_uri=").contains("%2Freferrals");
    }

    @Test
    void theDesignSystemIsServedFromItsWebJar() {
        given().get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").then().statusCode(200)
                .contentType("text/css");
        given().get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js").then().statusCode(200);
        // the stylesheet asks for its fonts under /assets/
        given().get("/assets/fonts/bold-b542beb274-v2.woff2").then().statusCode(200).contentType("font/woff2");
        given().get("/assets/images/favicon.svg").then().statusCode(200).contentType("image/svg+xml");
        given().redirects().follow(false).get("/assets/fonts/none.woff2").then().statusCode(404);
        given().redirects().follow(false).get("/assets/application.properties").then().statusCode(404);
    }

    @Test
    void theSignedOutPageIsPublicAndHasTheGovukLayout() {
        Document page = html(given().get("/signed-out"), 200);
        assertThat(page.title()).isEqualTo("You have signed out - Children's placements DPS - GOV.UK");
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("body").hasClass("govuk-template__body")).isTrue();
        // the class govuk-frontend-supported is added by this script before anything is drawn, as GOV.UK does
        assertThat(page.select("body > script").first().data()).contains("govuk-frontend-supported");
        assertThat(page.select("a.govuk-skip-link").attr("href")).isEqualTo("#main-content");
        assertThat(page.select("main#main-content.govuk-main-wrapper")).hasSize(1);
        assertThat(page.select("header.govuk-header svg[aria-label=GOV.UK]")).hasSize(1);
        assertThat(page.select(".govuk-service-navigation__service-name").text()).isEqualTo("Children's placements DPS");
        assertThat(page.select(".govuk-phase-banner .govuk-tag").text()).isEqualTo("Alpha");
        assertThat(page.select("footer.govuk-footer")).hasSize(1);
        assertThat(page.select("script[type=module]").last().data()).contains("initAll()");
        // nobody is signed in: no navigation, no sign-out link
        assertThat(page.select("a[href=/sign-out]")).isEmpty();
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    @OidcSecurity(claims = {@Claim(key = "name", value = "Pat Officer"), @Claim(key = "council", value = "cambridgeshire")})
    void theStartPageShowsWhatTheRoleCanDo() {
        Document page = html(given().get("/"), 200);
        assertThat(page.select("h1").text()).isEqualTo("Your tasks");
        assertThat(page.select(".govuk-caption-l").text()).isEqualTo("Pat Officer, Cambridgeshire");
        assertThat(page.select("main h2 a").eachAttr("href")).containsExactly("/referrals", "/placements",
                "/vacancies");
        assertThat(page.select(".govuk-service-navigation__link").eachText())
                .containsExactly("Children's placements DPS", "Home", "Referrals", "Placements", "Vacancies",
                        "Sign out");
        assertThat(page.select("[aria-current=page]").text()).isEqualTo("Home");
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void referralsAreListedWithStatusTags() {
        StandInServices.server.stubFor(get(urlPathMatching("/referrals")).willReturn(json(200, """
                {"items": [{"id": "%s", "council": "cambridgeshire", "status": "CALLED_OFF", "ageBand": "11-15",
                  "emergency": true, "wantedStart": "2026-12-05", "raisedAt": "2026-12-02T10:15:00Z", "needs": []}],
                 "page": 0, "size": 50, "hasNext": true}""".formatted(REFERRAL))));
        Document page = html(given().get("/referrals"), 200);
        assertThat(page.select("table.govuk-table tbody tr")).hasSize(1);
        assertThat(page.select("tbody .govuk-tag").text()).isEqualTo("Called off");
        assertThat(page.select("tbody .govuk-tag").hasClass("govuk-tag--yellow")).isTrue();
        assertThat(page.select("tbody td").eachText()).contains("Aged 11-15, emergency", "5 December 2026",
                "2 December 2026 at 10:15am");
        assertThat(page.select("tbody a").attr("href")).isEqualTo("/referrals/" + REFERRAL);
        assertThat(page.select(".govuk-pagination__next a").attr("href")).isEqualTo("/referrals?page=1");
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void aRefusalByTheServiceIsAForbiddenPage() {
        StandInServices.server.stubFor(get(urlPathMatching("/referrals/.*")).willReturn(problem(403,
                "Referral " + REFERRAL + " belongs to another council")));
        Document page = html(given().get("/referrals/" + REFERRAL), 403);
        assertThat(page.select("h1").text()).isEqualTo("You do not have permission to see this");
        assertThat(page.select("main p").eachText()).contains("Referral " + REFERRAL + " belongs to another council");
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void anUnknownReferralIsPageNotFound() {
        StandInServices.server.stubFor(get(urlPathMatching("/referrals/.*")).willReturn(problem(404, "No referral")));
        assertThat(html(given().get("/referrals/" + REFERRAL), 404).select("h1").text()).isEqualTo("Page not found");
        // not even a referral id: the portal's own 404, same page
        assertThat(html(given().get("/referrals/not-an-id"), 404).select("h1").text()).isEqualTo("Page not found");
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    void badInputToAServiceIsAnErrorSummary() {
        StandInServices.server.stubFor(get(urlPathMatching("/invitations")).willReturn(json(400, """
                {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "Invalid request",
                 "errors": [{"field": "status", "message": "must be one of OPEN, RESPONDED, EXPIRED, CLOSED"}]}""")));
        Document page = html(given().get("/invitations?status=SOON"), 400);
        assertThat(page.select(".govuk-error-summary__title").text()).isEqualTo("There is a problem");
        assertThat(page.select(".govuk-error-summary__list li").eachText())
                .containsExactly("Status must be one of OPEN, RESPONDED, EXPIRED, CLOSED");
    }

    @Test
    @TestSecurity(user = "pp", roles = "commissioner")
    void aServiceThatIsDownIsServiceUnavailable() {
        // the connection breaks as with a service that was stopped mid-call
        StandInServices.server.stubFor(get(urlPathMatching("/applications"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Document page = html(given().get("/applications"), 503);
        assertThat(page.select("h1").text()).isEqualTo("Sorry, the service is unavailable");
        assertThat(page.text()).doesNotContain("Exception").doesNotContain("at uk.gov");
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void aPostWithoutItsCsrfTokenIsRefusedBeforeTheServiceIsCalled() {
        given().contentType("application/x-www-form-urlencoded").formParam("outcome", "AVAILABLE")
                .post("/referrals/" + REFERRAL + "/in-house-check").then().statusCode(400);
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/referrals/.*")));
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

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String detail) {
        return json(status, """
                {"type": "about:blank", "title": "Refused", "status": %d, "detail": "%s"}""".formatted(status, detail));
    }
}
