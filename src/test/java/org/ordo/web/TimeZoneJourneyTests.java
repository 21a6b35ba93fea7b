package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;

/**
 * A salesperson in Shanghai chooses their time zone on the settings page and sees the times of an order move to it,
 * marked with the offset; in Chinese and at phone width too.
 */
class TimeZoneJourneyTests extends BrowserJourney {

    @Test
    void aSalespersonChoosesTheirTimeZoneAndSeesTheOrdersTimesInIt() {
        String order = anOrder();
        logIn("sales", DEMO_PASSWORD);
        browser.open("/orders/" + order);
        String inCompanyZone = placedAt();
        assertThat(inCompanyZone).endsWith("UTC");

        browser.open("/settings/password");
        new Select(browser.find("#timeZone")).selectByValue("Asia/Shanghai");
        browser.find("#time-zone-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).contains("time zone");
        assertThat(new Select(browser.find("#timeZone"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Asia/Shanghai (UTC+8)");
        browser.screenshot("time-zone-1-settings");

        browser.open("/orders/" + order);
        String inShanghai = placedAt();
        assertThat(inShanghai).endsWith("UTC+8").isNotEqualTo(inCompanyZone);
        browser.screenshot("time-zone-2-order-in-shanghai");

        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        browser.waiting().until(d -> placedAt().contains("年"));
        assertThat(placedAt()).endsWith("UTC+8");
        browser.screenshot("time-zone-3-order-in-chinese");

        browser.size(390, 844);
        browser.open("/settings/password");
        assertThat(browser.widerThanTheWindow()).isEmpty();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        browser.screenshot("time-zone-4-settings-phone-zh");
    }

    private String placedAt() {
        return browser.webDriver()
                .findElement(By.xpath("//dl[contains(@class,'overview')]/dt[2]/following-sibling::dd[1]"))
                .getText();
    }

    private String anOrder() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("5.00");
        fixtures.receive(sku, warehouse, 5);
        UUID customer = fixtures.customer("10000.00");
        return Api.at(port)
                .asAdmin()
                .post("/api/orders", Fixtures.order(customer, sku, 1))
                .expect(201)
                .json()
                .get("number")
                .asString();
    }
}
