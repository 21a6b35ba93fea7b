package org.ordo.inventory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.ReservationRequest;
import org.ordo.inventory.ReservationView;
import org.ordo.inventory.StockAvailable;
import org.ordo.inventory.StockPosition;
import org.ordo.inventory.WarehouseView;
import org.ordo.platform.MultiRowInsert;
import org.ordo.shared.Address;
import org.ordo.shared.OrdoException;
import org.ordo.shared.RecordedTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stock levels and reservations (tables stock_level, reservation). */
@Component
class InventoryService implements Inventory {

    private static final String POSITIONS = "SELECT sku, warehouse, on_hand, reserved FROM stock_level "
            + "WHERE sku IN (:skus) AND warehouse IN (SELECT code FROM warehouse WHERE active = TRUE) ORDER BY warehouse, sku";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;
    private final StockLedgerService ledger;
    private final LowStockService lowStock;

    InventoryService(
            JdbcClient jdbc,
            JdbcTemplate template,
            ApplicationEventPublisher events,
            StockLedgerService ledger,
            LowStockService lowStock) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
        this.ledger = ledger;
        this.lowStock = lowStock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StockPosition> lockPositions(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        // FOR UPDATE locks rows in the ORDER BY order: the global lock order (warehouse, SKU).
        return jdbc.sql(POSITIONS + " FOR UPDATE")
                .param("skus", Set.copyOf(skus))
                .query(InventoryService::position)
                .list();
    }

    @Override
    public List<StockPosition> positions(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(POSITIONS)
                .param("skus", Set.copyOf(skus))
                .query(InventoryService::position)
                .list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(List<ReservationRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        Map<String, long[]> perLevel = new TreeMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (ReservationRequest r : requests) {
            String key = r.warehouse() + "\u0000" + r.sku();
            perLevel.computeIfAbsent(key, k -> new long[1])[0] += r.quantity();
            keys.put(key, new String[] {r.warehouse(), r.sku()});
        }
        addToReserved(perLevel, keys);
        lowStock.recheckAfterReserving(keys.values());
        Timestamp now = Timestamp.from(RecordedTime.now());
        MultiRowInsert.insert(
                template,
                "INSERT INTO reservation (id, order_id, line_number, sku, warehouse, quantity, status, created_at, updated_at)",
                9,
                requests,
                (ps, n, r) -> {
                    ps.setObject(n, UUID.randomUUID());
                    ps.setObject(n + 1, r.orderId());
                    ps.setInt(n + 2, r.lineNumber());
                    ps.setString(n + 3, r.sku());
                    ps.setString(n + 4, r.warehouse());
                    ps.setLong(n + 5, r.quantity());
                    ps.setString(n + 6, "ACTIVE");
                    ps.setTimestamp(n + 7, now);
                    ps.setTimestamp(n + 8, now);
                });
    }

    /**
     * Adds to the reserved quantity of every level in one statement. The caller holds the levels' locks (taken in the
     * global lock order by {@link #lockPositions}), so the order in which this statement visits them does not matter;
     * the condition on what is free is a safety net, and a level it refuses fails the whole reservation.
     */
    private void addToReserved(Map<String, long[]> perLevel, Map<String, String[]> keys) {
        List<Object[]> levels = new ArrayList<>();
        perLevel.forEach((key, qty) -> levels.add(new Object[] {keys.get(key)[0], keys.get(key)[1], qty[0]}));
        StringBuilder values = new StringBuilder("(CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT))");
        values.append(", (?, ?, ?)".repeat(levels.size() - 1));
        int updated = template.update(
                "UPDATE stock_level s SET reserved = s.reserved + v.qty FROM (VALUES " + values
                        + ") v(warehouse, sku, qty) WHERE s.warehouse = v.warehouse AND s.sku = v.sku "
                        + "AND s.on_hand - s.reserved >= v.qty",
                ps -> {
                    int n = 1;
                    for (Object[] level : levels) {
                        ps.setString(n++, (String) level[0]);
                        ps.setString(n++, (String) level[1]);
                        ps.setLong(n++, (Long) level[2]);
                    }
                });
        if (updated != levels.size()) {
            throw new IllegalStateException("stock of " + levels.size() + " levels no longer covers what is reserved ("
                    + updated + " did); positions must be locked before reserving");
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> release(UUID orderId, int lineNumber, long quantity) {
        Map<String, Long> released = new LinkedHashMap<>();
        if (quantity <= 0) {
            return released;
        }
        List<ReservationView> active = jdbc.sql(
                        "SELECT id, order_id, line_number, sku, warehouse, quantity FROM reservation "
                                + "WHERE order_id = ? AND line_number = ? AND status = 'ACTIVE' ORDER BY created_at DESC, warehouse FOR UPDATE")
                .params(orderId, lineNumber)
                .query(InventoryService::reservation)
                .list();
        long remaining = quantity;
        Timestamp now = Timestamp.from(RecordedTime.now());
        // release newest first, then update the stock levels in lock order
        Map<String, Long> perWarehouse = new TreeMap<>();
        String sku = null;
        for (ReservationView r : active) {
            if (remaining == 0) {
                break;
            }
            long take = Math.min(remaining, r.quantity());
            if (take == r.quantity()) {
                jdbc.sql("UPDATE reservation SET status = 'RELEASED', updated_at = ? WHERE id = ?")
                        .params(now, r.id())
                        .update();
            } else {
                jdbc.sql("UPDATE reservation SET quantity = quantity - ?, updated_at = ? WHERE id = ?")
                        .params(take, now, r.id())
                        .update();
            }
            perWarehouse.merge(r.warehouse(), take, Long::sum);
            remaining -= take;
            sku = r.sku();
        }
        for (Map.Entry<String, Long> e : perWarehouse.entrySet()) {
            jdbc.sql("UPDATE stock_level SET reserved = reserved - ? WHERE sku = ? AND warehouse = ?")
                    .params(e.getValue(), sku, e.getKey())
                    .update();
            released.put(e.getKey(), e.getValue());
            lowStock.recheck(sku, e.getKey());
        }
        if (sku != null) {
            events.publishEvent(new StockAvailable(Set.of(sku)));
        }
        return released;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void consume(UUID orderId, int lineNumber, String sku, String warehouse, long quantity, String reference) {
        consumeAll(orderId, List.of(new Consumption(lineNumber, sku, warehouse, quantity)), reference);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void consumeAll(UUID orderId, List<Consumption> consumptions, String reference) {
        if (consumptions.stream().anyMatch(c -> c.quantity() <= 0)) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (consumptions.isEmpty()) {
            return;
        }
        Map<String, List<ReservationView>> active = lockActiveReservations(orderId, consumptions);
        List<UUID> consumedWhole = new ArrayList<>();
        for (Consumption c : consumptions) {
            String key = c.lineNumber() + "@" + c.warehouse();
            List<ReservationView> here = active.getOrDefault(key, List.of());
            long reservedHere =
                    here.stream().mapToLong(ReservationView::quantity).sum();
            if (reservedHere < c.quantity()) {
                throw OrdoException.conflict(
                        "not-reserved",
                        "Line " + c.lineNumber() + " has " + reservedHere + " of " + c.sku() + " reserved in "
                                + c.warehouse() + "; " + c.quantity() + " cannot be shipped from there.");
            }
            active.put(key, markConsumed(here, c, orderId, consumedWhole));
        }
        if (!consumedWhole.isEmpty()) {
            jdbc.sql("UPDATE reservation SET status = 'CONSUMED', updated_at = :now WHERE id IN (:ids)")
                    .param("now", Timestamp.from(RecordedTime.now()))
                    .param("ids", consumedWhole)
                    .update();
        }
        takeShippedFromStock(consumptions, reference);
    }

    /** The order's active reservations of these lines, locked, per line and warehouse, oldest first. */
    private Map<String, List<ReservationView>> lockActiveReservations(UUID orderId, List<Consumption> consumptions) {
        Map<String, List<ReservationView>> active = new HashMap<>();
        jdbc.sql("SELECT id, order_id, line_number, sku, warehouse, quantity FROM reservation WHERE order_id = :order "
                        + "AND line_number IN (:lines) AND status = 'ACTIVE' ORDER BY line_number, warehouse, created_at "
                        + "FOR UPDATE")
                .param("order", orderId)
                .param(
                        "lines",
                        consumptions.stream().map(Consumption::lineNumber).collect(Collectors.toSet()))
                .query(InventoryService::reservation)
                .list()
                .forEach(r -> active.computeIfAbsent(r.lineNumber() + "@" + r.warehouse(), k -> new ArrayList<>())
                        .add(r));
        return active;
    }

    /**
     * Consumes the quantity from these reservations, oldest first: a reservation taken whole goes to {@code consumedWhole}
     * (marked in one statement), one taken in part is split at once. Returns what is left active.
     */
    private List<ReservationView> markConsumed(
            List<ReservationView> active, Consumption c, UUID orderId, List<UUID> consumedWhole) {
        Timestamp now = Timestamp.from(RecordedTime.now());
        List<ReservationView> left = new ArrayList<>();
        long remaining = c.quantity();
        for (ReservationView r : active) {
            long take = Math.min(remaining, r.quantity());
            if (take == 0) {
                left.add(r);
            } else if (take == r.quantity()) {
                consumedWhole.add(r.id());
            } else {
                // keep the consumed part as its own row, so the ACTIVE rows still sum to reserved (invariant 2)
                jdbc.sql("UPDATE reservation SET quantity = quantity - ?, updated_at = ? WHERE id = ?")
                        .params(take, now, r.id())
                        .update();
                jdbc.sql(
                                "INSERT INTO reservation (id, order_id, line_number, sku, warehouse, quantity, status, created_at, updated_at) "
                                        + "VALUES (?, ?, ?, ?, ?, ?, 'CONSUMED', ?, ?)")
                        .params(UUID.randomUUID(), orderId, c.lineNumber(), c.sku(), c.warehouse(), take, now, now)
                        .update();
                left.add(new ReservationView(
                        r.id(), r.orderId(), r.lineNumber(), r.sku(), r.warehouse(), r.quantity() - take));
            }
            remaining -= take;
        }
        return left;
    }

    /**
     * Shipped goods leave both on hand and reserved, and the ledger says so: the levels are locked (by warehouse, then
     * SKU) and lowered in one statement each, and each line gets its SHIPMENT movement.
     */
    private void takeShippedFromStock(List<Consumption> consumptions, String reference) {
        Map<String, long[]> levels = new HashMap<>();
        jdbc.sql("SELECT sku, warehouse, on_hand, reserved FROM stock_level WHERE warehouse IN (:warehouses) "
                        + "AND sku IN (:skus) ORDER BY warehouse, sku FOR UPDATE")
                .param(
                        "warehouses",
                        consumptions.stream().map(Consumption::warehouse).collect(Collectors.toSet()))
                .param("skus", consumptions.stream().map(Consumption::sku).collect(Collectors.toSet()))
                .query(InventoryService::position)
                .list()
                .forEach(p -> levels.put(p.warehouse() + "|" + p.sku(), new long[] {p.onHand(), p.reserved()}));
        Map<String, long[]> perLevel = new LinkedHashMap<>();
        Map<String, String[]> keys = new HashMap<>();
        for (Consumption c : consumptions) {
            String key = c.warehouse() + "|" + c.sku();
            if (!levels.containsKey(key)) {
                throw new IllegalStateException("no stock level of " + c.sku() + " in " + c.warehouse());
            }
            perLevel.computeIfAbsent(key, k -> new long[1])[0] += c.quantity();
            keys.put(key, new String[] {c.warehouse(), c.sku()});
        }
        lowerOnHandAndReserved(perLevel, keys);
        for (Consumption c : consumptions) {
            long[] level = levels.get(c.warehouse() + "|" + c.sku());
            ledger.append(
                    c.sku(),
                    c.warehouse(),
                    "SHIPMENT",
                    -c.quantity(),
                    null,
                    null,
                    reference,
                    level[0],
                    level[1],
                    level[0] - c.quantity(),
                    level[1] - c.quantity());
            level[0] -= c.quantity();
            level[1] -= c.quantity();
        }
    }

    /** One statement for all levels (warehouse|SKU → quantity); the levels are locked, so each row must change. */
    private void lowerOnHandAndReserved(Map<String, long[]> perLevel, Map<String, String[]> keys) {
        List<Object[]> rows = new ArrayList<>();
        perLevel.forEach((key, qty) -> rows.add(new Object[] {keys.get(key)[0], keys.get(key)[1], qty[0]}));
        StringBuilder values = new StringBuilder("(CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT))");
        values.append(", (?, ?, ?)".repeat(rows.size() - 1));
        int updated = template.update(
                "UPDATE stock_level s SET on_hand = s.on_hand - v.qty, reserved = s.reserved - v.qty FROM (VALUES "
                        + values + ") v(warehouse, sku, qty) WHERE s.warehouse = v.warehouse AND s.sku = v.sku",
                ps -> {
                    int i = 1;
                    for (Object[] row : rows) {
                        ps.setString(i++, (String) row[0]);
                        ps.setString(i++, (String) row[1]);
                        ps.setLong(i++, (Long) row[2]);
                    }
                });
        if (updated != rows.size()) {
            throw new IllegalStateException("lowered " + updated + " of " + rows.size() + " stock levels");
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void restock(String sku, String warehouse, long quantity, String reference) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        ledger.ensureLevelExists(sku, warehouse);
        long[] level = jdbc.sql("SELECT on_hand, reserved FROM stock_level WHERE sku = ? AND warehouse = ? FOR UPDATE")
                .params(sku, warehouse)
                .query((rs, n) -> new long[] {rs.getLong("on_hand"), rs.getLong("reserved")})
                .single();
        jdbc.sql("UPDATE stock_level SET on_hand = on_hand + ? WHERE sku = ? AND warehouse = ?")
                .params(quantity, sku, warehouse)
                .update();
        ledger.append(
                sku,
                warehouse,
                "RETURN",
                quantity,
                null,
                "returned goods restocked",
                reference,
                level[0],
                level[1],
                level[0] + quantity,
                level[1]);
        lowStock.recheck(sku, warehouse);
        events.publishEvent(new StockAvailable(Set.of(sku)));
    }

    @Override
    public Map<String, Long> shippedFrom(UUID orderId, int lineNumber) {
        Map<String, Long> shipped = new TreeMap<>();
        jdbc.sql("SELECT warehouse, SUM(quantity) AS shipped FROM reservation WHERE order_id = ? AND line_number = ? "
                        + "AND status = 'CONSUMED' "
                        + "GROUP BY warehouse")
                .params(orderId, lineNumber)
                .query(rs -> {
                    shipped.put(rs.getString("warehouse"), rs.getLong("shipped"));
                });
        return shipped;
    }

    @Override
    public List<CommittedToLine> committedPerLine(String sku, Instant since) {
        // a reservation is made at the line's placement or later, so its own date bounds the search
        return jdbc.sql("SELECT order_id, line_number, warehouse, SUM(quantity) AS committed FROM reservation "
                        + "WHERE sku = ? AND status <> 'RELEASED' AND created_at >= ? "
                        + "GROUP BY order_id, line_number, warehouse")
                .params(sku, Timestamp.from(since))
                .query((rs, n) -> new CommittedToLine(
                        rs.getObject("order_id", UUID.class),
                        rs.getInt("line_number"),
                        rs.getString("warehouse"),
                        rs.getLong("committed")))
                .list();
    }

    @Override
    public List<ReservationView> activeReservations(UUID orderId) {
        return jdbc.sql("SELECT id, order_id, line_number, sku, warehouse, quantity FROM reservation "
                        + "WHERE order_id = ? AND status = 'ACTIVE' ORDER BY line_number, warehouse")
                .param(orderId)
                .query(InventoryService::reservation)
                .list();
    }

    @Override
    public List<ReservedForLine> activeReservationsPerLine() {
        return jdbc.sql(
                        "SELECT order_id, line_number, SUM(quantity) AS reserved FROM reservation WHERE status = 'ACTIVE' "
                                + "GROUP BY order_id, line_number")
                .query((rs, n) -> new ReservedForLine(
                        rs.getObject("order_id", UUID.class), rs.getInt("line_number"), rs.getLong("reserved")))
                .list();
    }

    @Override
    public List<ReservedInWarehouse> activeReservationsPerOrder(String warehouse) {
        return jdbc.sql("SELECT order_id, warehouse, SUM(quantity) AS reserved FROM reservation WHERE status = 'ACTIVE'"
                        + (warehouse == null ? "" : " AND warehouse = :warehouse") + " GROUP BY order_id, warehouse")
                .params(warehouse == null ? Map.<String, Object>of() : Map.<String, Object>of("warehouse", warehouse))
                .query((rs, n) -> new ReservedInWarehouse(
                        rs.getObject("order_id", UUID.class), rs.getString("warehouse"), rs.getLong("reserved")))
                .list();
    }

    @Override
    public List<String> activeWarehouses() {
        return jdbc.sql("SELECT code FROM warehouse WHERE active = TRUE ORDER BY code")
                .query(String.class)
                .list();
    }

    @Override
    public Optional<WarehouseView> warehouse(String code) {
        return jdbc.sql(
                        "SELECT code, name, name_line, line1, line2, city, region, postal_code, country, active FROM warehouse WHERE code = ?")
                .param(code)
                .query((rs, n) -> new WarehouseView(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("line1") == null
                                ? null
                                : new Address(
                                        rs.getString("name_line") == null
                                                ? rs.getString("name")
                                                : rs.getString("name_line"),
                                        rs.getString("line1"),
                                        rs.getString("line2"),
                                        rs.getString("city"),
                                        rs.getString("region"),
                                        rs.getString("postal_code"),
                                        rs.getString("country") == null
                                                ? null
                                                : rs.getString("country").trim()),
                        rs.getBoolean("active")))
                .optional();
    }

    @Override
    public Map<String, String> binLocations(String warehouse, Collection<String> skus) {
        Map<String, String> bins = new HashMap<>();
        if (skus.isEmpty()) {
            return bins;
        }
        jdbc.sql(
                        "SELECT sku, bin_location FROM stock_level WHERE warehouse = :warehouse AND sku IN (:skus) AND bin_location IS NOT NULL")
                .param("warehouse", warehouse)
                .param("skus", Set.copyOf(skus))
                .query(rs -> {
                    bins.put(rs.getString("sku"), rs.getString("bin_location"));
                });
        return bins;
    }

    static StockPosition position(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StockPosition(
                rs.getString("sku"), rs.getString("warehouse"), rs.getLong("on_hand"), rs.getLong("reserved"));
    }

    static ReservationView reservation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ReservationView(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getInt("line_number"),
                rs.getString("sku"),
                rs.getString("warehouse"),
                rs.getLong("quantity"));
    }
}
