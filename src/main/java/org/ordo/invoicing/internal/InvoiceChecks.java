package org.ordo.invoicing.internal;

import static org.ordo.platform.InvariantCheck.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.orders.Orders;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives what invoicing stores: rounded lines and totals (invariant 6), the total formula (7), invoiced ≤ shipped or
 * ordered per order line (8), gapless increasing numbers per series (9). All queries read one snapshot (repeatable read).
 */
@Component
class InvoiceChecks implements ConsistencyCheck {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final Orders orders;

    InvoiceChecks(JdbcClient jdbc, Orders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<InvariantCheck> check() {
        return List.of(rounding(), formula(), invoicedQuantities(), numbering());
    }

    /**
     * Invariant 6: each line is rounded half-even from price × quantity and net × rate; header sums are sums of the lines
     * (the tax with the shipping charge's).
     */
    private InvariantCheck rounding() {
        List<Map<String, Object>> violations = new ArrayList<>();
        jdbc.sql("""
                SELECT COALESCE(i.number, CAST(i.id AS VARCHAR(36))) AS doc, i.currency, l.line_number, l.quantity, l.unit_price,
                       l.line_net, l.tax_rate, l.tax
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                ORDER BY i.created_at, l.line_number""").query(rs -> {
            if (violations.size() >= InvariantCheck.MAX_VIOLATIONS) {
                return;
            }
            Currency currency = Money.currency(rs.getString("currency").trim());
            Money net = new Money(rs.getBigDecimal("unit_price"), currency).times(rs.getLong("quantity"));
            Money tax = net.timesRate(rs.getBigDecimal("tax_rate"));
            BigDecimal storedNet = rs.getBigDecimal("line_net");
            BigDecimal storedTax = rs.getBigDecimal("tax");
            if (storedNet.compareTo(net.amount()) != 0 || storedTax.compareTo(tax.amount()) != 0) {
                violations.add(row(
                        "document",
                        rs.getString("doc"),
                        "lineNumber",
                        rs.getInt("line_number"),
                        "lineNet",
                        storedNet,
                        "expectedLineNet",
                        net.amount(),
                        "tax",
                        storedTax,
                        "expectedTax",
                        tax.amount()));
            }
        });
        violations.addAll(jdbc.sql("""
                SELECT COALESCE(i.number, CAST(i.id AS VARCHAR(36))) AS doc, i.subtotal, s.nets, i.tax,
                       s.taxes + i.shipping_tax AS taxes
                FROM invoice i
                JOIN (SELECT invoice_id, SUM(line_net) AS nets, SUM(tax) AS taxes FROM invoice_line GROUP BY invoice_id) s
                  ON s.invoice_id = i.id
                WHERE i.subtotal <> s.nets OR i.tax <> s.taxes + i.shipping_tax
                ORDER BY 1""")
                .query((rs, n) -> row(
                        "document",
                        rs.getString("doc"),
                        "subtotal",
                        rs.getBigDecimal("subtotal"),
                        "sumOfLineNets",
                        rs.getBigDecimal("nets"),
                        "tax",
                        rs.getBigDecimal("tax"),
                        "sumOfLineTaxesAndShippingTax",
                        rs.getBigDecimal("taxes")))
                .list());
        return InvariantCheck.of(
                6, "invoice lines are rounded half-even and totals are sums of the rounded lines", violations);
    }

    /** Invariant 7 for invoices and credit notes. */
    private InvariantCheck formula() {
        List<Map<String, Object>> violations = jdbc.sql("""
                SELECT COALESCE(number, CAST(id AS VARCHAR(36))) AS doc, subtotal, discount, shipping, tax, total FROM invoice
                WHERE total <> subtotal - discount + shipping + tax
                ORDER BY 1""")
                .query((rs, n) -> row(
                        "document",
                        rs.getString("doc"),
                        "subtotal",
                        rs.getBigDecimal("subtotal"),
                        "discount",
                        rs.getBigDecimal("discount"),
                        "shipping",
                        rs.getBigDecimal("shipping"),
                        "tax",
                        rs.getBigDecimal("tax"),
                        "total",
                        rs.getBigDecimal("total")))
                .list();
        return InvariantCheck.of(7, "invoice and credit note total = subtotal - discount + shipping + tax", violations);
    }

    private record LineKey(UUID orderId, int lineNumber) {}

    /** What an order line was invoiced for (less credited), with how it was invoiced. */
    private record Invoiced(LineKey key, String orderNumber, long quantity, boolean onOrder) {}

    /** An order line invoiced beyond what shipped or was ordered. */
    private record Excess(Invoiced invoiced, Orders.LineQuantities line) {}

    /**
     * Invariant 8: per order line, invoiced less credited ≤ shipped; for orders invoiced on order, ≤ ordered (less cancelled).
     * The shipped and ordered quantities are the orders' own ({@link Orders}), a batch of orders at a time.
     */
    private InvariantCheck invoicedQuantities() {
        List<Excess> excesses = new ArrayList<>();
        List<UUID> batch = invoicedOrdersAfter(null);
        while (!batch.isEmpty()) {
            Map<LineKey, Orders.LineQuantities> lines = new HashMap<>();
            orders.lineQuantities(batch).forEach(l -> lines.put(new LineKey(l.orderId(), l.lineNumber()), l));
            for (Invoiced invoiced : invoiced(batch)) {
                Orders.LineQuantities line = lines.get(invoiced.key());
                if (line != null
                        && invoiced.quantity()
                                > (invoiced.onOrder() ? line.quantity() - line.cancelled() : line.shipped())) {
                    excesses.add(new Excess(invoiced, line));
                }
            }
            batch = batch.size() < BATCH ? List.of() : invoicedOrdersAfter(batch.get(batch.size() - 1));
        }
        List<Map<String, Object>> violations = excesses.stream()
                .sorted(Comparator.comparing((Excess e) -> e.invoiced().orderNumber())
                        .thenComparingInt(e -> e.invoiced().key().lineNumber()))
                .map(e -> row(
                        "order",
                        e.invoiced().orderNumber(),
                        "lineNumber",
                        e.invoiced().key().lineNumber(),
                        "invoiced",
                        e.invoiced().quantity(),
                        "shipped",
                        e.line().shipped(),
                        "ordered",
                        e.line().quantity() - e.line().cancelled(),
                        "policy",
                        e.invoiced().onOrder() ? "ON_ORDER" : "ON_SHIPMENT"))
                .toList();
        return InvariantCheck.of(
                8, "invoiced quantity per order line <= shipped (on shipment) or ordered (on order)", violations);
    }

    /** The next {@link #BATCH} orders with documents, in id order, after {@code after} (from the first when null). */
    private List<UUID> invoicedOrdersAfter(UUID after) {
        return jdbc.sql("SELECT DISTINCT order_id FROM invoice WHERE order_id IS NOT NULL"
                        + (after == null ? "" : " AND order_id > :after") + " ORDER BY order_id LIMIT " + BATCH)
                .params(after == null ? Map.<String, Object>of() : Map.<String, Object>of("after", after))
                .query(UUID.class)
                .list();
    }

    /** Per order line of these orders: the quantity on documents that count, and whether it was invoiced on order. */
    private List<Invoiced> invoiced(List<UUID> orderIds) {
        return jdbc.sql("""
                SELECT i.order_id, i.order_number, l.order_line_number, SUM(l.quantity) AS quantity,
                       MAX(CASE WHEN i.source_key LIKE 'ORDER:%' THEN 1 ELSE 0 END) AS on_order
                FROM invoice_line l
                JOIN invoice i ON i.id = l.invoice_id
                WHERE i.order_id IN (:orders) AND i.status IN """ + InvoiceStore.COUNTS + """
                  AND l.order_line_number IS NOT NULL
                GROUP BY i.order_id, i.order_number, l.order_line_number""")
                .param("orders", orderIds)
                .query((rs, n) -> new Invoiced(
                        new LineKey(rs.getObject("order_id", UUID.class), rs.getInt("order_line_number")),
                        rs.getString("order_number"),
                        rs.getLong("quantity"),
                        rs.getInt("on_order") == 1))
                .list();
    }

    /**
     * Invariant 9: per series the numbers are exactly 1..n with n the series' counter (nothing skipped, nothing reused), and a
     * higher number never has an earlier issue date.
     */
    private InvariantCheck numbering() {
        List<Map<String, Object>> violations = new ArrayList<>(jdbc.sql("""
                SELECT s.series, s.last_number, COALESCE(d.issued, 0) AS issued,
                       COALESCE(d.distinct_numbers, 0) AS distinct_numbers, COALESCE(d.highest, 0) AS highest,
                       COALESCE(d.lowest, 0) AS lowest
                FROM document_series s
                LEFT JOIN (SELECT series, COUNT(*) AS issued, COUNT(DISTINCT sequence_number) AS distinct_numbers,
                                  MAX(sequence_number) AS highest, MIN(sequence_number) AS lowest
                           FROM invoice WHERE series IS NOT NULL GROUP BY series) d ON d.series = s.series
                WHERE COALESCE(d.issued, 0) <> s.last_number OR COALESCE(d.distinct_numbers, 0) <> s.last_number
                   OR COALESCE(d.highest, 0) <> s.last_number OR (s.last_number > 0 AND d.lowest <> 1)
                ORDER BY 1""")
                .query((rs, n) -> row(
                        "series",
                        rs.getString("series"),
                        "counter",
                        rs.getLong("last_number"),
                        "documents",
                        rs.getLong("issued"),
                        "distinctNumbers",
                        rs.getLong("distinct_numbers"),
                        "highest",
                        rs.getLong("highest"),
                        "lowest",
                        rs.getLong("lowest")))
                .list());
        violations.addAll(jdbc.sql("""
                SELECT series, number, issue_date, previous_date FROM (
                    SELECT series, number, issue_date,
                           LAG(issue_date) OVER (PARTITION BY series ORDER BY sequence_number) AS previous_date
                    FROM invoice WHERE series IS NOT NULL) d
                WHERE previous_date > issue_date
                ORDER BY 1, 2""")
                .query((rs, n) -> row(
                        "series",
                        rs.getString("series"),
                        "number",
                        rs.getString("number"),
                        "issueDate",
                        rs.getDate("issue_date").toString(),
                        "previousIssueDate",
                        rs.getDate("previous_date").toString()))
                .list());
        return InvariantCheck.of(9, "document numbers are gapless and increasing per series", violations);
    }
}
