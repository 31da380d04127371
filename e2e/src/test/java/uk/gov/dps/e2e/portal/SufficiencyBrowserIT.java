package uk.gov.dps.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import uk.gov.dps.e2e.MatchingData;

/**
 * A commissioner in a real browser: the sufficiency report of the council and of the joint DPS as tables, its CSV,
 * the owner groups with the children placed with each, and what a group's failure would leave to find (the group
 * made here has one child placed with its home).
 */
class SufficiencyBrowserIT extends PortalBrowser {

    private static MatchingData data;

    @BeforeAll
    static void stackIsUp() {
        MatchingData.requireStackUp();
        data = MatchingData.create();
        data.placement();
    }

    @Test
    void aCommissionerReadsTheSufficiencyReportItsCsvAndAGroupsFailure() throws Exception {
        browser.get(PORTAL + "/sufficiency");
        signIn("commissioner");
        assertThat(heading()).isEqualTo("Sufficiency report");
        assertThat(browser.findElement(By.cssSelector("main h2")).getText()).startsWith("Cambridgeshire, all time");
        assertThat(browser.findElement(By.id("referrals")).getText()).contains("Raised", "Median time to place");
        assertThat(browser.findElement(By.id("distance")).getText()).contains("20 miles or less");
        accessible("the sufficiency report");
        screenshot("portal-sufficiency.png");

        // the joint figures, for one quarter written wrongly first
        new Select(browser.findElement(By.id("council"))).selectByValue("joint");
        browser.findElement(By.id("period")).sendKeys("Q3");
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        assertThat(browser.findElement(By.id("council")).getAttribute("value")).isEqualTo("joint");
        accessible("the sufficiency report with an error");
        browser.findElement(By.id("period")).clear();
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h2"),
                "All partner councils"));
        accessible("the joint sufficiency report");

        // the CSV the link downloads, fetched with the browser's own session
        String href = browser.findElement(By.cssSelector("a[download]")).getAttribute("href");
        assertThat(href).endsWith("/sufficiency/report.csv?council=joint");
        StringBuilder cookies = new StringBuilder();
        for (Cookie cookie : browser.manage().getCookies()) {
            cookies.append(cookie.getName()).append('=').append(cookie.getValue()).append("; ");
        }
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies.toString()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,figure,breakdown,value");

        browser.findElement(By.linkText("Owner groups")).click();
        wait.until(ExpectedConditions.urlContains("/owner-groups"));
        assertThat(heading()).isEqualTo("Owner groups");
        accessible("the owner groups");
        screenshot("portal-owner-groups.png");
        browser.get(PORTAL + "/owner-groups/" + data.ownerGroupNumber());
        assertThat(heading()).isEqualTo("What if " + data.ownerGroup() + " failed?");
        assertThat(summary("Children affected")).isEqualTo("1");
        assertThat(summary("Weekly cost of their placements")).isEqualTo("£700.00");
        assertThat(rowMentioning("Cambridgeshire").getText()).contains("1", "£700.00");
        accessible("a group's failure");
        screenshot("portal-owner-group-failure.png");
    }
}
