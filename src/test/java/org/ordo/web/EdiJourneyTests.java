package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.edi.EdiFiles;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Sales receives a purchase order by hand on the EDI page, sees the line whose item code nobody knows, maps it to a SKU,
 * has the order placed and follows the link to it; in Chinese and at phone width too.
 */
class EdiJourneyTests extends BrowserJourney {

    @Test
    void salesMapsARejectedLineToASkuAndTheOrderIsPlaced() throws Exception {
        Api admin = Api.at(port).asAdmin();
        String sku = admin.get("/api/products?size=1")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("sku")
                .asString();
        String sender = Fixtures.unique("W").substring(0, 12).toUpperCase();
        partner(admin, sender);
        Path file = Files.createTempFile("po-", ".x12");
        Files.writeString(
                file,
                EdiFiles.x12(
                        EdiFiles.X12Style.PLAIN,
                        sender,
                        "000000201",
                        List.of(EdiFiles.po850("PO-WEB-1", null, "BP WIDGET-9 2"))),
                StandardCharsets.UTF_8);
        logIn("sales", DEMO_PASSWORD);

        browser.find("#nav-nav\\.edi").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#edi-upload")));
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.screenshot("edi-1-upload");
        browser.find("#edi-upload-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("tr.edi-rejected")));
        assertThat(browser.find("#edi-status").getText()).isEqualTo("Needs attention");
        assertThat(browser.find("tr.edi-rejected").getText()).contains("WIDGET-9");
        assertThat(browser.find("#edi-raw").getText()).contains("BEG*00*SA*PO-WEB-1");
        browser.screenshot("edi-2-rejected-line");

        browser.find("form.edi-map input[name=sku]").sendKeys("NO-SUCH-SKU", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#sku-error")));
        assertThat(browser.find("#sku-error").getText()).contains("NO-SUCH-SKU");
        browser.screenshot("edi-3-unknown-sku");

        browser.find("form.edi-map input[name=sku]").clear();
        browser.find("form.edi-map input[name=sku]").sendKeys(sku, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("a.edi-order-link")));
        assertThat(browser.find("#edi-status").getText()).isEqualTo("Accepted");
        String interchangePage = browser.webDriver().getCurrentUrl();
        browser.screenshot("edi-4-placed");
        browser.find("a.edi-order-link").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.getCurrentUrl().contains("/orders/"));
        assertThat(browser.webDriver().getPageSource()).contains("PO-WEB-1");

        browser.webDriver().get(interchangePage);
        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("#edi-status").getText().contains("已接受"));
        browser.screenshot("edi-5-placed-zh");
        browser.size(390, 844);
        browser.webDriver().get(interchangePage);
        assertThat(browser.widerThanTheWindow()).isEmpty();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("edi-6-placed-phone-zh");
        browser.open("/edi");
        assertThat(browser.widerThanTheWindow()).isEmpty();
        browser.screenshot("edi-7-list-phone-zh");
        browser.open("/edi/partners");
        assertThat(browser.widerThanTheWindow()).isEmpty();
        browser.screenshot("edi-8-partners-phone-zh");

        // the language is the user's: give sales back its English for the journeys after this one
        browser.size(1366, 768);
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("h1").getText().contains("Trading partners"));
    }

    private static void partner(Api admin, String sender) {
        String customer = admin.get("/api/customers?size=1")
                .expect(200)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Partner " + sender);
        body.put("customerId", customer);
        body.put("standard", "X12");
        body.put("senderId", sender);
        JsonNode created = admin.post("/api/edi/partners", body).expect(201).json();
        assertThat(created.get("id")).isNotNull();
    }
}
