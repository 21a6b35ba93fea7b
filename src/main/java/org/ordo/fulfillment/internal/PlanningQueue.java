package org.ordo.fulfillment.internal;

import org.ordo.fulfillment.ShipmentHandling;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which orders wait for a shipment to be planned: active reservations per order × warehouse minus what the order's open
 * shipments there already hold. A read-only query over the reservations (inventory) and the orders, like the key figures of
 * reporting: one statement, paged in the database, instead of loading every open order into memory. Planning itself goes
 * through {@link ShipmentPlanning}, which checks the same under the order's lock.
 */
@Component
class PlanningQueue {

    /** The order states planning accepts ({@link org.ordo.orders.OrderFulfillment#beginFulfillment}). */
    static final List<OrderStatus> PLANNABLE = List.of(OrderStatus.CONFIRMED, OrderStatus.IN_FULFILLMENT, OrderStatus.PARTIALLY_SHIPPED);

    private final JdbcClient jdbc;

    PlanningQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<ShipmentHandling.Unplanned> awaitingPlan(String warehouse, Paging paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("plannable", PLANNABLE.stream().map(Enum::name).toList());
        params.put("open", ShipmentStatus.openStates().stream().map(Enum::name).toList());
        String inWarehouse = "";
        if (warehouse != null) {
            inWarehouse = " AND warehouse = :warehouse";
            params.put("warehouse", warehouse);
        }
        String from = " FROM (SELECT order_id, warehouse, SUM(quantity) AS reserved FROM reservation WHERE status = 'ACTIVE'" + inWarehouse
                + " GROUP BY order_id, warehouse) r"
                + " JOIN sales_order o ON o.id = r.order_id"
                + " LEFT JOIN (SELECT s.order_id, s.warehouse, SUM(l.quantity) AS planned FROM shipment s"
                + " JOIN shipment_line l ON l.shipment_id = s.id WHERE s.status IN (:open) GROUP BY s.order_id, s.warehouse) p"
                + " ON p.order_id = r.order_id AND p.warehouse = r.warehouse"
                + " WHERE o.status IN (:plannable) AND r.reserved > COALESCE(p.planned, 0)";
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<ShipmentHandling.Unplanned> items = jdbc.sql("SELECT o.id, o.number, o.status, o.placed_at, r.warehouse, "
                        + "r.reserved - COALESCE(p.planned, 0)" + from + " ORDER BY o.placed_at, o.number, r.warehouse LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> new ShipmentHandling.Unplanned(rs.getObject(1, UUID.class), rs.getString(2), OrderStatus.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getLong(6)))
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }
}
