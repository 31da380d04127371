package uk.gov.dps.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.portal.FormPost.html;
import static uk.gov.dps.portal.StandInServices.Matching.GROUP;
import static uk.gov.dps.portal.StandInServices.Matching.INVOICE;
import static uk.gov.dps.portal.StandInServices.Matching.OTHER_COUNCILS_INVOICE;
import static uk.gov.dps.portal.StandInServices.Matching.PLACEMENT;
import static uk.gov.dps.portal.StandInServices.Matching.PROVIDER;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import uk.gov.dps.portal.StandInServices.Matching;

/**
 * Invoices, payments, payment performance, the sufficiency report and owner-group exposure against stand-in
 * services: what each form sends, what the portal refuses before sending, a service's refusal on the form, the
 * actions offered only to whom and when the service allows them, and a 403 as a clear page.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class PaymentAndSufficiencyPagesTest {

    @BeforeEach
    void reset() {
        StandInServices.server.resetAll();
    }

    // --- providers' invoices --------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void aProviderSubmitsAnInvoiceForOneOfItsPlacementsAndSeesItFlaggedWithTheAmountExpected() {
        Matching.invoicesAndPayments("SUBMITTED", true);
        StandInServices.server.stubFor(get(urlPathEqualTo("/placements")).willReturn(Matching.json(200,
                Matching.page("""
                        {"id": "%s", "agreementForm": "NCC", "council": "cambridgeshire", "serviceType": "RESIDENTIAL",
                         "placementPattern": "WEEKS_52", "plannedStart": "2026-10-01", "startDate": "2026-10-03",
                         "status": "STARTED", "weeklyFee": {"core": 3000, "total": 3000}}""".formatted(PLACEMENT)))));
        Response blank = given().get("/your-invoices/new");
        Document page = html(blank, 200);
        assertThat(page.select("#placementId option").eachText()).containsExactly("Choose a placement",
                "Placement " + PLACEMENT.substring(0, 8) + " for Cambridgeshire, RESIDENTIAL, from 3 October 2026");
        FormPost form = FormPost.from(blank);

        Document wrong = html(form.post("/your-invoices/new", Map.of("invoiceNumber", List.of("INV-0042"),
                "periodFrom-day", List.of("30"), "periodFrom-month", List.of("11"), "periodFrom-year", List.of("2026"),
                "periodTo-day", List.of("1"), "periodTo-month", List.of("11"), "periodTo-year", List.of("2026"),
                "amount", List.of("13,500.123"))), 400);
        assertThat(wrong.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#placementId",
                "#periodTo-day", "#amount");
        assertThat(wrong.select("#amount-error").text())
                .isEqualTo("Error: Amount invoiced must be in pounds and pence, like 1250.50");
        assertThat(wrong.select("#invoiceNumber").val()).isEqualTo("INV-0042");
        StandInServices.server.verify(0, postRequestedFor(urlPathEqualTo("/invoices")));

        String key = page.select("input[name=idempotencyKey]").val();
        Response sent = form.post("/your-invoices/new", Map.of("idempotencyKey", List.of(key), "placementId",
                List.of(PLACEMENT), "invoiceNumber", List.of("INV-0042"), "periodFrom-day", List.of("1"),
                "periodFrom-month", List.of("11"), "periodFrom-year", List.of("2026"), "periodTo-day", List.of("30"),
                "periodTo-month", List.of("11"), "periodTo-year", List.of("2026"), "amount", List.of("£13,500")));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/your-invoices/" + INVOICE + "?done=submitted");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/invoices"))
                .withHeader("Idempotency-Key", equalTo(key)).withRequestBody(equalToJson("""
                        {"invoiceNumber": "INV-0042", "placementId": "%s", "periodFrom": "2026-11-01",
                         "periodTo": "2026-11-30", "amount": 13500}""".formatted(PLACEMENT))));

        Document result = html(given().get("/your-invoices/" + INVOICE + "?done=submitted"), 200);
        assertThat(result.select(".govuk-notification-banner").text()).contains("Invoice submitted");
        assertThat(result.select("#check-result").text()).contains("Flagged: the agreement puts £12,857.14 on this"
                + " period, and the invoice is for £13,500.00 (£642.86 difference)");
        // a provider decides nothing about its own invoice
        assertThat(result.select("form")).isEmpty();
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void aDuplicateInvoiceNumberIsRefusedOnItsField() {
        Matching.invoicesAndPayments("SUBMITTED", false);
        StandInServices.server.stubFor(get(urlPathEqualTo("/placements")).willReturn(Matching.json(200,
                Matching.page(""))));
        StandInServices.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(
                "/invoices")).willReturn(Matching.problem(400, "Bad Request", "The request has invalid fields.",
                "invoiceNumber", "is already used by another of your invoices")));
        FormPost form = FormPost.from(given().get("/your-invoices/new"));
        Document refused = html(form.post("/your-invoices/new", Map.of("placementId", List.of(PLACEMENT),
                "invoiceNumber", List.of("INV-0042"), "periodFrom-day", List.of("1"), "periodFrom-month",
                List.of("11"), "periodFrom-year", List.of("2026"), "periodTo-day", List.of("30"), "periodTo-month",
                List.of("11"), "periodTo-year", List.of("2026"), "amount", List.of("12857.14"))), 400);
        assertThat(refused.select("#invoiceNumber-error").text())
                .isEqualTo("Error: Invoice number is already used by another of your invoices");
    }

    // --- finance officers -------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "fin", roles = "finance-officer")
    @OidcSecurity(claims = @Claim(key = "council", value = "cambridgeshire"))
    void financeFiltersTheCouncilsInvoicesByCheckAndStatus() {
        Matching.invoicesAndPayments("SUBMITTED", true);
        Document page = html(given().get("/finance/invoices?status=SUBMITTED&flagged=true"), 200);
        var row = page.select("#invoices tbody tr").first();
        assertThat(row.select("th a").attr("href")).isEqualTo("/finance/invoices/" + INVOICE);
        assertThat(row.select("td").eachText()).containsExactly("1 November 2026 to 30 November 2026", "£13,500.00",
                "£12,857.14", "Submitted Flagged");
        assertThat(page.select("#flagged option[selected]").val()).isEqualTo("true");
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/invoices"))
                .withQueryParam("status", equalTo("SUBMITTED")).withQueryParam("flagged", equalTo("true")));
        StandInServices.server.resetRequests();
        html(given().get("/finance/invoices"), 200);
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/invoices"))
                .withQueryParam("status", absent()).withQueryParam("flagged", absent()));
    }

    @Test
    @TestSecurity(user = "fin", roles = "finance-officer")
    @OidcSecurity(claims = @Claim(key = "council", value = "cambridgeshire"))
    void aFlaggedInvoiceIsApprovedOnlyWithAReasonAndADisputeAlwaysHasOne() {
        Matching.invoicesAndPayments("SUBMITTED", true);
        Response blank = given().get("/finance/invoices/" + INVOICE);
        Document page = html(blank, 200);
        assertThat(page.select("form").eachAttr("action")).containsExactly("/finance/invoices/" + INVOICE
                + "/approve", "/finance/invoices/" + INVOICE + "/dispute");
        FormPost form = FormPost.from(blank);

        Document noReason = html(form.post("/finance/invoices/" + INVOICE + "/approve", Map.of()), 400);
        assertThat(noReason.select("#approveReason-error").text()).isEqualTo(
                "Error: Enter why you approve an invoice that does not match the agreement");
        Document noDispute = html(form.post("/finance/invoices/" + INVOICE + "/dispute", Map.of()), 400);
        assertThat(noDispute.select(".govuk-error-summary a").attr("href")).isEqualTo("#disputeReason");
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/invoices/.*")));

        Response approved = form.post("/finance/invoices/" + INVOICE + "/approve", Map.of("approveReason",
                List.of("Agreed extra staffing for November")));
        assertThat(approved.header("Location")).endsWith("/finance/invoices/" + INVOICE + "?done=approved");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/invoices/" + INVOICE + "/approve"))
                .withRequestBody(equalToJson("{\"reason\": \"Agreed extra staffing for November\"}")));
        Response disputed = form.post("/finance/invoices/" + INVOICE + "/dispute", Map.of("disputeReason",
                List.of("Two days were in hospital")));
        assertThat(disputed.header("Location")).endsWith("?done=disputed");
    }

    @Test
    @TestSecurity(user = "fin", roles = "finance-officer")
    @OidcSecurity(claims = @Claim(key = "council", value = "cambridgeshire"))
    void anApprovedInvoiceOffersOnlyThePaymentAndAPaidOneNothing() {
        Matching.invoicesAndPayments("APPROVED", false);
        Response blank = given().get("/finance/invoices/" + INVOICE);
        Document page = html(blank, 200);
        assertThat(page.select("form").eachAttr("action")).containsExactly("/finance/invoices/" + INVOICE
                + "/payment");
        assertThat(page.select("#check-result").text()).contains("Matches the agreement");
        FormPost form = FormPost.from(blank);
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        Document future = html(form.post("/finance/invoices/" + INVOICE + "/payment", Map.of("paidOn-day",
                List.of(String.valueOf(tomorrow.getDayOfMonth())), "paidOn-month",
                List.of(String.valueOf(tomorrow.getMonthValue())), "paidOn-year",
                List.of(String.valueOf(tomorrow.getYear())))), 400);
        assertThat(future.select(".govuk-error-summary a").eachText()).containsExactly(
                "The date it was paid must be today or in the past", "Enter your council's payment reference");
        Response paid = form.post("/finance/invoices/" + INVOICE + "/payment", Map.of("paidOn-day", List.of("2"),
                "paidOn-month", List.of("12"), "paidOn-year", List.of("2026"), "paymentReference", List.of("PAY-1")));
        assertThat(paid.header("Location")).endsWith("?done=paid");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/payments")).withRequestBody(equalToJson("""
                {"invoiceId": "%s", "paidOn": "2026-12-02", "paymentReference": "PAY-1"}""".formatted(INVOICE))));

        StandInServices.server.resetAll();
        Matching.invoicesAndPayments("PAID", false);
        assertThat(html(given().get("/finance/invoices/" + INVOICE + "?done=paid"), 200).select("main form"))
                .isEmpty();
    }

    @Test
    @TestSecurity(user = "fin", roles = "finance-officer")
    @OidcSecurity(claims = @Claim(key = "council", value = "cambridgeshire"))
    void anotherCouncilsInvoiceIsAClearPage() {
        Matching.invoicesAndPayments("SUBMITTED", false);
        Document page = html(given().get("/finance/invoices/" + OTHER_COUNCILS_INVOICE), 403);
        assertThat(page.select("h1").text()).isEqualTo("You do not have permission to see this");
        assertThat(page.select("main").text()).contains("This invoice is another council's.");
    }

    @Test
    @TestSecurity(user = "fin", roles = "finance-officer")
    @OidcSecurity(claims = @Claim(key = "council", value = "cambridgeshire"))
    void paymentPerformanceShowsTheBandsOfTheSixMonthsAndRefusesAPeriodThatIsNotOne() {
        Matching.invoicesAndPayments("PAID", false);
        Document page = html(given().get("/finance/payment-performance"), 200);
        assertThat(page.select("#performance caption").text())
                .isEqualTo("1 October 2026 to 31 March 2027, as of 2 December 2026");
        assertThat(page.select("#performance tbody tr").eachText()).containsExactly(
                "Paid within 30 days 5 62.5%", "Paid in 31 to 60 days 1 12.5%", "Paid in 61 days or more 0 0%",
                "Not paid yet 2 25%", "All undisputed invoices received 8");
        assertThat(page.select(".govuk-summary-list").text()).contains("Average days to pay 21.5 days");
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/payment-performance"))
                .withQueryParam("period", absent()));

        Document wrong = html(given().get("/finance/payment-performance?period=last+year"), 400);
        assertThat(wrong.select("#period-error").text())
                .isEqualTo("Error: Enter the period as its years and half, like 2026-27-H2");
        Document refused = html(given().get("/finance/payment-performance?period=2026-27-h3"), 400);
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#period");
    }

    // --- commissioners --------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    @OidcSecurity(claims = @Claim(key = "council", value = "cambridgeshire"))
    void theSufficiencyReportIsTablesWithACsvOfTheSameFigures() {
        Matching.sufficiency();
        Document page = html(given().get("/sufficiency?period=2026-27-q3"), 200);
        assertThat(page.select("main h2").first().text())
                .isEqualTo("Cambridgeshire, 2026-27-Q3 (1 October 2026 to 31 December 2026)");
        assertThat(page.select("#referrals tr").eachText()).contains("Raised 12", "Placed through the DPS 7",
                "Unmet 1", "Median time to place 4.5 days");
        assertThat(page.select("#invitations tr").eachText()).contains("Response rate 74.1%",
                "Declined: Outside statement of purpose 11");
        assertThat(page.select("#distance tr").eachText()).contains("20 miles or less 4", "Over 20 miles 3");
        assertThat(page.select("#prices tbody tr").eachText())
                .containsExactly("LOT1 Residential children's homes 5 £5,250.00");
        assertThat(page.select("#emergency tr").eachText()).contains("Places taking emergency admissions 3");
        assertThat(page.select("#concentration a").attr("href")).isEqualTo("/owner-groups/" + GROUP);
        assertThat(page.select("#council option").eachAttr("value")).containsExactly("", "joint");
        assertThat(page.select("a[download]").attr("href")).isEqualTo("/sufficiency/report.csv?period=2026-27-Q3");
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/reports/sufficiency"))
                .withQueryParam("period", equalTo("2026-27-Q3")).withQueryParam("council", absent()));

        Response csv = given().get("/sufficiency/report.csv?period=2026-27-Q3");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo(
                "attachment; filename=\"sufficiency-cambridgeshire-2026-27-Q3.csv\"");
        assertThat(csv.asString()).startsWith("section,figure,breakdown,value");
    }

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    @OidcSecurity(claims = @Claim(key = "council", value = "cambridgeshire"))
    void aQuarterWrittenWronglyIsNotAskedFor() {
        Matching.sufficiency();
        Document page = html(given().queryParam("period", "Q3 2026").queryParam("lotId", "lot-1")
                .get("/sufficiency"), 400);
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#lotId", "#period");
        assertThat(page.select("#period").val()).isEqualTo("Q3 2026");
        StandInServices.server.verify(0, getRequestedFor(urlPathEqualTo("/reports/sufficiency")));
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    @OidcSecurity(claims = @Claim(key = "council", value = "cambridgeshire"))
    void onlyCommissionersAreOfferedTheJointFiguresAndTheServicesRefusalIsAClearPage() {
        Matching.sufficiency();
        Document own = html(given().get("/sufficiency"), 200);
        assertThat(own.select("#council option").eachAttr("value")).containsExactly("");
        Document joint = html(given().get("/sufficiency?council=joint"), 403);
        assertThat(joint.select("h1").text()).isEqualTo("You do not have permission to see this");
        assertThat(joint.select("main").text()).contains("The joint figures of the DPS are for commissioners");
    }

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    @OidcSecurity(claims = @Claim(key = "council", value = "cambridgeshire"))
    void ownerGroupsListTheirChildrenAndWhatAFailureWouldLeaveToFind() {
        Matching.sufficiency();
        Document groups = html(given().get("/owner-groups"), 200);
        var row = groups.select("#owner-groups tbody tr").first();
        assertThat(row.select("td").eachText()).containsExactly("6", "22", "9", "£47,250.00",
                "Cambridgeshire: 5 Essex: 4");
        assertThat(row.select("a").attr("href")).isEqualTo("/owner-groups/" + GROUP);

        Document failure = html(given().get("/owner-groups/" + GROUP), 200);
        assertThat(failure.select("h1").text()).isEqualTo("What if Evergreen Care Group failed?");
        assertThat(failure.select(".govuk-summary-list").text()).contains("Children affected 9",
                "Weekly cost of their placements £47,250.00");
        assertThat(failure.select("#by-lot tbody tr").first().select("td").eachText()).containsExactly("9",
                "£47,250.00", "2", "3 Not enough");
        assertThat(failure.select("#by-council tbody tr").eachText()).containsExactly("Cambridgeshire 5 £26,250.00");
    }

    @Test
    @TestSecurity(user = "cat", roles = "commissioner")
    void theCommissionersStartPageOffersSufficiencyAndOwnerGroups() {
        Document home = html(given().get("/"), 200);
        assertThat(home.select("main h2 a").eachAttr("href")).contains("/sufficiency", "/owner-groups")
                .doesNotContain("/vacancies", "/finance/invoices");
    }
}
