package org.ordo.returns.internal;

import static org.ordo.platform.InvariantCheck.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.orders.Orders;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.ordo.returns.ReturnStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returned quantities add up (invariant 4): the quantities received on returns (RECEIVED or later) equal the returned
 * quantities of the order lines, as {@link Orders} tells them. Orders are checked a batch at a time, in one snapshot
 * (repeatable read), so a return received meanwhile cannot look like a disagreement.
 */
@Component
class ReturnChecks implements ConsistencyCheck {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final Orders orders;

    ReturnChecks(JdbcClient jdbc, Orders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    private record LineKey(UUID orderId, int lineNumber) {}

    /** An order line whose returned quantity is not what its returns received. */
    private record Mismatch(Orders.LineQuantities line, long received) {}

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<InvariantCheck> check() {
        // Only orders with at least one return: returns booked on an order directly (through OrderFulfillment, by
        // tools or before this module existed) have no RMA to compare with.
        List<Mismatch> mismatches = new ArrayList<>();
        List<UUID> batch = ordersAfter(null);
        while (!batch.isEmpty()) {
            Map<LineKey, Long> received = received(batch);
            for (Orders.LineQuantities line : orders.lineQuantities(batch)) {
                long onReturns = received.getOrDefault(new LineKey(line.orderId(), line.lineNumber()), 0L);
                if (line.returned() != onReturns) {
                    mismatches.add(new Mismatch(line, onReturns));
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
                        "returned",
                        m.line().returned(),
                        "receivedOnReturns",
                        m.received()))
                .toList();
        return List.of(InvariantCheck.of(
                4, "returned quantity of each order line = quantity received on its returns", violations));
    }

    /** The next {@link #BATCH} orders with returns, in id order, after {@code after} (from the first when null). */
    private List<UUID> ordersAfter(UUID after) {
        return jdbc.sql("SELECT DISTINCT order_id FROM return_authorization"
                        + (after == null ? "" : " WHERE order_id > :after") + " ORDER BY order_id LIMIT " + BATCH)
                .params(after == null ? Map.<String, Object>of() : Map.<String, Object>of("after", after))
                .query(UUID.class)
                .list();
    }

    /** Units received per order line on the returns of these orders. */
    private Map<LineKey, Long> received(List<UUID> orderIds) {
        Map<LineKey, Long> received = new HashMap<>();
        jdbc.sql(
                        "SELECT a.order_id, rl.line_number, SUM(rl.received_quantity) AS received FROM return_line rl "
                                + "JOIN return_authorization a ON a.id = rl.return_id "
                                + "WHERE a.order_id IN (:orders) AND a.status IN (:received) GROUP BY a.order_id, rl.line_number")
                .param("orders", orderIds)
                .param(
                        "received",
                        ReturnStatus.receivedStates().stream().map(Enum::name).toList())
                .query(rs -> {
                    received.put(
                            new LineKey(rs.getObject("order_id", UUID.class), rs.getInt("line_number")),
                            rs.getLong("received"));
                });
        return received;
    }
}
