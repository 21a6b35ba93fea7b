package org.ordo.purchasing.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.ordo.inventory.IncomingSupply;
import org.ordo.platform.Sql;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is on its way in, for inventory and orders: the open quantities of the lines of purchase orders that were sent
 * and are neither complete, closed nor cancelled, at their expected dates.
 */
@Component
class IncomingSupplyQueries implements IncomingSupply {

    private static final String OPEN = Sql.list(PurchaseOrderStatus.openStates());

    private final JdbcClient jdbc;

    IncomingSupplyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Arrival> arrivals(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT l.sku, p.warehouse, l.expected_date, l.quantity - l.received_quantity AS open_quantity, "
                                + "l.confirmed_date, p.number, l.line_number FROM purchase_order_line l "
                                + "JOIN purchase_order p ON p.id = l.purchase_order_id WHERE p.status IN " + OPEN
                                + " AND l.quantity > l.received_quantity AND l.sku IN (:skus) "
                                + "ORDER BY l.expected_date, p.number, l.line_number")
                .param("skus", skus)
                .query((rs, n) -> new Arrival(
                        rs.getString("sku"),
                        rs.getString("warehouse"),
                        rs.getDate("expected_date").toLocalDate(),
                        rs.getLong("open_quantity"),
                        rs.getDate("confirmed_date") != null,
                        rs.getString("number") + "/" + rs.getInt("line_number")))
                .list();
    }

    @Override
    public OptionalInt bestLeadTimeDays(String sku) {
        List<Integer> found = jdbc.sql(
                        "SELECT MIN(o.lead_time_days) FROM supplier_item o JOIN supplier s ON s.id = o.supplier_id "
                                + "WHERE s.active = TRUE AND o.sku = ?")
                .param(sku)
                .query(Integer.class)
                .list();
        Integer days = found.isEmpty() ? null : found.get(0);
        return days == null ? OptionalInt.empty() : OptionalInt.of(days);
    }

    /** Open units per {@code sku@warehouse} of purchase orders in these states, for replenishment. */
    Map<String, Long> openQuantities(List<PurchaseOrderStatus> states) {
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("SELECT l.sku, p.warehouse, SUM(l.quantity - l.received_quantity) AS open_quantity "
                        + "FROM purchase_order_line l JOIN purchase_order p ON p.id = l.purchase_order_id "
                        + "WHERE p.status IN " + Sql.list(states) + " AND l.quantity > l.received_quantity "
                        + "GROUP BY l.sku, p.warehouse")
                .query(rs -> {
                    open.put(rs.getString("sku") + "@" + rs.getString("warehouse"), rs.getLong("open_quantity"));
                });
        return open;
    }
}
