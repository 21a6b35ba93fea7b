package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.customers.CustomerAdmin;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.orders.OrderEntry;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The first day of a warehouse lead and of a manager: the stock ledger of a SKU, its policy, the planning queue page by
 * page, and the key figures as CSV, in English and Chinese, at desktop and phone width.
 */
class StockJourneyTests extends BrowserJourney {

    @Autowired
    InventoryAdmin inventory;

    @Autowired
    ProductCatalogAdmin catalog;

    @Autowired
    CustomerAdmin customers;

    @Autowired
    OrderEntry orders;

    @Test
    void aWarehouseLeadReadsFiltersAndExportsTheLedgerSetsAReorderPointAndPagesThroughPlanning() throws Exception {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36)
                .toUpperCase();
        String warehouse = "L" + suffix;
        inventory.createWarehouse(
                warehouse,
                "Ledger " + suffix,
                new Address("Ordo Lager Ledger", "Lagerweg 2", null, "Leipzig", null, "04109", "DE"));
        String sku = "LDG-" + suffix;
        catalog.create(new ProductCatalogAdmin.NewProduct(
                sku, "Pallet wrap, 500 m", null, Money.of("9.90", "EUR"), null, "STANDARD", null, 2000));
        inventory.receive(sku, warehouse, 20, "first delivery");
        inventory.receive(sku, warehouse, 10, "second delivery");
        CustomerSnapshot customer = customers.create(new CustomerAdmin.NewCustomer(
                "Ledger GmbH " + suffix,
                null,
                null,
                new Address("Ledger GmbH", "Hauptstraße 7", null, "Berlin", null, "10115", "DE"),
                null,
                "EUR",
                Money.of("100000.00", "EUR"),
                30,
                warehouse));
        for (int i = 0; i < 12; i++) {
            orders.place(new OrderEntry.NewOrder(
                    customer.id(), "PHONE", null, null, null, List.of(new OrderEntry.NewLine(sku, 1))));
        }

        logIn("warehouse", DEMO_PASSWORD);
        try {
            ledger(warehouse, sku);
            policyInChinese(warehouse, sku);
            planning(warehouse);
        } finally {
            browser.size(1366, 768);
            browser.open("/warehouse");
            browser.find("#lang-en").sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.textToBe(css("h1"), "Warehouse"));
        }
    }

    @Test
    void aManagerDownloadsTheKeyFiguresAsCsvFromTheDashboard() throws Exception {
        logIn("sales", DEMO_PASSWORD);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#kpis-csv")));
        WebElement csvButton = browser.find("#kpis-csv");
        assertThat(csvButton.getText()).isEqualTo("CSV");
        HttpResponse<String> csv = download(csvButton.getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("name,value,unit,period\r\n").contains("backorderRate,");
        assertClean();
        browser.screenshot("stock-6-dashboard-csv");

        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        try {
            browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "zh-CN"));
            browser.size(390, 844);
            assertThat(browser.find("#kpis-csv").getText()).isEqualTo("CSV");
            assertThat(browser.widerThanTheWindow())
                    .as("elements wider than the phone's screen")
                    .isEmpty();
            assertClean();
            browser.screenshot("stock-7-dashboard-csv-chinese-phone");
        } finally {
            browser.size(1366, 768);
            browser.find("#lang-en").sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "en"));
        }
    }

    /** From the stock page to the SKU's ledger, filtered by type, downloaded, and at phone width. */
    private void ledger(String warehouse, String sku) throws Exception {
        browser.open("/warehouse/stock?warehouse=" + warehouse + "&q=" + sku);
        browser.find("#stock-table .ledger-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#ledger-table")));
        assertThat(browser.find("h1").getText()).isEqualTo("Stock ledger");
        assertThat(browser.find("#result-count").getText()).isEqualTo("2 movements, newest first");
        List<WebElement> rows = browser.all("#ledger-table tbody tr");
        assertThat(rows.get(0).getText()).contains("+10");
        assertThat(rows.get(1).getText()).contains("+20");
        assertClean();
        browser.screenshot("stock-0-ledger");

        new Select(browser.find("#type")).selectByValue("RECEIPT");
        browser.find("#from").sendKeys("01012001");
        browser.find("#ledger-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("from=2001-01-01"));
        browser.waiting().until(ExpectedConditions.textToBe(css("#result-count"), "2 movements, newest first"));
        HttpResponse<String> csv = download(browser.find("#ledger-csv").getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("time,sku,warehouse,type,quantity,counted,actor,reason,reference");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(sku + "," + warehouse + ",RECEIPT,10,");
        assertClean();
        browser.screenshot("stock-1-ledger-filtered");

        browser.size(390, 844);
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone's screen")
                .isEmpty();
        browser.screenshot("stock-2-ledger-phone");
        browser.size(1366, 768);
    }

    /** In Chinese: a negative reorder point is refused at its field, then a good one is saved. */
    private void policyInChinese(String warehouse, String sku) {
        browser.find("#level-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#policy-form")));
        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css("#policy-submit"), "保存策略"));
        WebElement reorder = browser.find("#reorderPoint");
        reorder.clear();
        reorder.sendKeys("-5", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#reorderPoint-error")));
        assertThat(browser.find("#reorderPoint-error").getText()).isEqualTo("必须大于或等于 0。");
        assertThat(browser.find("#reorderPoint").getAttribute("value")).isEqualTo("-5");
        assertThat(browser.find("#reorderPoint").getAttribute("aria-describedby"))
                .isEqualTo("reorderPoint-error");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
        browser.screenshot("stock-3-policy-invalid-chinese");

        reorder = browser.find("#reorderPoint");
        reorder.clear();
        reorder.sendKeys("40", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).contains("再订货点 40");
        assertThat(browser.find("#level-reorder").getText()).isEqualTo("40");
        assertThat(browser.find("#level-available").getText()).contains("低");
        browser.size(390, 844);
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone's screen")
                .isEmpty();
        assertClean();
        browser.screenshot("stock-4-policy-saved-chinese-phone");
        browser.size(1366, 768);
    }

    /** The twelve orders waiting in the warehouse, ten a page, oldest first; then 25 a page. */
    private void planning(String warehouse) {
        browser.open("/warehouse?warehouse=" + warehouse);
        assertThat(browser.find("#awaiting-count").getText()).isEqualTo("第 1–10 个订单，共 12 个，最早的在前。");
        browser.find("#awaiting-next").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css("#awaiting-position"), "第 2 页，共 2 页"));
        assertThat(browser.all("#awaiting-table tbody tr")).hasSize(2);
        assertClean();
        browser.screenshot("stock-5-planning-page-2-chinese");
        browser.size(390, 844);
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone's screen")
                .isEmpty();
        browser.screenshot("stock-5-planning-page-2-chinese-phone");
        browser.size(1366, 768);
        browser.find("#awaiting-size-25").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css("#awaiting-count"), "第 1–12 个订单，共 12 个，最早的在前。"));
        assertThat(browser.all("#awaiting-table tbody tr")).hasSize(12);
    }

    /** What a link of the page downloads in the signed-in session. */
    private HttpResponse<String> download(String href) throws Exception {
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private void assertClean() {
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
