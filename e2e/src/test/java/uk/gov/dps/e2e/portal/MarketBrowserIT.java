package uk.gov.dps.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import uk.gov.dps.e2e.MarketData;
import uk.gov.dps.e2e.PortalData;

/**
 * The market in a real browser against the stack of `./dps up`: a commissioner decides an application and
 * suspends then reinstates a member of a lot; a provider answers an invitation with an itemised offer using the
 * keyboard only, sees the placement it won, records a document and sends a KPI return. Every page passes axe's
 * WCAG 2.2 AA rules; what the browser did is checked against the services over REST.
 */
class MarketBrowserIT extends PortalBrowser {

    private static MarketData data;

    @BeforeAll
    static void stackIsUp() {
        PortalData.requireStackUp();
        data = MarketData.create();
    }

    @Test
    void aCommissionerDecidesAnApplicationAndSuspendsThenReinstatesAMember() throws Exception {
        browser.get(PORTAL + "/applications");
        signIn("commissioner");
        assertThat(heading()).isEqualTo("Applications to your lots");
        WebElement row = rowMentioning(data.application().substring(0, 8));
        // a new application: due in ten working days, not overdue
        assertThat(row.getText()).doesNotContain("Overdue");
        assertThat(row.findElements(By.tagName("td")).get(2).getText()).matches("\\d{1,2} \\w+ \\d{4}");
        accessible("the applications queue");

        row.findElement(By.tagName("a")).click();
        assertThat(heading()).isEqualTo("An application to join a lot");
        assertThat(summary("Status")).isEqualTo("Pending");
        accessible("an application");

        // nothing chosen: the error summary, and nothing decided
        browser.findElement(By.xpath("//button[normalize-space()='Record decision']")).click();
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Select whether to admit the provider or reject the application");
        accessible("an application with an error");
        assertThat(data.applicationStatus()).isEqualTo("PENDING");

        browser.findElement(By.cssSelector("input[value=ADMIT]")).click();
        browser.findElement(By.id("reasons")).sendKeys("Meets the selection criteria; Ofsted registration checked");
        browser.findElement(By.xpath("//button[normalize-space()='Record decision']")).click();
        wait.until(ExpectedConditions.urlContains("decided=true"));
        assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                .contains("Decision recorded: Admitted");
        assertThat(summary("Reasons")).isEqualTo("Meets the selection criteria; Ofsted registration checked");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();
        assertThat(data.applicationStatus()).isEqualTo("ADMITTED");
        accessible("a decided application");
        screenshot("portal-application.png");

        browser.findElement(By.linkText("Lots")).click();
        assertThat(heading()).isEqualTo("Lots");
        accessible("the dynamic purchasing systems");
        browser.get(PORTAL + "/lots?dps=" + data.dpsId());
        accessible("a DPS's lots");
        browser.findElement(By.cssSelector("a[href='/lots/" + data.lotId() + "']")).click();
        assertThat(heading()).isEqualTo("Independent Fostering Agencies");
        WebElement member = rowMentioning(data.memberName());
        assertThat(member.findElement(By.cssSelector(".govuk-tag")).getText()).isEqualTo("Active");
        accessible("a lot with its members");
        screenshot("portal-lot.png");

        member.findElement(By.tagName("a")).click();
        assertThat(heading()).isEqualTo(data.memberName());
        assertThat(summary("Status")).isEqualTo("Active");
        accessible("a member of a lot");
        browser.findElement(By.xpath("//button[normalize-space()='Suspend provider']")).click();
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter why the provider is suspended");
        accessible("a suspension with an error");
        assertThat(data.membershipStatus()).isEqualTo("ACTIVE");

        browser.findElement(By.id("reason")).sendKeys("Public liability insurance lapsed on 1 December");
        browser.findElement(By.xpath("//button[normalize-space()='Suspend provider']")).click();
        wait.until(ExpectedConditions.urlContains("done=suspended"));
        assertThat(summary("Status")).isEqualTo("Suspended");
        assertThat(summary("Why suspended")).isEqualTo("Public liability insurance lapsed on 1 December");
        assertThat(data.membershipStatus()).isEqualTo("SUSPENDED");
        accessible("a suspended member");

        browser.findElement(By.id("reason")).sendKeys("Renewed insurance certificate seen");
        browser.findElement(By.xpath("//button[normalize-space()='Reinstate provider']")).click();
        wait.until(ExpectedConditions.urlContains("done=reinstated"));
        assertThat(summary("Status")).isEqualTo("Active");
        assertThat(data.membershipStatus()).isEqualTo("ACTIVE");
        accessible("a reinstated member");
    }

    @Test
    void aProviderOffersWithTheKeyboardSeesItsPlacementAndSendsAKpiReturn() throws Exception {
        browser.get(PORTAL + "/invitations");
        signIn(PortalData.providerUsername(data.invitedProvider()));
        assertThat(heading()).isEqualTo("Invitations");
        browser.findElement(By.cssSelector("a[href='/invitations/" + data.openReferral() + "']")).click();
        assertThat(heading()).isEqualTo("A child aged 11-15");
        assertThat(summary("Needs")).isEqualTo("Emotional behavioural\nAutism");
        accessible("an invitation");

        // keyboard only from here to the offer: Tab from the top of the page, from field to field
        LocalDate start = LocalDate.now().plusDays(4);
        tabTo("core");
        type(Keys.TAB, "120");                  // additional staffing; the core fee is left empty
        type(Keys.TAB, "0");                    // education
        type(Keys.TAB, "75.50");                // therapy
        type(Keys.TAB, String.valueOf(start.getDayOfMonth()));
        type(Keys.TAB, String.valueOf(start.getMonthValue()));
        type(Keys.TAB, String.valueOf(start.getYear()));
        type(Keys.TAB, "Oak House");
        type(Keys.TAB, " ");                    // the first need: Emotional behavioural
        tabTo("Send offer");
        keys(Keys.ENTER);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary")));
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter the core weekly fee");
        // the design system's script puts the focus on the summary; what was typed is all still there
        assertThat(active().getAttribute("class")).contains("govuk-error-summary");
        assertThat(browser.findElement(By.id("additionalStaffing")).getAttribute("value")).isEqualTo("120");
        assertThat(browser.findElement(By.id("therapy")).getAttribute("value")).isEqualTo("75.50");
        assertThat(browser.findElement(By.id("proposedStart-year")).getAttribute("value"))
                .isEqualTo(String.valueOf(start.getYear()));
        assertThat(browser.findElement(By.id("homeReference")).getAttribute("value")).isEqualTo("Oak House");
        assertThat(browser.findElement(By.id("needsMet")).isSelected()).isTrue();
        accessible("an offer with an error");
        assertThat(data.ownOfferTotal()).isNull();

        // the summary's link takes the focus to the field; Enter in it sends the form
        keys(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Enter the core weekly fee");
        keys(Keys.ENTER);
        assertThat(active().getAttribute("id")).isEqualTo("core");
        keys("1180");
        WebElement formPage = browser.findElement(By.tagName("html"));
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(formPage));
        assertThat(browser.getCurrentUrl()).as("the offer was refused:%n%s",
                browser.findElement(By.tagName("main")).getText()).contains("done=offered");
        assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                .contains("Your offer has been sent");
        assertThat(summary("Weekly total")).isEqualTo("£1,375.50");
        assertThat(new java.math.BigDecimal(data.ownOfferTotal())).isEqualByComparingTo("1375.50");
        accessible("an invitation with its offer");
        screenshot("portal-offer.png");

        browser.findElement(By.linkText("Your placements")).click();
        assertThat(heading()).isEqualTo("Your placements");
        String placements = browser.findElement(By.tagName("main")).getText();
        assertThat(placements).contains("Placement " + data.placement().substring(0, 8)).contains("£1,375.50")
                .contains("Agreed at award");
        accessible("the provider's placements");
        screenshot("portal-provider-placements.png");

        browser.findElement(By.linkText("Documents")).click();
        assertThat(heading()).isEqualTo("Your documents");
        accessible("the documents");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("type")))
                .selectByVisibleText("Public liability insurance");
        browser.findElement(By.id("reference")).sendKeys("PL-2026-4471");
        LocalDate issued = LocalDate.now().minusMonths(1);
        LocalDate expires = issued.plusYears(1);
        date("issuedOn", issued);
        date("expiresOn", expires);
        browser.findElement(By.xpath("//button[normalize-space()='Record document']")).click();
        wait.until(ExpectedConditions.urlContains("recorded=true"));
        WebElement document = rowMentioning("PL-2026-4471");
        assertThat(document.findElement(By.cssSelector(".govuk-tag")).getText()).isEqualTo("Current");
        assertThat(document.getText()).contains("Expires " + expires.getDayOfMonth());
        accessible("the documents after recording one");
        screenshot("portal-documents.png");

        browser.findElement(By.linkText("KPI returns")).click();
        assertThat(heading()).isEqualTo("KPI returns");
        accessible("the KPI returns");
        String quarter = previousQuarter(LocalDate.now());
        browser.findElement(By.id("quarter")).sendKeys(quarter);
        browser.findElement(By.id("occupancyPercent")).sendKeys("88");
        browser.findElement(By.id("staffTurnoverPercent")).sendKeys("12.5");
        browser.findElement(By.id("incidents")).sendKeys("2");
        browser.findElement(By.id("missingEpisodes")).sendKeys("0");
        browser.findElement(By.id("educationAttendancePercent")).sendKeys("96");
        browser.findElement(By.id("complaints")).sendKeys("1");
        browser.findElement(By.xpath("//button[normalize-space()='Send return']")).click();
        wait.until(ExpectedConditions.urlContains("submitted=true"));
        WebElement sent = rowMentioning(quarter);
        assertThat(sent.getText()).contains("88").contains("12.5");
        accessible("the KPI returns after sending one");
    }

    // --- the keyboard -------------------------------------------------------------------------------------

    /** Presses Tab until the element with this id (or a button with this text) has the focus. */
    private void tabTo(String idOrText) {
        for (int i = 0; i < 120; i++) {
            WebElement active = active();
            if (idOrText.equals(active.getAttribute("id")) || "button".equals(active.getTagName())
                    && idOrText.equals(active.getText())) {
                return;
            }
            keys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + idOrText);
    }

    private void type(Keys move, String text) {
        keys(move);
        keys(text);
    }

    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    private void date(String name, LocalDate date) {
        browser.findElement(By.id(name + "-day")).sendKeys(String.valueOf(date.getDayOfMonth()));
        browser.findElement(By.id(name + "-month")).sendKeys(String.valueOf(date.getMonthValue()));
        browser.findElement(By.id(name + "-year")).sendKeys(String.valueOf(date.getYear()));
    }

    /** The financial quarter before today's ("2026-Q2" in December 2026): years start in April. */
    private static String previousQuarter(LocalDate today) {
        LocalDate before = today.minusMonths(3);
        int year = before.getMonthValue() >= 4 ? before.getYear() : before.getYear() - 1;
        int quarter = (before.getMonthValue() + 8) % 12 / 3 + 1;
        return year + "-Q" + quarter;
    }
}
