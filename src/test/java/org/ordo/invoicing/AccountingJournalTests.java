package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/accounting/journal}: balanced entries per document, reconciled with the AR aging, each polled once. */
@OrdoTest
class AccountingJournalTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    InvoicingSupport flow;
    Api admin;

    @BeforeEach
    void setUp() {
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    /**
     * Two invoices (119.00 and 59.50), paid in part at once and later from the account, one credited in part and one in
     * full after it was paid in part (which gives the paid amount back to the account), and a refund.
     */
    private UUID customerWithPaymentsCreditNotesAndARefund() {
        UUID customer = flow.customer("DE", Map.of());
        String a = flow.shippedInvoice(customer, 10).get("id").asString();
        String b = flow.shippedInvoice(customer, 5).get("id").asString();
        admin.post("/api/payments", payment(customer, "50.00", a, "50.00")).expect(201);
        String onAccount = admin.post("/api/payments", payment(customer, "100.00", b, "20.00"))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/invoices/" + a + "/credit-notes", credit(2)).expect(201);
        admin.post(
                        "/api/payments/" + onAccount + "/allocations",
                        Map.of("allocations", List.of(allocation(a, "30.00"))))
                .expect(200);
        admin.post(
                        "/api/payments/" + onAccount + "/refunds",
                        Map.of("amount", money("10.00", "EUR"), "reason", "asked for it back"))
                .expect(201);
        admin.post("/api/invoices/" + b + "/credit-notes", credit(5)).expect(201);
        return customer;
    }

    @Test
    void everyEntryBalancesAndTheReceivablesLinesAddUpToTheOpenAmountOfTheAging() {
        UUID customer = customerWithPaymentsCreditNotesAndARefund();

        List<JsonNode> entries = entriesOf(
                customer, admin.get("/api/accounting/journal").expect(200).json());
        assertThat(entries)
                .extracting(e -> e.get("documentType").asString())
                .containsExactly(
                        "INVOICE",
                        "INVOICE",
                        "PAYMENT",
                        "PAYMENT",
                        "CREDIT_NOTE",
                        "ALLOCATION",
                        "REFUND",
                        "CREDIT_NOTE",
                        "RETURN_TO_ACCOUNT");
        for (JsonNode entry : entries) {
            assertThat(sum(entry, null, "debit")).as(entry.toString()).isEqualByComparingTo(sum(entry, null, "credit"));
        }
        BigDecimal receivables = entries.stream()
                .map(e -> sum(e, "1200", "debit").subtract(sum(e, "1200", "credit")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode aging = admin.get("/api/reports/ar-aging?customerId=" + customer)
                .expect(200)
                .json();
        String open = aging.get("customers")
                .get(0)
                .get("buckets")
                .get("total")
                .get("amount")
                .asString();
        // 119.00 - 50.00 - 23.80 credited - 30.00 from the account; the second invoice is credited in full
        assertThat(open).isEqualTo("15.20");
        assertThat(receivables).isEqualByComparingTo(open);
    }

    @Test
    void anInvoiceDebitsReceivablesAndCreditsRevenueAndTaxAndAPaymentSendsWhatItDidNotPayToPrepayments() {
        UUID customer = customerWithPaymentsCreditNotesAndARefund();
        List<JsonNode> entries = entriesOf(
                customer, admin.get("/api/accounting/journal").expect(200).json());

        assertThat(lines(entries.get(0))).containsExactly("1200 119.00 0.00", "4000 0.00 100.00", "1770 0.00 19.00");
        assertThat(lines(entries.get(3))).containsExactly("1800 100.00 0.00", "1200 0.00 20.00", "1710 0.00 80.00");
        assertThat(lines(entries.get(4))).containsExactly("1200 0.00 23.80", "4000 20.00 0.00", "1770 3.80 0.00");
        assertThat(lines(entries.get(5))).containsExactly("1710 30.00 0.00", "1200 0.00 30.00");
        assertThat(lines(entries.get(6))).containsExactly("1710 10.00 0.00", "1800 0.00 10.00");
        assertThat(lines(entries.get(8))).containsExactly("1710 0.00 20.00", "1200 20.00 0.00");
        assertThat(entries.get(0).get("date").asString())
                .isEqualTo(java.time.LocalDate.now().toString());
    }

    @Test
    void aSystemPollingAfterItsCursorGetsEachEntryOnceAndInOrder() {
        UUID customer = customerWithPaymentsCreditNotesAndARefund();
        List<JsonNode> all = entriesOf(
                customer, admin.get("/api/accounting/journal").expect(200).json());
        long cursor = all.get(0).get("position").asLong() - 1;

        List<Long> polled = new ArrayList<>();
        while (true) {
            JsonNode page = admin.get("/api/accounting/journal?limit=2&after=" + cursor)
                    .expect(200)
                    .json();
            if (page.get("entries").isEmpty()) {
                assertThat(page.get("cursor").asLong()).isEqualTo(cursor);
                break;
            }
            entriesOf(customer, page).forEach(e -> polled.add(e.get("position").asLong()));
            cursor = page.get("cursor").asLong();
        }
        assertThat(polled)
                .isEqualTo(all.stream().map(e -> e.get("position").asLong()).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void theCsvHasOneRowPerLineAndTheCursorInAHeader() {
        UUID customer = customerWithPaymentsCreditNotesAndARefund();
        JsonNode first = entriesOf(
                        customer,
                        admin.get("/api/accounting/journal").expect(200).json())
                .get(0);
        long before = first.get("position").asLong() - 1;

        Api.Response csv = admin.header("Accept", "text/csv")
                .get("/api/accounting/journal?limit=1&after=" + before)
                .expect(200);
        assertThat(csv.header("Ordo-Journal-Cursor")).isEqualTo(String.valueOf(before + 1));
        String number = first.get("documentNumber").asString();
        String day = first.get("date").asString();
        assertThat(csv.text().split("\r\n"))
                .containsExactly(
                        "position,date,documentType,documentNumber,customerId,account,debit,credit,currency",
                        (before + 1) + "," + day + ",INVOICE," + number + "," + customer + ",1200,119.00,0.00,EUR",
                        (before + 1) + "," + day + ",INVOICE," + number + "," + customer + ",4000,0.00,100.00,EUR",
                        (before + 1) + "," + day + ",INVOICE," + number + "," + customer + ",1770,0.00,19.00,EUR");
    }

    @Test
    void aCursorCannotBeMixedWithADateRangeAndADateMustBeADate() {
        JsonNode mixed = admin.get("/api/accounting/journal?after=1&from=2026-01-01")
                .expect(400)
                .json();
        assertThat(Fixtures.fields(mixed)).containsExactly("from");
        JsonNode malformed =
                admin.get("/api/accounting/journal?from=yesterday").expect(400).json();
        assertThat(Fixtures.fields(malformed)).containsExactly("from");
    }

    private static List<JsonNode> entriesOf(UUID customer, JsonNode page) {
        List<JsonNode> entries = new ArrayList<>();
        page.get("entries").forEach(e -> {
            if (e.get("customerId").asString().equals(customer.toString())) {
                entries.add(e);
            }
        });
        return entries;
    }

    private static BigDecimal sum(JsonNode entry, String account, String side) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : entry.get("lines")) {
            if (account == null || account.equals(line.get("account").asString())) {
                sum = sum.add(new BigDecimal(line.get(side).asString()));
            }
        }
        return sum;
    }

    private static List<String> lines(JsonNode entry) {
        List<String> lines = new ArrayList<>();
        entry.get("lines")
                .forEach(l -> lines.add(l.get("account").asString() + " "
                        + l.get("debit").asString() + " " + l.get("credit").asString()));
        return lines;
    }

    private static Map<String, Object> payment(UUID customer, String amount, String invoice, String allocated) {
        return Map.of(
                "customerId",
                customer.toString(),
                "amount",
                money(amount, "EUR"),
                "method",
                "BANK_TRANSFER",
                "allocations",
                List.of(allocation(invoice, allocated)));
    }

    private static Map<String, Object> allocation(String invoice, String amount) {
        return Map.of("invoiceId", invoice, "amount", money(amount, "EUR"));
    }

    private static Map<String, Object> credit(int quantity) {
        return Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", quantity)), "reason", "damaged");
    }
}
