package org.ordo.returns.internal;

import static org.ordo.platform.InvariantCheck.row;

import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.ordo.returns.ReturnStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Returned quantities add up (invariant 4): returned ≤ shipped on every order line, and the quantities received on returns
 * (RECEIVED or later) equal the lines' returned quantities. As an auditor it reads order_line directly.
 */
@Component
class ReturnChecks implements ConsistencyCheck {

    private final JdbcClient jdbc;

    ReturnChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<InvariantCheck> check() {
        // The second check covers orders with at least one return: returns booked on an order directly (through
        // OrderFulfillment, by tools or before this module existed) have no RMA to compare with.
        List<Map<String, Object>> beyondShipped = jdbc.sql("""
                SELECT o.number, l.line_number, l.shipped_quantity, l.returned_quantity
                FROM order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE l.returned_quantity > l.shipped_quantity OR l.returned_quantity < 0
                ORDER BY o.number, l.line_number""")
                .query((rs, n) -> row("order", rs.getString(1), "lineNumber", rs.getInt(2), "shipped", rs.getLong(3),
                        "returned", rs.getLong(4)))
                .list();
        List<Map<String, Object>> mismatches = jdbc.sql("""
                SELECT o.number, l.line_number, l.returned_quantity, COALESCE(r.received, 0) AS on_returns
                FROM order_line l
                JOIN sales_order o ON o.id = l.order_id
                LEFT JOIN (SELECT a.order_id, rl.line_number, SUM(rl.received_quantity) AS received
                           FROM return_line rl JOIN return_authorization a ON a.id = rl.return_id
                           WHERE a.status IN (:received)
                           GROUP BY a.order_id, rl.line_number) r ON r.order_id = l.order_id AND r.line_number = l.line_number
                WHERE l.order_id IN (SELECT order_id FROM return_authorization)
                  AND l.returned_quantity <> COALESCE(r.received, 0)
                ORDER BY o.number, l.line_number""")
                .param("received", ReturnStatus.receivedStates().stream().map(Enum::name).toList())
                .query((rs, n) -> row("order", rs.getString(1), "lineNumber", rs.getInt(2), "returned", rs.getLong(3),
                        "receivedOnReturns", rs.getLong(4)))
                .list();
        return List.of(InvariantCheck.of(4, "returned quantity of each order line <= its shipped quantity", beyondShipped),
                InvariantCheck.of(4, "returned quantity of each order line = quantity received on its returns", mismatches));
    }
}
