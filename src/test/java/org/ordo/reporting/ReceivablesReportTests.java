package org.ordo.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * AR aging and days sales outstanding on a small hand-built ledger with known answers. The documents live in a year of their
 * own (2002), so the invoices other tests issue today never fall into it.
 *
 * <pre>
 * invoice  issued      due         total    by 2002-06-30                       open at 06-30  days past due
 * A        2002-05-20  2002-06-19  1000.00  400 paid 06-10 (600 more 07-05)    600.00         11  → 1–30
 * B        2002-06-05  2002-07-05   500.00  credit note -100.00 on 06-20         400.00         -5  → current
 * C        2002-06-25  2002-06-25   300.00                                       300.00          5  → 1–30
 * F        2002-01-10  2002-02-09   250.00                                       250.00        141  → over 90
 * G        2002-04-20  2002-05-20   120.00                                       120.00         41  → 31–60
 * H        2002-03-11  2002-04-10    80.00                                        80.00         81  → 61–90
 * E        2002-07-02  2002-08-01   999.00  issued after the period              —
 * V        2002-06-10  2002-07-10  5000.00  VOID                                 —
 * </pre>
 * Receivables at 06-30 = 1750.00; credit sales in June = B 500 + C 300 − credit note 100 = 700.00; DSO = 1750 ÷ 700 × 30 = 75.0.
 */
@OrdoTest
class ReceivablesReportTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;
    static UUID customer;

    @BeforeEach
    void handBuiltLedger() {
        admin = Api.at(port).asAdmin();
        if (customer != null) {
            return;
        }
        customer = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO customer (id, number, name, currency, credit_limit, payment_terms_days, created_at, updated_at) "
                        + "VALUES (?, ?, ?, 'EUR', 0, 30, ?, ?)",
                customer,
                "CUS-T" + customer.toString().substring(0, 8),
                Fixtures.unique("AR Aging"),
                now,
                now);
        UUID a = invoice("A", "2002-05-20", "2002-06-19", "1000.00", "PAID", "1000.00", "0");
        UUID b = invoice("B", "2002-06-05", "2002-07-05", "500.00", "ISSUED", "0", "100.00");
        invoice("C", "2002-06-25", "2002-06-25", "300.00", "ISSUED", "0", "0");
        invoice("F", "2002-01-10", "2002-02-09", "250.00", "ISSUED", "0", "0");
        invoice("G", "2002-04-20", "2002-05-20", "120.00", "ISSUED", "0", "0");
        invoice("H", "2002-03-11", "2002-04-10", "80.00", "ISSUED", "0", "0");
        invoice("E", "2002-07-02", "2002-08-01", "999.00", "ISSUED", "0", "0");
        invoice("V", "2002-06-10", "2002-07-10", "5000.00", "VOID", "0", "0");
        UUID note = document("CN", "CREDIT_NOTE", "2002-06-20", "2002-06-20", "-100.00", "ISSUED", "0", "0");
        jdbc.update("UPDATE invoice SET original_invoice_id = ? WHERE id = ?", b, note);
        UUID payment = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO payment (id, customer_id, status, method, received_on, currency, amount, amount_allocated, amount_refunded, "
                        + "created_at, created_by) VALUES (?, ?, 'ALLOCATED', 'BANK_TRANSFER', ?, 'EUR', 1000.00, 1000.00, 0, ?, 'test')",
                payment,
                customer,
                Date.valueOf("2002-06-10"),
                Timestamp.from(Instant.parse("2002-06-10T12:00:00Z")));
        allocation(payment, a, "400.00", "2002-06-10T12:00:00Z");
        allocation(payment, a, "600.00", "2002-07-05T12:00:00Z");
        // written beside the application, as a restore would: the credit sales per day learn of it by a rebuild
        admin.post("/api/admin/report-facts/rebuild", null).expect(200);
    }

    private UUID invoice(
            String name, String issued, String due, String total, String status, String paid, String credited) {
        return document(name, "INVOICE", issued, due, total, status, paid, credited);
    }

    private UUID document(
            String name,
            String type,
            String issued,
            String due,
            String total,
            String status,
            String paid,
            String credited) {
        UUID id = UUID.randomUUID();
        BigDecimal amount = new BigDecimal(total);
        jdbc.update(
                "INSERT INTO invoice (id, type, status, number, order_id, order_number, customer_id, currency, issue_date, due_date, "
                        + "payment_terms_days, buyer_name, buyer_country, seller_name, seller_country, subtotal, discount, shipping, tax, "
                        + "total, amount_credited, amount_paid, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, 'SO-2002-1', ?, 'EUR', ?, ?, 30, 'AR Aging', 'DE', 'Ordo', 'DE', ?, 0, 0, 0, ?, ?, ?, ?, 'test')",
                id,
                type,
                status,
                Fixtures.unique("AR-2002-" + name),
                UUID.randomUUID(),
                customer,
                Date.valueOf(issued),
                Date.valueOf(due),
                amount,
                amount,
                new BigDecimal(credited),
                new BigDecimal(paid),
                Timestamp.from(Instant.parse(issued + "T09:00:00Z")));
        return id;
    }

    private void allocation(UUID payment, UUID invoice, String amount, String at) {
        jdbc.update(
                "INSERT INTO payment_allocation (payment_id, invoice_id, amount, created_at, created_by) VALUES (?, ?, ?, ?, 'test')",
                payment,
                invoice,
                new BigDecimal(amount),
                Timestamp.from(Instant.parse(at)));
    }

    private static String amount(JsonNode buckets, String bucket) {
        return buckets.get(bucket).get("amount").asString();
    }

    @Test
    void agingPutsWhatWasOpenAtTheEndOfTheDayIntoBucketsByDaysPastDue() {
        JsonNode report = admin.get("/api/reports/ar-aging?asOf=2002-06-30&customerId=" + customer)
                .expect(200)
                .json();
        assertThat(report.get("asOf").asString()).isEqualTo("2002-06-30");
        JsonNode row = report.get("customers").get(0);
        assertThat(report.get("customers")).hasSize(1);
        assertThat(row.get("customerId").asString()).isEqualTo(customer.toString());
        JsonNode buckets = row.get("buckets");
        assertThat(amount(buckets, "current")).isEqualTo("400.00");
        assertThat(amount(buckets, "days1To30")).isEqualTo("900.00");
        assertThat(amount(buckets, "days31To60")).isEqualTo("120.00");
        assertThat(amount(buckets, "days61To90")).isEqualTo("80.00");
        assertThat(amount(buckets, "over90")).isEqualTo("250.00");
        assertThat(amount(buckets, "total")).isEqualTo("1750.00");
        assertThat(buckets.get("invoices").asLong()).isEqualTo(6);
        assertThat(amount(report.get("totals").get(0).get("buckets"), "total")).isEqualTo("1750.00");

        // ten days later A is paid up, E is issued and everything has aged
        JsonNode later = admin.get("/api/reports/ar-aging?asOf=2002-07-10&customerId=" + customer)
                .expect(200)
                .json()
                .get("customers")
                .get(0)
                .get("buckets");
        assertThat(amount(later, "current")).isEqualTo("999.00");
        assertThat(amount(later, "days1To30")).isEqualTo("700.00");
        assertThat(amount(later, "days31To60")).isEqualTo("120.00");
        assertThat(amount(later, "over90")).isEqualTo("330.00");
        assertThat(amount(later, "total")).isEqualTo("2149.00");
    }

    @Test
    void todaysAgingFromTheInvoicesRunningSumsAgreesWithTheLedger() {
        // a past day is re-derived from the documents and allocations, today is read from the invoices' running sums
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            JsonNode buckets = admin.get("/api/reports/ar-aging?asOf=" + day + "&customerId=" + customer)
                    .expect(200)
                    .json()
                    .get("customers")
                    .get(0)
                    .get("buckets");
            assertThat(amount(buckets, "total"))
                    .as("open at the end of %s", day)
                    .isEqualTo("2149.00");
            assertThat(buckets.get("invoices").asLong())
                    .as("open invoices at the end of %s", day)
                    .isEqualTo(6);
        }
    }

    @Test
    void agingComesAsCsvToo() {
        Api.Response csv = admin.header("Accept", "text/csv")
                .get("/api/reports/ar-aging?asOf=2002-06-30&customerId=" + customer)
                .expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0])
                .isEqualTo(
                        "customerId,customerName,currency,current,days1To30,days31To60,days61To90,over90,total,invoices");
        assertThat(lines[1])
                .startsWith(customer + ",AR Aging-")
                .endsWith(",EUR,400.00,900.00,120.00,80.00,250.00,1750.00,6");
        assertThat(lines[2]).isEqualTo(",TOTAL,EUR,400.00,900.00,120.00,80.00,250.00,1750.00,6");
        assertThat(Fixtures.fields(
                        admin.get("/api/reports/ar-aging?asOf=soon").expect(400).json()))
                .containsExactly("asOf");
    }

    @Test
    void daysSalesOutstandingIsReceivablesAtPeriodEndOverCreditSalesTimesDays() {
        JsonNode dso = admin.get("/api/reports/kpis?from=2002-06-01&to=2002-06-30")
                .expect(200)
                .json()
                .get("daysSalesOutstanding");
        assertThat(dso).singleElement().satisfies(d -> {
            assertThat(d.get("currency").asString()).isEqualTo("EUR");
            assertThat(d.get("receivables").decimalValue()).isEqualByComparingTo("1750.00");
            assertThat(d.get("creditSales").decimalValue()).isEqualByComparingTo("700.00");
            assertThat(d.get("days").asLong()).isEqualTo(30);
            assertThat(d.get("value").decimalValue()).isEqualByComparingTo("75.0");
        });
    }
}
