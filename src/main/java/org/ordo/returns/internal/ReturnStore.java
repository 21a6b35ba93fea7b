package org.ordo.returns.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Database;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.returns.Resolution;
import org.ordo.returns.ReturnReason;
import org.ordo.returns.ReturnStatus;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Returns in tables return_authorization, return_line, return_receipt, return_credit_note and return_history. */
@Component
class ReturnStore {

    /** One entry of a return's timeline. */
    record HistoryEntry(UUID returnId, Instant at, String actor, ReturnStatus from, ReturnStatus to, String note) {}

    record Summary(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            UUID customerId,
            ReturnStatus status,
            Resolution resolution,
            long quantity,
            long receivedQuantity,
            Money refundAmount,
            String refundStatus,
            Instant requestedAt) {}

    record SearchFilter(List<ReturnStatus> statuses, UUID orderId, UUID customerId, String refundStatus) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String nextValue;
    private final CompanyCalendar calendar;

    ReturnStore(JdbcClient jdbc, JdbcTemplate template, Database database, CompanyCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.template = template;
        this.nextValue = database.nextValueSql("return_number_seq");
    }

    /** A human return number, {@code RMA-2026-000123}. */
    String nextNumber(Instant at) {
        long n = jdbc.sql(nextValue).query(Long.class).single();
        return String.format("RMA-%d-%06d", calendar.yearOf(at), n);
    }

    /**
     * Serialises the requests and receipts of one order until the transaction ends (the row is created on first use), so
     * that what may still be returned is computed from a state nobody else is changing.
     */
    void lockOrder(UUID orderId) {
        // a bare ON CONFLICT DO NOTHING: PostgreSQL and H2 both have it; a racing creator waits for the first one's
        // commit
        jdbc.sql("INSERT INTO return_order_lock (order_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(orderId)
                .update();
        jdbc.sql("SELECT order_id FROM return_order_lock WHERE order_id = ? FOR UPDATE")
                .param(orderId)
                .query(UUID.class)
                .single();
    }

    /** Per order line, the quantity requested on the order's open (requested or approved) returns. */
    Map<Integer, Long> openQuantities(UUID orderId) {
        Map<Integer, Long> open = new HashMap<>();
        jdbc.sql(
                        "SELECT l.line_number, SUM(l.quantity) AS quantity FROM return_line l JOIN return_authorization r ON r.id = l.return_id "
                                + "WHERE r.order_id = :order AND r.status IN (:open) GROUP BY l.line_number")
                .param("order", orderId)
                .param(
                        "open",
                        ReturnStatus.openStates().stream().map(Enum::name).toList())
                .query(rs -> {
                    open.put(rs.getInt("line_number"), rs.getLong("quantity"));
                });
        return open;
    }

    void insert(Rma r) {
        jdbc.sql(
                        "INSERT INTO return_authorization (id, number, order_id, order_number, customer_id, currency, status, resolution, note, "
                                + "requested_at, requested_by, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                .params(
                        r.id,
                        r.number,
                        r.orderId,
                        r.orderNumber,
                        r.customerId,
                        r.currency,
                        r.status.name(),
                        r.resolution.name(),
                        r.note,
                        Timestamp.from(r.requestedAt),
                        r.requestedBy,
                        Timestamp.from(Instant.now()))
                .update();
        template.batchUpdate(
                "INSERT INTO return_line (return_id, line_number, sku, product_name, quantity, reason) VALUES (?, ?, ?, ?, ?, ?)",
                r.lines,
                r.lines.size(),
                (ps, l) -> {
                    ps.setObject(1, r.id);
                    ps.setInt(2, l.lineNumber);
                    ps.setString(3, l.sku);
                    ps.setString(4, l.productName);
                    ps.setLong(5, l.quantity);
                    ps.setString(6, l.reason.name());
                });
    }

    /** Saves the header and the lines' received quantities; bumps the version. */
    void update(Rma r) {
        jdbc.sql(
                        "UPDATE return_authorization SET status = ?, rejection_reason = ?, inspection_notes = ?, refund_amount = ?, "
                                + "refund_status = ?, refund_reference = ?, replacement_order_id = ?, replacement_order_number = ?, approved_at = ?, "
                                + "received_at = ?, inspected_at = ?, resolved_at = ?, refunded_at = ?, closed_at = ?, rejected_at = ?, "
                                + "version = version + 1, updated_at = ? WHERE id = ?")
                .params(
                        r.status.name(),
                        r.rejectionReason,
                        r.inspectionNotes,
                        r.refundAmount == null ? null : r.refundAmount.amount(),
                        r.refundStatus == null ? null : r.refundStatus.name(),
                        r.refundReference,
                        r.replacementOrderId,
                        r.replacementOrderNumber,
                        timestamp(r.approvedAt),
                        timestamp(r.receivedAt),
                        timestamp(r.inspectedAt),
                        timestamp(r.resolvedAt),
                        timestamp(r.refundedAt),
                        timestamp(r.closedAt),
                        timestamp(r.rejectedAt),
                        Timestamp.from(Instant.now()),
                        r.id)
                .update();
        for (Rma.Line l : r.lines) {
            jdbc.sql("UPDATE return_line SET received_quantity = ?, restocked_quantity = ?, scrapped_quantity = ? "
                            + "WHERE return_id = ? AND line_number = ?")
                    .params(l.received, l.restocked, l.scrapped, r.id, l.lineNumber)
                    .update();
        }
        r.version++;
    }

    void insertReceipts(UUID returnId, List<Rma.Receipt> receipts) {
        template.batchUpdate(
                "INSERT INTO return_receipt (return_id, line_number, quantity, restock, warehouse) VALUES (?, ?, ?, ?, ?)",
                receipts,
                receipts.size(),
                (ps, x) -> {
                    ps.setObject(1, returnId);
                    ps.setInt(2, x.lineNumber());
                    ps.setLong(3, x.quantity());
                    ps.setBoolean(4, x.restock());
                    ps.setString(5, x.warehouse());
                });
    }

    void insertCreditNotes(UUID returnId, List<Rma.CreditNote> notes) {
        for (Rma.CreditNote n : notes) {
            jdbc.sql(
                            "INSERT INTO return_credit_note (return_id, credit_note_id, number, invoice_number, total) VALUES (?, ?, ?, ?, ?)")
                    .params(
                            returnId,
                            n.id(),
                            n.number(),
                            n.invoiceNumber(),
                            n.total().amount())
                    .update();
        }
    }

    void appendHistory(List<HistoryEntry> entries) {
        for (HistoryEntry e : entries) {
            jdbc.sql(
                            "INSERT INTO return_history (return_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            e.returnId(),
                            Timestamp.from(e.at()),
                            e.actor(),
                            e.from() == null ? null : e.from().name(),
                            e.to() == null ? null : e.to().name(),
                            e.note())
                    .update();
        }
    }

    List<HistoryEntry> history(UUID returnId) {
        return jdbc.sql("SELECT * FROM return_history WHERE return_id = ? ORDER BY id")
                .param(returnId)
                .query((rs, n) -> new HistoryEntry(
                        rs.getObject("return_id", UUID.class),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        status(rs.getString("from_status")),
                        status(rs.getString("to_status")),
                        rs.getString("note")))
                .list();
    }

    /** Loads a return and locks it until the transaction ends. */
    Optional<Rma> lock(UUID id) {
        Optional<Rma> rma = jdbc.sql("SELECT * FROM return_authorization WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ReturnStore::map)
                .optional();
        rma.ifPresent(this::loadDetails);
        return rma;
    }

    /** Finds a return by id or by number. */
    Optional<Rma> find(String idOrNumber) {
        UUID id = parseUuid(idOrNumber);
        Optional<Rma> rma = id != null
                ? jdbc.sql("SELECT * FROM return_authorization WHERE id = ?")
                        .param(id)
                        .query(ReturnStore::map)
                        .optional()
                : jdbc.sql("SELECT * FROM return_authorization WHERE number = ?")
                        .param(idOrNumber)
                        .query(ReturnStore::map)
                        .optional();
        rma.ifPresent(this::loadDetails);
        return rma;
    }

    PageResult<Summary> search(SearchFilter filter, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" AND r.status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.orderId() != null) {
            where.append(" AND r.order_id = :orderId");
            params.put("orderId", filter.orderId());
        }
        if (filter.customerId() != null) {
            where.append(" AND r.customer_id = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.refundStatus() != null) {
            where.append(" AND r.refund_status = :refundStatus");
            params.put("refundStatus", filter.refundStatus());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM return_authorization r" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Summary> items = jdbc.sql(
                        "SELECT r.id, r.number, r.order_id, r.order_number, r.customer_id, r.status, r.resolution, "
                                + "(SELECT COALESCE(SUM(l.quantity), 0) FROM return_line l WHERE l.return_id = r.id) AS quantity, "
                                + "(SELECT COALESCE(SUM(l.received_quantity), 0) FROM return_line l WHERE l.return_id = r.id) AS received_quantity, "
                                + "r.refund_amount, r.currency, r.refund_status, r.requested_at FROM return_authorization r"
                                + where
                                + " ORDER BY r.requested_at DESC, r.number DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> new Summary(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        rs.getObject("customer_id", UUID.class),
                        ReturnStatus.valueOf(rs.getString("status")),
                        Resolution.valueOf(rs.getString("resolution")),
                        rs.getLong("quantity"),
                        rs.getLong("received_quantity"),
                        money(rs.getBigDecimal("refund_amount"), rs.getString("currency")),
                        rs.getString("refund_status"),
                        rs.getTimestamp("requested_at").toInstant()))
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private void loadDetails(Rma r) {
        r.lines.addAll(jdbc.sql(
                        "SELECT line_number, sku, product_name, quantity, reason, received_quantity, restocked_quantity, "
                                + "scrapped_quantity FROM return_line WHERE return_id = ? ORDER BY line_number")
                .param(r.id)
                .query((rs, n) -> {
                    Rma.Line l = new Rma.Line(
                            rs.getInt("line_number"),
                            rs.getString("sku"),
                            rs.getString("product_name"),
                            rs.getLong("quantity"),
                            ReturnReason.valueOf(rs.getString("reason")));
                    l.received = rs.getLong("received_quantity");
                    l.restocked = rs.getLong("restocked_quantity");
                    l.scrapped = rs.getLong("scrapped_quantity");
                    return l;
                })
                .list());
        r.receipts.addAll(jdbc.sql(
                        "SELECT line_number, quantity, restock, warehouse FROM return_receipt WHERE return_id = ? ORDER BY id")
                .param(r.id)
                .query((rs, n) -> new Rma.Receipt(
                        rs.getInt("line_number"),
                        rs.getLong("quantity"),
                        rs.getBoolean("restock"),
                        rs.getString("warehouse")))
                .list());
        r.creditNotes.addAll(jdbc.sql(
                        "SELECT credit_note_id, number, invoice_number, total FROM return_credit_note WHERE return_id = ? "
                                + "ORDER BY number")
                .param(r.id)
                .query((rs, n) -> new Rma.CreditNote(
                        rs.getObject("credit_note_id", UUID.class),
                        rs.getString("number"),
                        rs.getString("invoice_number"),
                        money(rs.getBigDecimal("total"), r.currency)))
                .list());
    }

    private static Rma map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency").trim();
        Rma r = new Rma(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getObject("customer_id", UUID.class),
                currency,
                ReturnStatus.valueOf(rs.getString("status")),
                Resolution.valueOf(rs.getString("resolution")),
                rs.getString("note"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("requested_by"));
        r.rejectionReason = rs.getString("rejection_reason");
        r.inspectionNotes = rs.getString("inspection_notes");
        r.refundAmount = money(rs.getBigDecimal("refund_amount"), currency);
        r.refundStatus =
                rs.getString("refund_status") == null ? null : Rma.RefundStatus.valueOf(rs.getString("refund_status"));
        r.refundReference = rs.getString("refund_reference");
        r.replacementOrderId = rs.getObject("replacement_order_id", UUID.class);
        r.replacementOrderNumber = rs.getString("replacement_order_number");
        r.approvedAt = instant(rs.getTimestamp("approved_at"));
        r.receivedAt = instant(rs.getTimestamp("received_at"));
        r.inspectedAt = instant(rs.getTimestamp("inspected_at"));
        r.resolvedAt = instant(rs.getTimestamp("resolved_at"));
        r.refundedAt = instant(rs.getTimestamp("refunded_at"));
        r.closedAt = instant(rs.getTimestamp("closed_at"));
        r.rejectedAt = instant(rs.getTimestamp("rejected_at"));
        r.version = rs.getLong("version");
        return r;
    }

    private static Money money(java.math.BigDecimal amount, String currency) {
        return amount == null ? null : Money.of(amount, currency.trim()).rounded();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static ReturnStatus status(String s) {
        return s == null ? null : ReturnStatus.valueOf(s);
    }

    static UUID parseUuid(String s) {
        if (s == null || s.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
