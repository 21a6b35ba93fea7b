package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An accountant's money on account and late payers: a payment found by its customer's name, its money allocated to an
 * open invoice and the rest paid back; a reminder's letter opened from the invoice, in English and in Chinese, at desktop
 * and phone width.
 */
class PaymentJourneyTests extends BrowserJourney {

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    private InvoicingSupport flow() {
        return new InvoicingSupport(port, fulfillment, tx, events);
    }

    /** An issued invoice of 10 × 10.00 to the customer. */
    private JsonNode invoice(UUID customer) {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 10);
        JsonNode order = flow().order(customer, sku, 10);
        flow().ship(order, warehouse, 1, 10);
        return flow().awaitInvoice(order.get("id").asString());
    }

    private void assertClean() {
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void fitsAPhone(String screenshot) {
        browser.size(390, 844);
        try {
            assertThat(browser.widerThanTheWindow())
                    .as("elements wider than the phone's screen")
                    .isEmpty();
            browser.screenshot(screenshot);
        } finally {
            browser.size(1366, 768);
        }
    }

    @Test
    void anAccountantFindsAPaymentByItsCustomerAllocatesItToAnOpenInvoiceAndRefundsTheRest() {
        String name = Fixtures.unique("Prepaid");
        UUID customer = flow().customer("DE", Map.of("name", name));
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("customerId", customer.toString());
        payment.put("amount", Fixtures.money("200.00", "EUR"));
        payment.put("method", "BANK_TRANSFER");
        payment.put("reference", "Advance payment 17");
        Api.at(port).asAdmin().post("/api/payments", payment).expect(201);
        JsonNode invoice = invoice(customer);
        logIn("accounting", DEMO_PASSWORD);

        browser.open("/accounting");
        browser.find("#tab-payment-list").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#payment-filters")));
        browser.find("#q").sendKeys(name, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("q=" + name));
        browser.waiting().until(d -> browser.all("#payments-list tbody tr").size() == 1);
        assertThat(browser.find("#payments-list tbody tr").getText())
                .contains(name, "€200.00", "Bank transfer", "On account");
        assertClean();
        browser.screenshot("payments-0-found");

        browser.find("#payments-list a.payment-link").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css("#payment-on-account"), "€200.00"));
        String invoiceId = invoice.get("id").asString();
        assertThat(browser.find("#alloc-" + invoiceId).getAttribute("value")).isEqualTo("119.00");
        assertClean();
        browser.screenshot("payments-1-on-account");
        browser.find("#allocate-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#done").getText()).isEqualTo("Allocated; €81.00 stays on account.");
        assertThat(browser.find("#allocations-list").getText())
                .contains(invoice.get("number").asString(), "€119.00");
        assertThat(browser.all("#allocate-form")).isEmpty();

        browser.find("#refund-amount").sendKeys("81.00");
        browser.find("#reason").sendKeys("The customer asked for the rest back", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(css("#payment-on-account"), "€0.00"));
        assertThat(browser.find("#payment-status").getText()).isEqualTo("Refunded");
        assertThat(browser.find("#refunds-list").getText()).contains("The customer asked for the rest back", "€81.00");
        assertClean();
        browser.screenshot("payments-2-allocated-and-refunded");
        fitsAPhone("payments-3-payment-phone");

        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        try {
            browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "zh-CN"));
            browser.open("/accounting/payments?q=" + name);
            assertThat(browser.find("#payments-list tbody tr").getText()).contains("已退款", "€200.00");
            assertClean();
            browser.screenshot("payments-4-list-chinese");
            fitsAPhone("payments-5-list-chinese-phone");
        } finally {
            browser.find("#lang-en").sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "en"));
        }
    }

    @Test
    void theReminderLetterOpensFromTheInvoiceInTheCustomersLanguageAtDesktopAndPhoneWidth() throws Exception {
        JsonNode german = invoice(flow().customer("DE", Map.of()));
        JsonNode chinese = invoice(
                flow().customer("CN", Map.of("name", "广州文具贸易有限公司 " + Fixtures.unique("GZ"), "language", "zh-CN")));
        for (JsonNode invoice : new JsonNode[] {german, chinese}) {
            jdbc.update(
                    "UPDATE invoice SET due_date = ? WHERE id = ?",
                    java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(9)),
                    UUID.fromString(invoice.get("id").asString()));
        }
        Api.at(port).asAdmin().post("/api/admin/jobs/dunning", null).expect(200);
        logIn("accounting", DEMO_PASSWORD);

        browser.open("/accounting/invoices/" + german.get("number").asString());
        WebElement letter = browser.find("#reminder-letter-1");
        assertThat(letter.getText()).isEqualTo("Letter (PDF)");
        assertThat(pdfText(letter.getAttribute("href")))
                .contains("Payment reminder", german.get("number").asString(), "Total due (EUR) 119.00");
        assertClean();
        browser.screenshot("dunning-0-invoice-letter");
        fitsAPhone("dunning-1-invoice-letter-phone");

        browser.find("#lang-zh").sendKeys(Keys.ENTER);
        try {
            browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "zh-CN"));
            browser.open("/accounting/invoices/" + chinese.get("number").asString());
            letter = browser.find("#reminder-letter-1");
            assertThat(letter.getText()).isEqualTo("催款函 (PDF)");
            assertThat(pdfText(letter.getAttribute("href")))
                    .contains("付款提醒", "广州文具贸易有限公司", chinese.get("number").asString(), "应付总额 (EUR)");
            assertClean();
            browser.screenshot("dunning-2-invoice-letter-chinese");
            fitsAPhone("dunning-3-invoice-letter-chinese-phone");
        } finally {
            browser.find("#lang-en").sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.attributeToBe(css("html"), "lang", "en"));
        }
    }

    /** The text of the PDF the link opens, fetched with the browser's session. */
    private String pdfText(String href) throws IOException, InterruptedException {
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
