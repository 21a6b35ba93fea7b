package org.ordo.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.identity.AuditTrail;
import org.ordo.platform.CompanyCalendar;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Random orders in a year of their own (1999), placed around midnight, then random late changes — cancellations,
 * changed lines, shipments and deliveries (carrier scans days later, across midnight) — each recorded in the order
 * history as the orders module records it. After each round the facts catch up, and for random periods every figure
 * from the facts must equal the figure from the raw rows: counts, sums and rates exactly, percentiles within the
 * stated 1 % (plus the rounding to hundredths of an hour). The stock ledger and the invoices get the same treatment
 * ({@link LedgerChanges}).
 */
@OrdoTest
class DayFactConsistencyTests {

    static final LocalDate FIRST = LocalDate.parse("1999-06-01");
    static final int DAYS = 12;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DayFactService facts;

    @Autowired
    DayFactQueries fromFacts;

    @Autowired
    KeyFigureQueries fromRows;

    @Autowired
    SalesReportQueries salesFromRows;

    @Autowired
    CompanyCalendar calendar;

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    DayFactStore orderStore;

    @Autowired
    InvoiceFactStore invoiceStore;

    @Autowired
    StockFactStore stockStore;

    @Autowired
    OpenInvoiceQueries openInvoices;

    record Placed(UUID id, Instant placedAt, int lines) {}

    @Test
    void everyFigureFromTheFactsEqualsTheFigureFromTheRawRowsAfterRandomLateChanges() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<UUID> customers = List.of(customer(), customer(), customer());
        List<Placed> orders = new ArrayList<>();
        try {
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 25; i++) {
                    orders.add(place(random, customers.get(random.nextInt(customers.size())), orders.size()));
                }
                for (int i = 0; i < 30; i++) {
                    change(random, orders.get(random.nextInt(orders.size())));
                }
                facts.catchUp();
                for (int period = 0; period < 8; period++) {
                    LocalDate from = FIRST.plusDays(random.nextInt(DAYS + 6) - 1);
                    LocalDate to = from.plusDays(random.nextInt(DAYS));
                    assertSameFigures(new Period(from, to, calendar.zone()), "seed " + seed + ", round " + round);
                }
            }
            facts.rebuild();
            assertSameFigures(new Period(FIRST, FIRST.plusDays(DAYS + 10), calendar.zone()), "after a rebuild");
        } finally {
            remove();
        }
    }

    /**
     * Inventory turnover, slow movers and the credit sales of days sales outstanding, from the facts, equal the same
     * figures from the ledger and the invoices after random movements of past days, unit cost changes and voided,
     * backdated and late issued invoices: both with the changes added to the facts and with them still after the
     * watermark.
     */
    @Test
    void stockAndInvoiceFiguresFromTheFactsEqualTheLedgerAfterRandomLateChanges() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<UUID> customers = List.of(customer(), customer());
        LedgerChanges ledger = new LedgerChanges(
                jdbc, audit, new TransactionTemplate(transactions), random, Long.toString(seed % 1_000_000_000L, 36));
        // a catch-up that never passes anything: what came since the last one stays after the watermark
        DayFactService unsettled = new DayFactService(
                jdbcClient, orderStore, invoiceStore, stockStore, calendar, transactions, Duration.ofDays(36_500));
        try {
            for (int round = 0; round < 6; round++) {
                ledger.round(customers, round);
                (round % 2 == 0 ? facts : unsettled).catchUp();
                for (int period = 0; period < 8; period++) {
                    LocalDate from = LedgerChanges.FIRST.plusDays(random.nextInt(LedgerChanges.DAYS + 10) - 5);
                    LocalDate to = from.plusDays(random.nextInt(70));
                    assertSameLedgerFigures(
                            new Period(from, to, calendar.zone()), random, "seed " + seed + ", round " + round);
                }
            }
            facts.rebuild();
            assertSameLedgerFigures(
                    new Period(
                            LedgerChanges.FIRST.minusDays(30),
                            LedgerChanges.FIRST.plusDays(LedgerChanges.DAYS + 30),
                            calendar.zone()),
                    random,
                    "after a rebuild");
        } finally {
            ledger.remove();
            remove();
        }
    }

    private void assertSameLedgerFigures(Period p, Random random, String context) {
        String where = context + ", " + p.from() + " to " + p.to();
        assertThat(fromFacts.inventoryTurnover(p)).as(where).isEqualTo(fromRows.inventoryTurnover(p));
        int days = 1 + random.nextInt(40);
        assertThat(fromFacts.slowMovers(p, days, 10_000))
                .as(where + ", " + days + " days")
                .isEqualTo(fromRows.slowMovers(p, days, 10_000));
        assertThat(fromFacts.daysSalesOutstanding(p)).as(where).isEqualTo(fromRows.daysSalesOutstanding(p));
        Map<String, BigDecimal> listed = new TreeMap<>();
        for (OpenInvoiceQueries.Open open : openInvoices.asOf(p.to(), null)) {
            listed.merge(open.currency(), open.amount(), BigDecimal::add);
        }
        assertThat(openInvoices.totalsAsOf(p.to())).as(where + ", receivables").isEqualTo(listed);
    }

    private void assertSameFigures(Period p, String context) {
        String where = context + ", " + p.from() + " to " + p.to();
        assertDurations(fromFacts.orderProcessingTime(p), fromRows.orderProcessingTime(p), where);
        KeyFigureQueries.Deliveries facts = fromFacts.deliveries(p);
        KeyFigureQueries.Deliveries rows = fromRows.deliveries(p);
        assertDurations(facts.cycleTime(), rows.cycleTime(), where);
        assertThat(facts.onTime()).as(where).isEqualTo(rows.onTime());
        assertThat(fromFacts.backorderRate(p)).as(where).isEqualTo(fromRows.backorderRate(p));
        assertThat(fromFacts.averageOrderValue(p)).as(where).isEqualTo(fromRows.averageOrderValue(p));
        assertThat(fromRows.repeatPurchaseByCustomer(p)).as(where).isEqualTo(fromRows.repeatPurchaseByOrder(p));
        for (SalesReportQueries.GroupBy by : List.of(
                SalesReportQueries.GroupBy.DAY, SalesReportQueries.GroupBy.WEEK, SalesReportQueries.GroupBy.MONTH)) {
            assertThat(fromFacts.sales(p, by)).as(where + " by " + by).isEqualTo(salesFromRows.rows(p, by));
        }
    }

    /** Counts exact; each percentile within 1 % of the exact one, plus 0.01 h for rounding both. */
    private static void assertDurations(
            KeyFigureQueries.Durations facts, KeyFigureQueries.Durations rows, String where) {
        assertThat(facts.count()).as(where).isEqualTo(rows.count());
        assertWithinBound(facts.medianHours(), rows.medianHours(), where + ", median");
        assertWithinBound(facts.p90Hours(), rows.p90Hours(), where + ", p90");
    }

    private static void assertWithinBound(BigDecimal estimate, BigDecimal exact, String where) {
        if (exact == null) {
            assertThat(estimate).as(where).isNull();
            return;
        }
        BigDecimal bound = exact.abs().multiply(new BigDecimal("0.01")).add(new BigDecimal("0.01"));
        assertThat(estimate.subtract(exact).abs())
                .as(where + ": " + estimate + " for " + exact)
                .isLessThanOrEqualTo(bound);
    }

    /** An order placed within half an hour of a midnight, with 1 to 3 lines, some backordered at placement. */
    private Placed place(Random random, UUID customer, int n) {
        UUID id = UUID.randomUUID();
        Instant midnight = FIRST.plusDays(random.nextInt(DAYS))
                .atStartOfDay(ZoneId.of("UTC"))
                .toInstant();
        Instant placedAt = midnight.plusSeconds(random.nextInt(3600) - 1800);
        int lines = 1 + random.nextInt(3);
        jdbc.update(
                "INSERT INTO sales_order (id, number, customer_id, channel, currency, status, promised_date, shipping_method, "
                        + "subtotal, discount, shipping, tax, total, placed_at, placed_by, version, updated_at) "
                        + "VALUES (?, ?, ?, 'API', ?, 'CONFIRMED', ?, 'STANDARD', 0, 0, 0, 0, 0, ?, 'test', 0, ?)",
                id,
                "FCT-1999-" + n,
                customer,
                random.nextInt(4) == 0 ? "USD" : "EUR",
                random.nextBoolean() ? null : Date.valueOf(FIRST.plusDays(random.nextInt(DAYS + 4))),
                Timestamp.from(placedAt),
                Timestamp.from(placedAt));
        for (int line = 1; line <= lines; line++) {
            long quantity = 1 + random.nextInt(5);
            BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(99_900), 2);
            jdbc.update(
                    "INSERT INTO order_line (order_id, line_number, sku, product_name, quantity, unit_price, price_overridden, "
                            + "tax_category, tax_rate, line_net, tax, reserved_quantity, backordered_quantity, cancelled_quantity, "
                            + "shipped_quantity, backordered_at_placement, status, placed_at) "
                            + "VALUES (?, ?, 'FCT-SKU', 'Fact product', ?, ?, FALSE, 'STANDARD', 0, ?, 0, 0, 0, 0, ?, ?, 'SHIPPED', ?)",
                    id,
                    line,
                    quantity,
                    price,
                    price.multiply(BigDecimal.valueOf(quantity)),
                    quantity,
                    random.nextInt(4) == 0 ? 1 : 0,
                    Timestamp.from(placedAt));
        }
        totals(id);
        history(id, "PLACED");
        return new Placed(id, placedAt, lines);
    }

    /** One late change: a cancellation, a smaller line, a shipment or a delivery (a carrier scan up to days late). */
    private void change(Random random, Placed order) {
        switch (random.nextInt(4)) {
            case 0 -> {
                jdbc.update("UPDATE sales_order SET status = 'CANCELLED' WHERE id = ?", order.id());
                jdbc.update(
                        "UPDATE order_line SET cancelled_quantity = quantity, shipped_quantity = 0, status = 'CANCELLED' "
                                + "WHERE order_id = ?",
                        order.id());
            }
            case 1 -> {
                int line = 1 + random.nextInt(order.lines());
                jdbc.update(
                        "UPDATE order_line SET cancelled_quantity = 1, shipped_quantity = quantity - 1, "
                                + "line_net = unit_price * (quantity - 1) "
                                + "WHERE order_id = ? AND line_number = ? AND quantity > 1 AND cancelled_quantity = 0",
                        order.id(),
                        line);
                totals(order.id());
            }
            case 2 ->
                jdbc.update(
                        "UPDATE sales_order SET shipped_at = ? WHERE id = ? AND shipped_at IS NULL",
                        Timestamp.from(order.placedAt().plusSeconds(random.nextInt(3 * 86_400))),
                        order.id());
            default ->
                jdbc.update(
                        "UPDATE sales_order SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
                        Timestamp.from(order.placedAt().plusSeconds(3600 + random.nextInt(5 * 86_400))),
                        order.id());
        }
        history(order.id(), "CHANGED");
    }

    /** Keeps the totals as a real order's: the lines' nets, no tax or shipping. */
    private void totals(UUID order) {
        jdbc.update(
                "UPDATE sales_order SET subtotal = (SELECT SUM(line_net) FROM order_line WHERE order_id = ?), "
                        + "total = (SELECT SUM(line_net) FROM order_line WHERE order_id = ?) WHERE id = ?",
                order,
                order,
                order);
    }

    private void history(UUID order, String kind) {
        jdbc.update(
                "INSERT INTO order_history (order_id, at, actor, kind) VALUES (?, ?, 'test', ?)",
                order,
                Timestamp.from(Instant.now()),
                kind);
    }

    private void remove() {
        String mine = "SELECT id FROM sales_order WHERE number LIKE 'FCT-1999-%'";
        jdbc.update("DELETE FROM order_history WHERE order_id IN (" + mine + ")");
        jdbc.update("DELETE FROM order_line WHERE order_id IN (" + mine + ")");
        jdbc.update("DELETE FROM sales_order WHERE number LIKE 'FCT-1999-%'");
        jdbc.update("DELETE FROM customer WHERE name = 'Fact customer'");
        facts.rebuild();
    }

    private UUID customer() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO customer (id, number, name, currency, credit_limit, payment_terms_days, created_at, updated_at) "
                        + "VALUES (?, ?, 'Fact customer', 'EUR', 0, 30, ?, ?)",
                id,
                "CUS-F" + id.toString().substring(0, 8),
                now,
                now);
        return id;
    }
}
