package uk.gov.dps.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import uk.gov.dps.e2e.PortalData;

/**
 * The portal's pages that belong to no role, in a real browser against the stack of `./dps up`: the accessibility
 * statement (public, reached from every page's footer with the keyboard alone), the page a form sent without its
 * CSRF token gets, and the page for an address the portal does not have. Each must pass axe's WCAG 2.2 AA rules.
 */
class SitePagesIT extends PortalBrowser {

    @BeforeAll
    static void stackIsUp() {
        PortalData.requireStackUp();
    }

    @Test
    void theAccessibilityStatementIsReachedFromTheFooterWithTheKeyboardAlone() throws Exception {
        // public: nobody has signed in
        browser.get(PORTAL + "/signed-out");
        assertThat(heading()).isEqualTo("You have signed out");
        WebElement link = tabTo("Accessibility statement");
        link.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(PORTAL + "/accessibility"));
        assertThat(heading()).isEqualTo("Accessibility statement for the children's placements DPS");
        assertThat(browser.findElements(By.cssSelector("main h2"))).extracting(WebElement::getText)
                .contains("How accessible this website is", "Enforcement procedure",
                        "Preparation of this accessibility statement");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("WCAG 2.2").contains("Not yet tested");
        accessible("the accessibility statement");
        screenshot("portal-accessibility.png");
    }

    @Test
    void aFormSentWithoutItsCsrfTokenGetsAPageSayingItExpired() throws Exception {
        browser.get(PORTAL + "/referrals");
        signIn("placement-officer");
        assertThat(heading()).isEqualTo("Referrals");
        // a form of this page, posted without the CSRF token every form of the portal carries (as when a form was
        // kept open past its token, or sent from another site)
        browser.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/referrals/3f2c7a9e-5b1d-4c2e-9a8f-0d6b1e2c3a4f/in-house-check';
                const outcome = document.createElement('input');
                outcome.name = 'outcome';
                outcome.value = 'AVAILABLE';
                form.appendChild(outcome);
                document.body.appendChild(form);
                form.submit();""");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Your form has expired"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nothing has been changed");
        assertThat(browser.getTitle()).startsWith("Your form has expired");
        accessible("the expired form page");
        screenshot("portal-form-expired.png");

        // back where the form was
        browser.findElement(By.linkText("Go back to the form")).click();
        wait.until(ExpectedConditions.urlToBe(PORTAL + "/referrals"));
        assertThat(heading()).isEqualTo("Referrals");
    }

    @Test
    void anAddressThePortalDoesNotHaveIsPageNotFound() {
        browser.get(PORTAL + "/no-such-page");
        signIn("commissioner");
        assertThat(heading()).isEqualTo("Page not found");
        assertThat(browser.getCurrentUrl()).isEqualTo(PORTAL + "/no-such-page");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("check it is correct");
        accessible("the page not found");
    }

    /** Presses Tab until the link with this text has the focus, as a keyboard user does. */
    private WebElement tabTo(String linkText) {
        for (int presses = 0; presses < 40; presses++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            if (linkText.equals(focused.getText())) {
                return focused;
            }
        }
        throw new AssertionError("no link '" + linkText + "' reached with the Tab key on " + browser.getCurrentUrl());
    }
}
