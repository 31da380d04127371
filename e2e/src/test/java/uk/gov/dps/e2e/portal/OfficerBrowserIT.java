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
import org.openqa.selenium.support.ui.Select;

import uk.gov.dps.e2e.OfficerData;

/**
 * A placement officer takes a referral from raising it to a placement in the browser: raise (the minimal profile),
 * in-house check, call-off, the offers ranked with their reasons (the providers offer over REST), award with
 * funding shares (keyboard only: shares that do not make 100% come back with the error and what was typed), and
 * the placement. A panel member decides an award waiting in the County Resourcing Panel's queue. axe's WCAG 2.2 AA
 * rules pass on every portal page visited.
 */
class OfficerBrowserIT extends PortalBrowser {

    private static OfficerData data;

    @BeforeAll
    static void stackIsUp() {
        data = OfficerData.create();
    }

    @Test
    void aPlacementOfficerTakesAReferralToAPlacement() throws Exception {
        browser.get(PORTAL + "/referrals");
        signIn("placement-officer");
        assertThat(heading()).isEqualTo("Referrals");
        browser.findElement(By.linkText("Raise a referral")).click();
        assertThat(heading()).isEqualTo("Raise a referral");
        accessible("the new referral form");

        // the form asks for what it needs, and keeps what was typed
        browser.findElement(By.id("lotId")).sendKeys(data.lotId());
        browser.findElement(By.id("category")).sendKeys("EMERGENCY");
        browser.findElement(By.cssSelector("input[name=ageBand][value='11-15']")).click();
        browser.findElement(By.cssSelector("input[name=needs][value=EMOTIONAL_BEHAVIOURAL]")).click();
        browser.findElement(By.cssSelector("input[name=needs][value=AUTISM]")).click();
        browser.findElement(By.id("postcodeDistrict")).sendKeys("pe13");
        LocalDate wanted = LocalDate.now().plusDays(5);
        browser.findElement(By.id("wantedStart-day")).sendKeys(String.valueOf(wanted.getDayOfMonth()));
        browser.findElement(By.id("wantedStart-month")).sendKeys(String.valueOf(wanted.getMonthValue()));
        browser.findElement(By.id("wantedStart-year")).sendKeys(String.valueOf(wanted.getYear()));
        browser.findElement(By.cssSelector("main form button")).click();
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Select the placement pattern");
        assertThat(browser.findElement(By.id("postcodeDistrict")).getAttribute("value")).isEqualTo("pe13");
        assertThat(browser.findElement(By.cssSelector("input[name=needs][value=AUTISM]")).isSelected()).isTrue();
        accessible("the new referral form with an error");
        browser.findElement(By.cssSelector("input[name=placementPattern][value=WEEKS_52]")).click();
        screenshot("portal-new-referral.png");
        browser.findElement(By.cssSelector("main form button")).click();

        assertThat(heading()).isEqualTo("A child aged 11-15");
        String referral = browser.getCurrentUrl().replaceAll(".*/referrals/", "");
        assertThat(summary("Postcode district")).isEqualTo("PE13");
        accessible("the new referral");

        browser.findElement(By.cssSelector("input[value=NOT_AVAILABLE]")).click();
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.urlContains("recorded=true"));
        browser.findElement(By.linkText("Call off the lot")).click();
        assertThat(heading()).isEqualTo("Call off the lot");
        accessible("the call-off form");
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("call-off")));
        assertThat(summary("Status")).isEqualTo("Called off");
        accessible("a called-off referral");

        // the invited providers answer over REST, as their own systems would
        OfficerData.offer(referral, data.willow(), "3400.00");
        OfficerData.offer(referral, data.oak(), "3650.00");

        browser.findElement(By.linkText("See the offers, ranked")).click();
        assertThat(heading()).isEqualTo("Offers, ranked");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        WebElement first = browser.findElements(By.cssSelector("tbody tr")).get(0);
        assertThat(first.findElement(By.cssSelector("td")).getText()).isEqualTo("1");
        assertThat(first.findElements(By.cssSelector("td li"))).isNotEmpty();
        String firstProvider = first.findElement(By.cssSelector("th")).getText();
        accessible("the ranked offers");
        screenshot("portal-offers.png");
        first.findElement(By.partialLinkText("Award")).click();

        // the award, by keyboard only: shares that make 90% are seen as the officer types, and refused
        assertThat(heading()).isEqualTo("Award the placement");
        accessible("the award form");
        tabTo("percent");
        selectAll();
        type("60");
        tabTo("stream-2");
        type("Health");
        tabTo("percent-2");
        type("30");
        assertThat(browser.findElement(By.id("shares-total")).getText())
                .isEqualTo("Total: 90% (the shares must add up to 100%)");
        type(Keys.ENTER);
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary")))
                .getText()).contains("The funding shares must add up to 100%; they add up to 90%");
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(browser.findElement(By.id("percent")).getAttribute("value")).isEqualTo("60");
        assertThat(browser.findElement(By.id("percent-2")).getAttribute("value")).isEqualTo("30");
        assertThat(new Select(browser.findElement(By.id("stream-2"))).getFirstSelectedOption().getText())
                .isEqualTo("Health (ICB)");
        accessible("the award form with an error");
        tabTo("percent-2");
        selectAll();
        type("40");
        assertThat(browser.findElement(By.id("shares-total")).getText()).isEqualTo("Total: 100%");
        screenshot("portal-award.png");
        // the lot is a Procurement Act 2023 dynamic market: the award names its notice
        tabTo("noticeReference");
        type("UK6-E2E-PORTAL");
        type(Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("/placements/"));
        assertThat(heading()).isEqualTo("Placement with " + firstProvider.split("\n")[0]);
        assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                .contains("Placement awarded");
        assertThat(summary("Funding")).contains("Lac placements: 60", "Health: 40");
        assertThat(summary("Procurement Act notice")).isEqualTo("UK6-E2E-PORTAL");
        assertThat(OfficerData.status(referral)).isEqualTo("AWARDED");
        accessible("the new placement");
        String placement = browser.getCurrentUrl().replaceAll(".*/placements/([^?]+).*", "$1");

        browser.findElement(By.linkText("Placements")).click();
        assertThat(heading()).isEqualTo("Placements");
        assertThat(browser.findElements(By.cssSelector("tbody a[href='/placements/" + placement + "']"))).hasSize(1);
        accessible("the placements list");
    }

    @Test
    void aPanelMemberApprovesAnAwardFromTheQueue() throws Exception {
        browser.get(PORTAL + "/");
        signIn("panel-member");
        browser.findElement(By.linkText("Panel requests")).click();
        assertThat(heading()).isEqualTo("Panel requests");
        WebElement row = browser.findElement(By.cssSelector("tbody a[href='/panel-requests/" + data.panelRequest()
                + "']")).findElement(By.xpath("ancestor::tr"));
        assertThat(row.getText()).contains("above the panel threshold").contains("£5,200.00");
        assertThat(row.findElement(By.cssSelector(".govuk-tag")).getText()).isEqualTo("Pending");
        accessible("the panel's queue");
        screenshot("portal-panel-queue.png");

        row.findElement(By.tagName("a")).click();
        assertThat(heading()).isEqualTo("An award for a child aged 16-17");
        assertThat(summary("Funding")).contains("Lac placements: 70", "Health: 30");
        accessible("a panel request");

        // refusing or approving needs the panel's reasons
        browser.findElement(By.cssSelector("input[name=decision][value=APPROVED]")).click();
        browser.findElement(By.cssSelector("main form button")).click();
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter the panel's reasons");
        assertThat(browser.findElement(By.cssSelector("input[name=decision][value=APPROVED]")).isSelected()).isTrue();
        accessible("a panel request with an error");
        browser.findElement(By.id("reasons")).sendKeys("Specialist mental health support justifies the cost");
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.urlContains("decided=true"));
        assertThat(summary("Status")).isEqualTo("Approved");
        assertThat(OfficerData.status(data.panelReferral())).isEqualTo("AWARDED");
        accessible("a decided panel request");
    }

    /** Presses Tab until the field with this id has the focus, as a keyboard user moves through the page. */
    private void tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            if (id.equals(browser.switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Keys to whatever has the focus, as a keyboard does. */
    private void type(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private void selectAll() {
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
    }
}
