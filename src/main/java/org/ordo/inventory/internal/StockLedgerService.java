package org.ordo.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordo.catalog.Catalog;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.StockAvailable;
import org.ordo.platform.LikePattern;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only stock ledger. Each movement changes on hand by its signed quantity in the same transaction,
 * so that on hand is always the sum of the ledger (invariant 1).
 */
@Component
class StockLedgerService {

    /** Movements a person records by hand; SHIPMENT and RETURN come from fulfilment and returns. */
    enum ManualType {
        RECEIPT,
        ADJUSTMENT,
        COUNT
    }

    record Movement(
            long id,
            String sku,
            String warehouse,
            String type,
            long quantity,
            Long counted,
            String reason,
            String reference,
            String actor,
            Instant createdAt) {}

    record Recorded(Movement movement, long onHand, long reserved) {}

    static final long MAX_QUANTITY = 1_000_000_000L;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final WarehouseService warehouses;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    StockLedgerService(
            JdbcClient jdbc,
            Catalog catalog,
            WarehouseService warehouses,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.warehouses = warehouses;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    Recorded record(String sku, String warehouse, String type, Long quantity, String reason) {
        return record(sku, warehouse, type, quantity, reason, null);
    }

    /** As {@link #record(String, String, String, Long, String)}, with what the movement refers to (a delivery note, a count sheet). */
    @Transactional
    Recorded record(String sku, String warehouse, String type, Long quantity, String reason, String reference) {
        ManualType manualType = checkMovement(sku, warehouse, type, quantity, reason, reference);
        if (catalog.find(sku).isEmpty()) {
            throw OrdoException.rule(
                    "unknown-sku",
                    "SKU " + sku + " is not in the catalog.",
                    List.of(new FieldViolation("sku", "unknown SKU")));
        }
        WarehouseService.Warehouse wh = warehouses
                .find(warehouse)
                .orElseThrow(() -> OrdoException.rule(
                        "unknown-warehouse",
                        "Warehouse " + warehouse + " does not exist.",
                        List.of(new FieldViolation("warehouse", "unknown warehouse"))));
        if (!wh.active()) {
            throw OrdoException.rule(
                    "inactive-warehouse",
                    "Warehouse " + warehouse + " is not active.",
                    List.of(new FieldViolation("warehouse", "inactive warehouse")));
        }
        ensureLevelExists(sku, warehouse);
        long[] level = jdbc.sql("SELECT on_hand, reserved FROM stock_level WHERE sku = ? AND warehouse = ? FOR UPDATE")
                .params(sku, warehouse)
                .query((rs, n) -> new long[] {rs.getLong("on_hand"), rs.getLong("reserved")})
                .single();
        long onHand = level[0];
        long reserved = level[1];
        long delta = manualType == ManualType.COUNT ? quantity - onHand : quantity;
        if (onHand + delta < reserved) {
            throw OrdoException.conflict(
                    "below-reserved",
                    "This would leave " + (onHand + delta) + " on hand of " + sku + " in " + warehouse
                            + ", less than the " + reserved
                            + " reserved for orders. Release or cancel reservations first.");
        }
        jdbc.sql("UPDATE stock_level SET on_hand = on_hand + ? WHERE sku = ? AND warehouse = ?")
                .params(delta, sku, warehouse)
                .update();
        Movement movement = append(
                sku,
                warehouse,
                manualType.name(),
                delta,
                manualType == ManualType.COUNT ? quantity : null,
                reason,
                reference == null || reference.isBlank() ? null : reference.trim(),
                onHand,
                reserved,
                onHand + delta,
                reserved);
        if (delta > 0) {
            events.publishEvent(new StockAvailable(Set.of(sku)));
        }
        return new Recorded(movement, onHand + delta, reserved);
    }

    /** A manual movement by itself, before anything is read or locked; its type, or every problem at once. */
    private static ManualType checkMovement(
            String sku, String warehouse, String type, Long quantity, String reason, String reference) {
        List<FieldViolation> problems = new ArrayList<>();
        ManualType manualType = manualType(problems, type);
        if (sku == null || sku.isBlank()) {
            problems.add(new FieldViolation("sku", "is required"));
        }
        if (warehouse == null || warehouse.isBlank()) {
            problems.add(new FieldViolation("warehouse", "is required"));
        }
        checkQuantity(problems, manualType, quantity);
        if (reason != null && reason.length() > 500) {
            problems.add(new FieldViolation("reason", "must be at most 500 characters"));
        }
        if (manualType == ManualType.ADJUSTMENT && (reason == null || reason.isBlank())) {
            problems.add(new FieldViolation("reason", "is required for an adjustment"));
        }
        if (reference != null && reference.length() > 100) {
            problems.add(new FieldViolation("reference", "must be at most 100 characters"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return manualType;
    }

    private static ManualType manualType(List<FieldViolation> problems, String type) {
        if (type == null) {
            problems.add(new FieldViolation("type", "is required: RECEIPT, ADJUSTMENT or COUNT"));
            return null;
        }
        try {
            return ManualType.valueOf(type);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldViolation("type", "must be RECEIPT, ADJUSTMENT or COUNT"));
            return null;
        }
    }

    /** A receipt adds, an adjustment changes by a signed amount, a count says what is on hand. */
    private static void checkQuantity(List<FieldViolation> problems, ManualType manualType, Long quantity) {
        if (quantity == null) {
            problems.add(new FieldViolation("quantity", "is required"));
        } else if (Math.abs(quantity) > MAX_QUANTITY) {
            problems.add(new FieldViolation("quantity", "must be at most " + MAX_QUANTITY + " in size"));
        } else if (manualType == ManualType.RECEIPT && quantity <= 0) {
            problems.add(new FieldViolation("quantity", "must be greater than 0 for a receipt"));
        } else if (manualType == ManualType.ADJUSTMENT && quantity == 0) {
            problems.add(new FieldViolation("quantity", "must not be 0 for an adjustment"));
        } else if (manualType == ManualType.COUNT && quantity < 0) {
            problems.add(
                    new FieldViolation("quantity", "must be 0 or greater for a count (the counted on-hand quantity)"));
        }
    }

    /**
     * Writes one ledger entry and its audit record. The caller has changed on hand by {@code delta} in this
     * transaction, under the stock level's row lock.
     */
    Movement append(
            String sku,
            String warehouse,
            String type,
            long delta,
            Long counted,
            String reason,
            String reference,
            long onHandBefore,
            long reservedBefore,
            long onHandAfter,
            long reservedAfter) {
        Instant now = Instant.now();
        String actor = Actor.current().username();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO stock_movement (sku, warehouse, type, quantity, counted, reason, reference, actor, created_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(sku, warehouse, type, delta, counted, reason, reference, actor, Timestamp.from(now))
                .update(key, "id");
        Movement movement = new Movement(
                key.getKey().longValue(), sku, warehouse, type, delta, counted, reason, reference, actor, now);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("onHand", onHandBefore);
        before.put("reserved", reservedBefore);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("onHand", onHandAfter);
        after.put("reserved", reservedAfter);
        after.put("movement", movement);
        audit.record("STOCK", sku + "@" + warehouse, type, before, after);
        return movement;
    }

    PageResult<Movement> movements(String sku, String warehouse, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (sku != null) {
            where.append(" AND sku = :sku");
            params.put("sku", sku);
        }
        if (warehouse != null) {
            where.append(" AND warehouse = :warehouse");
            params.put("warehouse", warehouse);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM stock_movement" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Movement> items = jdbc.sql(
                        "SELECT * FROM stock_movement" + where + " ORDER BY id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(StockLedgerService::map)
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Units of RECEIPT movements per reference that starts with {@code prefix}. */
    Map<String, Long> receivedByReference(String prefix) {
        Map<String, Long> received = new LinkedHashMap<>();
        jdbc.sql("SELECT reference, SUM(quantity) AS quantity FROM stock_movement WHERE type = 'RECEIPT' "
                        + "AND reference LIKE ? ESCAPE '\\' GROUP BY reference")
                .param(LikePattern.startingWith(prefix))
                .query(rs -> {
                    received.put(rs.getString("reference"), rs.getLong("quantity"));
                });
        return received;
    }

    /** Creates the level on the first movement; a concurrent creator wins quietly (no failed statement in the transaction). */
    void ensureLevelExists(String sku, String warehouse) {
        jdbc.sql(
                        "INSERT INTO stock_level (sku, warehouse, on_hand, reserved, safety_stock, reorder_point) VALUES (?, ?, 0, 0, 0, 0) "
                                + "ON CONFLICT DO NOTHING")
                .params(sku, warehouse)
                .update();
    }

    private static Movement map(ResultSet rs, int row) throws SQLException {
        Long counted = rs.getObject("counted") == null ? null : rs.getLong("counted");
        return new Movement(
                rs.getLong("id"),
                rs.getString("sku"),
                rs.getString("warehouse"),
                rs.getString("type"),
                rs.getLong("quantity"),
                counted,
                rs.getString("reason"),
                rs.getString("reference"),
                rs.getString("actor"),
                rs.getTimestamp("created_at").toInstant());
    }
}
