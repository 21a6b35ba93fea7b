package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The payments pages: the list and its filters, one payment with its allocations and refunds, allocating money on account to
 * open invoices and paying it back; bad input is told next to its field, in the user's language, and changes nothing.
 */
@OrdoTest
class PaymentPageTests {

    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    Fixtures fixtures;
    InvoicingSupport flow;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    private JsonNode invoice(UUID customer, int units) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, units);
        JsonNode order = flow.order(customer, sku, units);
        flow.ship(order, warehouse, 1, units);
        return flow.awaitInvoice(order.get("id").asString());
    }

    /** A payment of a customer without open invoices: all of it stays on account. */
    private String payment(UUID customer, String amount, String method, LocalDate receivedOn, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("amount", Fixtures.money(amount, "EUR"));
        body.put("method", method);
        body.put("reference", reference);
        body.put("receivedOn", receivedOn.toString());
        return admin.post("/api/payments", body).expect(201).json().get("id").asString();
    }

    private PageClient accountant() {
        PageClient page = new PageClient(port);
        page.logIn(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        return page;
    }

    private static String submission(HttpResponse<String> form) {
        Matcher m = SUBMISSION.matcher(form.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private long count(String table, String paymentId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM " + table + " WHERE payment_id = ?", Long.class, UUID.fromString(paymentId));
    }

    @Test
    void onlyAccountantsSeeThePaymentPages() {
        String id = payment(flow.customer("DE", Map.of()), "10.00", "CASH", LocalDate.now(ZoneOffset.UTC), "till");
        for (String role : new String[] {"WAREHOUSE", "SALES", "SUPPORT"}) {
            PageClient other = new PageClient(port);
            other.logIn(users.staff(role), TestUsers.PASSWORD);
            assertThat(other.get("/accounting/payments").statusCode()).as(role).isEqualTo(403);
            assertThat(other.get("/accounting/payments/" + id).statusCode())
                    .as(role)
                    .isEqualTo(403);
            assertThat(other.post("/accounting/payments/" + id + "/refunds", Map.of("amount", "1", "reason", "x"))
                            .statusCode())
                    .as(role)
                    .isEqualTo(403);
        }
        HttpResponse<String> list = accountant().get("/accounting/payments");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"tab-payment-list\"").doesNotContain("??");
    }

    @Test
    void theListFiltersByCustomerNameMethodStatusAndDaysReceivedLatestFirstWithAmountsInTheirCurrency() {
        String name = Fixtures.unique("Payer");
        UUID customer = flow.customer("DE", Map.of("name", name));
        UUID someoneElse = flow.customer("DE", Map.of());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        payment(customer, "50", "BANK_TRANSFER", today.minusDays(10), "older transfer");
        payment(customer, "12.5", "CARD", today, "card today");
        payment(someoneElse, "99.00", "CARD", today, "someone else");
        PageClient page = accountant();

        String mine = page.get("/accounting/payments?q=" + name).body();
        assertThat(mine)
                .contains("2 payments")
                .contains("€50.00")
                .contains("€12.50")
                .doesNotContain("someone else");
        assertThat(mine.indexOf("card today")).isLessThan(mine.indexOf("older transfer"));
        assertThat(page.get("/accounting/payments?q=" + name + "&method=CARD").body())
                .contains("card today")
                .doesNotContain("older transfer");
        assertThat(page.get("/accounting/payments?customer=" + customer + "&from=" + today.minusDays(11) + "&to="
                                + today.minusDays(9))
                        .body())
                .contains("older transfer")
                .doesNotContain("card today");
        assertThat(page.get("/accounting/payments?q=" + name + "&status=ALLOCATED")
                        .body())
                .contains("id=\"no-payments\"");
        assertThat(page.get("/accounting/payments?q=nobody-is-called-this-" + name)
                        .body())
                .contains("No payments");
        HttpResponse<String> partial = page.get("/accounting/payments?q=" + name, Map.of("HX-Request", "true"));
        assertThat(partial.body()).startsWith("<section id=\"results\"").doesNotContain("<html");

        HttpResponse<String> bad =
                page.get("/accounting/payments?q=" + name + "&from=yesterday&to=" + today + "&method=GOLD");
        assertThat(bad.body())
                .contains("id=\"from-error\"")
                .contains("id=\"method-error\"")
                .contains("card today");
        assertThat(page.get("/accounting/payments?from=" + today + "&to=" + today.minusDays(1))
                        .body())
                .contains("id=\"to-error\"")
                .contains("Must not be before the first day.");
    }

    @Test
    void moneyOnAccountIsAllocatedOldestFirstAsSuggestedAndThePaymentShowsWhereItWent() {
        UUID customer = flow.customer("DE", Map.of());
        String id = payment(customer, "200.00", "BANK_TRANSFER", LocalDate.now(ZoneOffset.UTC), "in advance");
        JsonNode older = invoice(customer, 10);
        JsonNode newer = invoice(customer, 2);
        PageClient page = accountant();

        HttpResponse<String> detail = page.get("/accounting/payments/" + id);
        assertThat(detail.statusCode()).isEqualTo(200);
        String olderId = older.get("id").asString();
        String newerId = newer.get("id").asString();
        // 119.00 to the older, the 23.80 of the newer in full: 57.20 would stay on account
        assertThat(detail.body())
                .contains("id=\"payment-on-account\">€200.00")
                .contains("id=\"alloc-" + olderId + "\" name=\"alloc-" + olderId + "\" value=\"119.00\"")
                .contains("id=\"alloc-" + newerId + "\" name=\"alloc-" + newerId + "\" value=\"23.80\"")
                .doesNotContain("??");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("submission", submission(detail));
        fields.put("alloc-" + olderId, "119.00");
        fields.put("alloc-" + newerId, "");
        HttpResponse<String> done = page.post("/accounting/payments/" + id + "/allocations", fields);
        assertThat(done.statusCode())
                .as(done.body().replaceAll("(?s).*<main", "<main"))
                .isEqualTo(302);
        // the same form sent again allocates nothing more
        assertThat(page.post("/accounting/payments/" + id + "/allocations", fields)
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> after = page.get("/accounting/payments/" + id);
        assertThat(after.body())
                .contains("id=\"payment-on-account\">€81.00")
                .contains("id=\"payment-allocated\">€119.00")
                .contains(older.get("number").asString());
        assertThat(flow.invoice(olderId).get("status").asString()).isEqualTo("PAID");
        assertThat(count("payment_allocation", id)).isEqualTo(1);
        // the invoice links back to the payment
        assertThat(page.get("/accounting/invoices/" + older.get("number").asString())
                        .body())
                .contains("/accounting/payments/" + id);
    }

    @Test
    void badAllocationsAreToldNextToTheirInvoiceInTheUsersLanguageAndChangeNothing() {
        UUID customer = flow.customer("DE", Map.of());
        String id = payment(customer, "50.00", "CHEQUE", LocalDate.now(ZoneOffset.UTC), "cheque 7");
        JsonNode invoice = invoice(customer, 1);
        String invoiceId = invoice.get("id").asString();
        PageClient page = accountant();
        String key = submission(page.get("/accounting/payments/" + id));

        HttpResponse<String> unreadable = page.post(
                "/accounting/payments/" + id + "/allocations", Map.of("submission", key, "alloc-" + invoiceId, "ten"));
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body())
                .contains("id=\"alloc-" + invoiceId + "-error\"")
                .contains("value=\"ten\"");

        // more than is open on the invoice: the invoicing module refuses, the page says why next to the invoice
        HttpResponse<String> tooMuch = page.post(
                "/accounting/payments/" + id + "/allocations",
                Map.of("submission", key, "alloc-" + invoiceId, "20.00"));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body())
                .contains("id=\"alloc-" + invoiceId + "-error\"")
                .contains("open on " + invoice.get("number").asString());

        HttpResponse<String> nothing =
                page.post("/accounting/payments/" + id + "/allocations", Map.of("submission", key));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("id=\"allocations-error\"");

        page.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/accounting/payments/" + id));
        HttpResponse<String> chinese = page.post(
                "/accounting/payments/" + id + "/allocations", Map.of("submission", key, "alloc-" + invoiceId, "-5"));
        assertThat(chinese.statusCode()).isEqualTo(400);
        assertThat(chinese.body())
                .contains("id=\"alloc-" + invoiceId + "-error\"")
                .contains("分配账户余款");
        assertThat(count("payment_allocation", id)).isZero();
        assertThat(flow.invoice(invoiceId).get("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void aRefundPaysBackMoneyOnAccountOnceAndBadInputIsToldAndChangesNothing() {
        UUID customer = flow.customer("DE", Map.of());
        String id = payment(customer, "40.00", "BANK_TRANSFER", LocalDate.now(ZoneOffset.UTC), "overpaid");
        PageClient page = accountant();
        HttpResponse<String> detail = page.get("/accounting/payments/" + id);
        assertThat(detail.body()).contains("id=\"refund-form\"").contains("id=\"nothing-to-allocate\"");
        String key = submission(detail);
        String path = "/accounting/payments/" + id + "/refunds";

        HttpResponse<String> tooMuch = page.post(path, Map.of("submission", key, "amount", "40.01", "reason", "back"));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body())
                .contains("id=\"refund-amount-error\"")
                .contains("More than the 40.00 EUR on account.");
        HttpResponse<String> noReason = page.post(path, Map.of("submission", key, "amount", "10.00", "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reason-error\"").contains("Give a reason.");
        HttpResponse<String> blank = page.post(path, Map.of("submission", key, "amount", "", "reason", "back"));
        assertThat(blank.body()).contains("id=\"refund-amount-error\"");
        HttpResponse<String> decimals = page.post(path, Map.of("submission", key, "amount", "1.005", "reason", "back"));
        assertThat(decimals.statusCode()).isEqualTo(400);
        assertThat(decimals.body()).contains("id=\"refund-amount-error\"");
        assertThat(count("payment_refund", id)).isZero();

        Map<String, String> refund = Map.of("submission", key, "amount", "15.00", "reason", "paid twice by mistake");
        assertThat(page.post(path, refund).statusCode()).isEqualTo(302);
        assertThat(page.post(path, refund).statusCode()).isEqualTo(302);
        assertThat(count("payment_refund", id)).isEqualTo(1);
        assertThat(page.get("/accounting/payments/" + id).body())
                .contains("id=\"payment-on-account\">€25.00")
                .contains("id=\"payment-refunded\">€15.00")
                .contains("paid twice by mistake");
    }
}
