package org.ordo.purchasing.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.Database;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Purchase orders in tables purchase_order, purchase_order_line, purchase_order_history, purchase_receipt and
 * purchase_receipt_line.
 */
@Component
class PurchaseOrderStore {

    /** One entry of a purchase order's timeline; {@code from} is null for its creation. */
    record PurchaseOrderHistory(
            Instant at, String actor, PurchaseOrderStatus from, PurchaseOrderStatus to, String note) {}

    /** What arrived at once against a purchase order. */
    record PurchaseReceipt(UUID id, Instant receivedAt, String actor, String reason, List<PurchaseReceiptLine> lines) {}

    record PurchaseReceiptLine(int lineNumber, long quantity) {}

    record PurchaseOrderSummary(
            UUID id,
            String number,
            PurchaseOrderStatus status,
            UUID supplierId,
            String supplierName,
            String warehouse,
            Money total,
            Instant createdAt,
            Instant sentAt) {}

    /** Any filter may be null. */
    record SearchFilter(List<PurchaseOrderStatus> statuses, UUID supplierId, String sku, String warehouse) {}

    private static final String SELECT_HEADER =
            "SELECT p.*, s.name AS supplier_name FROM purchase_order p JOIN supplier s ON s.id = p.supplier_id ";

    private final JdbcClient jdbc;
    private final String nextValue;

    PurchaseOrderStore(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.nextValue = database.nextValueSql("purchase_order_number_seq");
    }

    /** A human number, {@code PO-000123}. */
    String nextNumber() {
        return String.format("PO-%06d", jdbc.sql(nextValue).query(Long.class).single());
    }

    void insert(PurchaseOrder po) {
        jdbc.sql("""
                        INSERT INTO purchase_order (id, number, supplier_id, warehouse, status, currency, total,
                          created_at, created_by, sent_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        po.id,
                        po.number,
                        po.supplierId,
                        po.warehouse,
                        po.status.name(),
                        po.currency,
                        po.total.amount(),
                        Timestamp.from(po.createdAt),
                        po.createdBy,
                        po.sentAt == null ? null : Timestamp.from(po.sentAt),
                        Timestamp.from(po.createdAt))
                .update();
        insertLines(po);
    }

    private void insertLines(PurchaseOrder po) {
        for (PurchaseOrder.Line l : po.lines) {
            jdbc.sql("""
                            INSERT INTO purchase_order_line (purchase_order_id, line_number, sku, supplier_item_code,
                              quantity, received_quantity, unit_price, line_total, lead_time_days, confirmed_date,
                              expected_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            po.id,
                            l.lineNumber,
                            l.sku,
                            l.supplierItemCode,
                            l.quantity,
                            l.receivedQuantity,
                            l.unitPrice.amount(),
                            l.lineTotal.amount(),
                            l.leadTimeDays,
                            date(l.confirmedDate),
                            date(l.expectedDate))
                    .update();
        }
    }

    /** Replaces the lines of a DRAFT purchase order and its total. */
    void replaceLines(PurchaseOrder po) {
        jdbc.sql("DELETE FROM purchase_order_line WHERE purchase_order_id = ?")
                .param(po.id)
                .update();
        insertLines(po);
        update(po);
    }

    /** Writes the header's status and sent time and every line's received quantity and dates. */
    void update(PurchaseOrder po) {
        jdbc.sql("UPDATE purchase_order SET status = ?, total = ?, sent_at = ?, updated_at = ? WHERE id = ?")
                .params(
                        po.status.name(),
                        po.total.amount(),
                        po.sentAt == null ? null : Timestamp.from(po.sentAt),
                        Timestamp.from(Instant.now()),
                        po.id)
                .update();
        for (PurchaseOrder.Line l : po.lines) {
            jdbc.sql("UPDATE purchase_order_line SET received_quantity = ?, confirmed_date = ?, expected_date = ? "
                            + "WHERE purchase_order_id = ? AND line_number = ?")
                    .params(l.receivedQuantity, date(l.confirmedDate), date(l.expectedDate), po.id, l.lineNumber)
                    .update();
        }
    }

    /** By id or number. */
    Optional<PurchaseOrder> find(String idOrNumber) {
        return read(idOrNumber);
    }

    /** By id or number, locked until the transaction ends. */
    Optional<PurchaseOrder> lock(String idOrNumber) {
        Optional<PurchaseOrder> found = read(idOrNumber);
        if (found.isEmpty()) {
            return found;
        }
        // the header row alone: both databases lock it the same way, and it is read again under the lock
        jdbc.sql("SELECT id FROM purchase_order WHERE id = ? FOR UPDATE")
                .param(found.get().id)
                .query(UUID.class)
                .single();
        return read(found.get().id.toString());
    }

    private Optional<PurchaseOrder> read(String idOrNumber) {
        UUID id = uuid(idOrNumber);
        Optional<PurchaseOrder> po = id == null
                ? jdbc.sql(SELECT_HEADER + "WHERE p.number = ?")
                        .param(idOrNumber)
                        .query(PurchaseOrderStore::header)
                        .optional()
                : jdbc.sql(SELECT_HEADER + "WHERE p.id = ?")
                        .param(id)
                        .query(PurchaseOrderStore::header)
                        .optional();
        po.ifPresent(p -> p.lines.addAll(
                jdbc.sql("SELECT * FROM purchase_order_line WHERE purchase_order_id = ? ORDER BY line_number")
                        .param(p.id)
                        .query((rs, n) -> line(rs, p.currency))
                        .list()));
        return po;
    }

    static UUID uuid(String text) {
        try {
            return text == null || text.length() != 36 ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void appendHistory(UUID purchaseOrderId, PurchaseOrderHistory entry) {
        jdbc.sql("INSERT INTO purchase_order_history (purchase_order_id, at, actor, from_status, to_status, note) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        purchaseOrderId,
                        Timestamp.from(entry.at()),
                        entry.actor(),
                        entry.from() == null ? null : entry.from().name(),
                        entry.to().name(),
                        entry.note())
                .update();
    }

    List<PurchaseOrderHistory> history(UUID purchaseOrderId) {
        return jdbc.sql("SELECT * FROM purchase_order_history WHERE purchase_order_id = ? ORDER BY id")
                .param(purchaseOrderId)
                .query((rs, n) -> new PurchaseOrderHistory(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("from_status") == null
                                ? null
                                : PurchaseOrderStatus.valueOf(rs.getString("from_status")),
                        PurchaseOrderStatus.valueOf(rs.getString("to_status")),
                        rs.getString("note")))
                .list();
    }

    void insertReceipt(UUID purchaseOrderId, PurchaseReceipt receipt) {
        jdbc.sql("INSERT INTO purchase_receipt (id, purchase_order_id, received_at, actor, reason) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(
                        receipt.id(),
                        purchaseOrderId,
                        Timestamp.from(receipt.receivedAt()),
                        receipt.actor(),
                        receipt.reason())
                .update();
        for (PurchaseReceiptLine line : receipt.lines()) {
            jdbc.sql("INSERT INTO purchase_receipt_line (receipt_id, line_number, quantity) VALUES (?, ?, ?)")
                    .params(receipt.id(), line.lineNumber(), line.quantity())
                    .update();
        }
    }

    List<PurchaseReceipt> receipts(UUID purchaseOrderId) {
        Map<UUID, PurchaseReceipt> receipts = new LinkedHashMap<>();
        jdbc.sql("SELECT r.id, r.received_at, r.actor, r.reason, l.line_number, l.quantity FROM purchase_receipt r "
                        + "JOIN purchase_receipt_line l ON l.receipt_id = r.id WHERE r.purchase_order_id = ? "
                        + "ORDER BY r.received_at, r.id, l.line_number")
                .param(purchaseOrderId)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    receipts.computeIfAbsent(
                                    id,
                                    k -> new PurchaseReceipt(
                                            k,
                                            timestamp(rs, "received_at"),
                                            string(rs, "actor"),
                                            string(rs, "reason"),
                                            new ArrayList<>()))
                            .lines()
                            .add(new PurchaseReceiptLine(rs.getInt("line_number"), rs.getLong("quantity")));
                });
        return List.copyOf(receipts.values());
    }

    PageResult<PurchaseOrderSummary> search(SearchFilter filter, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" AND p.status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.supplierId() != null) {
            where.append(" AND p.supplier_id = :supplier");
            params.put("supplier", filter.supplierId());
        }
        if (filter.warehouse() != null) {
            where.append(" AND p.warehouse = :warehouse");
            params.put("warehouse", filter.warehouse());
        }
        if (filter.sku() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM purchase_order_line l WHERE l.purchase_order_id = p.id "
                    + "AND l.sku = :sku)");
            params.put("sku", filter.sku());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM purchase_order p" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<PurchaseOrderSummary> items = jdbc.sql(SELECT_HEADER + where
                        + " ORDER BY p.created_at DESC, p.number DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> new PurchaseOrderSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        PurchaseOrderStatus.valueOf(rs.getString("status")),
                        rs.getObject("supplier_id", UUID.class),
                        rs.getString("supplier_name"),
                        rs.getString("warehouse"),
                        Money.of(rs.getBigDecimal("total"), rs.getString("currency")),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("sent_at"))))
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private static PurchaseOrder header(ResultSet rs, int row) throws SQLException {
        return new PurchaseOrder(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getObject("supplier_id", UUID.class),
                rs.getString("supplier_name"),
                rs.getString("warehouse"),
                rs.getString("currency"),
                PurchaseOrderStatus.valueOf(rs.getString("status")),
                Money.of(rs.getBigDecimal("total"), rs.getString("currency")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                instant(rs.getTimestamp("sent_at")));
    }

    private static PurchaseOrder.Line line(ResultSet rs, String currency) throws SQLException {
        return new PurchaseOrder.Line(
                rs.getInt("line_number"),
                rs.getString("sku"),
                rs.getString("supplier_item_code"),
                rs.getLong("quantity"),
                Money.of(rs.getBigDecimal("unit_price"), currency),
                rs.getInt("lead_time_days"),
                rs.getLong("received_quantity"),
                localDate(rs.getDate("confirmed_date")),
                localDate(rs.getDate("expected_date")));
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Instant timestamp(ResultSet rs, String column) {
        try {
            return rs.getTimestamp(column).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String string(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
