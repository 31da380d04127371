package uk.gov.dps.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import uk.gov.dps.cli.KeycloakTokens;
import uk.gov.dps.e2e.PortalData;

/**
 * The portal in a real browser (headless Chromium) against the stack of `./dps up`: people sign in on Keycloak's
 * own login page, see what the services hold for them (made over REST here), act through a form, and sign out.
 * Every portal page visited must pass axe's WCAG 2.2 AA rules; Keycloak's login page is Keycloak's and not checked.
 */
class PortalBrowserIT extends PortalBrowser {

    private static PortalData data;

    @BeforeAll
    static void stackIsUp() {
        PortalData.requireStackUp();
        data = PortalData.create();
    }

    @Test
    void aProviderSeesItsInvitationsAndSignsOut() throws Exception {
        browser.get(PORTAL + "/invitations");
        signIn(PortalData.providerUsername(data.invitedProvider()));

        assertThat(heading()).isEqualTo("Invitations");
        WebElement row = rowMentioning("Aged 11-15");
        assertThat(row.findElement(By.cssSelector(".govuk-tag")).getText()).isEqualTo("Open");
        // the deadline, in UK time, as the service set it (a day from now)
        assertThat(row.getText()).contains(" at ").contains("(emergency)").contains("CB4");
        accessible("the invitations inbox");
        screenshot("portal-invitations.png");

        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Responded");
        browser.findElement(By.cssSelector("main form button")).click();
        wait.until(ExpectedConditions.urlContains("status=RESPONDED"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Aged 11-15");
        accessible("the inbox filtered by status");

        // a provider may not read the council's referrals: placement-service says 403, the portal says it plainly
        browser.get(PORTAL + "/referrals");
        assertThat(heading()).isEqualTo("You do not have permission to see this");
        accessible("the permission page");

        browser.get(PORTAL + "/");
        assertThat(heading()).isEqualTo("Your tasks");
        assertThat(browser.findElements(By.cssSelector("main h2 a"))).extracting(WebElement::getText)
                .containsExactly("Invitations", "Your placements", "Documents", "KPI returns",
                        "Your settings", "Your invoices");
        accessible("the start page");

        browser.findElement(By.linkText("Sign out")).click();
        wait.until(ExpectedConditions.urlContains(PORTAL + "/signed-out"));
        assertThat(heading()).isEqualTo("You have signed out");
        accessible("the signed-out page");
        // signed out of Keycloak too: the portal asks for the password again
        browser.get(PORTAL + "/invitations");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    @Test
    void aPlacementOfficerRecordsAnInHouseCheck() throws Exception {
        browser.get(PORTAL + "/");
        // a named demo user of `dps up`
        signIn("placement-officer");
        assertThat(heading()).isEqualTo("Your tasks");

        browser.findElement(By.linkText("Referrals")).click();
        assertThat(heading()).isEqualTo("Referrals");
        WebElement calledOff = rowLinkingTo(data.calledOffReferral());
        assertThat(calledOff.findElement(By.cssSelector(".govuk-tag")).getText()).isEqualTo("Called off");
        WebElement raised = rowLinkingTo(data.raisedReferral());
        assertThat(raised.findElement(By.cssSelector(".govuk-tag")).getText()).isEqualTo("Raised");
        accessible("the referrals list");
        screenshot("portal-referrals.png");

        raised.findElement(By.tagName("a")).click();
        assertThat(heading()).isEqualTo("A child aged 5-10");
        assertThat(summary("In-house check")).isEqualTo("Not recorded yet");
        assertThat(summary("Needs")).isEqualTo("Emotional behavioural\nEducation support");
        accessible("a referral");

        // a POST without the form's CSRF token is refused, and nothing changes
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/referrals/%s/in-house-check', {method: 'POST', redirect: 'manual',
                    body: new URLSearchParams({outcome: 'AVAILABLE'})}).then(r => done(r.status));"""
                .formatted(data.raisedReferral()));
        assertThat(status).isEqualTo(400L);
        assertThat(PortalData.inHouseOutcome(data.raisedReferral())).isNull();

        // the form asks for a choice before anything is sent
        browser.findElement(By.cssSelector("form button")).click();
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Select whether an in-house placement is available");
        assertThat(browser.getTitle()).startsWith("Error: ");
        accessible("the in-house check with an error");

        browser.findElement(By.cssSelector("input[value=NOT_AVAILABLE]")).click();
        browser.findElement(By.id("notes")).sendKeys("No in-house carers for a 5-10 year old this week");
        browser.findElement(By.cssSelector("form button")).click();
        wait.until(ExpectedConditions.urlContains("recorded=true"));
        assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                .contains("In-house check recorded");
        assertThat(summary("In-house check")).isEqualTo("Not available");
        assertThat(PortalData.inHouseOutcome(data.raisedReferral())).isEqualTo("NOT_AVAILABLE");
        accessible("a referral after its in-house check");
        screenshot("portal-referral.png");

        // the portal's session is gone (expired, or its cookies cleared) while Keycloak's lasts: the portal goes
        // back through Keycloak, which signs the person in again without asking, and the page shows, not an error
        browser.manage().deleteAllCookies();
        browser.get(PORTAL + "/referrals");
        assertThat(heading()).isEqualTo("Referrals");
        // both sessions gone: the next page is Keycloak's sign-in page
        browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        browser.get(PORTAL + "/referrals");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/dps/protocol/openid-connect/auth");
    }

    @Test
    void aCommissionerSeesTheApplicationsQueue() {
        browser.get(PORTAL + "/applications");
        signIn("commissioner");
        assertThat(heading()).isEqualTo("Applications to your lots");
        WebElement row = rowMentioning(data.pendingApplication().substring(0, 8));
        assertThat(row.findElement(By.cssSelector(".govuk-tag")).getText()).isEqualTo("Pending");
        accessible("the applications queue");
    }

}
