package org.ordo.orders.internal;

import static org.ordo.platform.InvariantCheck.row;

import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Re-derives order line quantities (invariant 4) and the backorder queue (invariant 5). As an auditor it reads
 * the reservation and stock tables directly: it must not trust the modules it checks.
 */
@Component
class OrderChecks implements ConsistencyCheck {

    private final JdbcClient jdbc;

    OrderChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<InvariantCheck> check() {
        List<Map<String, Object>> quantities = jdbc.sql("""
                SELECT o.number, l.line_number, l.quantity, l.reserved_quantity, l.backordered_quantity, l.cancelled_quantity,
                       l.shipped_quantity, COALESCE(r.active, 0) AS active_reserved
                FROM order_line l
                JOIN sales_order o ON o.id = l.order_id
                LEFT JOIN (SELECT order_id, line_number, SUM(quantity) AS active FROM reservation WHERE status = 'ACTIVE'
                           GROUP BY order_id, line_number) r ON r.order_id = l.order_id AND r.line_number = l.line_number
                WHERE l.reserved_quantity + l.backordered_quantity + l.cancelled_quantity + l.shipped_quantity <> l.quantity
                   OR l.reserved_quantity <> COALESCE(r.active, 0)
                   OR l.shipped_quantity > l.quantity
                ORDER BY o.number, l.line_number""")
                .query((rs, n) -> row("order", rs.getString(1), "lineNumber", rs.getInt(2), "quantity", rs.getLong(3),
                        "reserved", rs.getLong(4), "backordered", rs.getLong(5), "cancelled", rs.getLong(6), "shipped", rs.getLong(7),
                        "activeReservations", rs.getLong(8)))
                .list();
        List<Map<String, Object>> idleStock = jdbc.sql("""
                SELECT b.sku, b.waiting, s.available
                FROM (SELECT sku, SUM(backordered_quantity) AS waiting FROM order_line WHERE backordered_quantity > 0 GROUP BY sku) b
                JOIN (SELECT sku, SUM(on_hand - reserved) AS available FROM stock_level
                      WHERE warehouse IN (SELECT code FROM warehouse WHERE active = TRUE) GROUP BY sku) s ON s.sku = b.sku
                WHERE s.available > 0
                ORDER BY b.sku""")
                .query((rs, n) -> row("sku", rs.getString(1), "backordered", rs.getLong(2), "available", rs.getLong(3)))
                .list();
        // the credit check's own record at placement: an order whose exposure exceeded the limit must have gone ON_HOLD
        List<Map<String, Object>> creditSlips = jdbc.sql("""
                SELECT o.number, o.credit_exposure, o.credit_limit, o.status FROM sales_order o
                WHERE o.credit_exposure > o.credit_limit
                  AND NOT EXISTS (SELECT 1 FROM order_history h WHERE h.order_id = o.id AND h.kind = 'STATUS'
                                  AND h.from_status = 'PLACED' AND h.to_status = 'ON_HOLD')
                ORDER BY o.number""")
                .query((rs, n) -> row("order", rs.getString(1), "exposure", rs.getBigDecimal(2), "creditLimit", rs.getBigDecimal(3),
                        "status", rs.getString(4)))
                .list();
        return List.of(
                InvariantCheck.of(11, "an order over the credit limit at placement was held, not confirmed", creditSlips),
                InvariantCheck.of(4, "line quantities add up: reserved + backordered + cancelled + shipped = ordered", quantities),
                InvariantCheck.of(5, "no backorder waits while its SKU is available (backorders are filled first)", idleStock));
    }
}
