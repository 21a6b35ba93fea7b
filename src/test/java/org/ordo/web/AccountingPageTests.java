package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
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

/** The accounting pages on the server: who may use them, what a refused payment shows and changes, whose jobs are whose. */
@OrdoTest
class AccountingPageTests {

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

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
    }

    /** An issued invoice of {@code units} × 10.00 + 19 % for a new customer. */
    private JsonNode invoice(int units) {
        UUID customer = flow.customer("DE", Map.of());
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, units);
        JsonNode order = flow.order(customer, sku, units);
        flow.ship(order, warehouse, 1, units);
        return flow.awaitInvoice(order.get("id").asString());
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

    private long payments(String customerId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM payment WHERE customer_id = ?", Long.class, UUID.fromString(customerId));
    }

    @Test
    void aWarehouseUserIsRefusedEveryAccountingPageWith403AndSeesNoLinkToThem() {
        PageClient warehouse = new PageClient(port);
        warehouse.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        for (String path : new String[] {
            "/accounting",
            "/accounting/payments/new",
            "/accounting/credit-notes",
            "/accounting/reminders",
            "/accounting/aging",
            "/accounting.csv",
            "/accounting/aging.csv",
            "/accounting/journal",
            "/accounting/journal.csv"
        }) {
            assertThat(warehouse.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(warehouse.get("/orders").body()).doesNotContain("href=\"/accounting\"");
        assertThat(warehouse.post("/accounting/reminders/run", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(accountant().get("/accounting").statusCode()).isEqualTo(200);
    }

    @Test
    void theInvoiceListFiltersByNumberSumsWhatItShowsAndExportsTheSameAsCsv() {
        JsonNode invoice = invoice(2);
        String number = invoice.get("number").asString();
        PageClient page = accountant();
        HttpResponse<String> list = page.get("/accounting?q=" + number);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains(number)
                .contains("id=\"sums\"")
                .contains("/accounting/invoices/" + invoice.get("id").asString() + "/pdf")
                .doesNotContain("??");
        HttpResponse<String> partial = page.get("/accounting?q=" + number, Map.of("HX-Request", "true"));
        assertThat(partial.body()).startsWith("<section id=\"results\"").doesNotContain("<html");
        HttpResponse<String> csv = page.get("/accounting.csv?q=" + number);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(csv.body().lines()).hasSize(2);
        assertThat(csv.body()).contains(number + ",INVOICE,ISSUED").contains("23.80");
        HttpResponse<String> pdf = page.get("/accounting/invoices/" + number + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(page.get("/accounting/invoices/" + number + "/ubl").body()).contains(number);
        assertThat(page.get("/accounting?from=yesterday").body()).contains("id=\"from-error\"");
    }

    @Test
    void overAllocationIsShownNextToTheInvoicesFieldKeepsWhatWasTypedAndChangesNothing() {
        JsonNode invoice = invoice(1);
        String id = invoice.get("id").asString();
        String customer = invoice.get("customerId").asString();
        PageClient page = accountant();
        HttpResponse<String> form = page.get(
                "/accounting/payments/new?invoice=" + invoice.get("number").asString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"alloc-" + id + "\"").contains("value=\"11.90\"");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customer", customer);
        fields.put("invoice", invoice.get("number").asString());
        fields.put("submission", submission(form));
        fields.put("amount", "50.00");
        fields.put("currency", "EUR");
        fields.put("method", "BANK_TRANSFER");
        fields.put("receivedOn", LocalDate.now(ZoneOffset.UTC).toString());
        fields.put("reference", "typed reference");
        fields.put("allocation", "EXPLICIT");
        fields.put("alloc-" + id, "50.00");
        HttpResponse<String> refused = page.post("/accounting/payments", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"alloc-" + id + "-error\"")
                .contains("More than is open on " + invoice.get("number").asString())
                .contains("value=\"typed reference\"")
                .contains("value=\"50.00\"");
        assertThat(payments(customer)).isZero();
        assertThat(flow.invoice(id).get("status").asString()).isEqualTo("ISSUED");

        // the amount must be positive: said next to it
        fields.put("amount", "0");
        fields.put("alloc-" + id, "");
        HttpResponse<String> zero = page.post("/accounting/payments", fields);
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("id=\"amount-error\"").contains("Must be greater than 0.");
        assertThat(payments(customer)).isZero();

        // money in another currency than the invoice's: said at the invoice and at the currency
        fields.put("amount", "10.00");
        fields.put("currency", "USD");
        fields.put("alloc-" + id, "10.00");
        HttpResponse<String> currency = page.post("/accounting/payments", fields);
        assertThat(currency.statusCode()).isEqualTo(400);
        assertThat(currency.body())
                .contains("id=\"alloc-" + id + "-error\"")
                .contains("This invoice is in EUR")
                .contains("id=\"currency-error\"");
        assertThat(payments(customer)).isZero();
    }

    @Test
    void aPartialPaymentSubmittedTwiceIsRecordedOnceAndLeavesTheInvoicePartiallyPaid() {
        JsonNode invoice = invoice(10);
        String id = invoice.get("id").asString();
        String number = invoice.get("number").asString();
        String customer = invoice.get("customerId").asString();
        PageClient page = accountant();
        HttpResponse<String> form = page.get("/accounting/payments/new?customer=" + customer);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customer", customer);
        fields.put("invoice", number);
        fields.put("submission", submission(form));
        fields.put("amount", "40.00");
        fields.put("currency", "EUR");
        fields.put("method", "CARD");
        fields.put("receivedOn", LocalDate.now(ZoneOffset.UTC).toString());
        fields.put("reference", "");
        fields.put("allocation", "EXPLICIT");
        fields.put("alloc-" + id, "40.00");
        HttpResponse<String> first = page.post("/accounting/payments", fields);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/accounting/invoices/" + number);
        HttpResponse<String> again = page.post("/accounting/payments", fields);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(payments(customer)).isEqualTo(1);
        String detail = page.get("/accounting/invoices/" + number).body();
        assertThat(detail)
                .contains("Partially paid")
                .contains("id=\"payments-table\"")
                .contains("€79.00");
    }

    @Test
    void anotherUserCannotReadSomeoneElsesJobWhileItsOwnerSeesItFinish() {
        PageClient owner = accountant();
        owner.get("/accounting/reminders");
        HttpResponse<String> started = owner.post("/accounting/reminders/run", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/accounting/jobs/");
        String path = location.substring(location.indexOf("/accounting/jobs/"));

        PageClient other = accountant();
        assertThat(other.get(path).statusCode()).isEqualTo(404);
        assertThat(other.get(path + "/progress").statusCode()).isEqualTo(404);
        PageClient admin = new PageClient(port);
        admin.logIn("admin", Api.ADMIN_PASSWORD);
        assertThat(admin.get(path).statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> owner.get(path + "/progress").body().contains("data-state=\"DONE\""));
        String done = owner.get(path + "/progress").body();
        assertThat(done).contains("id=\"job-result\"").doesNotContain("hx-trigger");
    }

    @Test
    void theBulkExportRunsInTheBackgroundAndOnlyItsOwnerDownloadsTheFile() {
        JsonNode invoice = invoice(1);
        String number = invoice.get("number").asString();
        PageClient owner = accountant();
        owner.get("/accounting?q=" + number);
        HttpResponse<String> started = owner.post("/accounting/exports", Map.of("type", "INVOICE", "q", number));
        String location = started.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/accounting/jobs/"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> owner.get(path + "/progress").body().contains("id=\"job-download\""));
        HttpResponse<String> file = owner.get(path + "/download");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(file.body()).contains(number);
        assertThat(accountant().get(path + "/download").statusCode()).isEqualTo(404);
    }

    @Test
    void agingShowsACustomerWithItsBucketsAndAChartConfiguredByTheServer() {
        JsonNode invoice = invoice(1);
        jdbc.update(
                "UPDATE invoice SET due_date = CURRENT_DATE - 40 WHERE id = ?",
                UUID.fromString(invoice.get("id").asString()));
        PageClient page = accountant();
        HttpResponse<String> aging = page.get("/accounting/aging");
        assertThat(aging.statusCode()).isEqualTo(200);
        assertThat(aging.body())
                .contains("id=\"aging-table\"")
                .contains("data-chart=")
                .contains("&quot;stacked&quot;:true")
                .doesNotContain("style=\"")
                .doesNotContain("??");
        HttpResponse<String> csv = page.get("/accounting/aging.csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("ar-aging-");
        assertThat(csv.body()).contains(invoice.get("customerId").asString());
    }

    @Test
    void theJournalPageCountsTheEntriesOfTheDaysAndDownloadsThemAsCsvAndJson() {
        JsonNode invoice = invoice(3);
        String number = invoice.get("number").asString();
        String day = invoice.get("issueDate").asString();
        PageClient page = accountant();

        HttpResponse<String> journal = page.get("/accounting/journal?from=" + day + "&to=" + day);
        assertThat(journal.statusCode()).isEqualTo(200);
        assertThat(journal.body())
                .contains("id=\"tab-journal\"")
                .contains("id=\"journal-totals\"")
                .contains("/accounting/journal.csv?from=" + day + "&amp;to=" + day)
                .doesNotContain("??");
        HttpResponse<String> csv = page.get("/accounting/journal.csv?from=" + day + "&to=" + day);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("journal-" + day + "-" + day + ".csv");
        assertThat(csv.body()).contains(",INVOICE," + number + ",", ",1200,35.70,0.00,EUR");
        HttpResponse<String> json = page.get("/accounting/journal.json?from=" + day + "&to=" + day);
        assertThat(json.body()).contains("\"documentNumber\":\"" + number + "\"");
    }

    @Test
    void theAgingTablePagesByFiftyCustomersAndEveryCustomerOwingIsOnExactlyOnePage() {
        // 51 customers owing on a day of their own (2004), so the table needs a second page whatever else is open then
        String prefix = Fixtures.unique("Aging Page");
        java.util.Set<String> owing = new java.util.HashSet<>();
        for (int n = 0; n < 51; n++) {
            UUID customer = UUID.randomUUID();
            java.sql.Timestamp issued = java.sql.Timestamp.from(java.time.Instant.parse("2004-05-03T09:00:00Z"));
            jdbc.update(
                    "INSERT INTO customer (id, number, name, currency, credit_limit, payment_terms_days, created_at, updated_at) "
                            + "VALUES (?, ?, ?, 'EUR', 0, 30, ?, ?)",
                    customer,
                    "CUS-T" + customer.toString().substring(0, 8),
                    prefix + String.format(" %02d", n),
                    issued,
                    issued);
            jdbc.update(
                    "INSERT INTO invoice (id, type, status, number, order_id, order_number, customer_id, currency, issue_date, due_date, "
                            + "payment_terms_days, buyer_name, buyer_country, seller_name, seller_country, subtotal, discount, shipping, tax, "
                            + "total, amount_credited, amount_paid, created_at, created_by) VALUES (?, 'INVOICE', 'ISSUED', ?, ?, 'SO-2004-1', ?, "
                            + "'EUR', DATE '2004-05-03', DATE '2004-06-02', 30, 'Aging Page', 'DE', 'Ordo', 'DE', 10, 0, 0, 0, 10, 0, 0, ?, 'test')",
                    UUID.randomUUID(),
                    Fixtures.unique("AGE-2004"),
                    UUID.randomUUID(),
                    customer,
                    issued);
            owing.add(customer.toString());
        }
        PageClient page = accountant();
        String first = page.get("/accounting/aging?asOf=2004-06-30").body();
        Matcher position =
                Pattern.compile("id=\"aging-page-position\">Page 1 of (\\d+)<").matcher(first);
        assertThat(position.find()).as("the table says which page of how many").isTrue();
        int pages = Integer.parseInt(position.group(1));
        assertThat(first).contains("href=\"/accounting/aging?asOf=2004-06-30&amp;page=1\"");
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int n = 0; n < pages; n++) {
            String body =
                    page.get("/accounting/aging?asOf=2004-06-30&page=" + n).body();
            Matcher rows = Pattern.compile("/accounting\\?customer=([0-9a-f-]{36})")
                    .matcher(body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>")));
            int onThisPage = 0;
            while (rows.find()) {
                onThisPage++;
                seen.merge(rows.group(1), 1, Integer::sum);
            }
            assertThat(onThisPage).as("rows on page %d", n + 1).isBetween(1, 50);
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        for (String customer : owing) {
            assertThat(seen.get(customer)).as("customer %s", customer).isEqualTo(1);
        }
    }

    @Test
    void aCreditNoteBeyondWhatIsLeftIsRefusedNextToTheLineThenIssuedByLinesListedAndVoidable() {
        JsonNode invoice = invoice(3);
        String number = invoice.get("number").asString();
        PageClient page = accountant();
        HttpResponse<String> start = page.get("/accounting/credit-notes/new?invoice=" + number);
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow())
                .endsWith("/accounting/invoices/" + number + "#credit-form");
        assertThat(page.get("/accounting/credit-notes/new?invoice=INV-1999-999999")
                        .body())
                .contains("id=\"invoice-error\"");

        page.get("/accounting/invoices/" + number);
        HttpResponse<String> tooMany = page.post(
                "/accounting/invoices/" + number + "/credit-notes",
                Map.of("by", "LINES", "qty-1", "4", "reason", "damaged in transit"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body())
                .contains("id=\"qty-1-error\"")
                .contains("At most 3 can still be credited.")
                .contains("value=\"damaged in transit\"");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM invoice WHERE original_invoice_id = ?",
                        Long.class,
                        UUID.fromString(invoice.get("id").asString())))
                .isZero();

        HttpResponse<String> issued = page.post(
                "/accounting/invoices/" + number + "/credit-notes",
                Map.of("by", "LINES", "qty-1", "1", "reason", "damaged in transit"));
        assertThat(issued.statusCode()).isEqualTo(302);
        String detail = page.get("/accounting/invoices/" + number).body();
        assertThat(detail)
                .contains("id=\"credit-notes-table\"")
                .contains("Credit note CN-")
                .contains("€23.80")
                .doesNotContain("id=\"void-form\"");
        String list = page.get("/accounting/credit-notes?customer="
                        + invoice.get("customerId").asString())
                .body();
        assertThat(list).contains(number).contains("-€11.90");
        String note = list.substring(list.indexOf("CN-"), list.indexOf("CN-") + 14);
        page.get("/accounting/invoices/" + note);
        HttpResponse<String> voided =
                page.post("/accounting/invoices/" + note + "/void", Map.of("reason", "issued by mistake"));
        assertThat(voided.statusCode()).isEqualTo(302);
        assertThat(page.get("/accounting/invoices/" + note).body())
                .contains("issued by mistake")
                .contains(">Void<");
    }
}
