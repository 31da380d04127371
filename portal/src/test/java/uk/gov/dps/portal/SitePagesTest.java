package uk.gov.dps.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
 * The pages every role shares and the portal's cross-cutting behaviour: the accessibility statement (public, linked
 * from every footer), the page for a form refused for want of its CSRF token, the 404 page for an unknown address,
 * secure cookies, and the Server-Timing header that reports each page's time and its calls to the services.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class SitePagesTest {

    private static final String REFERRAL = "3f2c7a9e-5b1d-4c2e-9a8f-0d6b1e2c3a4f";

    @BeforeEach
    void reset() {
        StandInServices.server.resetAll();
    }

    @Test
    void theAccessibilityStatementIsPublicAndLinkedFromEveryFooter() {
        Document statement = html(given().redirects().follow(false).get("/accessibility"), 200);
        assertThat(statement.select("h1").text()).isEqualTo("Accessibility statement for the children's placements DPS");
        // the sections of GOV.UK's sample statement
        assertThat(statement.select("main h2").eachText()).contains("How accessible this website is",
                "Feedback and contact information", "Enforcement procedure",
                "Technical information about this website's accessibility", "Non-accessible content",
                "What we're doing to improve accessibility", "Preparation of this accessibility statement");
        assertThat(statement.select("main h3").eachText()).contains("Compliance status");
        assertThat(statement.text()).contains("WCAG 2.2").contains("axe-core").contains("Not yet tested");
        assertThat(statement.select("footer a[href=/accessibility]").text()).isEqualTo("Accessibility statement");
        assertThat(html(given().get("/signed-out"), 200).select("footer a[href=/accessibility]")).hasSize(1);
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void aFormSentWithoutItsCsrfTokenIsAPageSayingItExpired() {
        Response refused = given().contentType("application/x-www-form-urlencoded").formParam("outcome", "AVAILABLE")
                .header("Referer", "http://localhost:" + port() + "/referrals/" + REFERRAL + "?recorded=false")
                .post("/referrals/" + REFERRAL + "/in-house-check");
        // the status quarkus-rest-csrf gives, with a page for people instead of an empty body
        Document page = html(refused, 400);
        assertThat(page.title()).isEqualTo("Your form has expired - Children's placements DPS - GOV.UK");
        assertThat(page.select("main p").text()).contains("Nothing has been changed");
        assertThat(page.select("main a").attr("href")).isEqualTo("/referrals/" + REFERRAL + "?recorded=false");
        assertThat(page.select("main a").text()).isEqualTo("Go back to the form");
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/referrals/.*")));

        // a Referer from another site is never linked to
        Document elsewhere = html(given().contentType("application/x-www-form-urlencoded").formParam("outcome", "X")
                .header("Referer", "https://attacker.example/referrals").post("/referrals/" + REFERRAL + "/in-house-check"),
                400);
        assertThat(elsewhere.select("main a").attr("href")).isEqualTo("/");
        assertThat(elsewhere.select("main a").text()).isEqualTo("Go to your tasks");
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void aFormsOwnValidationErrorIsNotMistakenForAnExpiredForm() {
        StandInServices.server.stubFor(get(urlPathMatching("/referrals/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "%s", "council": "cambridgeshire", "status": "RAISED", "ageBand": "5-10", "needs": [],
                         "postcodeDistrict": "CB4", "wantedStart": "2026-12-05", "raisedAt": "2026-12-02T10:15:00Z",
                         "placementPattern": "WEEKS_52", "category": "EMERGENCY"}"""
                        .formatted(REFERRAL))));
        // a GET gives the form and its CSRF cookie; the POST carries both, without choosing an outcome
        Response form = given().get("/referrals/" + REFERRAL);
        Document formPage = html(form, 200);
        String token = formPage.select("input[name=csrf-token]").attr("value");
        assertThat(token).isNotBlank();
        // the CSRF cookie is Secure and HttpOnly too
        assertThat(form.detailedCookie("csrf-token").isSecured()).isTrue();
        assertThat(form.detailedCookie("csrf-token").isHttpOnly()).isTrue();
        Document page = html(given().cookies(form.cookies()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).post("/referrals/" + REFERRAL + "/in-house-check"), 400);
        assertThat(page.select(".govuk-error-summary").text()).contains("Select whether an in-house placement is available");
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void anUnknownAddressIsPageNotFound() {
        Document page = html(given().get("/no-such-page"), 404);
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.title()).isEqualTo("Page not found - Children's placements DPS - GOV.UK");
        assertThat(html(given().get("/referrals/" + REFERRAL + "/no-such-part"), 404).select("h1").text())
                .isEqualTo("Page not found");
        // the design system's files are still served where they are
        given().get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").then().statusCode(200);
    }

    @Test
    void cookiesAreSecureHttpOnlyAndSameSite() {
        Response signIn = given().redirects().follow(false).get("/referrals");
        assertThat(signIn.statusCode()).isEqualTo(302);
        // the state cookie of the code flow, set before going to Keycloak
        assertThat(signIn.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("q_auth").contains("; Secure").containsIgnoringCase("; HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void eachPageReportsItsTimeAndItsCallsToTheServices() {
        StandInServices.server.stubFor(get(urlPathMatching("/referrals")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"items\": [], \"page\": 0, \"size\": 50, \"hasNext\": false}")));
        Response referrals = given().get("/referrals");
        assertThat(referrals.statusCode()).isEqualTo(200);
        assertThat(referrals.header("Server-Timing")).matches("total;dur=\\d+\\.\\d, services;dur=\\d+\\.\\d;desc=\"1 calls\"");
        StandInServices.server.verify(1, getRequestedFor(urlPathMatching("/referrals")));

        // a page that calls no service says so; a file that is no page carries only its time
        assertThat(given().get("/").header("Server-Timing")).endsWith("desc=\"0 calls\"");
        assertThat(given().get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js").header("Server-Timing"))
                .matches("total;dur=\\d+\\.\\d");
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }

    private static Document html(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.asString());
    }
}
