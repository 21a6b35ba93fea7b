package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.customers.CustomerAdmin;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.fulfillment.Shipping;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.orders.LineStatus;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.MoneyInput;
import org.ordo.purchasing.PurchasingDesk;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.ordo.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A backorder filled by buying: a customer order waits for stock, the buyer runs replenishment and turns the proposal into
 * a purchase order, sends it and records the supplier's date, the warehouse receives it, and the order ships.
 */
class PurchasingJourneyTests extends BrowserJourney {

    @Autowired
    InventoryAdmin inventory;

    @Autowired
    ProductCatalogAdmin catalog;

    @Autowired
    CustomerAdmin customers;

    @Autowired
    OrderEntry entry;

    @Autowired
    Orders orders;

    @Autowired
    Shipping shipping;

    @Autowired
    PurchasingDesk desk;

    @Test
    void theWarehouseReceivesAPurchaseOrderAndTheBackorderIsFilled() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36)
                .toUpperCase();
        String warehouse = "P" + suffix;
        inventory.createWarehouse(
                warehouse,
                "Purchasing " + suffix,
                new Address("Ordo Lager Purchasing", "Lagerweg 2", null, "Leipzig", null, "04109", "DE"));
        String sku = "BUY-" + suffix;
        catalog.create(new ProductCatalogAdmin.NewProduct(
                sku, "Cable ties, 200 mm", null, Money.of("4.90", "EUR"), null, "STANDARD", null, 300));
        inventory.receive(sku, warehouse, 1, "journey stock");
        Api.at(port)
                .asAdmin()
                .put("/api/inventory/levels/" + warehouse + "/" + sku, Map.of("safetyStock", 0, "reorderPoint", 5))
                .expect(200);
        PurchasingDesk.Supplier supplier = desk.createSupplier(new PurchasingDesk.SupplierInput(
                "Kabelwerk " + suffix, "Jana Kraus", "orders@kabelwerk.example", "EUR", 30, null, true));
        desk.putOffer(
                supplier.id(),
                sku,
                new PurchasingDesk.OfferInput("KW-200", new MoneyInput("1.80", "EUR"), 10L, 10L, 4));
        CustomerSnapshot customer = customers.create(new CustomerAdmin.NewCustomer(
                "Backorder AG " + suffix,
                null,
                null,
                new Address("Backorder AG", "Hauptstraße 9", null, "Berlin", null, "10115", "DE"),
                null,
                "EUR",
                Money.of("100000.00", "EUR"),
                30,
                warehouse));
        OrderSnapshot order = entry.place(new OrderEntry.NewOrder(
                customer.id(), "PHONE", null, null, null, List.of(new OrderEntry.NewLine(sku, 4))));
        assertThat(order.lines().get(0).backordered()).isEqualTo(3);

        // the buyer lands on replenishment and runs it
        logIn("buyer", DEMO_PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/purchasing");
        browser.find("#run-replenishment").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#to-proposals")));
        assertThat(browser.find("#job-result").getText()).contains("proposal");
        assertClean();
        browser.screenshot("purchasing-1-run-done");
        browser.find("#to-proposals").sendKeys(Keys.ENTER);
        String row = "#proposal-" + sku + "-" + warehouse;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css(row)));
        // backordered 3, on hand 1 reserved 1: projected −3, reorder point 5 + cycle 5 = 13, in packs of 10
        assertThat(browser.find(row).getText()).contains("Kabelwerk " + suffix).contains("20");
        assertClean();
        browser.screenshot("purchasing-2-proposals");
        screens("purchasing-2-proposals");

        // only this proposal becomes a purchase order; the others stay for later
        for (WebElement box : browser.all("#proposals-table input[name=proposal]")) {
            boolean mine = box.findElement(org.openqa.selenium.By.xpath("./ancestor::tr"))
                    .getAttribute("id")
                    .equals(row.substring(1));
            if (box.isSelected() != mine) {
                box.sendKeys(Keys.SPACE);
            }
        }
        browser.find("#order-proposals").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#send")));
        assertThat(browser.find("#done").getText()).contains("PO-");
        String number = browser.find("h1").getText();
        assertThat(browser.find(".po-status").getText()).isEqualTo("Draft");
        assertClean();
        browser.screenshot("purchasing-3-draft");

        browser.find("#send").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css(".po-status"), "Sent"));
        LocalDate confirmed = LocalDate.now().plusDays(6);
        browser.driver.executeScript("document.getElementById('date-1').value = arguments[0]", confirmed.toString());
        browser.find("#confirm").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css(".po-status"), "Confirmed"));
        assertThat(browser.find("#line-1 .expected").getText()).contains("confirmed");
        assertThat(browser.find("#po-history").getText()).contains("Sent").contains("Confirmed");
        assertClean();
        browser.screenshot("purchasing-4-confirmed");
        screens("purchasing-4-confirmed");
        browser.open("/purchasing/suppliers/" + supplier.id());
        assertThat(browser.find("#offers-table").getText()).contains(sku).contains("KW-200");
        assertClean();
        browser.screenshot("purchasing-5-supplier");
        screens("purchasing-5-supplier");
        browser.find("#scorecard-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#scorecard-figures")));
        assertClean();
        screens("purchasing-5-scorecard");
        browser.open("/purchasing/orders");
        assertThat(browser.find("#orders-table").getText()).contains(number);
        screens("purchasing-6-orders");
        browser.reset();

        // the warehouse receives what arrived; the backorder is filled
        logIn("warehouse", DEMO_PASSWORD);
        browser.find("#subnav-purchase-orders").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#receiving-filters")));
        new org.openqa.selenium.support.ui.Select(browser.find("#warehouse")).selectByValue(warehouse);
        browser.find("#filter-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("#receiving-table"), number));
        screens("purchasing-7-receiving-list");
        browser.find("#receiving-table .po-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#qty-1")));
        assertThat(browser.find("#qty-1").getAttribute("value")).isEqualTo("20");
        assertClean();
        browser.screenshot("purchasing-8-receive");
        screens("purchasing-8-receive");
        browser.find("#receive-po").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).contains(number);
        assertThat(browser.find(".po-status").getText()).isEqualTo("Received");
        assertClean();
        browser.screenshot("purchasing-9-received");

        OrderSnapshot filled = orders.find(order.number()).orElseThrow();
        assertThat(filled.lines().get(0).reserved()).isEqualTo(4);
        assertThat(filled.lines().get(0).backordered()).isZero();
        browser.open("/orders/" + order.number());
        assertThat(browser.webDriver().getPageSource()).contains("Reserved");
        browser.screenshot("purchasing-10-order-reserved");

        // and the order ships from the stock that came
        List<String> shipments = shipping.plan(order.id(), warehouse, null);
        shipping.pickPackAndShip(shipments.get(0));
        assertThat(orders.find(order.number()).orElseThrow().lines().get(0).status())
                .isEqualTo(LineStatus.SHIPPED);
    }

    /** The page at phone width in English and in Chinese, then back at desktop width in English. */
    private void screens(String name) {
        browser.size(390, 844);
        browser.driver.navigate().refresh();
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone's screen on " + name)
                .isEmpty();
        browser.screenshot(name + "-phone");
        browser.find(".navbar-toggler").click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(css("#lang-zh")));
        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        language("zh-CN");
        assertThat(browser.widerThanTheWindow())
                .as("elements wider than the phone's screen on " + name + " in Chinese")
                .isEmpty();
        assertClean();
        browser.screenshot(name + "-phone-zh");
        browser.size(1366, 768);
        browser.driver.navigate().refresh();
        browser.screenshot(name + "-zh");
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        language("en");
    }

    /** Waits for the page in {@code tag}: the page being left may go stale while it is read. */
    private void language(String tag) {
        browser.waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(css("html"), "lang", tag));
    }

    private void assertClean() {
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
