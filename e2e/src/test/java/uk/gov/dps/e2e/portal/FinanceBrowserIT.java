package uk.gov.dps.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import uk.gov.dps.e2e.QualityData;

/**
 * A finance officer in a real browser: the budget positions chart of a year and funding stream, with its figures as
 * a table (for budget lines made here), the alerts and the spend report.
 */
class FinanceBrowserIT extends PortalBrowser {

    /** A far year of its own, so the chart holds this run's lines (and few others). */
    private static final int YEAR = ThreadLocalRandom.current().nextInt(2060, 2100);
    private static String health;
    private static String joint;

    @BeforeAll
    static void stackIsUp() {
        QualityData.requireStackUp();
        String suffix = QualityData.unique();
        health = "CCG placements " + suffix;
        joint = "Joint funded " + suffix;
        QualityData.budgetLine(YEAR, "HEALTH", health, new BigDecimal("123456.78"));
        QualityData.budgetLine(YEAR, "HEALTH", joint, new BigDecimal("40000"));
    }

    @Test
    void aFinanceOfficerSeesTheBudgetChartWithItsTableTheAlertsAndTheReport() throws Exception {
        browser.get(PORTAL + "/finance/budgets?year=" + YEAR);
        signIn("finance-officer");
        assertThat(heading()).isEqualTo("Budget positions");
        String label = YEAR + "/" + String.valueOf(YEAR + 1).substring(2);
        String id = "chart-" + YEAR + "-health";
        assertThat(browser.findElement(By.id(id + "-heading")).getText()).isEqualTo("Health, " + label);
        WebElement chart = browser.findElement(By.cssSelector("svg[aria-labelledby='" + id + "-title " + id + "-desc']"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent"))
                .contains(health + ": budget £123,456.78, committed £0.00, forecast outturn £0.00, within.");
        accessible("the budget positions");
        screenshot("portal-budgets.png");

        // the same figures as a table
        WebElement details = browser.findElement(By.xpath("//table[@id='" + id + "-table']/ancestor::details"));
        details.findElement(By.tagName("summary")).click();
        assertThat(rowMentioning(health).getText()).contains("£123,456.78", "£0.00", "Within");
        assertThat(rowMentioning(joint).getText()).contains("£40,000.00");
        accessible("the budget positions with the table open");

        browser.findElement(By.linkText("Spend alerts")).click();
        wait.until(ExpectedConditions.urlContains("/finance/alerts"));
        assertThat(heading()).isEqualTo("Spend alerts");
        accessible("the spend alerts");

        browser.findElement(By.linkText("Spend report")).click();
        wait.until(ExpectedConditions.urlContains("/finance/report"));
        assertThat(heading()).isEqualTo("Spend report");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("By funding stream",
                "Provider concentration by lot", "By provider");
        accessible("the spend report");
        screenshot("portal-spend-report.png");
    }
}
