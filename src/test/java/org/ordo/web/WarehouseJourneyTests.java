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
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.OrderStatus;
import org.ordo.shared.Address;
import org.ordo.shared.Gtin;
import org.ordo.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;

/** A day at the warehouse: from an order waiting for its shipment to a parcel with its label, by keyboard and scanner. */
class WarehouseJourneyTests extends BrowserJourney {

    @Autowired
    InventoryAdmin inventory;

    @Autowired
    ProductCatalogAdmin catalog;

    @Autowired
    CustomerAdmin customers;

    @Autowired
    OrderEntry orders;

    @Test
    void aWarehouseUserPlansPicksPacksByScanRefusingAWrongItemShipsAndPrintsTheLabel() throws Exception {
        // a fresh order for stock that lies in one warehouse only, so there is a shipment of its own to work on
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36)
                .toUpperCase();
        String warehouse = "J" + suffix;
        inventory.createWarehouse(
                warehouse,
                "Journey " + suffix,
                new Address("Ordo Lager Journey", "Lagerweg 1", null, "Leipzig", null, "04109", "DE"));
        String sku = "JRN-" + suffix;
        String gtin = gtin();
        catalog.create(new ProductCatalogAdmin.NewProduct(
                sku, "Packing tape, 50 m", null, Money.of("3.90", "EUR"), null, "STANDARD", gtin, 400));
        inventory.receive(sku, warehouse, 6, "journey stock");
        CustomerSnapshot customer = customers.create(new CustomerAdmin.NewCustomer(
                "Journey GmbH " + suffix,
                null,
                null,
                new Address("Journey GmbH", "Hauptstraße 5", null, "Berlin", null, "10115", "DE"),
                null,
                "EUR",
                Money.of("100000.00", "EUR"),
                30,
                warehouse));
        OrderSnapshot order = orders.place(new OrderEntry.NewOrder(
                customer.id(), "PHONE", null, null, null, List.of(new OrderEntry.NewLine(sku, 5))));
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);

        logIn("warehouse", DEMO_PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/warehouse");
        assertThat(browser.find("h1").getText()).isEqualTo("Warehouse");
        assertClean();
        browser.screenshot("warehouse-0-home-all-warehouses");
        new Select(browser.find("#warehouse")).selectByValue(warehouse);
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(css("#awaiting-table"), order.number()));
        assertThat(browser.find("#tile-plan").getText()).contains("1");
        browser.find("#plan-" + order.number() + "-" + warehouse).sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        String shipment = browser.find("#shipment-number").getText().replace("Shipment ", "");
        assertThat(browser.find("#shipment-status").getText()).isEqualTo("Planned");

        // the printable pick list, walked by bin
        browser.find("#pick-list-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#pick-list-table")));
        assertThat(browser.find("#pick-list-summary").getText()).contains(shipment);
        assertThat(browser.all("#pick-list-table tbody tr"))
                .singleElement()
                .satisfies(row -> assertThat(row.getText()).contains(sku));
        assertClean();
        browser.screenshot("warehouse-1-pick-list");
        browser.find("#mark-picked").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#scan-code")));
        assertThat(browser.find("#shipment-status").getText()).isEqualTo("Picking");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("scan-code");

        // a wrong item is refused in red, naming what was scanned, and nothing is packed
        browser.driver.switchTo().activeElement().sendKeys("4000000000017", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#scan-error")));
        WebElement error = browser.find("#scan-error");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).contains("4000000000017").contains("Nothing was packed");
        assertThat(error.getCssValue("color"))
                .isNotEqualTo(browser.find("#scan-progress").getCssValue("color"));
        assertThat(browser.find(".packed-count").getText()).isEqualTo("0 / 5");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("scan-code");
        assertThat(browser.find("#scan-code").getAttribute("value")).isEmpty();
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 422");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("warehouse-2-packing-wrong-item");

        // the right items, by GTIN and by SKU, as a scanner types them
        browser.driver.switchTo().activeElement().sendKeys(gtin, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#scan-ok")));
        assertThat(browser.find(".packed-count").getText()).isEqualTo("1 / 5");
        browser.driver.switchTo().activeElement().sendKeys(sku, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css(".packed-count"), "2 / 5"));

        // one scan, then the quantity: the form offers what is missing, the packer keys one less and confirms
        assertThat(browser.find("#scan-quantity").getAttribute("value")).isEqualTo("3");
        assertThat(browser.find("#quantity-form").getText())
                .contains("missing: 3")
                .contains("Up to 20 units per scan");
        browser.find("#scan-quantity").clear();
        browser.find("#scan-quantity").sendKeys("2");
        assertClean();
        browser.screenshot("warehouse-2b-packing-keyed-quantity");
        browser.find("#quantity-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css(".packed-count"), "4 / 5"));
        browser.find("#scan-code").sendKeys(sku, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#packed-notice")));
        assertThat(browser.find("#packed-notice").getText()).startsWith("Packed");
        assertThat(browser.find("#shipment-status").getText()).isEqualTo("Packed");
        assertThat(browser.find("#steps li.current").getText()).contains("Ship");

        // the carrier choice: UPS Express rather than the recommended service
        List<WebElement> options = browser.all("#ship-form input[name=option]");
        assertThat(options).hasSizeGreaterThan(1);
        assertThat(browser.find("#ship-form").getText()).contains("Recommended").contains("€");
        browser.find("#ship-form input[value='UPS|EXPRESS']").sendKeys(Keys.SPACE);
        assertClean();
        browser.screenshot("warehouse-3-carrier-choice");
        browser.find("#ship-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#label-link")));
        assertThat(browser.find("#shipment-status").getText()).isEqualTo("Shipped");
        assertThat(browser.find("#shipped-notice").getText())
                .contains("UPS Express Saver")
                .contains("1Z");
        assertClean();
        browser.screenshot("warehouse-4-shipped");

        // the label is a PDF served to the signed-in session
        String label = browser.find("#label-link").getAttribute("href");
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(label))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");

        // the stock it came from, at phone width: the table scrolls inside its box
        browser.size(390, 844);
        browser.open("/warehouse/stock?warehouse=" + warehouse);
        assertThat(browser.find("#stock-table").getText()).contains(sku);
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone's screen")
                .isEmpty();
        assertClean();
        browser.screenshot("warehouse-5-stock-phone");

        // the warehouse in Chinese, then back to English for whoever logs in as this user next
        browser.size(1366, 768);
        browser.open("/warehouse");
        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css("h1"), "仓库"));
        assertThat(browser.find("#tile-pick").getText()).contains("待拣货");
        assertClean();
        browser.screenshot("warehouse-6-home-chinese");
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css("h1"), "Warehouse"));
    }

    @Test
    void receivingKeepsWhatWasTypedNextToItsErrorAndSeveralShipmentsArePickedFromOneList() {
        String sku = "RCV-"
                + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36)
                        .toUpperCase();
        catalog.create(new ProductCatalogAdmin.NewProduct(
                sku, "Stretch film, 23 µm", null, Money.of("12.50", "EUR"), null, "STANDARD", null, 2300));
        logIn("warehouse", DEMO_PASSWORD);
        browser.find("#subnav-receive").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#receive-form")));
        new Select(browser.find("#movement-warehouse")).selectByValue("BER");
        browser.find("#sku").sendKeys(sku, Keys.TAB, "twelve", Keys.TAB, "DN-2026-118", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quantity-error")));
        assertThat(browser.find("#quantity-error").getText()).isEqualTo("Enter a whole number, such as 12.");
        assertThat(browser.find("#quantity").getAttribute("aria-describedby")).isEqualTo("quantity-error");
        assertThat(browser.find("#sku").getAttribute("value")).isEqualTo(sku);
        assertThat(browser.find("#reference").getAttribute("value")).isEqualTo("DN-2026-118");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
        browser.screenshot("warehouse-7-receive-error");
        WebElement quantity = browser.find("#quantity");
        quantity.clear();
        quantity.sendKeys("12", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).contains("Received 12 × " + sku + " into BER");

        // an adjustment needs its reason; a count sets what was counted
        browser.open("/warehouse/count?warehouse=BER&sku=" + sku);
        browser.find("#kind-adjustment").sendKeys(Keys.SPACE);
        browser.find("#quantity").sendKeys("-2", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#reason-error")));
        assertThat(browser.find("#kind-adjustment").isSelected()).isTrue();
        assertThat(browser.find("#quantity").getAttribute("value")).isEqualTo("-2");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
        browser.screenshot("warehouse-11-adjustment-needs-reason");
        browser.find("#reason").sendKeys("two rolls torn", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).contains("on hand now 10");

        // two shipments waiting in one warehouse, on one pick list
        browser.open("/warehouse?warehouse=HAM&status=PLANNED");
        List<WebElement> boxes = browser.all("#shipments-table input[name=shipments]");
        if (boxes.size() >= 2) {
            boxes.get(0).sendKeys(Keys.SPACE);
            boxes.get(1).sendKeys(Keys.SPACE);
            browser.find("#combined-pick-list").sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#pick-list-table")));
            assertThat(browser.find("#pick-list-heading").getText()).isEqualTo("Pick list HAM");
            assertThat(browser.find("#pick-list-summary").getText()).contains(", ");
            assertClean();
            browser.screenshot("warehouse-8-combined-pick-list");
            // on paper: no navigation, no buttons, only the list
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
            try {
                assertThat(browser.driver.executeScript("return matchMedia('print').matches"))
                        .isEqualTo(true);
                assertThat(browser.driver.executeScript(
                                "return getComputedStyle(document.querySelector('body > header')).display"))
                        .isEqualTo("none");
                assertThat(browser.find("#print-button").isDisplayed()).isFalse();
                assertThat(browser.find("#pick-list-table").isDisplayed()).isTrue();
                browser.screenshot("warehouse-9-combined-pick-list-printed");
            } finally {
                browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
            }
        }

        // what runs low is highlighted, and can be listed alone
        browser.open("/warehouse/stock?warehouse=BER&low=true");
        assertThat(browser.all("#stock-table tbody tr")).isNotEmpty().allSatisfy(row -> {
            assertThat(row.getAttribute("class")).contains("low-stock");
            assertThat(row.getText()).contains("Low");
        });
        assertClean();
        browser.screenshot("warehouse-10-low-stock");
    }

    private void assertClean() {
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static String gtin() {
        StringBuilder digits = new StringBuilder("40");
        for (int i = 0; i < 10; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits + String.valueOf(Gtin.checkDigit(digits.toString()));
    }
}
