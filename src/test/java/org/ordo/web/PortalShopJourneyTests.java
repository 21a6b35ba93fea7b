package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A demo customer orders from the catalogue in the portal; sales then finds the order in the back office. */
class PortalShopJourneyTests extends BrowserJourney {

    @Test
    void aCustomerSearchesAddsTwoItemsSeesThePromisedDateAndPlacesTheOrderWhichSalesThenSees() {
        logIn("mueller", DEMO_PASSWORD);
        browser.find("#nav-nav\\.portal\\.shop").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#shop-search")));
        browser.find("#q").sendKeys("copy paper", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#shop-table")));
        WebElement paper = browser.find("#shop-table tr[data-sku='OF-1001']");
        assertThat(paper.findElement(css(".offer-price")).getText()).contains("5");
        assertThat(paper.findElement(css(".offer-availability")).getText()).isEqualTo("In stock");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("portalshop-1-catalogue");

        add("OF-1001", "2");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#added")));
        add("OF-1002", "1");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("#cart-link"), "(2)"));
        browser.size(390, 844);
        assertThat(browser.widerThanTheWindow()).isEqualTo("");
        browser.screenshot("portalshop-2-catalogue-phone");
        browser.size(1366, 768);

        browser.find("#cart-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#cart-table")));
        browser.find("#quick-lines").sendKeys("NO-SUCH 1");
        browser.find("#quick-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#quick-errors")));
        browser.screenshot("portalshop-3-cart-quick-order-error");

        browser.find("#checkout-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#checkout-table")));
        assertThat(browser.all("#checkout-table tbody tr")).hasSize(2);
        assertThat(browser.find("#checkout-table tr[data-sku='OF-1001'] .line-promised")
                        .getText())
                .isNotBlank()
                .isNotEqualTo("—");
        browser.find("#po").sendKeys("PO-PORTAL-7");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("portalshop-4-checkout");
        browser.size(390, 844);
        browser.screenshot("portalshop-5-checkout-phone");
        browser.size(1366, 768);

        browser.find("#lang-zh").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("h1"), "结算"));
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("portalshop-6-checkout-chinese");
        browser.size(390, 844);
        browser.screenshot("portalshop-7-checkout-chinese-phone");
        browser.size(1366, 768);
        browser.find("#lang-en").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("html[lang=en]")));

        browser.find("#po").sendKeys("PO-PORTAL-7");
        browser.find("#place-order").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        String url = browser.webDriver().getCurrentUrl();
        String number = url.substring(url.lastIndexOf('/') + 1);
        assertThat(browser.find("#done").getText()).contains("your order has been placed");
        browser.screenshot("portalshop-8-order-placed");

        browser.reset();
        logIn("sales", DEMO_PASSWORD);
        browser.open("/orders");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#orders-table")));
        assertThat(browser.find("#orders-table").getText()).contains(number);
        browser.screenshot("portalshop-9-sales-sees-the-order");
    }

    private void add(String sku, String quantity) {
        WebElement box = browser.find("#qty-" + sku);
        box.clear();
        box.sendKeys(quantity, Keys.ENTER);
    }
}
