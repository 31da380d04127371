package uk.gov.dps.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import uk.gov.dps.e2e.QualityData;

/**
 * A monitoring officer in a real browser: the live quality feed shows an inspection recorded over REST without a
 * reload; after the connection drops, what was recorded meanwhile arrives once, not twice; the provider's quality
 * page; raising a concern (an empty form first: the error summary).
 */
class QualityFeedBrowserIT extends PortalBrowser {

    private static QualityData data;

    @BeforeAll
    static void stackIsUp() {
        QualityData.requireStackUp();
        data = QualityData.monitoredProvider();
    }

    @Test
    void aMonitoringOfficerWatchesTheLiveFeedResumesItAndRaisesAConcern() throws Exception {
        browser.get(PORTAL + "/quality-feed?provider=" + data.provider());
        signIn("monitoring-officer");
        assertThat(heading()).isEqualTo("Live quality feed");
        awaitFeedOpen();
        accessible("the live quality feed");

        String setting = "SC" + QualityData.unique();
        data.recordInspection(setting, "GOOD");
        // no reload: the page's script adds it
        awaitItems(setting, 1);
        assertThat(itemsMentioning(setting).get(0).getText()).contains("Inspection recorded", data.providerName(),
                "OFSTED judged " + setting + " Good");
        screenshot("portal-quality-feed.png");

        // the connection drops; a concern is raised meanwhile; the page opens a new one from the last event it saw
        browser.executeScript("window.dpsQualityFeed.close()");
        String concern = "Night staffing below plan " + QualityData.unique();
        data.raiseConcern("HIGH", concern);
        browser.executeScript("window.dpsQualityFeed.restart()");
        awaitItems(concern, 1);
        // a little longer, in case anything were sent twice
        Thread.sleep(2000);
        assertThat(itemsMentioning(concern)).hasSize(1);
        assertThat(itemsMentioning(setting)).hasSize(1);
        accessible("the live feed after new events");

        // the provider's quality page, from the feed
        itemsMentioning(setting).get(0).findElement(By.linkText(data.providerName())).click();
        wait.until(ExpectedConditions.urlContains("/quality/providers/" + data.provider()));
        assertThat(heading()).isEqualTo(data.providerName());
        assertThat(rowMentioning(setting).getText()).contains("Good");
        assertThat(rowMentioning(concern).getText()).contains("High");
        accessible("the provider's quality page");
        screenshot("portal-provider-quality.png");

        // raise a concern: an empty form is refused with the error summary
        browser.findElement(By.linkText("Raise a concern")).click();
        wait.until(ExpectedConditions.urlContains("/concern"));
        assertThat(heading()).isEqualTo("Raise a concern");
        accessible("the concern form");
        browser.findElement(By.id("details")).sendKeys("Seen at the unannounced visit");
        browser.findElement(By.cssSelector("main form button")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".govuk-error-summary")));
        assertThat(summary.getText()).contains("Select how serious the concern is", "Enter a summary of the concern");
        assertThat(browser.getTitle()).startsWith("Error: ");
        // what was typed is kept
        assertThat(browser.findElement(By.id("details")).getAttribute("value")).isEqualTo("Seen at the unannounced visit");
        accessible("the concern form with errors");

        String raised = "Medication records incomplete " + QualityData.unique();
        browser.findElement(By.cssSelector("label[for=choice-4]")).click();
        browser.findElement(By.id("text")).sendKeys(raised);
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.urlContains("recorded=concern"));
        assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText())
                .contains("Concern raised");
        assertThat(rowMentioning(raised).getText()).contains("Serious");
        accessible("the provider's page after raising a concern");
    }

    private void awaitFeedOpen() throws InterruptedException {
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return window.dpsQualityFeed.ready()")));
        // the service starts listening to dps.quality as the stream opens: a moment for its consumer to be placed
        Thread.sleep(1500);
    }

    private void awaitItems(String text, int count) {
        wait.withTimeout(Duration.ofSeconds(30)).until(d -> itemsMentioning(text).size() >= count);
    }

    private List<WebElement> itemsMentioning(String text) {
        return browser.findElements(By.cssSelector("#feed-items li")).stream()
                .filter(item -> item.getText().contains(text)).toList();
    }
}
