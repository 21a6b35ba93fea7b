package org.ordo.orders.internal;

import static org.ordo.platform.InvariantCheck.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.StockPosition;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives order line quantities (invariant 4), the backorder queue (invariant 5), the credit check's record (11) and
 * the order's promised date from its lines' (19), its totals from its lines and shipping charge (7). The
 * reservations and the stock are inventory's own figures, asked of {@link Inventory}. All queries read one snapshot
 * (repeatable read), so a change committed in between cannot look like a disagreement.
 */
@Component
class OrderChecks implements ConsistencyCheck {

    private static final String LINE = "SELECT o.number, l.order_id, l.line_number, l.quantity, l.reserved_quantity, "
            + "l.backordered_quantity, l.cancelled_quantity, l.shipped_quantity FROM order_line l JOIN sales_order o ON o.id = l.order_id";

    private final JdbcClient jdbc;
    private final Inventory inventory;

    OrderChecks(JdbcClient jdbc, Inventory inventory) {
        this.jdbc = jdbc;
        this.inventory = inventory;
    }

    private record LineKey(UUID orderId, int lineNumber) {}

    private record Line(
            String number, LineKey key, long quantity, long reserved, long backordered, long cancelled, long shipped) {}

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<InvariantCheck> check() {
        return List.of(
                InvariantCheck.of(
                        11, "an order over the credit limit at placement was held, not confirmed", creditSlips()),
                InvariantCheck.of(
                        4,
                        "line quantities add up: reserved + backordered + cancelled + shipped = ordered",
                        quantities()),
                InvariantCheck.of(
                        4, "returned quantity of each order line <= its shipped quantity", returnedBeyondShipped()),
                InvariantCheck.of(
                        5, "no backorder waits while its SKU is available (backorders are filled first)", idleStock()),
                InvariantCheck.of(
                        7,
                        "order subtotal = Σ line nets, tax = Σ line taxes + the shipping charge's tax, "
                                + "total = subtotal - discount + shipping + tax",
                        totalsApart()),
                InvariantCheck.of(
                        19,
                        "an order's promised date is the latest promise of its lines still wanted",
                        promisesApart()));
    }

    /** Orders whose header sums are not their lines' (with the shipping charge and its tax) or break the formula. */
    private List<Map<String, Object>> totalsApart() {
        return jdbc.sql("""
                SELECT o.number, o.subtotal, s.nets, o.tax, s.taxes + o.shipping_tax AS expected_tax, o.shipping, o.total
                FROM sales_order o
                JOIN (SELECT order_id, SUM(line_net) AS nets, SUM(tax) AS taxes FROM order_line GROUP BY order_id) s
                  ON s.order_id = o.id
                WHERE o.subtotal <> s.nets OR o.tax <> s.taxes + o.shipping_tax
                   OR o.total <> o.subtotal - o.discount + o.shipping + o.tax
                ORDER BY o.number""")
                .query((rs, n) -> row(
                        "order",
                        rs.getString("number"),
                        "subtotal",
                        rs.getBigDecimal("subtotal"),
                        "sumOfLineNets",
                        rs.getBigDecimal("nets"),
                        "tax",
                        rs.getBigDecimal("tax"),
                        "sumOfLineTaxesAndShippingTax",
                        rs.getBigDecimal("expected_tax"),
                        "shipping",
                        rs.getBigDecimal("shipping"),
                        "total",
                        rs.getBigDecimal("total")))
                .list();
    }

    /** Lines whose quantities do not add up, that shipped more than ordered, or whose reserved quantity is not what inventory holds. */
    private List<Map<String, Object>> quantities() {
        Map<LineKey, Long> active = new HashMap<>();
        inventory
                .activeReservationsPerLine()
                .forEach(r -> active.put(new LineKey(r.orderId(), r.lineNumber()), r.quantity()));
        Map<LineKey, Long> unmatched = new HashMap<>(active);
        Set<LineKey> disagreeing = new HashSet<>();
        jdbc.sql("SELECT order_id, line_number, reserved_quantity FROM order_line WHERE reserved_quantity <> 0")
                .query(rs -> {
                    LineKey key = new LineKey(rs.getObject("order_id", UUID.class), rs.getInt("line_number"));
                    Long held = unmatched.remove(key);
                    if (held == null || held != rs.getLong("reserved_quantity")) {
                        disagreeing.add(key);
                    }
                });
        // inventory holds stock for lines that say nothing is reserved
        disagreeing.addAll(unmatched.keySet());

        Map<LineKey, Line> violations = new HashMap<>();
        jdbc.sql(LINE
                        + " WHERE l.reserved_quantity + l.backordered_quantity + l.cancelled_quantity + l.shipped_quantity <> l.quantity"
                        + " OR l.shipped_quantity > l.quantity")
                .query(OrderChecks::line)
                .list()
                .forEach(l -> violations.put(l.key(), l));
        List<UUID> orders =
                disagreeing.stream().map(LineKey::orderId).distinct().toList();
        for (List<UUID> batch : OrderStore.batches(orders)) {
            jdbc.sql(LINE + " WHERE l.order_id IN (:ids)").param("ids", batch).query(OrderChecks::line).list().stream()
                    .filter(l -> disagreeing.contains(l.key()))
                    .forEach(l -> violations.put(l.key(), l));
        }
        return violations.values().stream()
                .sorted(Comparator.comparing(Line::number)
                        .thenComparingInt(l -> l.key().lineNumber()))
                .map(l -> row(
                        "order",
                        l.number(),
                        "lineNumber",
                        l.key().lineNumber(),
                        "quantity",
                        l.quantity(),
                        "reserved",
                        l.reserved(),
                        "backordered",
                        l.backordered(),
                        "cancelled",
                        l.cancelled(),
                        "shipped",
                        l.shipped(),
                        "activeReservations",
                        active.getOrDefault(l.key(), 0L)))
                .toList();
    }

    private List<Map<String, Object>> returnedBeyondShipped() {
        return jdbc.sql("""
                SELECT o.number, l.line_number, l.shipped_quantity, l.returned_quantity
                FROM order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE l.returned_quantity > l.shipped_quantity OR l.returned_quantity < 0
                ORDER BY o.number, l.line_number""")
                .query((rs, n) -> row(
                        "order",
                        rs.getString("number"),
                        "lineNumber",
                        rs.getInt("line_number"),
                        "shipped",
                        rs.getLong("shipped_quantity"),
                        "returned",
                        rs.getLong("returned_quantity")))
                .list();
    }

    /** SKUs with open backorders while their active warehouses have stock available, by SKU. */
    private List<Map<String, Object>> idleStock() {
        Map<String, Long> waiting = new TreeMap<>();
        jdbc.sql(
                        "SELECT sku, SUM(backordered_quantity) AS backordered FROM order_line WHERE backordered_quantity > 0 GROUP BY sku")
                .query(rs -> {
                    waiting.put(rs.getString("sku"), rs.getLong("backordered"));
                });
        Map<String, Long> available = new HashMap<>();
        if (!waiting.isEmpty()) {
            for (StockPosition p : inventory.positions(waiting.keySet())) {
                available.merge(p.sku(), p.available(), Long::sum);
            }
        }
        List<Map<String, Object>> idle = new ArrayList<>();
        waiting.forEach((sku, backordered) -> {
            Long free = available.get(sku);
            if (free != null && free > 0) {
                idle.add(row("sku", sku, "backordered", backordered, "available", free));
            }
        });
        return idle;
    }

    /**
     * Orders whose promised date is not the latest of their lines still wanted, as {@code PromiseService.latest} sets it:
     * a line without a promise of its own (placed before lines had one) counts with the order's date.
     */
    private List<Map<String, Object>> promisesApart() {
        return jdbc.sql("""
                SELECT o.number, o.promised_date, MAX(COALESCE(l.promised_date, o.promised_date)) AS latest
                FROM sales_order o JOIN order_line l ON l.order_id = o.id
                WHERE l.cancelled_quantity < l.quantity
                GROUP BY o.id, o.number, o.promised_date
                HAVING MAX(COALESCE(l.promised_date, o.promised_date)) IS NOT NULL
                   AND (o.promised_date IS NULL OR o.promised_date <> MAX(COALESCE(l.promised_date, o.promised_date)))
                ORDER BY o.number""")
                .query((rs, n) -> row(
                        "order",
                        rs.getString("number"),
                        "promisedDate",
                        String.valueOf(rs.getDate("promised_date")),
                        "latestLinePromise",
                        String.valueOf(rs.getDate("latest"))))
                .list();
    }

    /** The credit check's own record at placement: an order whose exposure exceeded the limit must have gone ON_HOLD. */
    private List<Map<String, Object>> creditSlips() {
        return jdbc.sql("""
                SELECT o.number, o.credit_exposure, o.credit_limit, o.status FROM sales_order o
                WHERE o.credit_exposure > o.credit_limit
                  AND NOT EXISTS (SELECT 1 FROM order_history h WHERE h.order_id = o.id AND h.kind = 'STATUS'
                                  AND h.from_status = :placed AND h.to_status = :held)
                ORDER BY o.number""")
                .param("placed", OrderStatus.PLACED.name())
                .param("held", OrderStatus.ON_HOLD.name())
                .query((rs, n) -> row(
                        "order",
                        rs.getString("number"),
                        "exposure",
                        rs.getBigDecimal("credit_exposure"),
                        "creditLimit",
                        rs.getBigDecimal("credit_limit"),
                        "status",
                        rs.getString("status")))
                .list();
    }

    private static Line line(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Line(
                rs.getString("number"),
                new LineKey(rs.getObject("order_id", UUID.class), rs.getInt("line_number")),
                rs.getLong("quantity"),
                rs.getLong("reserved_quantity"),
                rs.getLong("backordered_quantity"),
                rs.getLong("cancelled_quantity"),
                rs.getLong("shipped_quantity"));
    }
}
