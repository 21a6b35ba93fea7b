package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.identity.Role;
import org.ordo.identity.UserAdmin;
import org.ordo.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;

/** The first pages: login and lockout, the dashboard, the orders list and one order, English and Chinese. */
class BrowserJourneyTests extends BrowserJourney {

    @Autowired
    UserAdmin users;

    @Test
    void aManagerLogsInByKeyboardSeesTheChartsAndFollowsAnOrderToItsTimeline() {
        logIn("admin", Api.ADMIN_PASSWORD);
        browser.waiting().until(ExpectedConditions.attributeToBe(browser.find("#orders-chart"), "data-drawn", "true"));
        browser.waiting().until(ExpectedConditions.attributeToBe(browser.find("#status-chart"), "data-drawn", "true"));
        assertThat(browser.find("h1").getText()).isEqualTo("Dashboard");
        assertThat(browser.find("#orders-chart").getSize().getWidth()).isGreaterThan(300);
        assertThat(browser.all("#status-table tbody tr")).isNotEmpty();
        assertThat(browser.find("#current-user").getText()).contains("Administrator");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("1-dashboard-admin");

        browser.find("#nav-nav\\.orders").click();
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        org.openqa.selenium.By.cssSelector("#orders-table")));
        // the status filter swaps only the table in (htmx) and puts the filter into the address
        new org.openqa.selenium.support.ui.Select(browser.find("#status")).selectByValue("DELIVERED");
        browser.waiting().until(ExpectedConditions.urlContains("status=DELIVERED"));
        browser.waiting()
                .until(d -> browser.all("#orders-table tbody tr").stream()
                        .allMatch(row -> row.getText().contains("Delivered")));
        browser.screenshot("2-orders-delivered");

        WebElement first = browser.find("#orders-table tbody tr a.order-link");
        String number = first.getText();
        first.click();
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        org.openqa.selenium.By.cssSelector("#order-number"), number));
        List<WebElement> timeline = browser.all("#timeline li");
        assertThat(timeline).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.find("#timeline").getText()).contains("Delivered");
        assertThat(browser.all("#shipments-table tbody tr")).isNotEmpty();
        assertThat(browser.all("#invoices-table tbody tr")).isNotEmpty();
        // nothing may be done to a delivered order
        assertThat(browser.all("#actions")).isEmpty();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("3-order-timeline");
    }

    @Test
    void aSalesUserHoldsAnOrderButSeesNoAdminNavigationAndIsRefusedWhenForcingIt() {
        logIn("sales", DEMO_PASSWORD);
        assertThat(browser.all("#nav-nav\\.orders")).hasSize(1);
        assertThat(browser.all("#nav-nav\\.consistency")).isEmpty();

        browser.open("/orders?status=CONFIRMED");
        browser.find("#orders-table tbody tr a.order-link").click();
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("#hold-form")));
        browser.find("#hold-submit").click();
        // a hold needs a reason: said next to the field, and nothing changed
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        org.openqa.selenium.By.cssSelector("#hold-reason-error")));
        assertThat(browser.find("#hold-reason-error").getText()).isEqualTo("This field is required.");
        assertThat(browser.find("#order-status").getText()).isEqualTo("Confirmed");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
        browser.find("#hold-reason").sendKeys("customer asked to wait", Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("#done")));
        assertThat(browser.find("#order-status").getText()).isEqualTo("On hold");
        assertThat(browser.find("#timeline").getText()).contains("customer asked to wait");
        assertThat(browser.all("#release-form")).hasSize(1);
        browser.screenshot("4-order-held-by-sales");

        browser.open("/admin/consistency");
        assertThat(browser.find("h1").getText()).isEqualTo("Not allowed");
        // the refusal keeps the navigation, so the way back is one click
        assertThat(browser.all("#nav-nav\\.orders")).hasSize(1);
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 403");
        browser.screenshot("5-sales-forced-admin-page");
    }

    @Test
    void fiveWrongPasswordsLockTheUsernameEvenForTheRightPassword() {
        String username = "locked.out";
        if (!users.exists(username)) {
            users.create(username, "the-right-password-1", "Locked Out", Set.of(Role.SUPPORT), null);
        }
        for (int attempt = 1; attempt <= 4; attempt++) {
            logIn(username, "wrong-password-" + attempt);
            assertThat(browser.find("#login-error").getText()).isEqualTo("Wrong username or password.");
        }
        logIn(username, "wrong-password-5");
        assertThat(browser.find("#login-locked").getText()).contains("locked for 15 minutes");
        logIn(username, "the-right-password-1");
        assertThat(browser.find("#login-locked").isDisplayed()).isTrue();
        assertThat(browser.driver.getCurrentUrl()).contains("/login?locked");
        browser.screenshot("6-login-locked");
    }

    @Test
    void theDashboardInChineseWithMoneyAndDatesWrittenTheChineseWay() {
        logIn("accounting", DEMO_PASSWORD);
        browser.find("#lang-zh").click();
        browser.waiting().until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector("h1"), "仪表板"));
        browser.waiting().until(ExpectedConditions.attributeToBe(browser.find("#orders-chart"), "data-drawn", "true"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.find("#kpis").getText()).contains("准时交付率");
        assertThat(browser.find("#kpis-heading").getText())
                .matches("关键指标 \\d{4}年\\d{1,2}月\\d{1,2}日 – \\d{4}年\\d{1,2}月\\d{1,2}日");
        assertThat(browser.find("#nav-nav\\.orders").getText()).isEqualTo("订单");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("7-dashboard-chinese");

        // at phone width the navigation folds away and the tables scroll
        browser.size(390, 844);
        browser.open("/orders");
        assertThat(browser.find("h1").getText()).isEqualTo("订单");
        browser.screenshot("8-orders-chinese-phone");

        // back to English for whoever logs in as this user next
        browser.size(1366, 768);
        browser.find("#lang-en").click();
        browser.waiting().until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector("h1"), "Orders"));
    }
}
