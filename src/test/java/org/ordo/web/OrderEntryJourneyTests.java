package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.orders.OrderEntry;
import org.ordo.shared.Gtin;
import org.ordo.shared.Money;
import org.ordo.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** A sales rep enters orders: customer by type-ahead, lines by search and by scanner, a live quote, then the order. */
class OrderEntryJourneyTests extends BrowserJourney {

    @Autowired
    ProductCatalogAdmin products;

    @Autowired
    InventoryAdmin inventory;

    @Autowired
    Customers customers;

    @Autowired
    OrderEntry orders;

    /** Plenty in stock, found by name. */
    String stocked;

    String stockedName;
    /** In stock, found by its GTIN (the scanner). */
    String scanned;

    String gtin;
    CustomerSnapshot customer;

    @BeforeAll
    void products() {
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L), 36)
                .toUpperCase();
        stockedName = "Journey stapler " + tag;
        stocked = create(Fixtures.unique("JS"), stockedName, "12.50", null);
        String digits = String.format("40%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        gtin = digits + Gtin.checkDigit(digits);
        scanned = create(Fixtures.unique("JG"), "Journey toner " + tag, "39.90", gtin);
        inventory.receive(stocked, "BER", 500, "journey stock");
        inventory.receive(scanned, "HAM", 200, "journey stock");
        customer = customers.search("Schneider Logistik", 1).get(0);
    }

    /** A product of which one unit is in stock: more is backordered. Each journey has its own. */
    private String scarce() {
        String sku = create(Fixtures.unique("JB"), "Journey shredder", "149.00", null);
        inventory.receive(sku, "BER", 1, "journey stock");
        return sku;
    }

    private String create(String sku, String name, String price, String gtin) {
        products.create(new ProductCatalogAdmin.NewProduct(
                sku, name, null, Money.of(price, "EUR"), null, "STANDARD", gtin, 500));
        return sku;
    }

    @Test
    void aSalesRepEntersAnOrderWithABackorderedLineAndAScannedOneAndLandsOnIt() {
        String scarce = scarce();
        logIn("sales", DEMO_PASSWORD);
        browser.find("#nav-nav\\.newOrder").click();
        waitFor(ExpectedConditions.textToBe(css("h1"), "New order"));

        chooseCustomer("Schneider Logis");
        assertThat(text("#customer-facts")).contains("EUR").contains("45 days").contains("Available credit");

        // by name from the list, with the keyboard
        WebElement product = browser.find("#productQuery");
        product.sendKeys(stockedName);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#product-option-0")));
        product.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#line-0")));
        assertThat(text("#line-0")).contains(stockedName).contains("available");

        // the scanner types the GTIN and Enter: the line is added directly, and again means one more
        browser.find("#productQuery").sendKeys(gtin, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#line-1")));
        browser.find("#productQuery").sendKeys(gtin, Keys.ENTER);
        waitFor(ExpectedConditions.attributeToBe(css("#qty-1"), "value", "2"));
        assertThat(text("#line-1")).contains("Journey toner");

        // one unit of the shredder is in stock: three are short of it, before anything is placed
        browser.find("#productQuery").sendKeys(scarce, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#line-2")));
        assertThat(browser.all("#line-2 .entry-backorder")).isEmpty();
        String before = text("#quote-total");
        WebElement quantity = browser.find("#qty-2");
        quantity.sendKeys(Keys.BACK_SPACE, "4");
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#line-2 .entry-backorder")));
        assertThat(text("#line-2")).contains("Backordered").contains("3 short").contains("expected");
        assertThat(text("#quote-total")).isNotEqualTo(before);
        // the quantity typed in keeps its focus through the re-render
        assertThat(browser.webDriver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("qty-2");

        // totals follow the quantity as it is typed: 10 staplers at 12.50 make a net of 125.00
        String total = text("#quote-total");
        WebElement staplers = browser.find("#qty-0");
        staplers.sendKeys(Keys.BACK_SPACE, "10");
        waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(css("#quote-total"), total)));
        assertThat(text("#line-0 .entry-net")).isEqualTo("€125.00");
        browser.find("#externalReference").sendKeys("PO-JOURNEY-1");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("entry-1-order-being-entered");

        browser.find("#place-order").sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).isEqualTo("The order has been placed.");
        assertThat(browser.find("#order-number").getText()).startsWith("Order SO-");
        assertThat(browser.find("#order-status").getText()).isIn("Confirmed", "Placed", "On hold");
        assertThat(browser.find("#lines-table").getText())
                .contains(scarce)
                .contains("Backordered")
                .contains(scanned);
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("entry-2-order-placed");
    }

    @Test
    void theSameEntryInChineseWithMoneyWrittenTheChineseWay() {
        logIn("sales", DEMO_PASSWORD);
        browser.open("/orders/new");
        browser.find("#lang-zh").click();
        try {
            enterInChinese();
        } finally {
            // back to English for whoever logs in as this user next
            browser.find("#lang-en").click();
            waitFor(ExpectedConditions.presenceOfElementLocated(css("html[lang=en]")));
        }
    }

    private void enterInChinese() {
        String scarce = scarce();
        waitFor(ExpectedConditions.textToBe(css("h1"), "新建订单"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.find("label[for=customerQuery]").getText()).isEqualTo("查找客户");

        chooseCustomer("Schneider Logis");
        assertThat(text("#customer-facts")).contains("45 天").contains("可用信用额度");
        browser.find("#productQuery").sendKeys(stocked, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#line-0")));
        browser.find("#productQuery").sendKeys(scarce, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#line-1")));
        browser.find("#qty-1").sendKeys(Keys.BACK_SPACE, "5");
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#line-1 .entry-backorder")));
        assertThat(text("#line-1 .entry-backorder")).isEqualTo("缺货待补");
        // euros the Chinese way: the sign before the amount, no space, a dot for the decimals
        assertThat(text("#line-0 .entry-net")).isEqualTo("€12.50");
        assertThat(text("#entry-totals")).contains("小计").contains("总计");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("entry-3-order-entry-chinese");

        // a quantity of 0 breaks a rule of the order rule book: its message is shown in Chinese, by the rule's code
        browser.find("#qty-0").sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, "0");
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#qty-0.is-invalid")));
        assertThat(text("[id='lines[0].quantity-error']")).isEqualTo("必须大于 0。");
        browser.screenshot("entry-3b-quantity-zero-chinese");
        browser.find("#qty-0").sendKeys(Keys.BACK_SPACE, "2");
        waitFor(ExpectedConditions.invisibilityOfElementLocated(css("#qty-0.is-invalid")));

        browser.find("#place-order").sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).isEqualTo("订单已提交。");
        assertThat(browser.find("#order-number").getText()).startsWith("订单");
        browser.screenshot("entry-4-order-placed-chinese");
    }

    @Test
    void aQuantityOfZeroIsRefusedNextToItsFieldAndEverythingTypedStays() {
        logIn("sales", DEMO_PASSWORD);
        browser.open("/orders/new");
        chooseCustomer("Schneider Logis");
        browser.find("#productQuery").sendKeys(stocked, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#qty-0")));
        browser.find("#externalReference").sendKeys("PO-KEEP-ME");
        browser.find("#notes").sendKeys("Deliver to the back door");
        WebElement quantity = browser.find("#qty-0");
        quantity.sendKeys(Keys.BACK_SPACE, "0");
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#qty-0.is-invalid")));

        browser.find("#place-order").sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#form-errors")));
        // the order rule book's message, in the user's language
        assertThat(browser.find("[id='lines[0].quantity-error']").getText()).isEqualTo("Must be greater than 0.");
        assertThat(browser.find("#qty-0").getAttribute("value")).isEqualTo("0");
        assertThat(browser.find("#qty-0").getAttribute("aria-describedby")).isEqualTo("lines[0].quantity-error");
        assertThat(browser.find("#customerQuery").getAttribute("value")).startsWith("Schneider Logistik");
        assertThat(browser.find("#externalReference").getAttribute("value")).isEqualTo("PO-KEEP-ME");
        assertThat(browser.find("#notes").getAttribute("value")).isEqualTo("Deliver to the back door");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("entry-5-quantity-zero-refused");
    }

    @Test
    void aSalesRepChangesAnOrderAddsAScannedLineAndCancelsALineWithAReason() {
        String number = orders.place(new OrderEntry.NewOrder(
                        customer.id(),
                        "PHONE",
                        null,
                        null,
                        null,
                        java.util.List.of(new OrderEntry.NewLine(stocked, 2), new OrderEntry.NewLine(scanned, 1))))
                .number();
        logIn("sales", DEMO_PASSWORD);
        browser.open("/orders/" + number);
        browser.find("#edit-order").sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#edit-form")));
        assertThat(browser.find("h1").getText()).isEqualTo("Change order " + number);
        WebElement first = browser.find("#qty-1");
        first.clear();
        first.sendKeys("6");
        browser.find("#add-0-code").sendKeys(gtin);
        browser.find("#add-0-quantity").sendKeys("2");
        browser.find("#reason").sendKeys("customer called");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("entry-6-order-being-changed");
        browser.find("#reason").sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).isEqualTo("The order has been changed.");
        assertThat(browser.all("#lines-table tbody tr")).hasSize(3);
        assertThat(browser.find("#timeline").getText()).contains("customer called");

        browser.find("#edit-order").sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#cancel-line-form")));
        new org.openqa.selenium.support.ui.Select(browser.find("#cancel-line")).selectByValue("2");
        browser.find("#cancel-reason").sendKeys("no longer needed", Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText())
                .isEqualTo("The line has been cancelled; its reservations are released.");
        assertThat(browser.find("#lines-table").getText()).contains("Cancelled");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("entry-7-line-cancelled");
    }

    @Test
    void aSuggestionForTheChosenCustomerBecomesALineWithItsAddButton() {
        orders.place(new OrderEntry.NewOrder(
                customer.id(), "PHONE", null, null, null, java.util.List.of(new OrderEntry.NewLine(scanned, 1))));
        logIn("sales", DEMO_PASSWORD);
        browser.open("/orders/new");
        chooseCustomer("Schneider Logis");
        browser.find("#productQuery").sendKeys(stocked, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#entry-suggestions .entry-suggest")));
        assertThat(text("#entry-suggestions")).contains("Suggested for this customer");
        String suggested = waitFor(
                d -> d.findElement(css("#entry-suggestions .entry-suggest")).getAttribute("data-sku"));
        browser.screenshot("entry-9-suggestions");

        waitFor(d -> {
            d.findElement(css("#entry-suggestions .entry-suggest")).sendKeys(Keys.ENTER);
            return true;
        });
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#line-1")));
        assertThat(browser.find("#line-1").getText()).contains(suggested);
        assertThat(browser.all("#entry-suggestions [data-sku='" + suggested + "']"))
                .isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void atPhoneWidthTheEntryFormStacksAndTheLinesScrollSideways() {
        logIn("sales", DEMO_PASSWORD);
        browser.size(390, 844);
        browser.open("/orders/new");
        chooseCustomer("Schneider Logis");
        browser.find("#productQuery").sendKeys(gtin, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#line-0")));
        browser.screenshot("entry-8-order-entry-phone");
        Number page = (Number) browser.driver.executeScript("return document.documentElement.scrollWidth");
        Number window = (Number) browser.driver.executeScript("return document.documentElement.clientWidth");
        assertThat(page.intValue()).isLessThanOrEqualTo(window.intValue());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Waits, reading again what a newer quote replaced meanwhile. */
    private <T> T waitFor(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return browser.waiting().ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The text of an element of the quote, which may be swapped for a newer one while it is read. */
    private String text(String selector) {
        return waitFor(d -> d.findElement(css(selector)).getText());
    }

    /** Types part of a name, takes the first suggestion with the arrow key and Enter. */
    private void chooseCustomer(String text) {
        WebElement field = browser.find("#customerQuery");
        field.sendKeys(text);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#customer-option-0")));
        field.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(css("#customer-facts")));
    }
}
