package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Sales imports an order file from the imports page: a dry run first, row by row with the one bad line marked, then
 * applied for real, its progress followed on the page, and the problem downloadable; in Chinese and at phone width too.
 */
class ImportJourneyTests extends BrowserJourney {

    @Test
    void salesDryRunsAnOrderFileSeesEachRowAndAppliesIt() throws Exception {
        Path file = orderFile();
        logIn("sales", DEMO_PASSWORD);

        browser.find("#nav-nav\\.imports").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#import-form")));
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        assertThat(browser.find("#dryRun").isSelected())
                .as("a dry run first, unless unticked")
                .isTrue();
        browser.screenshot("imports-1-upload");
        browser.find("#upload").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#job[data-status='DONE']")));
        browser.screenshot("imports-2-dry-run");
        assertThat(browser.all("tr.import-row[data-outcome='WOULD_APPLY']"))
                .as(browser.find("#job").getText())
                .hasSize(2);
        assertThat(browser.find("tr.import-row[data-outcome='REJECTED']").getText())
                .startsWith("3")
                .contains("quantity");

        // the dry run's job is DONE too: wait for the page of the applying job before waiting for it to finish
        org.openqa.selenium.WebElement dryRun = browser.find("#job");
        browser.find("#apply").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.stalenessOf(dryRun));
        browser.waiting()
                .until(d -> !browser.all("#job[data-status='DONE']").isEmpty()
                        && browser.all("tr.import-row[data-outcome='APPLIED']").size() == 2);
        assertThat(browser.find("#job-counts").getText()).contains("2 applied").contains("1 rejected");
        assertThat(browser.find("#errors-csv").getAttribute("href")).endsWith("/errors.csv");
        browser.screenshot("imports-3-applied");

        String jobPage = browser.webDriver().getCurrentUrl();
        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("#job-status").getText().contains("已完成"));
        browser.screenshot("imports-4-applied-zh");

        browser.size(390, 844);
        browser.webDriver().get(jobPage);
        assertThat(browser.widerThanTheWindow()).isEmpty();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("imports-5-applied-phone-zh");
        browser.open("/imports");
        assertThat(browser.widerThanTheWindow()).isEmpty();
        browser.screenshot("imports-6-start-phone-zh");

        // the language is the user's: give sales back its English for the journeys after this one
        browser.size(1366, 768);
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("h1").getText().contains("Imports"));
    }

    private Path orderFile() throws Exception {
        Api admin = Api.at(port).asAdmin();
        JsonNode customer = admin.get("/api/customers?size=1")
                .expect(200)
                .json()
                .get("items")
                .get(0);
        JsonNode product = admin.get("/api/products?size=1")
                .expect(200)
                .json()
                .get("items")
                .get(0);
        String sku = product.get("sku").asString();
        String number = customer.get("number").asString();
        String ref = Fixtures.unique("WEB");
        String csv = "reference;customer;sku;quantity\n"
                + ref + "-1;" + number + ";" + sku + ";1\n"
                + ref + "-2;" + number + ";" + sku + ";two\n"
                + ref + "-3;" + number + ";" + sku + ";3\n";
        Path file = Files.createTempFile("orders-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
