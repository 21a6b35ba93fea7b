package org.ordo.fulfillment.internal;

import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shipped quantities add up (invariant 4): for every line of an order that has shipments, the quantity on its
 * shipments that left the warehouse equals the line's shipped quantity. As an auditor it reads order_line
 * directly rather than trusting the orders module.
 */
@Component
class ShipmentChecks implements ConsistencyCheck {

    private final JdbcClient jdbc;

    ShipmentChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<InvariantCheck> check() {
        // Orders without any shipment are left out: they were shipped before this module existed, or by tools
        // that call the orders module directly; every order planned here is checked line by line.
        List<Map<String, Object>> mismatches = jdbc.sql("""
                SELECT o.number, l.line_number, l.shipped_quantity, COALESCE(s.shipped, 0) AS on_shipments
                FROM order_line l
                JOIN sales_order o ON o.id = l.order_id
                LEFT JOIN (SELECT sh.order_id, sl.line_number, SUM(sl.quantity) AS shipped
                           FROM shipment_line sl JOIN shipment sh ON sh.id = sl.shipment_id
                           WHERE sh.status IN (:shipped)
                           GROUP BY sh.order_id, sl.line_number) s ON s.order_id = l.order_id AND s.line_number = l.line_number
                WHERE l.order_id IN (SELECT DISTINCT order_id FROM shipment)
                  AND l.shipped_quantity <> COALESCE(s.shipped, 0)
                ORDER BY o.number, l.line_number""")
                .param("shipped", ShipmentStatus.shippedStates().stream().map(Enum::name).toList())
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("order", rs.getString(1));
                    row.put("lineNumber", rs.getInt(2));
                    row.put("shipped", rs.getLong(3));
                    row.put("onShipments", rs.getLong(4));
                    return row;
                })
                .list();
        return List.of(InvariantCheck.of(4, "shipped quantity of each order line = quantity on its shipments that left the warehouse",
                mismatches));
    }
}
