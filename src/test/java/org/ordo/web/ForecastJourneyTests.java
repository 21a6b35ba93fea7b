package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * A buyer's morning: the forecasts of every SKU, refreshed; one SKU's chart of demand and forecast; a reorder point
 * computed at a 95 % service level; a supplier's scorecard. In English and Chinese, at desktop and phone width.
 */
class ForecastJourneyTests extends BrowserJourney {

    @Test
    void aBuyerReadsTheForecastsComputesAReorderPointAndReadsASupplierScorecard() {
        String supplier = supplierWithADelivery();
        logIn("buyer", DEMO_PASSWORD);
        try {
            String sku = overview();
            forecastAndPolicy(sku);
            scorecard(supplier);
        } finally {
            browser.size(1366, 768);
            browser.open("/purchasing/forecasts");
            browser.find("#lang-en").sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "en"));
        }
    }

    /** The overview after a run, desktop and phone; the SKU of its first row. */
    private String overview() {
        browser.open("/purchasing/forecasts");
        browser.find("#run-forecasts").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).startsWith("Backtest done:");
        List<WebElement> rows = browser.all("#forecast-table tbody tr");
        assertThat(rows).isNotEmpty();
        assertThat(browser.find("#forecast-table").getText())
                .doesNotContain("SEASONAL_NAIVE", "CROSTON", "HOLT_WINTERS");
        assertThat(browser.find("#forecast-table tbody tr .beats").getText()).isIn("Yes", "No", "Too little history");
        assertClean();
        browser.screenshot("forecast-0-overview");
        browser.size(390, 844);
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone's screen")
                .isEmpty();
        browser.screenshot("forecast-1-overview-phone");
        browser.size(1366, 768);
        // a SKU with a backtest: its error figures are known
        WebElement row = rows.stream()
                .filter(r -> !r.findElements(css(".beats .badge")).isEmpty())
                .findFirst()
                .orElseThrow();
        return row.findElement(css(".forecast-link")).getText();
    }

    /** One SKU's chart; a reorder point at 95 % over 14 days, in English, then the page in Chinese at phone width. */
    private void forecastAndPolicy(String sku) {
        browser.find("#forecast-" + sku + " .forecast-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#forecast-chart")));
        assertThat(browser.find("h1").getText()).isEqualTo("Forecast of " + sku);
        assertThat(chartDrawn()).isTrue();
        assertThat(browser.find("#backtest-wape").getText()).endsWith("%");
        assertClean();
        browser.screenshot("forecast-2-sku");

        assertThat(browser.find("#serviceLevel").getAttribute("value")).isEqualTo("95");
        browser.find("#leadTimeDays").sendKeys("14");
        browser.find("#compute-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#computation")));
        assertThat(browser.find("#computed").getText())
                .contains("reorder point")
                .contains("14 days, as entered");
        assertClean();
        browser.screenshot("forecast-3-policy-computed");

        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "zh-CN"));
        assertThat(browser.find("h1").getText()).isEqualTo(sku + " 的预测");
        browser.size(390, 844);
        assertThat(chartDrawn()).isTrue();
        fitted();
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone's screen")
                .isEmpty();
        assertClean();
        browser.screenshot("forecast-4-sku-chinese-phone");
        browser.size(1366, 768);
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "en"));
    }

    /** The scorecard of the last year, in English on the desktop and in Chinese on the phone. */
    private void scorecard(String supplier) {
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(364).toString();
        browser.open("/purchasing/suppliers/" + supplier + "/scorecard?from=" + from);
        assertThat(browser.find("#on-time-rate").getText()).isEqualTo("100.0%");
        assertThat(browser.find("#fill-rate").getText()).isEqualTo("80.0%");
        assertThat(browser.find("#scorecard-csv").getAttribute("href")).contains("/scorecard.csv?from=" + from);
        assertClean();
        browser.screenshot("forecast-5-scorecard");
        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "zh-CN"));
        browser.size(390, 844);
        assertThat(browser.find("#scorecard-figures").getText()).contains("准时交货", "满足率");
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone's screen")
                .isEmpty();
        assertClean();
        browser.screenshot("forecast-6-scorecard-chinese-phone");
    }

    /** A demo supplier with one order of 10 units, 8 of them received before the confirmed date, then closed. */
    private String supplierWithADelivery() {
        Api admin = Api.at(port).asAdmin();
        JsonNode supplier =
                admin.get("/api/suppliers").expect(200).json().get("items").get(0);
        String id = supplier.get("id").asString();
        JsonNode offer =
                admin.get("/api/suppliers/" + id + "/items").expect(200).json();
        JsonNode first = offer.isArray() ? offer.get(0) : offer.get("items").get(0);
        String warehouse = admin.get("/api/warehouses")
                .expect(200)
                .json()
                .get(0)
                .get("code")
                .asString();
        long quantity = Math.max(10, first.get("minimumOrderQuantity").asLong());
        String order = admin.post(
                        "/api/purchase-orders",
                        Map.of(
                                "supplierId",
                                id,
                                "warehouse",
                                warehouse,
                                "lines",
                                List.of(Map.of("sku", first.get("sku").asString(), "quantity", quantity))))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/purchase-orders/" + order + "/send", Map.of()).expect(200);
        String confirmed = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        admin.post(
                        "/api/purchase-orders/" + order + "/confirm",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "confirmedDate", confirmed))))
                .expect(200);
        admin.post(
                        "/api/purchase-orders/" + order + "/receipts",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", quantity * 8 / 10))))
                .expect(201);
        admin.post("/api/purchase-orders/" + order + "/close", Map.of()).expect(200);
        return id;
    }

    private boolean chartDrawn() {
        return Boolean.TRUE.equals(browser.driver.executeScript(
                "return typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('forecast-chart'));"));
    }

    private void assertClean() {
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Elements that stick out to the right of the window, outside the horizontally scrolling tables. */
    /** Chart.js redraws for the new width on its own schedule: wait for it, up to the usual patience. */
    private void fitted() {
        try {
            browser.waiting().until(driver -> browser.widerThanTheWindow().isEmpty());
        } catch (org.openqa.selenium.TimeoutException stillWider) {
            // the assertion that follows names what is too wide
        }
    }
}
