package org.ordo.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordo.catalog.Catalog;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.InventoryRule;
import org.ordo.inventory.StockAvailable;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.LikePattern;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.ordo.shared.RecordedTime;
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

    private static final String MANUAL_TYPES = "RECEIPT, ADJUSTMENT, COUNT";

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final WarehouseService warehouses;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final LowStockService lowStock;

    StockLedgerService(
            JdbcClient jdbc,
            Catalog catalog,
            WarehouseService warehouses,
            AuditTrail audit,
            ApplicationEventPublisher events,
            LowStockService lowStock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.warehouses = warehouses;
        this.audit = audit;
        this.events = events;
        this.lowStock = lowStock;
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
                    List.of(InventoryRule.UNKNOWN_SKU.at("sku")));
        }
        WarehouseService.Warehouse wh = warehouses
                .find(warehouse)
                .orElseThrow(() -> OrdoException.rule(
                        "unknown-warehouse",
                        "Warehouse " + warehouse + " does not exist.",
                        List.of(InventoryRule.UNKNOWN_WAREHOUSE.at("warehouse"))));
        if (!wh.active()) {
            throw OrdoException.rule(
                    "inactive-warehouse",
                    "Warehouse " + warehouse + " is not active.",
                    List.of(InventoryRule.INACTIVE_WAREHOUSE.at("warehouse")));
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
        lowStock.recheck(sku, warehouse);
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
            problems.add(CommonRule.REQUIRED.at("sku"));
        }
        if (warehouse == null || warehouse.isBlank()) {
            problems.add(CommonRule.REQUIRED.at("warehouse"));
        }
        checkQuantity(problems, manualType, quantity);
        if (reason != null && reason.length() > 500) {
            problems.add(CommonRule.TOO_LONG.at("reason", 500));
        }
        if (manualType == ManualType.ADJUSTMENT && (reason == null || reason.isBlank())) {
            problems.add(InventoryRule.ADJUSTMENT_REASON_REQUIRED.at("reason"));
        }
        if (reference != null && reference.length() > 100) {
            problems.add(CommonRule.TOO_LONG.at("reference", 100));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return manualType;
    }

    private static ManualType manualType(List<FieldViolation> problems, String type) {
        if (type == null) {
            problems.add(CommonRule.ONE_OF.at("type", MANUAL_TYPES));
            return null;
        }
        try {
            return ManualType.valueOf(type);
        } catch (IllegalArgumentException e) {
            problems.add(CommonRule.ONE_OF.at("type", MANUAL_TYPES));
            return null;
        }
    }

    /** A receipt adds, an adjustment changes by a signed amount, a count says what is on hand. */
    private static void checkQuantity(List<FieldViolation> problems, ManualType manualType, Long quantity) {
        if (quantity == null) {
            problems.add(CommonRule.REQUIRED.at("quantity"));
        } else if (Math.abs(quantity) > MAX_QUANTITY) {
            problems.add(InventoryRule.QUANTITY_TOO_LARGE.at("quantity", MAX_QUANTITY));
        } else if (manualType == ManualType.RECEIPT && quantity <= 0) {
            problems.add(InventoryRule.RECEIPT_NOT_POSITIVE.at("quantity"));
        } else if (manualType == ManualType.ADJUSTMENT && quantity == 0) {
            problems.add(InventoryRule.ADJUSTMENT_ZERO.at("quantity"));
        } else if (manualType == ManualType.COUNT && quantity < 0) {
            problems.add(InventoryRule.COUNT_NEGATIVE.at("quantity"));
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
        Instant now = RecordedTime.now();
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

    /** Every type of movement: the manual ones and those fulfilment and returns write. */
    static final List<String> TYPES = List.of("RECEIPT", "ADJUSTMENT", "COUNT", "SHIPMENT", "RETURN");

    /** Which movements to list; nulls match any. {@code from} (included) and {@code until} (excluded) bound the time. */
    record Filter(String sku, String warehouse, String type, Instant from, Instant until) {

        /**
         * The filter as typed (dates such as 2026-11-21, whole days of the company, {@code to} included).
         *
         * @throws OrdoException invalid (400) naming each malformed parameter by its rule
         */
        static Filter parse(
                String sku, String warehouse, String type, String from, String to, CompanyCalendar calendar) {
            List<FieldViolation> problems = new ArrayList<>();
            String chosenType = blankToNull(type);
            if (chosenType != null && !TYPES.contains(chosenType)) {
                problems.add(CommonRule.ONE_OF.at("type", String.join(", ", TYPES)));
            }
            LocalDate start = day(problems, "from", from);
            LocalDate end = day(problems, "to", to);
            if (start != null && end != null && end.isBefore(start)) {
                problems.add(InventoryRule.ENDS_BEFORE_START.at("to"));
            }
            if (!problems.isEmpty()) {
                throw OrdoException.invalid(problems);
            }
            return new Filter(
                    blankToNull(sku),
                    blankToNull(warehouse),
                    chosenType,
                    start == null ? null : calendar.startOf(start),
                    end == null ? null : calendar.endOf(end));
        }

        private static LocalDate day(List<FieldViolation> problems, String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                problems.add(InventoryRule.NOT_A_DATE.at(field));
                return null;
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** The ledger in the order it was written ({@code newestFirst}: the other way round). */
    PageResult<Movement> movements(Filter filter, boolean newestFirst, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(where, params, "sku = :sku", "sku", filter.sku());
        condition(where, params, "warehouse = :warehouse", "warehouse", filter.warehouse());
        condition(where, params, "type = :type", "type", filter.type());
        condition(where, params, "created_at >= :from", "from", timestamp(filter.from()));
        condition(where, params, "created_at < :until", "until", timestamp(filter.until()));
        long total = jdbc.sql("SELECT COUNT(*) FROM stock_movement" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Movement> items = jdbc.sql("SELECT * FROM stock_movement" + where + " ORDER BY id"
                        + (newestFirst ? " DESC" : "") + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(StockLedgerService::map)
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private static void condition(
            StringBuilder where, Map<String, Object> params, String sql, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.put(name, value);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
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
