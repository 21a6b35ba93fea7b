package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.intake.internal.PurchaseOrderPdfs;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.shared.Money;
import org.ordo.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sales rep uploads a customer's purchase order as a PDF, sees the draft beside the document, fixes the line the
 * matching was unsure of and places the order, which then holds exactly those lines.
 */
class IntakeJourneyTests extends BrowserJourney {

    @Autowired
    ProductCatalogAdmin products;

    @Autowired
    InventoryAdmin inventory;

    @Autowired
    Customers customers;

    @Autowired
    Orders orders;

    String tag;
    String chrome;
    String black;
    String toaster;
    CustomerSnapshot customer;

    @BeforeAll
    void products() {
        tag = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L), 36);
        chrome = create("Journey kettle chrome " + tag);
        black = create("Journey kettle black " + tag);
        toaster = create("Journey toaster four slots " + tag);
        customer = customers.search("Schneider Logistik", 1).get(0);
    }

    private String create(String name) {
        String sku = Fixtures.unique("JK");
        products.create(new ProductCatalogAdmin.NewProduct(
                sku, name, null, Money.of("19.90", "EUR"), null, "STANDARD", null, 800));
        inventory.receive(sku, "BER", 100, "journey stock");
        return sku;
    }

    @Test
    void aSalesRepFixesTheUncertainLineOfAnUploadedPurchaseOrderAndPlacesIt() throws Exception {
        // purchase order numbers carry digits; the random tag alone may have none
        String poNumber = "PO-4711-" + tag.toUpperCase();
        Path pdf = Files.createTempFile("purchase-order-", ".pdf");
        Files.write(
                pdf,
                PurchaseOrderPdfs.table(
                        poNumber,
                        customer.name(),
                        List.of(
                                "Journey kettle chrome " + tag,
                                "Journey kettle " + tag,
                                "Journey toastr four slots " + tag),
                        List.of(4L, 2L, 6L)));
        logIn("sales", DEMO_PASSWORD);
        browser.find("#nav-nav\\.intake").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#intake-form")));
        browser.find("#file").sendKeys(pdf.toAbsolutePath().toString());
        browser.find("#upload").sendKeys(Keys.ENTER);

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#intake-draft")));
        assertThat(browser.find("#intake-text").getText()).contains(poNumber).contains("Journey kettle " + tag);
        assertThat(browser.find("#customer").getAttribute("value")).isEqualTo(customer.number());
        assertThat(browser.find("#poNumber").getAttribute("value")).isEqualTo(poNumber);
        assertThat(browser.find("#sku-0").getAttribute("value")).isEqualTo(chrome);
        assertThat(browser.find("#sku-2").getAttribute("value")).isEqualTo(toaster);
        // "Journey kettle" could be either kettle: the only line to check
        assertThat(browser.all("tr.intake-uncertain")).hasSize(1);
        assertThat(browser.find("#intake-line-1").getAttribute("class")).contains("intake-uncertain");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("intake-1-draft-beside-the-document");

        WebElement sku = browser.find("#sku-1");
        sku.clear();
        sku.sendKeys(black);
        WebElement quantity = browser.find("#quantity-1");
        quantity.clear();
        quantity.sendKeys("3");
        browser.find("#place").sendKeys(Keys.ENTER);

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#intake-order")));
        assertThat(browser.find("#intake-status").getText()).isEqualTo("Placed");
        assertThat(browser.all("#place")).isEmpty();
        browser.screenshot("intake-2-placed");
        String orderId = browser.find("#intake-order").getAttribute("href").replaceAll(".*/orders/", "");
        OrderSnapshot order = orders.find(UUID.fromString(orderId)).orElseThrow();
        assertThat(order.channel()).isEqualTo("EMAIL");
        assertThat(order.externalReference()).isEqualTo(poNumber);
        assertThat(order.customerId()).isEqualTo(customer.id());
        assertThat(order.lines())
                .extracting(OrderSnapshot.Line::sku, OrderSnapshot.Line::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(chrome, 4L),
                        org.assertj.core.groups.Tuple.tuple(black, 3L),
                        org.assertj.core.groups.Tuple.tuple(toaster, 6L));
        String documentPage = browser.webDriver().getCurrentUrl();
        browser.find("#intake-order").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.getCurrentUrl().contains("/orders/"));
        assertThat(browser.webDriver().getPageSource()).contains(poNumber);

        browser.webDriver().get(documentPage);
        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("#intake-status").getText().contains("已下单"));
        browser.size(390, 844);
        browser.webDriver().get(documentPage);
        assertThat(browser.widerThanTheWindow()).isEmpty();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("intake-3-placed-phone-zh");
        browser.open("/intake");
        assertThat(browser.widerThanTheWindow()).isEmpty();
        browser.screenshot("intake-4-list-phone-zh");
        assertThat(browser.consoleErrors()).isEmpty();

        // the language is the user's: give sales back its English for the journeys after this one
        browser.size(1366, 768);
        browser.find("#lang-en").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.find("h1").getText().contains("E-mailed orders"));
    }
}
