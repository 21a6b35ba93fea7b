package org.ordo.orders.internal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ordo.inventory.Inventory;
import org.ordo.orders.DemandHistory;
import org.ordo.orders.OrderStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link DemandHistory}: the lines come from this module's tables, where their units went from inventory's
 * reservations. The weeks are cut in Java, from the placement instant in UTC, so that both databases agree.
 */
@Component
class DemandHistoryQueries implements DemandHistory {

    private record Line(UUID orderId, int lineNumber, Instant placedAt, long demand, String backorderWarehouse) {}

    private final JdbcClient jdbc;
    private final Inventory inventory;

    DemandHistoryQueries(JdbcClient jdbc, Inventory inventory) {
        this.jdbc = jdbc;
        this.inventory = inventory;
    }

    @Override
    public List<WeeklyDemand> weeklyDemand(String sku, LocalDate from, LocalDate to) {
        Instant since = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Line> lines = jdbc.sql("""
                SELECT l.order_id, l.line_number, l.placed_at, l.quantity - l.cancelled_quantity AS demand,
                       l.backorder_warehouse
                FROM order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE l.sku = ? AND l.placed_at >= ? AND l.placed_at < ? AND l.quantity > l.cancelled_quantity
                  AND o.status <> ?""")
                .params(
                        sku,
                        Timestamp.from(since),
                        Timestamp.from(to.atStartOfDay(ZoneOffset.UTC).toInstant()),
                        OrderStatus.DRAFT.name())
                .query((rs, n) -> new Line(
                        rs.getObject("order_id", UUID.class),
                        rs.getInt("line_number"),
                        rs.getTimestamp("placed_at").toInstant(),
                        rs.getLong("demand"),
                        rs.getString("backorder_warehouse")))
                .list();
        Map<String, Map<String, Long>> committed = new HashMap<>();
        for (Inventory.CommittedToLine c : inventory.committedPerLine(sku, since)) {
            committed
                    .computeIfAbsent(c.orderId() + "/" + c.lineNumber(), k -> new TreeMap<>())
                    .put(c.warehouse(), c.quantity());
        }
        Map<LocalDate, Map<String, Long>> weeks = new TreeMap<>();
        for (Line line : lines) {
            LocalDate week =
                    line.placedAt().atZone(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY);
            Map<String, Long> perWarehouse = weeks.computeIfAbsent(week, k -> new HashMap<>());
            attribute(line, committed.getOrDefault(line.orderId() + "/" + line.lineNumber(), Map.of()), perWarehouse);
        }
        List<WeeklyDemand> out = new ArrayList<>();
        weeks.forEach((week, perWarehouse) -> perWarehouse.forEach((warehouse, quantity) ->
                out.add(new WeeklyDemand(warehouse.isEmpty() ? null : warehouse, week, quantity))));
        return out;
    }

    /**
     * A line's demand, unit for unit, in the warehouses that reserved or shipped it; the rest in its backorder
     * warehouse (null if it has none). Reserved units beyond the demand (none, by invariant 4) would be cut off.
     */
    private static void attribute(Line line, Map<String, Long> committed, Map<String, Long> perWarehouse) {
        long left = line.demand();
        for (Map.Entry<String, Long> c : committed.entrySet()) {
            long units = Math.min(left, c.getValue());
            if (units > 0) {
                perWarehouse.merge(c.getKey(), units, Long::sum);
                left -= units;
            }
        }
        if (left > 0) {
            perWarehouse.merge(line.backorderWarehouse() == null ? "" : line.backorderWarehouse(), left, Long::sum);
        }
    }

    @Override
    public List<String> skusWithDemandSince(LocalDate from) {
        return jdbc.sql("""
                SELECT DISTINCT l.sku FROM order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE l.placed_at >= ? AND l.quantity > l.cancelled_quantity AND o.status <> ? ORDER BY l.sku""")
                .params(Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()), OrderStatus.DRAFT.name())
                .query(String.class)
                .list();
    }
}
