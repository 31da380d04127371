package uk.gov.dps.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import uk.gov.dps.cli.DpsStack;
import uk.gov.dps.cli.KeycloakTokens;

/**
 * What every browser journey of the portal shares: a fresh headless Chromium per test against the stack of
 * `./dps up`, signing in on Keycloak's own login page, reading a page the way a person does, checking it with
 * axe's WCAG 2.2 AA rules and saving screenshots for the README. Keycloak's login page is Keycloak's and not checked.
 */
abstract class PortalBrowser {

    static final String PORTAL = DpsStack.service("portal").baseUrl();
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Path SCREENSHOTS = Path.of(System.getProperty("dps.root", ".."), "docs", "screenshots");

    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Keycloak's own login page of the realm dps: the person types their user name and password. */
    protected void signIn(String username) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/dps/");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(KeycloakTokens.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains(PORTAL));
    }

    protected String heading() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1"))).getText();
    }

    protected WebElement rowMentioning(String text) {
        return browser.findElements(By.cssSelector("tbody tr")).stream().filter(r -> r.getText().contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no row with " + text + " on "
                        + browser.getCurrentUrl() + ":\n" + browser.findElement(By.tagName("main")).getText()));
    }

    protected WebElement rowLinkingTo(String referral) {
        return browser.findElement(By.cssSelector("tbody a[href='/referrals/" + referral + "']"))
                .findElement(By.xpath("ancestor::tr"));
    }

    protected String summary(String key) {
        return browser.findElement(By.xpath("//dt[normalize-space()='" + key + "']/following-sibling::dd")).getText();
    }

    protected void accessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
        assertThat(results.getViolations()).as("axe WCAG 2.2 AA violations on %s (%s):%n%s", page,
                browser.getCurrentUrl(), describe(results.getViolations())).isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    protected void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
