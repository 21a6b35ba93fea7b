package org.ordo.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.intake.DocumentStatus;
import org.ordo.intake.MailOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The received documents ({@code intake_document}) and their draft lines ({@code intake_line}). */
@Component
class IntakeStore {

    private static final String COLUMNS = "d.id, d.file_name, d.content_type, d.sender, d.subject, d.status,"
            + " d.customer_id, d.customer_found_by, d.po_number, d.note, d.order_id, d.received_at,"
            + " (SELECT COUNT(*) FROM intake_line l WHERE l.document_id = d.id) AS line_count,"
            + " (SELECT COUNT(*) FROM intake_line l WHERE l.document_id = d.id"
            + " AND (l.sku IS NULL OR l.quantity IS NULL OR l.confidence < :certain)) AS uncertain_count";

    private final JdbcClient jdbc;

    IntakeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A received document as read; {@code customerFoundBy} EMAIL or NAME (or null). */
    record Received(
            UUID id,
            MailOrders.Incoming incoming,
            String text,
            UUID customerId,
            String customerFoundBy,
            String poNumber,
            String note,
            Instant receivedAt) {}

    void insert(Received r) {
        jdbc.sql("INSERT INTO intake_document (id, file_name, content_type, content, sender, subject, message_id,"
                        + " extracted_text, status, customer_id, customer_found_by, po_number, note, received_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        r.id(),
                        r.incoming().fileName(),
                        r.incoming().contentType(),
                        r.incoming().content(),
                        r.incoming().sender(),
                        r.incoming().subject(),
                        r.incoming().messageId(),
                        r.text(),
                        DocumentStatus.DRAFT.name(),
                        r.customerId(),
                        r.customerFoundBy(),
                        r.poNumber(),
                        r.note(),
                        Timestamp.from(r.receivedAt()))
                .update();
    }

    void replaceLines(UUID id, List<MailOrders.Line> lines) {
        jdbc.sql("DELETE FROM intake_line WHERE document_id = ?").param(id).update();
        for (MailOrders.Line l : lines) {
            jdbc.sql("INSERT INTO intake_line (document_id, line_number, raw_text, sku, quantity, unit_price,"
                            + " confidence, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            l.lineNumber(),
                            l.rawText(),
                            l.sku(),
                            l.quantity(),
                            l.unitPrice(),
                            java.math.BigDecimal.valueOf(l.confidence()).setScale(4, java.math.RoundingMode.HALF_UP),
                            l.reason())
                    .update();
        }
    }

    void updateHeader(UUID id, UUID customerId, String poNumber) {
        jdbc.sql("UPDATE intake_document SET customer_id = ?, po_number = ?, version = version + 1 WHERE id = ?")
                .params(customerId, poNumber, id)
                .update();
    }

    void decide(UUID id, DocumentStatus status, UUID orderId, Instant at) {
        jdbc.sql("UPDATE intake_document SET status = ?, order_id = ?, decided_at = ?, version = version + 1"
                        + " WHERE id = ?")
                .params(status.name(), orderId, Timestamp.from(at), id)
                .update();
    }

    /** Locks the document's row against a second placement at the same time. */
    Optional<DocumentStatus> lock(UUID id) {
        return jdbc.sql("SELECT status FROM intake_document WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> DocumentStatus.valueOf(rs.getString("status")))
                .optional();
    }

    /** The orders placed from other documents of this customer with this PO number, the latest first. */
    List<UUID> ordersPlacedFor(UUID customerId, String poNumber, UUID exceptDocument) {
        return jdbc.sql("SELECT order_id FROM intake_document WHERE customer_id = ? AND po_number = ? AND status = ?"
                        + " AND id <> ? AND order_id IS NOT NULL ORDER BY decided_at DESC")
                .params(customerId, poNumber, DocumentStatus.PLACED.name(), exceptDocument)
                .query((rs, n) -> rs.getObject("order_id", UUID.class))
                .list();
    }

    Optional<UUID> idOfMessage(String messageId) {
        return jdbc.sql("SELECT id FROM intake_document WHERE message_id = ?")
                .param(messageId)
                .query((rs, n) -> rs.getObject("id", UUID.class))
                .optional();
    }

    List<MailOrders.Document> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_document d ORDER BY d.received_at DESC, d.id LIMIT :limit")
                .param("certain", MailOrders.CERTAIN)
                .param("limit", limit)
                .query((rs, n) -> document(rs))
                .list();
    }

    Optional<MailOrders.Draft> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", d.extracted_text FROM intake_document d WHERE d.id = :id")
                .param("certain", MailOrders.CERTAIN)
                .param("id", id)
                .query((rs, n) -> new MailOrders.Draft(document(rs), rs.getString("extracted_text"), List.of()))
                .optional()
                .map(d -> new MailOrders.Draft(d.document(), d.text(), lines(id)));
    }

    Optional<MailOrders.Attachment> file(UUID id) {
        return jdbc.sql("SELECT file_name, content_type, content FROM intake_document WHERE id = ?")
                .param(id)
                .query((rs, n) -> new MailOrders.Attachment(
                        rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    private List<MailOrders.Line> lines(UUID id) {
        return jdbc.sql("SELECT line_number, raw_text, sku, quantity, unit_price, confidence, reason FROM intake_line"
                        + " WHERE document_id = ? ORDER BY line_number")
                .param(id)
                .query((rs, n) -> new MailOrders.Line(
                        rs.getInt("line_number"),
                        rs.getString("raw_text"),
                        rs.getString("sku"),
                        rs.getObject("quantity") == null ? null : rs.getLong("quantity"),
                        rs.getString("unit_price"),
                        rs.getBigDecimal("confidence").doubleValue(),
                        rs.getString("reason")))
                .list();
    }

    private static MailOrders.Document document(ResultSet rs) throws SQLException {
        return new MailOrders.Document(
                rs.getObject("id", UUID.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getString("sender"),
                rs.getString("subject"),
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_found_by"),
                rs.getString("po_number"),
                rs.getString("note"),
                rs.getObject("order_id", UUID.class),
                rs.getTimestamp("received_at").toInstant(),
                rs.getInt("line_count"),
                rs.getInt("uncertain_count"));
    }
}
