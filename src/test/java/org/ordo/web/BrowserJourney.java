package org.ordo.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.ordo.identity.UserProfiles;
import org.ordo.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey through the pages in a real browser (Debian's Chromium) on the embedded default with the demo data, as a
 * newcomer first meets them. Every journey class shares one application (same configuration, so one cached context):
 * journeys place the orders they work on rather than depend on the state of a particular demo order. Each journey ends
 * with a screenshot in target/screenshots.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:ordo-pages;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "ordo.demo-data=true",
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            // amounts in the journeys are the goods' unless a journey is about shipping (ShippingChargeJourneyTests)
            "ordo.shipping.charging=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    /** The password of every demo user (sales, warehouse, accounting, support, buyer, and the customer logins). */
    static final String DEMO_PASSWORD = "demo-password-1";

    @LocalServerPort
    int port;

    Browser browser;

    @Autowired
    UserProfiles profiles;

    /** Who logged in during the journey, with the language they had: they get it back, whatever became of it. */
    private final Map<String, String> languageBefore = new LinkedHashMap<>();

    @BeforeAll
    void startBrowser() {
        String missing =
                "Chromium and chromedriver from Debian are needed: apt-get install -y chromium chromium-driver";
        if ("true".equals(System.getenv("CI"))) {
            // CI installs them (.ci/run): there, a missing browser is a failure, never a silent skip
            org.junit.jupiter.api.Assertions.assertTrue(Browser.available(), missing);
        }
        assumeTrue(Browser.available(), missing + " (the journeys are skipped without them)");
        browser = new Browser(port);
    }

    @AfterEach
    void forgetSession() {
        if (browser != null) {
            browser.reset();
        }
        // the language is the user's, and the journeys share the users: one that failed half-way in Chinese must not
        // leave the next one reading Chinese
        languageBefore.forEach((username, language) -> profiles.profile(username)
                .filter(p -> !language.equals(p.locale()))
                .ifPresent(p -> profiles.changeLocale(username, language)));
        languageBefore.clear();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Logs in with the keyboard only: type, tab to the next field, Enter. */
    void logIn(String username, String password) {
        profiles.profile(username)
                .ifPresent(p -> languageBefore.putIfAbsent(username, p.locale() == null ? "en" : p.locale()));
        browser.open("/login");
        WebElement name = browser.find("#username");
        name.clear();
        name.sendKeys(username, Keys.TAB, password, Keys.ENTER);
        // the landing page, loaded: a form submitted by a key press does not wait for the next page by itself
        browser.waiting()
                .until(d -> !d.getCurrentUrl().endsWith("/login")
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static By css(String selector) {
        return By.cssSelector(selector);
    }
}
