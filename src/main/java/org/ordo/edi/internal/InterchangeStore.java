package org.ordo.edi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.edi.EdiInterchanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tables {@code edi_interchange}, {@code edi_document} and {@code edi_document_line}. */
@Component
class InterchangeStore {

    /** A new interchange row as received. */
    record Received(
            UUID id,
            String standard,
            UUID partnerId,
            EdiMessage.Envelope envelope,
            String status,
            String raw,
            List<String> errors,
            Instant at,
            String by) {}

    /** Where an inbound document comes from: its interchange and its place in it. */
    record Origin(UUID documentId, UUID interchangeId, Integer position, String status) {}

    private final JdbcClient jdbc;
    private final String nextControl;

    InterchangeStore(JdbcClient jdbc, org.ordo.platform.Database database) {
        this.jdbc = jdbc;
        this.nextControl = database.nextValueSql("edi_control_number_seq");
    }

    long nextControlNumber() {
        return jdbc.sql(nextControl).query(Long.class).single();
    }

    Optional<UUID> earlier(String standard, String senderId, String controlNumber) {
        return jdbc.sql("SELECT id FROM edi_interchange WHERE standard = ? AND sender_id = ? AND control_number = ?")
                .params(standard, senderId, controlNumber)
                .query(UUID.class)
                .optional();
    }

    void insert(Received r) {
        EdiMessage.Envelope e = r.envelope();
        jdbc.sql("INSERT INTO edi_interchange (id, standard, partner_id, sender_qualifier, sender_id, receiver_id, "
                        + "control_number, status, raw, errors, received_at, received_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.standard(),
                        r.partnerId(),
                        e == null ? null : cut(e.senderQualifier(), 4),
                        e == null ? null : cut(e.senderId(), 35),
                        e == null ? null : cut(e.receiverId(), 35),
                        e == null ? null : cut(e.controlNumber(), 35),
                        r.status(),
                        r.raw(),
                        joined(r.errors()),
                        Timestamp.from(r.at()),
                        r.by())
                .update();
    }

    void status(UUID interchangeId, String status) {
        jdbc.sql("UPDATE edi_interchange SET status = ? WHERE id = ?")
                .params(status, interchangeId)
                .update();
    }

    void partner(UUID interchangeId, UUID partnerId) {
        jdbc.sql("UPDATE edi_interchange SET partner_id = ? WHERE id = ?")
                .params(partnerId, interchangeId)
                .update();
    }

    UUID insertDocument(
            UUID interchangeId,
            String direction,
            String kind,
            Integer position,
            String controlNumber,
            String reference,
            String status,
            String raw,
            List<String> errors) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO edi_document (id, interchange_id, direction, kind, position, control_number, reference, "
                        + "status, raw, errors, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        interchangeId,
                        direction,
                        kind,
                        position,
                        cut(controlNumber, 35),
                        cut(reference, 100),
                        status,
                        raw,
                        joined(errors),
                        Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    void documentOutcome(UUID documentId, String status, UUID orderId, List<String> errors) {
        jdbc.sql("UPDATE edi_document SET status = ?, order_id = ?, errors = ? WHERE id = ?")
                .params(status, orderId, joined(errors), documentId)
                .update();
    }

    void lines(UUID documentId, List<EdiInterchanges.Line> lines) {
        jdbc.sql("DELETE FROM edi_document_line WHERE document_id = ?")
                .param(documentId)
                .update();
        for (EdiInterchanges.Line l : lines) {
            jdbc.sql("INSERT INTO edi_document_line (document_id, line_number, partner_line, qualifier, item_code, "
                            + "quantity, sku, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            documentId,
                            l.lineNumber(),
                            cut(l.partnerLine(), 20),
                            cut(l.qualifier(), 4),
                            cut(l.itemCode(), 48),
                            l.quantity(),
                            l.sku(),
                            l.status(),
                            cut(l.error(), 500))
                    .update();
        }
    }

    Optional<Origin> origin(UUID documentId) {
        return jdbc.sql(
                        "SELECT id, interchange_id, position, status FROM edi_document WHERE id = ? AND direction = 'IN'")
                .param(documentId)
                .query((rs, row) -> new Origin(
                        rs.getObject("id", UUID.class),
                        rs.getObject("interchange_id", UUID.class),
                        (Integer) rs.getObject("position"),
                        rs.getString("status")))
                .optional();
    }

    /** True when a purchase order of this number from this partner has been placed already. */
    boolean placedBefore(UUID partnerId, String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM edi_document d JOIN edi_interchange i ON i.id = d.interchange_id "
                                + "WHERE i.partner_id = ? AND d.reference = ? AND d.direction = 'IN' "
                                + "AND d.status = 'PLACED'")
                        .params(partnerId, reference)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A purchase order placed as an order: the interchange it came in, its PO number, the partner who sent it. */
    record PlacedOrder(UUID documentId, UUID interchangeId, String poNumber, UUID partnerId, String interchangeRaw) {}

    /** The purchase order the order was placed from, if it came by EDI. */
    Optional<PlacedOrder> placedOrder(UUID orderId) {
        return jdbc.sql("SELECT d.id, d.interchange_id, d.reference, i.partner_id, i.raw FROM edi_document d "
                        + "JOIN edi_interchange i ON i.id = d.interchange_id "
                        + "WHERE d.order_id = ? AND d.direction = 'IN' AND d.status = 'PLACED'")
                .param(orderId)
                .query((rs, row) -> new PlacedOrder(
                        rs.getObject("id", UUID.class),
                        rs.getObject("interchange_id", UUID.class),
                        rs.getString("reference"),
                        rs.getObject("partner_id", UUID.class),
                        rs.getString("raw")))
                .optional();
    }

    /** Whether a document has been sent for this shipment or invoice. */
    boolean sentFor(UUID sourceId) {
        return jdbc.sql("SELECT COUNT(*) FROM edi_document WHERE source_id = ?")
                        .param(sourceId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Stores a document sent on its own account (a ship notice, an invoice) with the purchase order's interchange.
     * False when one was stored for the same {@code sourceId} meanwhile (a bare ON CONFLICT DO NOTHING: PostgreSQL and
     * H2 both have it, and the transaction stays usable).
     */
    boolean insertSent(
            UUID interchangeId, String kind, String controlNumber, String reference, String raw, UUID sourceId) {
        return jdbc.sql("INSERT INTO edi_document (id, interchange_id, direction, kind, control_number, reference, "
                                + "status, raw, source_id, created_at) VALUES (?, ?, 'OUT', ?, ?, ?, 'SENT', ?, ?, ?) "
                                + "ON CONFLICT DO NOTHING")
                        .params(
                                UUID.randomUUID(),
                                interchangeId,
                                kind,
                                controlNumber,
                                cut(reference, 100),
                                raw,
                                sourceId,
                                Timestamp.from(Instant.now()))
                        .update()
                > 0;
    }

    /** The statuses of the interchange's inbound documents. */
    List<String> inboundStatuses(UUID interchangeId) {
        return jdbc.sql("SELECT status FROM edi_document WHERE interchange_id = ? AND direction = 'IN'")
                .param(interchangeId)
                .query(String.class)
                .list();
    }

    /** The document kinds that acknowledge an interchange as a whole, X12's and EDIFACT's. */
    private static final List<String> FUNCTIONAL_ACKNOWLEDGEMENTS = List.of("997", "CONTRL");

    /** The first acknowledgement sent for the interchange (997 or CONTRL). */
    Optional<String> acknowledgement(UUID interchangeId) {
        return jdbc
                .sql("SELECT raw FROM edi_document WHERE interchange_id = :interchange AND direction = 'OUT' "
                        + "AND kind IN (:kinds) ORDER BY created_at, id")
                .param("interchange", interchangeId)
                .param("kinds", FUNCTIONAL_ACKNOWLEDGEMENTS)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    List<EdiInterchanges.Summary> recent(int limit) {
        return jdbc.sql("SELECT i.*, p.name AS partner_name, (SELECT COUNT(*) FROM edi_document d "
                        + "WHERE d.interchange_id = i.id) AS documents FROM edi_interchange i "
                        + "LEFT JOIN edi_partner p ON p.id = i.partner_id ORDER BY i.received_at DESC, i.id LIMIT ?")
                .param(limit)
                .query((rs, row) -> new EdiInterchanges.Summary(
                        rs.getObject("id", UUID.class),
                        rs.getString("standard"),
                        rs.getString("partner_name"),
                        rs.getString("sender_id"),
                        rs.getString("control_number"),
                        rs.getString("status"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getInt("documents")))
                .list();
    }

    Optional<EdiInterchanges.Interchange> find(UUID id) {
        return jdbc.sql("SELECT i.*, p.name AS partner_name FROM edi_interchange i "
                        + "LEFT JOIN edi_partner p ON p.id = i.partner_id WHERE i.id = ?")
                .param(id)
                .query((rs, row) -> new EdiInterchanges.Interchange(
                        rs.getObject("id", UUID.class),
                        rs.getString("standard"),
                        rs.getObject("partner_id", UUID.class),
                        rs.getString("partner_name"),
                        rs.getString("sender_qualifier"),
                        rs.getString("sender_id"),
                        rs.getString("receiver_id"),
                        rs.getString("control_number"),
                        rs.getString("status"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("received_by"),
                        rs.getString("raw"),
                        split(rs.getString("errors")),
                        documents(id)))
                .optional();
    }

    private List<EdiInterchanges.Document> documents(UUID interchangeId) {
        return jdbc.sql("SELECT * FROM edi_document WHERE interchange_id = ? ORDER BY created_at, position, id")
                .param(interchangeId)
                .query(this::document)
                .list();
    }

    private EdiInterchanges.Document document(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new EdiInterchanges.Document(
                id,
                rs.getString("direction"),
                rs.getString("kind"),
                rs.getString("control_number"),
                rs.getString("reference"),
                rs.getString("status"),
                rs.getObject("order_id", UUID.class),
                rs.getString("raw"),
                split(rs.getString("errors")),
                documentLines(id),
                rs.getTimestamp("created_at").toInstant());
    }

    /** A purchase order's lines as sent, with the SKU each became. */
    List<EdiInterchanges.Line> documentLines(UUID documentId) {
        return jdbc.sql("SELECT * FROM edi_document_line WHERE document_id = ? ORDER BY line_number")
                .param(documentId)
                .query((rs, row) -> new EdiInterchanges.Line(
                        rs.getInt("line_number"),
                        rs.getString("partner_line"),
                        rs.getString("qualifier"),
                        rs.getString("item_code"),
                        rs.getLong("quantity"),
                        rs.getString("sku"),
                        rs.getString("status"),
                        rs.getString("error")))
                .list();
    }

    private static String joined(List<String> errors) {
        return errors == null || errors.isEmpty() ? null : String.join("\n", errors);
    }

    private static List<String> split(String errors) {
        return errors == null || errors.isBlank() ? List.of() : Arrays.asList(errors.split("\n"));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
