package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.invoicing.CustomerInvoices;
import org.ordo.orders.Orders;
import org.ordo.platform.Paging;
import org.ordo.testing.Api;
import org.ordo.testing.ShippedOrders;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer portal as a demo customer meets it, and customer service working on a customer and a return. */
class CustomerPortalJourneyTests extends BrowserJourney {

    @Autowired
    Customers customers;

    @Autowired
    Orders orders;

    @Autowired
    CustomerInvoices invoices;

    @Autowired
    TestUsers users;

    @Test
    void aCustomerFollowsItsDeliveredOrderDownloadsTheInvoiceAndCannotOpenAnotherCustomersOrder() throws Exception {
        logIn("mueller", DEMO_PASSWORD);
        browser.waiting().until(ExpectedConditions.urlContains("/portal"));
        assertThat(browser.find("h1").getText()).isEqualTo("My orders");
        assertThat(browser.all("#nav-nav\\.orders")).isEmpty();
        new Select(browser.find("#status")).selectByValue("COMPLETED");
        browser.waiting().until(ExpectedConditions.urlContains("status=COMPLETED"));
        assertThat(browser.all("#portal-orders-table tbody tr")).isNotEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("portal-1-my-orders");

        WebElement first = browser.find("#portal-orders-table tbody tr a.order-link");
        String number = first.getText();
        first.click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("#order-number"), number));
        assertThat(browser.all("#timeline li")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.find("#timeline").getText())
                .contains("We received your order")
                .contains("Your order was delivered")
                .doesNotContain("by ");
        WebElement tracking = browser.find("#shipments-table a.tracking-link");
        assertThat(tracking.getAttribute("href")).startsWith("https://");
        assertThat(tracking.getAttribute("target")).isEqualTo("_blank");
        assertThat(tracking.getAttribute("rel")).isEqualTo("noopener");
        WebElement pdf = browser.find("#invoices-table a.pdf-link");
        String pdfPath = URI.create(pdf.getAttribute("href")).getPath();
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("portal-2-order-timeline-tracking");

        // the PDF link answers a PDF to this session
        HttpResponse<byte[]> download = fetch(pdfPath);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(download.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // another customer's order and invoice, typed into the address bar: not found
        UUID schneider = customers.search("Schneider Logistik", 1).stream()
                .map(CustomerSnapshot::id)
                .findFirst()
                .orElseThrow();
        // any of its orders: which of the demo's orders end completed depends on the day the demo was loaded
        String othersOrder = orders.search(
                        new Orders.Search(Set.of(), schneider, null, null, null, null), Paging.of(0, 1))
                .items()
                .get(0)
                .number();
        String othersInvoice = invoices.search(schneider, Set.of(), Paging.of(0, 1))
                .items()
                .get(0)
                .number();
        browser.open("/portal/orders/" + othersOrder);
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        assertThat(browser.webDriver().getPageSource()).doesNotContain(othersOrder + "</");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 404");
        browser.screenshot("portal-3-another-customers-order-not-found");
        assertThat(fetch("/portal/invoices/" + othersInvoice + "/pdf").statusCode())
                .isEqualTo(404);
        browser.open("/portal/invoices/" + othersInvoice + "/pdf");
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 404");

        // the error page has no navigation of its own: back to the portal, then by the navigation to the invoices
        browser.open("/portal");
        browser.find("#nav-nav\\.portal\\.invoices").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#portal-invoices-table")));
        assertThat(browser.find("#portal-invoices-table").getText()).doesNotContain(othersInvoice);
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.size(390, 844);
        // on a phone the table scrolls inside its box; the page itself does not
        Object wide = ((org.openqa.selenium.JavascriptExecutor) browser.webDriver())
                .executeScript(
                        "var w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *'))"
                                + ".filter(function (e) { var r = e.getBoundingClientRect(); return r.right > w + 1 && !e.closest('.table-responsive'); })"
                                + ".map(function (e) { return e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right; }).join(' | ')");
        assertThat(wide).as("elements wider than the phone").isEqualTo("");
        browser.screenshot("portal-4-my-invoices-phone");
        browser.size(1366, 768);
    }

    @Test
    void aCustomerAsksForAReturnAndOrdersAgainWithTheKeyboard() {
        ShippedOrders.Shipped shipped = new ShippedOrders(port).forNewCustomer(3, 1);
        logIn(users.customer(shipped.customer()), TestUsers.PASSWORD);
        browser.open("/portal/orders/" + shipped.orderNumber());
        browser.find("#return-link").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#return-form")));
        WebElement quantity = browser.find("#qty_1");
        quantity.clear();
        quantity.sendKeys("5");
        new Select(browser.find("#reason_1")).selectByValue("DAMAGED");
        new Select(browser.find("#resolution")).selectByValue("REFUND");
        browser.find("#note").sendKeys("box crushed");
        browser.find("#return-submit").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#qty_1-error")));
        assertThat(browser.find("#qty_1-error").getText()).isEqualTo("At most 3 can be returned.");
        assertThat(browser.find("#note").getAttribute("value")).isEqualTo("box crushed");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
        browser.screenshot("portal-5-return-error-kept-input");
        quantity = browser.find("#qty_1");
        quantity.clear();
        quantity.sendKeys("2", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#returns-table").getText()).contains("RMA-").contains("Requested");

        browser.find("#reorder-link").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#reorder-table")));
        assertThat(browser.all("#reorder-table tbody tr")).hasSize(2);
        browser.screenshot("portal-6-reorder-confirmation");
        browser.find("#reorder-submit").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#order-number").getText()).doesNotContain(shipped.orderNumber());
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("portal-7-order-placed-again");
    }

    @Test
    void theCartSuggestsWhatTheCustomerUsuallyOrdersAndAddsItWithTheKeyboard() {
        ShippedOrders.Shipped shipped = new ShippedOrders(port).forNewCustomer(2);
        String usual = shipped.skus().get(0);
        logIn(users.customer(shipped.customer()), TestUsers.PASSWORD);
        browser.open("/portal/cart");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#cart-suggestions")));
        assertThat(browser.find("#cart-suggestions").getText())
                .contains("You may also want")
                .contains("You usually order this");
        browser.screenshot("portal-8-cart-suggestions");

        browser.find("#cart-suggestions [data-sku='" + usual + "'] button").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#cart-qty-" + usual)));
        assertThat(browser.find("#cart-qty-" + usual).getAttribute("value")).isEqualTo("1");
        assertThat(browser.all("#cart-suggestions [data-sku='" + usual + "']")).isEmpty();

        browser.find("#cart-qty-" + usual).clear();
        browser.find("#cart-qty-" + usual).sendKeys("0", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#cart-suggestions")));
        browser.find("#lang-zh").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("html[lang=zh-CN]")));
        browser.size(390, 844);
        assertThat(browser.find("#cart-suggestions").getText())
                .contains("您可能还需要")
                .contains("您经常订购此商品");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("portal-9-cart-suggestions-chinese-phone");
        browser.size(1366, 768);
        browser.find("#lang-en").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("html[lang=en]")));
    }

    @Test
    void supportOpensTheCustomer360AddsANoteAndApprovesAndReceivesAReturn() {
        ShippedOrders.Shipped shipped = new ShippedOrders(port).forNewCustomer(2, 1);
        String rma = Api.at(port)
                .asAdmin()
                .post(
                        "/api/orders/" + shipped.orderId() + "/returns",
                        Map.of(
                                "resolution",
                                "CREDIT",
                                "lines",
                                List.of(
                                        Map.of("lineNumber", 1, "quantity", 2, "reason", "DAMAGED"),
                                        Map.of("lineNumber", 2, "quantity", 1, "reason", "NOT_NEEDED"))))
                .expect(201)
                .json()
                .get("number")
                .asString();
        String name = customers.find(shipped.customer()).orElseThrow().name();

        logIn("support", DEMO_PASSWORD);
        browser.find("#nav-nav\\.customers").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#customer-search")));
        browser.find("#q").sendKeys(name, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("q="));
        browser.find("#customers-table a.customer-link").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("#customer-name"), name));
        assertThat(browser.find("#recent-orders").getText()).contains(shipped.orderNumber());
        assertThat(browser.find("#open-invoices").getText()).contains(shipped.invoiceNumber());
        assertThat(browser.find("#customer-returns").getText()).contains(rma);
        browser.find("#note-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#text-error")));
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
        browser.find("#note-text").sendKeys("Customer called: the parcel arrived dented.");
        browser.find("#note-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#done")));
        assertThat(browser.find("#notes-list").getText())
                .contains("Customer called: the parcel arrived dented.")
                .contains("support");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("service-1-customer-360-note");

        browser.find("#customer-returns a[href^='/returns/']").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("#return-number"), rma));
        browser.find("#approve-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("#return-status"), "Approved"));
        new Select(browser.find("#handling_2")).selectByValue("scrap");
        browser.find("#receive-submit").sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("#return-status"), "Received"));
        assertThat(browser.find("#return-lines").getText()).contains("Damaged").contains("Not needed");
        assertThat(browser.all("#inspect-form")).hasSize(1);
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("service-2-return-received");

        browser.find("#nav-nav\\.returns").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("#returns-table")));
        new Select(browser.find("#status")).selectByValue("RECEIVED");
        browser.waiting().until(ExpectedConditions.urlContains("status=RECEIVED"));
        assertThat(browser.find("#returns-table").getText()).contains(rma);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("service-3-returns-received");

        // the same page in Chinese: every text translated, the numbers and dates the Chinese way
        browser.find("#lang-zh").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(css("h1"), "退货"));
        assertThat(browser.find("#returns-table").getText()).contains(rma).contains("已收货");
        assertThat(browser.webDriver().getPageSource()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("service-4-returns-chinese");
        browser.find("#lang-en").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(css("html[lang=en]")));
    }

    /** Fetches a page with the browser's session cookie, as a download would. */
    private HttpResponse<byte[]> fetch(String path) throws Exception {
        String cookies = browser.webDriver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookies)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
