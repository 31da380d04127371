package uk.gov.dps.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import uk.gov.dps.e2e.MatchingData;
import uk.gov.dps.e2e.PortalData;

/**
 * Vacancies in a real browser. A placement officer finds the provider's vacancy near Huntingdon with its distance,
 * then watches the live view: a vacancy declared and one withdrawn over REST appear without a reload, and after a
 * dropped connection what happened meanwhile arrives once. The provider registers a setting (an empty form first:
 * the error summary), declares a vacancy at it, confirms it and withdraws it with a reason.
 */
class VacancyBrowserIT extends PortalBrowser {

    private static MatchingData data;

    @BeforeAll
    static void stackIsUp() {
        MatchingData.requireStackUp();
        data = MatchingData.create();
    }

    @Test
    void aPlacementOfficerFindsVacanciesNearAPostcodeAndWatchesThemLive() throws Exception {
        browser.get(PORTAL + "/vacancies");
        signIn("placement-officer");
        assertThat(heading()).isEqualTo("Find a vacancy");
        accessible("the vacancy search");

        // a mistake first: a distance without a place to measure from
        browser.findElement(By.id("withinMiles")).sendKeys("10");
        browser.findElement(By.cssSelector("main form button")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".govuk-error-summary")));
        assertThat(summary.getText()).contains("Enter a postcode or district to measure the distance from");
        assertThat(browser.getTitle()).startsWith("Error: ");
        accessible("the vacancy search with an error");

        browser.findElement(By.id("near")).sendKeys("PE29 1AB");
        browser.findElement(By.id("lotId")).sendKeys(data.lotId());
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vacancies")));
        WebElement row = rowMentioning(data.settingName());
        // the setting's own district: no distance to speak of
        assertThat(row.getText()).contains("0 miles", "Open");
        accessible("the vacancy search results");
        screenshot("portal-vacancies.png");

        browser.findElement(By.linkText("Watch vacancies as providers declare, confirm and withdraw them")).click();
        wait.until(ExpectedConditions.urlContains("/vacancies/live"));
        assertThat(heading()).isEqualTo("Live vacancies");
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return window.dpsVacancyFeed.ready()")));
        // provider-service starts listening to dps.providers as the stream opens
        Thread.sleep(1500);
        accessible("the live vacancies");

        String declared = data.declareVacancy(2, true);
        awaitItems("2 places from", 1);
        assertThat(itemsMentioning("2 places from").get(0).getText()).contains("Declared", data.settingName(),
                "takes emergencies");
        data.withdrawVacancy(data.vacancy(), "FILLED");
        awaitItems("withdrawn: Filled", 1);
        // the row of the withdrawn vacancy is marked where it stands
        assertThat(browser.findElement(By.cssSelector("tr[data-vacancy-id='" + data.vacancy() + "']")).getText())
                .contains("Withdrawn");
        screenshot("portal-vacancies-live.png");

        // the connection drops; the new vacancy is withdrawn meanwhile; the page resumes from the last event it saw
        browser.executeScript("window.dpsVacancyFeed.close()");
        data.withdrawVacancy(declared, "NO_LONGER_AVAILABLE");
        browser.executeScript("window.dpsVacancyFeed.restart()");
        awaitItems("withdrawn: No longer available", 1);
        Thread.sleep(2000);
        assertThat(itemsMentioning("withdrawn: No longer available")).hasSize(1);
        assertThat(itemsMentioning("2 places from")).hasSize(1);
        accessible("the live vacancies after new events");
    }

    @Test
    void aProviderRegistersASettingAndDeclaresConfirmsAndWithdrawsAVacancy() throws Exception {
        browser.get(PORTAL + "/your-settings");
        signIn(PortalData.providerUsername(data.provider()));
        assertThat(heading()).isEqualTo("Your settings");
        assertThat(browser.findElement(By.id("setting-" + data.setting())).getText()).contains(data.settingName(),
                data.ownerGroup(), "Emergency admissions", "Yes");
        accessible("the provider's settings");
        screenshot("portal-settings.png");

        browser.findElement(By.linkText("Register a setting")).click();
        wait.until(ExpectedConditions.urlContains("/your-settings/new"));
        assertThat(heading()).isEqualTo("Register a setting");
        accessible("the setting form");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String name = "Willow Lodge " + random.nextInt(100_000, 1_000_000);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.cssSelector("main form button")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".govuk-error-summary")));
        assertThat(summary.getText()).contains("Select what kind of setting it is", "Enter the setting's postcode");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
        accessible("the setting form with errors");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("CHILDRENS_HOME");
        browser.findElement(By.id("ofstedUrn")).sendKeys("SC" + random.nextInt(100_000, 1_000_000));
        browser.findElement(By.id("postcode")).sendKeys("CB4 1AA");
        browser.findElement(By.id("registeredPlaces")).sendKeys("3");
        browser.findElement(By.id("minAge")).sendKeys("11");
        browser.findElement(By.id("maxAge")).sendKeys("17");
        browser.findElement(By.cssSelector("label[for=sexes]")).click();
        browser.findElement(By.cssSelector("label[for=needs]")).click();
        browser.findElement(By.cssSelector("label[for=emergencyAdmissions-2]")).click();
        browser.findElement(By.cssSelector("label[for=soloPlacement]")).click();
        browser.findElement(By.cssSelector("label[for=forProfit-2]")).click();
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.urlContains("done=registered"));
        assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText())
                .contains("Setting registered");
        WebElement card = card(name);
        assertThat(card.getText()).contains("11 to 17", "Emotional behavioural", "No open vacancies");

        card.findElement(By.partialLinkText("Declare a vacancy")).click();
        wait.until(ExpectedConditions.urlContains("/vacancy"));
        assertThat(heading()).isEqualTo("Declare a vacancy");
        accessible("the vacancy form");
        java.time.LocalDate from = java.time.LocalDate.now().plusDays(1);
        browser.findElement(By.id("places")).clear();
        browser.findElement(By.id("places")).sendKeys("2");
        browser.findElement(By.id("availableFrom-day")).sendKeys(String.valueOf(from.getDayOfMonth()));
        browser.findElement(By.id("availableFrom-month")).sendKeys(String.valueOf(from.getMonthValue()));
        browser.findElement(By.id("availableFrom-year")).sendKeys(String.valueOf(from.getYear()));
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.urlContains("done=declared"));
        card = card(name);
        assertThat(card.findElement(By.cssSelector("tbody tr")).getText()).contains("2", "Open");

        card.findElement(By.cssSelector("tbody form button")).click();
        wait.until(ExpectedConditions.urlContains("done=confirmed"));
        accessible("the provider's settings after confirming");

        card(name).findElement(By.partialLinkText("Withdraw")).click();
        wait.until(ExpectedConditions.urlContains("/withdraw"));
        assertThat(heading()).isEqualTo("Withdraw a vacancy");
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        accessible("the withdrawal form with an error");
        browser.findElement(By.cssSelector("label[for=reason]")).click();
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.urlContains("done=withdrawn"));
        assertThat(card(name).getText()).contains("No open vacancies");
    }

    private WebElement card(String settingName) {
        return browser.findElements(By.cssSelector(".govuk-summary-card")).stream()
                .filter(c -> c.findElement(By.cssSelector(".govuk-summary-card__title")).getText().equals(settingName))
                .findFirst().orElseThrow(() -> new AssertionError("no setting " + settingName));
    }

    private void awaitItems(String text, int count) {
        wait.withTimeout(Duration.ofSeconds(30)).until(d -> itemsMentioning(text).size() >= count);
    }

    private List<WebElement> itemsMentioning(String text) {
        return browser.findElements(By.cssSelector("#feed-items li")).stream()
                .filter(item -> item.getText().contains(text)).toList();
    }
}
