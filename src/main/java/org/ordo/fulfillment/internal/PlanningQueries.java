package org.ordo.fulfillment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentHandling;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.inventory.Inventory;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.Orders;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which orders wait for a shipment to be planned: active reservations per order × warehouse (from {@link Inventory}) minus
 * what the order's open shipments there already hold, for orders that planning accepts (from {@link Orders}). The queue is
 * the open work, so it is put together in memory from one read of each, in one snapshot (repeatable read). Planning itself
 * goes through {@link ShipmentPlanningService}, which checks the same under the order's lock.
 */
@Component
class PlanningQueries {

    /** The order states planning accepts ({@link org.ordo.orders.OrderFulfillment#beginFulfillment}). */
    static final List<OrderStatus> PLANNABLE =
            List.of(OrderStatus.CONFIRMED, OrderStatus.IN_FULFILLMENT, OrderStatus.PARTIALLY_SHIPPED);

    private static final Comparator<ShipmentHandling.Unplanned> OLDEST_FIRST = Comparator.comparing(
                    ShipmentHandling.Unplanned::placedAt)
            .thenComparing(ShipmentHandling.Unplanned::orderNumber)
            .thenComparing(ShipmentHandling.Unplanned::warehouse);

    private final JdbcClient jdbc;
    private final Inventory inventory;
    private final Orders orders;

    PlanningQueries(JdbcClient jdbc, Inventory inventory, Orders orders) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.orders = orders;
    }

    private record OrderInWarehouse(UUID orderId, String warehouse) {}

    /** Oldest orders first; {@code warehouse} null means every warehouse. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    PageResult<ShipmentHandling.Unplanned> awaitingPlan(String warehouse, Paging paging) {
        Map<OrderInWarehouse, Long> unplanned = new LinkedHashMap<>();
        inventory
                .activeReservationsPerOrder(warehouse)
                .forEach(r -> unplanned.put(new OrderInWarehouse(r.orderId(), r.warehouse()), r.quantity()));
        planned(warehouse)
                .forEach((key, planned) -> unplanned.computeIfPresent(key, (k, reserved) -> reserved - planned));
        unplanned.values().removeIf(quantity -> quantity <= 0);

        Map<UUID, Orders.Summary> plannable = new HashMap<>();
        orders
                .summaries(unplanned.keySet().stream()
                        .map(OrderInWarehouse::orderId)
                        .toList())
                .stream()
                .filter(o -> PLANNABLE.contains(o.status()))
                .forEach(o -> plannable.put(o.id(), o));
        List<ShipmentHandling.Unplanned> queue = new ArrayList<>();
        unplanned.forEach((key, quantity) -> {
            Orders.Summary order = plannable.get(key.orderId());
            if (order != null) {
                queue.add(new ShipmentHandling.Unplanned(
                        order.id(), order.number(), order.status(), order.placedAt(), key.warehouse(), quantity));
            }
        });
        queue.sort(OLDEST_FIRST);
        int from = (int) Math.min(paging.offset(), queue.size());
        int to = Math.min(from + paging.size(), queue.size());
        return new PageResult<>(List.copyOf(queue.subList(from, to)), paging.page(), paging.size(), queue.size());
    }

    /** What the open shipments hold, per order × warehouse. */
    private Map<OrderInWarehouse, Long> planned(String warehouse) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("open", ShipmentStatus.openStates().stream().map(Enum::name).toList());
        if (warehouse != null) {
            params.put("warehouse", warehouse);
        }
        Map<OrderInWarehouse, Long> planned = new HashMap<>();
        jdbc.sql(
                        "SELECT s.order_id, s.warehouse, SUM(l.quantity) AS planned FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id "
                                + "WHERE s.status IN (:open)"
                                + (warehouse == null ? "" : " AND s.warehouse = :warehouse")
                                + " GROUP BY s.order_id, s.warehouse")
                .params(params)
                .query(rs -> {
                    planned.put(
                            new OrderInWarehouse(rs.getObject("order_id", UUID.class), rs.getString("warehouse")),
                            rs.getLong("planned"));
                });
        return planned;
    }
}
