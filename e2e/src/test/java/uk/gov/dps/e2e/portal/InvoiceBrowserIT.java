package uk.gov.dps.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import uk.gov.dps.e2e.MatchingData;
import uk.gov.dps.e2e.PortalData;

/**
 * Invoices in a real browser: the provider invoices a week of its placement for more than the agreement says and
 * sees it flagged with the amount expected; the council's finance officer finds it among the flagged ones, cannot
 * approve it without a reason, approves it with one, records the payment and reads the payment performance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoiceBrowserIT extends PortalBrowser {

    private static MatchingData data;
    private static MatchingData.Placed placement;
    private static String invoiceNumber;

    @BeforeAll
    static void stackIsUp() {
        MatchingData.requireStackUp();
        data = MatchingData.create();
        placement = data.placement();
        invoiceNumber = "E2E-" + System.nanoTime() % 100_000_000;
    }

    @Test
    @Order(1)
    void aProviderSubmitsAnInvoiceAndSeesItFlaggedWithTheAmountExpected() throws Exception {
        browser.get(PORTAL + "/your-invoices");
        signIn(PortalData.providerUsername(data.provider()));
        assertThat(heading()).isEqualTo("Your invoices");
        accessible("the provider's invoices");

        browser.findElement(By.linkText("Submit an invoice")).click();
        wait.until(ExpectedConditions.urlContains("/your-invoices/new"));
        assertThat(heading()).isEqualTo("Submit an invoice");
        accessible("the invoice form");
        browser.findElement(By.id("invoiceNumber")).sendKeys(invoiceNumber);
        browser.findElement(By.cssSelector("main form button")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".govuk-error-summary")));
        assertThat(summary.getText()).contains("Select the placement the invoice is for", "Enter the amount invoiced");
        assertThat(browser.findElement(By.id("invoiceNumber")).getAttribute("value")).isEqualTo(invoiceNumber);
        accessible("the invoice form with errors");

        new Select(browser.findElement(By.id("placementId"))).selectByValue(placement.id());
        LocalDate from = placement.start();
        LocalDate to = from.plusDays(6);
        date("periodFrom", from);
        date("periodTo", to);
        browser.findElement(By.id("amount")).sendKeys("760.00");
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.urlContains("done=submitted"));
        assertThat(heading()).isEqualTo("Invoice " + invoiceNumber);
        assertThat(browser.findElement(By.id("check-result")).getText()).contains("Flagged", "£700.00", "£760.00");
        // the provider is offered no decision on its own invoice
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
        accessible("the flagged invoice");
        screenshot("portal-invoice-flagged.png");
    }

    @Test
    @Order(2)
    void aFinanceOfficerApprovesTheFlaggedInvoiceWithAReasonPaysItAndReadsThePaymentPerformance() throws Exception {
        browser.get(PORTAL + "/finance/invoices?flagged=true&status=SUBMITTED");
        signIn("finance-officer");
        assertThat(heading()).isEqualTo("Invoices");
        accessible("the council's invoices");
        screenshot("portal-finance-invoices.png");
        rowMentioning(invoiceNumber).findElement(By.linkText(invoiceNumber)).click();
        wait.until(ExpectedConditions.urlContains("/finance/invoices/"));
        assertThat(heading()).isEqualTo("Invoice " + invoiceNumber);
        accessible("the invoice to decide");

        browser.findElement(By.xpath("//button[normalize-space()='Approve for payment']")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".govuk-error-summary")));
        assertThat(summary.getText()).contains("Enter why you approve an invoice that does not match the agreement");
        accessible("the invoice with an error");

        browser.findElement(By.id("approveReason")).sendKeys("Agreed extra staffing for the week");
        browser.findElement(By.xpath("//button[normalize-space()='Approve for payment']")).click();
        wait.until(ExpectedConditions.urlContains("done=approved"));
        assertThat(summary("Status")).isEqualTo("Approved");

        date("paidOn", LocalDate.now());
        browser.findElement(By.id("paymentReference")).sendKeys("PAY-" + invoiceNumber);
        browser.findElement(By.xpath("//button[normalize-space()='Record payment']")).click();
        wait.until(ExpectedConditions.urlContains("done=paid"));
        assertThat(summary("Status")).isEqualTo("Paid");
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
        accessible("the paid invoice");

        browser.findElement(By.linkText("Payment performance")).click();
        wait.until(ExpectedConditions.urlContains("/finance/payment-performance"));
        assertThat(heading()).isEqualTo("Payment performance");
        assertThat(rowMentioning("Paid within 30 days").getText()).matches("Paid within 30 days [1-9][0-9]* .*%");
        accessible("the payment performance");
        screenshot("portal-payment-performance.png");
    }

    private void date(String name, LocalDate date) {
        browser.findElement(By.id(name + "-day")).sendKeys(String.valueOf(date.getDayOfMonth()));
        browser.findElement(By.id(name + "-month")).sendKeys(String.valueOf(date.getMonthValue()));
        browser.findElement(By.id(name + "-year")).sendKeys(String.valueOf(date.getYear()));
    }
}
