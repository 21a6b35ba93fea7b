package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** An accountant's day: a partial payment on an open invoice, the AR aging chart, a reminder run followed to its end. */
class AccountingJourneyTests extends BrowserJourney {

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    /** An order placed and shipped through the modules: its invoice (10 × 10.00 + 19 % = 119.00) is issued and open. */
    private JsonNode openInvoice() {
        Fixtures fixtures = new Fixtures(port);
        InvoicingSupport flow = new InvoicingSupport(port, fulfillment, tx, events);
        UUID customer = flow.customer("DE", Map.of());
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 10);
        JsonNode order = flow.order(customer, sku, 10);
        flow.ship(order, warehouse, 1, 10);
        return flow.awaitInvoice(order.get("id").asString());
    }

    private void assertClean() {
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAccountantRecordsAPartialPaymentSeesTheAgingChartAndFollowsTheReminderRunToItsEnd() {
        JsonNode invoice = openInvoice();
        String number = invoice.get("number").asString();
        // a second invoice eight days past due: the reminder run has something to do
        JsonNode overdue = openInvoice();
        jdbc.update(
                "UPDATE invoice SET due_date = CURRENT_DATE - 8 WHERE id = ?",
                UUID.fromString(overdue.get("id").asString()));
        logIn("accounting", DEMO_PASSWORD);

        browser.find("#nav-nav\\.accounting").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#invoice-filters")));
        WebElement search = browser.find("#q");
        search.sendKeys(number, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("q=" + number));
        browser.waiting().until(d -> browser.all("#invoices-table tbody tr").size() == 1);
        assertThat(browser.find("#sums").getText()).contains("€119.00");
        assertClean();
        browser.screenshot("accounting-0-invoice-found");
        browser.find("#invoices-table a.invoice-link").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("#invoice-number"), number));
        assertThat(browser.find("#invoice-status").getText()).isEqualTo("Issued");
        assertThat(browser.find("#invoice-open").getText()).isEqualTo("€119.00");
        assertThat(browser.all("#credit-form")).hasSize(1);
        assertThat(browser.all("#void-form")).hasSize(1);
        assertClean();
        browser.screenshot("accounting-1-open-invoice");

        browser.find("#record-payment").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#payment-form")));
        WebElement amount = browser.find("#amount");
        assertThat(amount.getAttribute("value")).isEqualTo("119.00");
        WebElement allocation = browser.find(".allocation-input");
        assertThat(allocation.getAttribute("value")).isEqualTo("119.00");
        amount.clear();
        amount.sendKeys("50.00");
        allocation.clear();
        allocation.sendKeys("30.00");
        // the page adds up as the accountant types: 30 allocated, 20 would stay on account
        browser.waiting().until(ExpectedConditions.textToBe(css("#allocation-remaining"), "€20.00"));
        allocation.clear();
        allocation.sendKeys("50.00");
        browser.waiting().until(ExpectedConditions.textToBe(css("#allocation-sum"), "€50.00"));
        assertThat(browser.find("#allocation-remaining").getText()).isEqualTo("€0.00");
        browser.find("#reference").sendKeys("Bank statement 42");
        assertClean();
        browser.screenshot("accounting-2-payment-form");
        browser.find("#payment-submit").click();

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#invoice-number").getText()).contains(number);
        assertThat(browser.find("#invoice-status").getText()).isEqualTo("Partially paid");
        assertThat(browser.find("#invoice-open").getText()).isEqualTo("€69.00");
        assertThat(browser.find("#invoice-paid").getText()).isEqualTo("€50.00");
        assertThat(browser.find("#payments-table").getText())
                .contains("Bank statement 42")
                .contains("€50.00");
        assertThat(browser.all("#void-form")).isEmpty();
        assertClean();
        browser.screenshot("accounting-3-partially-paid");

        browser.find("#tab-aging").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("canvas.aging-chart")));
        browser.waiting()
                .until(ExpectedConditions.attributeToBe(browser.find("canvas.aging-chart"), "data-drawn", "true"));
        assertThat(browser.find("#aging-table").getText())
                .contains(invoice.get("buyer").get("name").asString());
        assertClean();
        browser.screenshot("accounting-4-aging");

        browser.find("#tab-reminders").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#run-reminders")));
        // the longest overdue come first: the one just due is further on when older ones wait too
        String overdueNumber = overdue.get("number").asString();
        while (!browser.find("#overdue-table").getText().contains(overdueNumber)
                && !browser.all("li.page-item:not(.disabled) a[rel=next]").isEmpty()) {
            String before = browser.find("#overdue-table").getText();
            browser.find("li.page-item:not(.disabled) a[rel=next]").sendKeys(Keys.ENTER);
            browser.waiting()
                    .until(d -> !browser.find("#overdue-table").getText().equals(before));
        }
        assertThat(browser.find("#overdue-table").getText()).contains(overdueNumber);
        browser.find("#run-reminders").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#job-progress")));
        browser.waiting().until(ExpectedConditions.attributeToBe(css("#job-progress"), "data-state", "DONE"));
        assertThat(browser.find("#job-state").getText()).isEqualTo("Finished.");
        assertThat(browser.find("#job-count").getText()).matches("[\\d,]+ of [\\d,]+ processed");
        assertThat(browser.find("#job-result").getText()).matches("(.+ marked overdue, .+ sent\\.|Another .*)");
        assertClean();
        browser.screenshot("accounting-5-reminder-run");

        // the reminder went out once, whichever run sent it, and the invoice says so
        browser.open("/accounting/invoices/" + overdue.get("number").asString());
        assertThat(browser.find("#reminders-list").getText()).startsWith("Level 1 on");
        assertThat(browser.find("#invoice-status").getText()).isEqualTo("Overdue");
        assertClean();
    }

    @Test
    void onAPhoneInChineseTheInvoiceListAndThePaymentFormFitTheScreen() {
        String number = openInvoice().get("number").asString();
        logIn("accounting", DEMO_PASSWORD);
        browser.open("/accounting");
        browser.find("#lang-zh").click();
        browser.waiting().until(ExpectedConditions.textToBe(css("h1"), "发票"));
        browser.size(390, 844);
        browser.open("/accounting?status=ISSUED");
        assertThat(browser.find("#tab-payments").getText()).isEqualTo("登记收款");
        Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.webDriver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        assertClean();
        browser.screenshot("accounting-6-list-chinese-phone");

        browser.open("/accounting/payments/new?invoice=" + number);
        assertThat(browser.find("#payment-submit").getText()).isEqualTo("登记收款");
        browser.waiting().until(ExpectedConditions.textToBe(css("#allocation-sum"), "€119.00"));
        overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.webDriver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        assertClean();
        browser.screenshot("accounting-7-payment-chinese-phone");

        browser.size(1366, 768);
        browser.find("#lang-en").click();
        browser.waiting().until(ExpectedConditions.textToBe(css("h1"), "Record a payment"));
    }
}
