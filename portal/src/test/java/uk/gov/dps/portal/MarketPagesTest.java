package uk.gov.dps.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

/**
 * The market's pages' own logic, against stand-in services: what the portal checks before it calls a service (an
 * empty fee, a rejection without reasons, a suspension without a reason: nothing is sent, the form keeps what was
 * typed), what it sends when the form is right (the service's request, the idempotency key), a service's refusal
 * shown on the form, and actions offered only where the service would allow them.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class MarketPagesTest {

    private static final String APPLICATION = "7b1e3c55-2a0d-4f4e-8b61-0c9d2e3f4a51";
    private static final String PROVIDER = "5d3c1b2a-0f9e-4d8c-b7a6-951827364abc";
    private static final String LOT = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String REFERRAL = "3f2c7a9e-5b1d-4c2e-9a8f-0d6b1e2c3a4f";

    @BeforeEach
    void reset() {
        StandInServices.server.resetAll();
    }

    // --- commissioners ------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    void anOverduePendingApplicationOffersTheDecision() {
        stubApplication("PENDING", true);
        Document page = html(given().get("/applications/" + APPLICATION), 200);
        assertThat(page.select("h1").text()).isEqualTo("An application to join a lot");
        assertThat(page.select(".govuk-summary-list .govuk-tag").eachText()).containsExactly("Pending", "Overdue");
        assertThat(page.select("form[action=/applications/" + APPLICATION + "/decision]")).hasSize(1);
        assertThat(page.select("input[name=outcome]").eachAttr("value")).containsExactly("ADMIT", "REJECT");

        stubApplication("ADMITTED", false);
        Document decided = html(given().get("/applications/" + APPLICATION), 200);
        assertThat(decided.select("form")).isEmpty();
        assertThat(decided.select("main").text()).contains("Because it meets the criteria");
    }

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    void aRejectionWithoutReasonsIsNotSent() {
        stubApplication("PENDING", false);
        Csrf csrf = Csrf.from(given().get("/applications/" + APPLICATION));
        Document page = html(csrf.post("/applications/" + APPLICATION + "/decision", Map.of("outcome", "REJECT",
                "tier", "GOLD")), 400);
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary__list a").eachText())
                .containsExactly("Enter the reasons for rejecting the application");
        assertThat(page.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#reasons");
        assertThat(page.select("#reasons-error").text()).contains("Enter the reasons");
        // what was typed is still there
        assertThat(page.select("input[value=REJECT]").hasAttr("checked")).isTrue();
        assertThat(page.select("#tier").val()).isEqualTo("GOLD");
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/applications/.*")));
    }

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    void aDecisionIsSentAndThePageReloadsWithoutResending() {
        stubApplication("PENDING", false);
        StandInServices.server.stubFor(post(urlPathEqualTo("/applications/" + APPLICATION + "/decision"))
                .willReturn(json(200, application("REJECTED", false))));
        Csrf csrf = Csrf.from(given().get("/applications/" + APPLICATION));
        Response response = csrf.post("/applications/" + APPLICATION + "/decision", Map.of("outcome", "REJECT",
                "reasons", "  No Ofsted registration  ", "tier", "GOLD"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/applications/" + APPLICATION + "?decided=true");
        // a rejection has no tier; the reasons go as typed, without the spaces around them
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/applications/" + APPLICATION + "/decision"))
                .withRequestBody(equalToJson("""
                        {"outcome": "REJECT", "reasons": "No Ofsted registration", "tier": null}""")));
    }

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    void aServiceRefusalShowsOnTheForm() {
        stubApplication("PENDING", false);
        StandInServices.server.stubFor(post(urlPathEqualTo("/applications/" + APPLICATION + "/decision"))
                .willReturn(problem(409, "The provider is already a member of the lot")));
        Csrf csrf = Csrf.from(given().get("/applications/" + APPLICATION));
        Document page = html(csrf.post("/applications/" + APPLICATION + "/decision", Map.of("outcome", "ADMIT")),
                409);
        assertThat(page.select(".govuk-error-summary__list").text())
                .isEqualTo("The provider is already a member of the lot");
        assertThat(page.select("input[value=ADMIT]").hasAttr("checked")).isTrue();
    }

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    void aLotListsItsMembersWithSuspensionsAndExpiredDocuments() {
        stubLot();
        StandInServices.server.stubFor(get(urlPathEqualTo("/lots/" + LOT + "/members")).withQueryParam("status",
                equalTo("ALL")).willReturn(json(200, """
                {"items": [
                  {"providerId": "%s", "providerName": "Oak Fostering", "categories": ["EMERGENCY"], "tier": "GOLD",
                   "status": "SUSPENDED", "admittedAt": "2026-11-02T09:00:00Z",
                   "expiredDocuments": ["PUBLIC_LIABILITY_INSURANCE"]}],
                 "page": 0, "size": 50, "hasNext": false}""".formatted(PROVIDER))));
        Document page = html(given().get("/lots/" + LOT), 200);
        assertThat(page.select("h1").text()).isEqualTo("Independent Fostering Agencies");
        assertThat(page.select("tbody tr").text()).contains("Oak Fostering", "Emergency", "Tier GOLD",
                "Public liability insurance", "Suspended");
        assertThat(page.select("tbody a").attr("href")).isEqualTo("/lots/" + LOT + "/members/" + PROVIDER);
        assertThat(page.select("form[method=get]").attr("action")).isEqualTo("/lots/" + LOT);
    }

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    void aSuspensionNeedsAReasonAndNamesTheLot() {
        stubLot();
        stubProvider("ACTIVE");
        StandInServices.server.stubFor(post(urlPathEqualTo("/providers/" + PROVIDER + "/suspensions"))
                .willReturn(json(200, "{\"providerId\": \"%s\", \"lotIds\": [\"%s\"]}".formatted(PROVIDER, LOT))));
        Csrf csrf = Csrf.from(given().get("/lots/" + LOT + "/members/" + PROVIDER));
        assertThat(Jsoup.parse(csrf.page).select("form button").text()).isEqualTo("Suspend provider");

        Document empty = html(csrf.post("/lots/" + LOT + "/members/" + PROVIDER + "/suspension",
                Map.of("reason", "   ")), 400);
        assertThat(empty.select(".govuk-error-summary__list a").eachText())
                .containsExactly("Enter why the provider is suspended");
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/providers/.*")));

        Response done = csrf.post("/lots/" + LOT + "/members/" + PROVIDER + "/suspension",
                Map.of("reason", "Insurance lapsed"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("?done=suspended");
        // one lot only: the lot of this page, never every lot of the provider
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/providers/" + PROVIDER + "/suspensions"))
                .withRequestBody(equalToJson("{\"lotId\": \"%s\", \"reason\": \"Insurance lapsed\"}".formatted(LOT))));
    }

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    void aSuspendedMemberIsOfferedReinstatementOnly() {
        stubLot();
        stubProvider("SUSPENDED");
        Document page = html(given().get("/lots/" + LOT + "/members/" + PROVIDER), 200);
        assertThat(page.select("form").attr("action")).endsWith("/reinstatement");
        assertThat(page.select("form button").text()).isEqualTo("Reinstate provider");
        assertThat(page.select("main").text()).contains("Insurance lapsed");
    }

    // --- providers ----------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void anEmptyCoreFeeIsAnErrorAndTheOfferKeepsWhatWasTyped() {
        stubInvitation(Instant.now().plus(1, ChronoUnit.DAYS), "[]");
        Csrf csrf = Csrf.from(given().get("/invitations/" + REFERRAL));
        Document form = Jsoup.parse(csrf.page);
        String key = form.select("input[name=idempotencyKey]").val();
        assertThat(key).isNotBlank();

        Document page = html(csrf.post("/invitations/" + REFERRAL + "/offer", Map.of("core", "",
                "additionalStaffing", "150", "proposedStart-day", "5", "proposedStart-month", "13",
                "proposedStart-year", "2026", "homeReference", "Carer-12", "needsMet", "AUTISM",
                "idempotencyKey", key)), 400);
        assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly(
                "Enter the core weekly fee", "Proposed start date must be a real date");
        assertThat(page.select(".govuk-error-summary__list a").eachAttr("href"))
                .containsExactly("#core", "#proposedStart-day");
        assertThat(page.select("#core").hasClass("govuk-input--error")).isTrue();
        assertThat(page.select("#additionalStaffing").val()).isEqualTo("150");
        assertThat(page.select("#proposedStart-month").val()).isEqualTo("13");
        assertThat(page.select("#homeReference").val()).isEqualTo("Carer-12");
        assertThat(page.select("input[value=AUTISM]").hasAttr("checked")).isTrue();
        // the same key again, so the corrected form is still one offer however often it is sent
        assertThat(page.select("input[name=idempotencyKey]").val()).isEqualTo(key);
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/referrals/.*")));
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void anOfferIsSentLineByLineWithItsKey() {
        stubInvitation(Instant.now().plus(1, ChronoUnit.DAYS), "[]");
        StandInServices.server.stubFor(post(urlPathEqualTo("/referrals/" + REFERRAL + "/offers"))
                .willReturn(json(201, "{\"id\": \"%s\", \"kind\": \"OFFER\"}".formatted(APPLICATION))));
        Csrf csrf = Csrf.from(given().get("/invitations/" + REFERRAL));
        Response response = csrf.post("/invitations/" + REFERRAL + "/offer", Map.of("core", "£1,250.50",
                "therapy", "100", "proposedStart-day", "5", "proposedStart-month", "12", "proposedStart-year", "2026",
                "homeReference", "Carer-12", "needsMet", "AUTISM", "idempotencyKey", "form-key-1"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/invitations/" + REFERRAL + "?done=offered");
        // exactly these fields: placement-service refuses any its request does not have (the total is its to work out)
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/referrals/" + REFERRAL + "/offers"))
                .withHeader("Idempotency-Key", equalTo("form-key-1")).withRequestBody(equalToJson("""
                        {"weeklyFee": {"core": 1250.50, "additionalStaffing": 0, "education": 0, "therapy": 100},
                         "proposedStart": "2026-12-05", "homeReference": "Carer-12", "needsMet": ["AUTISM"]}""")));
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void anAmendmentSendsTheWholeOfferAndItsReason() {
        stubInvitation(Instant.now().plus(1, ChronoUnit.DAYS), """
                [{"id": "%s", "kind": "OFFER", "weeklyFee": {"core": 1200, "additionalStaffing": 0, "education": 0,
                  "therapy": 50, "total": 1250}, "proposedStart": "2026-12-05", "homeReference": "Carer-12",
                  "needsMet": ["AUTISM"], "submittedAt": "2026-12-02T10:00:00Z"}]""".formatted(APPLICATION));
        StandInServices.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo(
                "/referrals/" + REFERRAL + "/offers/" + APPLICATION)).willReturn(json(200, "{}")));
        Csrf csrf = Csrf.from(given().get("/invitations/" + REFERRAL));
        Response response = csrf.post("/invitations/" + REFERRAL + "/offers/" + APPLICATION + "/amendment",
                Map.of("core", "1150", "therapy", "50.00", "proposedStart-day", "5", "proposedStart-month", "12",
                        "proposedStart-year", "2026", "homeReference", "Carer-12", "needsMet", "AUTISM",
                        "amendReason", "A sibling discount"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("?done=amended");
        StandInServices.server.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlPathEqualTo("/referrals/" + REFERRAL + "/offers/" + APPLICATION)).withRequestBody(equalToJson("""
                        {"weeklyFee": {"core": 1150, "additionalStaffing": 0, "education": 0, "therapy": 50.00},
                         "proposedStart": "2026-12-05", "homeReference": "Carer-12",
                         "needsMet": ["AUTISM"], "reason": "A sibling discount"}""")));
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void aDeclineNeedsAReasonCode() {
        stubInvitation(Instant.now().plus(1, ChronoUnit.DAYS), "[]");
        Csrf csrf = Csrf.from(given().get("/invitations/" + REFERRAL));
        assertThat(Jsoup.parse(csrf.page).select("input[name=declineReason]").eachAttr("value"))
                .containsExactly("NO_VACANCY", "CANNOT_MEET_NEEDS", "LOCATION", "MATCHING",
                        "OUTSIDE_STATEMENT_OF_PURPOSE", "OTHER");
        Document page = html(csrf.post("/invitations/" + REFERRAL + "/decline", Map.of("declineReason", "OTHER")),
                400);
        assertThat(page.select(".govuk-error-summary__list a").eachText())
                .containsExactly("Enter the reason you are declining");
        assertThat(page.select("input[value=OTHER]").hasAttr("checked")).isTrue();
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/referrals/.*")));
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void anAnsweredOrLapsedInvitationOffersNoNewAnswer() {
        stubInvitation(Instant.now().plus(1, ChronoUnit.DAYS), """
                [{"id": "%s", "kind": "OFFER", "weeklyFee": {"core": 1200, "additionalStaffing": 0, "education": 0,
                  "therapy": 50, "total": 1250}, "proposedStart": "2026-12-05", "homeReference": "Carer-12",
                  "needsMet": [], "submittedAt": "2026-12-02T10:00:00Z"}]""".formatted(APPLICATION));
        Document answered = html(given().get("/invitations/" + REFERRAL), 200);
        // a standing offer can be changed (from what it says now) or withdrawn, not answered again
        assertThat(answered.select("form").eachAttr("action")).containsExactly(
                "/invitations/" + REFERRAL + "/offers/" + APPLICATION + "/amendment",
                "/invitations/" + REFERRAL + "/offers/" + APPLICATION + "/withdrawal");
        assertThat(answered.select("#core").val()).isEqualTo("1200.00");
        assertThat(answered.select("#therapy").val()).isEqualTo("50.00");
        assertThat(answered.select("#proposedStart-month").val()).isEqualTo("12");
        assertThat(answered.select("main").text()).contains("£1,250.00", "£1,200.00", "Carer-12");

        stubInvitation(Instant.now().minus(1, ChronoUnit.HOURS), "[]");
        Document lapsed = html(given().get("/invitations/" + REFERRAL), 200);
        assertThat(lapsed.select("form")).isEmpty();
        assertThat(lapsed.select(".govuk-inset-text").text()).contains("can no longer be answered");
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void documentsShowTheirExpiry() {
        StandInServices.server.stubFor(get(urlPathEqualTo("/providers/" + PROVIDER + "/documents")).willReturn(
                json(200, """
                [{"id": "%1$s", "type": "PUBLIC_LIABILITY_INSURANCE", "mandatory": true, "reference": "PL-1",
                  "issuedOn": "2025-11-01", "expiresOn": "2026-11-01", "expired": true, "expiringSoon": false},
                 {"id": "%1$s", "type": "REGISTRATION_CERTIFICATE", "mandatory": true, "reference": "SC1",
                  "issuedOn": "2024-01-01", "expiresOn": "2026-12-20", "expired": false, "expiringSoon": true},
                 {"id": "%1$s", "type": "SAFEGUARDING_POLICY", "mandatory": true, "reference": "SG-3",
                  "issuedOn": "2026-01-01", "reviewOn": "2027-01-01", "expired": false, "expiringSoon": false}]"""
                        .formatted(APPLICATION))));
        Document page = html(given().get("/documents"), 200);
        assertThat(page.select("tbody .govuk-tag").eachText()).containsExactly("Expired", "Expires soon", "Current");
        assertThat(page.select("tbody .govuk-tag").first().hasClass("govuk-tag--red")).isTrue();
        assertThat(page.select("tbody td").eachText()).contains("Expires 1 November 2026", "Review by 1 January 2027");
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void aKpiReturnIsCheckedThenSentForTheOwnOrganisation() {
        StandInServices.server.stubFor(get(urlPathEqualTo("/kpi-returns")).willReturn(json(200,
                "{\"items\": [], \"page\": 0, \"size\": 50, \"hasNext\": false}")));
        StandInServices.server.stubFor(post(urlPathEqualTo("/kpi-returns")).willReturn(json(201,
                "{\"id\": \"%s\", \"quarter\": \"2026-Q3\"}".formatted(APPLICATION))));
        Csrf csrf = Csrf.from(given().get("/kpi-returns"));
        Map<String, String> typed = new java.util.HashMap<>(Map.of("quarter", "2026-q3", "occupancyPercent", "101",
                "staffTurnoverPercent", "12.5", "incidents", "2", "missingEpisodes", "0",
                "educationAttendancePercent", "95", "complaints", "1", "idempotencyKey", "kpi-key"));
        Document wrong = html(csrf.post("/kpi-returns", typed), 400);
        assertThat(wrong.select(".govuk-error-summary__list a").eachText())
                .containsExactly("Occupancy must be between 0 and 100");
        assertThat(wrong.select("#staffTurnoverPercent").val()).isEqualTo("12.5");

        typed.put("occupancyPercent", "88");
        assertThat(csrf.post("/kpi-returns", typed).statusCode()).isEqualTo(303);
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/kpi-returns"))
                .withHeader("Idempotency-Key", equalTo("kpi-key")).withRequestBody(equalToJson("""
                        {"providerId": "%s", "quarter": "2026-Q3", "occupancyPercent": 88,
                         "staffTurnoverPercent": 12.5, "incidents": 2, "missingEpisodes": 0,
                         "educationAttendancePercent": 95, "complaints": 1}""".formatted(PROVIDER))));
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void aFeeChangeRequestIsCheckedThenSentToTheCouncil() {
        StandInServices.server.stubFor(get(urlPathEqualTo("/placements/" + APPLICATION)).willReturn(json(200, """
                {"id": "%s", "council": "cambridgeshire", "status": "STARTED", "serviceType": "IFA",
                 "placementPattern": "WEEKS_52", "weeklyFee": {"core": 1000, "additionalStaffing": 0, "education": 0,
                 "therapy": 0, "total": 1000}, "feeHistory": []}""".formatted(APPLICATION))));
        StandInServices.server.stubFor(post(urlPathEqualTo("/placements/" + APPLICATION + "/fee-change-requests"))
                .willReturn(json(201, "{\"id\": \"%s\", \"status\": \"REQUESTED\"}".formatted(REFERRAL))));
        Csrf csrf = Csrf.from(given().get("/your-placements/" + APPLICATION + "/fee-change"));
        assertThat(Jsoup.parse(csrf.page).select("main p").text()).contains("£1,000.00");
        Map<String, String> typed = new java.util.HashMap<>(Map.of("effectiveFrom-day", "1",
                "effectiveFrom-month", "1", "effectiveFrom-year", "2027", "core", "1100", "education", "-5",
                "idempotencyKey", "fee-key"));
        Document wrong = html(csrf.post("/your-placements/" + APPLICATION + "/fee-change", typed), 400);
        assertThat(wrong.select(".govuk-error-summary__list a").eachText()).containsExactly(
                "Education fee must be £0 or more", "Enter why the fee should change");
        assertThat(wrong.select("#core").val()).isEqualTo("1100");
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/placements/.*")));

        typed.put("education", "");
        typed.put("reason", "Staff pay award from January");
        Response sent = csrf.post("/your-placements/" + APPLICATION + "/fee-change", typed);
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/your-placements?requested=true");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/placements/" + APPLICATION
                + "/fee-change-requests")).withHeader("Idempotency-Key", equalTo("fee-key")).withRequestBody(
                        equalToJson("""
                                {"effectiveFrom": "2027-01-01", "weeklyFee": {"core": 1100, "additionalStaffing": 0,
                                 "education": 0, "therapy": 0},
                                 "reason": "Staff pay award from January"}""")));
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void theProvidersTasksAreItsOwnPages() {
        Document page = html(given().get("/"), 200);
        assertThat(page.select("main h2 a").eachAttr("href")).containsExactly("/invitations", "/your-placements",
                "/documents", "/kpi-returns", "/your-settings", "/your-invoices");
    }

    // --- stand-ins ----------------------------------------------------------------------------------------

    private static void stubApplication(String status, boolean overdue) {
        StandInServices.server.stubFor(get(urlPathEqualTo("/applications/" + APPLICATION))
                .willReturn(json(200, application(status, overdue))));
    }

    private static String application(String status, boolean overdue) {
        boolean decided = !"PENDING".equals(status);
        return """
                {"id": "%s", "providerId": "%s", "lotId": "%s", "categories": ["EMERGENCY"], "requestedTier": "GOLD",
                 "status": "%s", "receivedAt": "2026-11-10T09:00:00Z", "dueOn": "2026-11-24", "extended": false,
                 "overdue": %s, "decidedAt": %s, "decidedBy": "cat", "decisionReasons": %s}"""
                .formatted(APPLICATION, PROVIDER, LOT, status, overdue, decided ? "\"2026-11-20T09:00:00Z\"" : null,
                        decided ? "\"Because it meets the criteria\"" : null);
    }

    private static void stubLot() {
        StandInServices.server.stubFor(get(urlPathEqualTo("/lots/" + LOT)).willReturn(json(200, """
                {"id": "%s", "dpsId": "%s", "dpsReference": "DPS-1", "code": "LOT2",
                 "name": "Independent Fostering Agencies", "serviceType": "IFA", "tiered": true, "open": true,
                 "categories": [{"code": "EMERGENCY", "name": "Emergency (same day)"}],
                 "selectionCriteria": ["Registered with Ofsted"], "dpsValidTo": "2027-12-01"}"""
                .formatted(LOT, APPLICATION))));
    }

    private static void stubProvider(String membershipStatus) {
        StandInServices.server.stubFor(get(urlPathEqualTo("/providers/" + PROVIDER)).willReturn(json(200, """
                {"id": "%s", "name": "Oak Fostering", "ofstedUrn": "SC123456",
                 "memberships": [{"lotId": "%s", "categories": ["EMERGENCY"], "tier": "GOLD", "status": "%s",
                   "suspendedReason": %s, "admittedAt": "2026-11-02T09:00:00Z"}]}"""
                .formatted(PROVIDER, LOT, membershipStatus,
                        "SUSPENDED".equals(membershipStatus) ? "\"Insurance lapsed\"" : null))));
    }

    private static void stubInvitation(Instant respondBy, String responses) {
        StandInServices.server.stubFor(get(urlPathEqualTo("/referrals/" + REFERRAL)).willReturn(json(200, """
                {"id": "%s", "lotId": "%s", "category": "EMERGENCY", "ageBand": "11-15", "sex": "FEMALE",
                 "needs": ["AUTISM", "EDUCATION_SUPPORT"], "postcodeDistrict": "CB4", "emergency": true,
                 "wantedStart": "2026-12-05", "placementPattern": "WEEKS_52", "respondBy": "%s",
                 "status": "CALLED_OFF"}""".formatted(REFERRAL, LOT, respondBy))));
        StandInServices.server.stubFor(get(urlPathEqualTo("/referrals/" + REFERRAL + "/offers"))
                .willReturn(json(200, responses)));
    }

    /** A page's CSRF cookie and form token, to post its form as the browser would. */
    private record Csrf(String cookie, String token, String page) {

        static Csrf from(Response response) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            String page = response.asString();
            String token = Jsoup.parse(page).select("input[name=csrf-token]").first().val();
            return new Csrf(response.getCookie("csrf-token"), token, page);
        }

        Response post(String path, Map<String, String> fields) {
            var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .cookie("csrf-token", cookie).formParam("csrf-token", token);
            fields.forEach(request::formParam);
            return request.post(path);
        }
    }

    private static Document html(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.asString());
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder problem(int status, String detail) {
        return json(status, """
                {"type": "about:blank", "title": "Refused", "status": %d, "detail": "%s"}""".formatted(status, detail));
    }
}
