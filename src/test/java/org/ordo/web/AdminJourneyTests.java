package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.shared.Gtin;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;

/**
 * An administrator's day: a product created with a mistyped GTIN (told next to the field, fixed), a SALES user created,
 * an API token issued and its secret seen once, and the product's creation found in the audit trail; the administration
 * also in Chinese and at phone width.
 */
class AdminJourneyTests extends BrowserJourney {

    @Test
    void anAdministratorCreatesAProductAUserAndATokenAndFindsTheProductInTheAuditTrail() {
        logIn("admin", Api.ADMIN_PASSWORD);
        browser.find("#nav-nav\\.admin").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#admin-cards")));
        assertThat(browser.all("#admin-cards .admin-card")).hasSize(10);
        clean();
        browser.screenshot("admin-1-index");

        // a product with a mistyped GTIN: the check digit is explained next to the field, nothing typed is lost
        browser.find("#card-products").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#new-product")));
        browser.find("#new-product").click();
        String sku = Fixtures.unique("LAMP");
        String digits = String.format(
                "%012d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        String gtin = digits + Gtin.checkDigit(digits);
        String wrong = digits + ((Gtin.checkDigit(digits) + 5) % 10);
        browser.find("#sku").sendKeys(sku);
        browser.find("#name").sendKeys("Reading lamp");
        browser.find("#gtin").sendKeys(wrong);
        browser.find("#price").sendKeys("24.90");
        // saved from the keyboard: Enter in the last field typed
        browser.find("#weightGrams").sendKeys("850", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#gtin-error")));
        assertThat(browser.find("#gtin-error").getText()).contains("must end in " + Gtin.checkDigit(digits));
        assertThat(browser.find("#gtin").getAttribute("class")).contains("is-invalid");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Reading lamp");
        assertThat(browser.find("#price").getAttribute("value")).isEqualTo("24.90");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("admin-2-product-gtin-error");

        WebElement field = browser.find("#gtin");
        field.clear();
        field.sendKeys(gtin, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).contains(sku);
        assertThat(browser.find("#gtin").getAttribute("value")).isEqualTo(gtin);
        clean();
        browser.screenshot("admin-3-product-created");

        // a SALES user
        browser.open("/admin/users/new");
        String username = Fixtures.unique("seller").toLowerCase();
        browser.find("#username").sendKeys(username);
        browser.find("#displayName").sendKeys("Sam Seller");
        browser.find("#password").sendKeys("sam-sells-a-lot-2026");
        browser.find("#role-SALES").sendKeys(Keys.SPACE);
        browser.find("#displayName").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#role-SALES").isSelected()).isTrue();
        assertThat(browser.find("#role-ADMIN").isSelected()).isFalse();
        clean();
        browser.screenshot("admin-4-user-created");

        // an API token for the new user: the secret once, then never again
        browser.find("#user-tokens").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#new-token")));
        browser.find("#new-token").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#token-form")));
        assertThat(browser.find("#owner").getAttribute("value")).isEqualTo(username);
        browser.find("#name").sendKeys("Webshop sync");
        browser.find("#issue").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#token-secret")));
        String secret = browser.find("#token-secret").getAttribute("value");
        assertThat(secret).startsWith("ordo_");
        assertThat(browser.find("#secret-once").getText()).contains("only this once");
        browser.find("#copy-secret").click();
        clean();
        browser.screenshot("admin-5-token-secret-once");
        browser.open("/admin/tokens/issued");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#tokens-table")));
        assertThat(browser.webDriver().getPageSource()).doesNotContain(secret).contains("Webshop sync");

        // the product's creation in the audit trail
        browser.open("/admin/products?q=" + sku);
        browser.find("#products-table a.product-link").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#product-audit")));
        browser.find("#product-audit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#audit-entries")));
        List<WebElement> entries = browser.all("#audit-entries .audit-entry");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).findElement(css(".audit-action")).getText()).isEqualTo("Created");
        assertThat(entries.get(0).findElement(css(".audit-seq")).getText()).isEqualTo("#1");
        assertThat(entries.get(0).getText()).contains("by admin").contains(gtin).contains("Reading lamp");
        assertThat(browser.find("#chain-verdict").getText()).contains("intact");
        assertThat(browser.find("#entityId").getAttribute("value")).isEqualTo(sku);
        clean();
        browser.screenshot("admin-6-audit-product-created");
    }

    @Test
    void theAdministrationInChineseAndAtPhoneWidth() {
        logIn("admin", Api.ADMIN_PASSWORD);
        browser.open("/admin/users");
        browser.find("#lang-zh").click();
        browser.waiting().until(ExpectedConditions.textToBe(css("h1"), "用户和角色"));
        assertThat(browser.find("#users-table").getText()).contains("管理员");
        clean();
        browser.screenshot("admin-7-users-chinese");

        browser.open("/admin/customers/new");
        assertThat(browser.find("h1").getText()).isEqualTo("新建客户");
        assertThat(browser.find("label[for=billingAddressCity]").getText()).isEqualTo("城市");
        clean();
        browser.screenshot("admin-8-customer-form-chinese");

        browser.size(390, 844);
        browser.open("/admin/audit?entity=USER&entityId=admin");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#audit-entries")));
        assertThat(browser.find("h1").getText()).isEqualTo("审计日志");
        clean();
        browser.screenshot("admin-9-audit-chinese-phone");

        browser.size(1366, 768);
        browser.find("#lang-en").click();
        browser.waiting().until(ExpectedConditions.textToBe(css("h1"), "Audit trail"));
    }

    /** No console errors and no missing texts on the page. */
    private void clean() {
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
    }
}
