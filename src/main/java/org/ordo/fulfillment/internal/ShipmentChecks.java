package org.ordo.fulfillment.internal;

import static org.ordo.platform.InvariantCheck.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.orders.Orders;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipped quantities add up (invariant 4): for every line of an order that has shipments, the quantity on its shipments
 * that left the warehouse equals the line's shipped quantity, as {@link Orders} tells it. Orders are checked a batch at a
 * time, in one snapshot (repeatable read), so a shipment leaving meanwhile cannot look like a disagreement.
 */
@Component
class ShipmentChecks implements ConsistencyCheck {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final Orders orders;

    ShipmentChecks(JdbcClient jdbc, Orders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    private record LineKey(UUID orderId, int lineNumber) {}

    /** An order line whose shipped quantity is not what its shipments carried. */
    private record Mismatch(Orders.LineQuantities line, long onShipments) {}

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<InvariantCheck> check() {
        // Orders without any shipment are left out: they were shipped before this module existed, or by tools
        // that call the orders module directly; every order planned here is checked line by line.
        List<Mismatch> mismatches = new ArrayList<>();
        List<UUID> batch = ordersAfter(null);
        while (!batch.isEmpty()) {
            Map<LineKey, Long> shipped = shipped(batch);
            for (Orders.LineQuantities line : orders.lineQuantities(batch)) {
                long onShipments = shipped.getOrDefault(new LineKey(line.orderId(), line.lineNumber()), 0L);
                if (line.shipped() != onShipments) {
                    mismatches.add(new Mismatch(line, onShipments));
                }
            }
            batch = batch.size() < BATCH ? List.of() : ordersAfter(batch.get(batch.size() - 1));
        }
        List<Map<String, Object>> violations = mismatches.stream()
                .sorted(Comparator.comparing((Mismatch m) -> m.line().orderNumber())
                        .thenComparingInt(m -> m.line().lineNumber()))
                .map(m -> row(
                        "order",
                        m.line().orderNumber(),
                        "lineNumber",
                        m.line().lineNumber(),
                        "shipped",
                        m.line().shipped(),
                        "onShipments",
                        m.onShipments()))
                .toList();
        return List.of(InvariantCheck.of(
                4,
                "shipped quantity of each order line = quantity on its shipments that left the warehouse",
                violations));
    }

    /** The next {@link #BATCH} orders with shipments, in id order, after {@code after} (from the first when null). */
    private List<UUID> ordersAfter(UUID after) {
        return jdbc.sql("SELECT DISTINCT order_id FROM shipment" + (after == null ? "" : " WHERE order_id > :after")
                        + " ORDER BY order_id LIMIT " + BATCH)
                .params(after == null ? Map.<String, Object>of() : Map.<String, Object>of("after", after))
                .query(UUID.class)
                .list();
    }

    /** Units per order line on the shipments of these orders that left the warehouse. */
    private Map<LineKey, Long> shipped(List<UUID> orderIds) {
        Map<LineKey, Long> shipped = new HashMap<>();
        jdbc.sql(
                        "SELECT sh.order_id, sl.line_number, SUM(sl.quantity) AS shipped FROM shipment_line sl JOIN shipment sh ON sh.id = sl.shipment_id "
                                + "WHERE sh.order_id IN (:orders) AND sh.status IN (:shipped) GROUP BY sh.order_id, sl.line_number")
                .param("orders", orderIds)
                .param(
                        "shipped",
                        ShipmentStatus.shippedStates().stream().map(Enum::name).toList())
                .query(rs -> {
                    shipped.put(
                            new LineKey(rs.getObject("order_id", UUID.class), rs.getInt("line_number")),
                            rs.getLong("shipped"));
                });
        return shipped;
    }
}
