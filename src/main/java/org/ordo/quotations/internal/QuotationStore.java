package org.ordo.quotations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Database;
import org.ordo.quotations.QuotationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The quotation tables: {@code quotation}, the lines of each revision and the revisions that were replaced. */
@Component
class QuotationStore {

    private static final String COLUMNS =
            "id, number, customer_id, currency, valid_until, note, status, revision, total,"
                    + " order_id, created_by, created_at, sent_at, decided_at, version";

    private final JdbcClient jdbc;
    private final CompanyCalendar calendar;
    private final String nextValue;

    QuotationStore(JdbcClient jdbc, Database database, CompanyCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.nextValue = database.nextValueSql("quotation_number_seq");
    }

    /** A human number, {@code QT-2026-000123}: the year in the company's calendar. */
    String nextNumber(Instant at) {
        long n = jdbc.sql(nextValue).query(Long.class).single();
        return String.format("QT-%d-%06d", calendar.yearOf(at), n);
    }

    void insert(Quotation q) {
        jdbc.sql("INSERT INTO quotation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        q.id(),
                        q.number(),
                        q.customerId(),
                        q.currency(),
                        q.validUntil(),
                        q.note(),
                        q.status().name(),
                        q.revision(),
                        q.total(),
                        q.orderId(),
                        q.createdBy(),
                        Timestamp.from(q.createdAt()),
                        timestamp(q.sentAt()),
                        timestamp(q.decidedAt()),
                        q.version())
                .update();
        insertLines(q);
    }

    /** Writes the header of {@code q} (its lines are written by {@link #insertLines} or replaced by {@link #replaceLines}). */
    void update(Quotation q) {
        jdbc.sql("UPDATE quotation SET valid_until = ?, note = ?, status = ?, revision = ?, total = ?, order_id = ?,"
                        + " sent_at = ?, decided_at = ?, version = version + 1 WHERE id = ?")
                .params(
                        q.validUntil(),
                        q.note(),
                        q.status().name(),
                        q.revision(),
                        q.total(),
                        q.orderId(),
                        timestamp(q.sentAt()),
                        timestamp(q.decidedAt()),
                        q.id())
                .update();
    }

    void insertLines(Quotation q) {
        for (Quotation.Line l : q.lines()) {
            jdbc.sql("INSERT INTO quotation_line (quotation_id, revision, line_number, sku, quantity, discount_percent,"
                            + " discount_amount, list_price, unit_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            q.id(),
                            q.revision(),
                            l.lineNumber(),
                            l.sku(),
                            l.quantity(),
                            l.discountPercent(),
                            l.discountAmount(),
                            l.listPrice(),
                            l.unitPrice())
                    .update();
        }
    }

    void replaceLines(Quotation q) {
        jdbc.sql("DELETE FROM quotation_line WHERE quotation_id = ? AND revision = ?")
                .params(q.id(), q.revision())
                .update();
        insertLines(q);
    }

    /** Keeps a sent revision readable once the next one replaces it. */
    void keepRevision(Quotation sent) {
        jdbc.sql("INSERT INTO quotation_revision (quotation_id, revision, valid_until, total, sent_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(sent.id(), sent.revision(), sent.validUntil(), sent.total(), timestamp(sent.sentAt()))
                .update();
    }

    Optional<Quotation> find(UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM quotation WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> header(rs))
                .optional()
                .map(q -> withLines(q, q.revision()));
    }

    Optional<UUID> idOfNumber(String number) {
        return jdbc.sql("SELECT id FROM quotation WHERE number = ?")
                .param(number)
                .query((rs, n) -> rs.getObject("id", UUID.class))
                .optional();
    }

    /** The quotations of one customer (or all), newest first. */
    List<Quotation> search(UUID customerId, QuotationStatus status, long offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM quotation WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (customerId != null) {
            sql.append(" AND customer_id = ?");
            params.add(customerId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        sql.append(" ORDER BY created_at DESC, number DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> header(rs)).list().stream()
                .map(q -> withLines(q, q.revision()))
                .toList();
    }

    List<Quotation.Revision> earlierRevisions(UUID id) {
        return jdbc
                .sql("SELECT revision, valid_until, total, sent_at FROM quotation_revision WHERE quotation_id = ?"
                        + " ORDER BY revision")
                .param(id)
                .query((rs, n) -> new Quotation.Revision(
                        rs.getInt("revision"),
                        rs.getObject("valid_until", LocalDate.class),
                        rs.getBigDecimal("total"),
                        instant(rs.getTimestamp("sent_at")),
                        List.of()))
                .list()
                .stream()
                .map(r -> new Quotation.Revision(
                        r.revision(), r.validUntil(), r.total(), r.sentAt(), lines(id, r.revision())))
                .toList();
    }

    /** Marks every SENT quotation whose validity ended before {@code today} EXPIRED; how many. */
    int expireBefore(LocalDate today, Instant now) {
        return jdbc.sql("UPDATE quotation SET status = 'EXPIRED', decided_at = ?, version = version + 1"
                        + " WHERE status = 'SENT' AND valid_until < ?")
                .params(Timestamp.from(now), today)
                .update();
    }

    private Quotation withLines(Quotation q, int revision) {
        return new Quotation(
                q.id(),
                q.number(),
                q.customerId(),
                q.currency(),
                q.validUntil(),
                q.note(),
                q.status(),
                q.revision(),
                q.total(),
                q.orderId(),
                q.createdBy(),
                q.createdAt(),
                q.sentAt(),
                q.decidedAt(),
                q.version(),
                lines(q.id(), revision));
    }

    private List<Quotation.Line> lines(UUID id, int revision) {
        return jdbc.sql("SELECT line_number, sku, quantity, discount_percent, discount_amount, list_price, unit_price"
                        + " FROM quotation_line WHERE quotation_id = ? AND revision = ? ORDER BY line_number")
                .params(id, revision)
                .query((rs, n) -> new Quotation.Line(
                        rs.getInt("line_number"),
                        rs.getString("sku"),
                        rs.getLong("quantity"),
                        rs.getBigDecimal("discount_percent"),
                        rs.getBigDecimal("discount_amount"),
                        rs.getBigDecimal("list_price"),
                        rs.getBigDecimal("unit_price")))
                .list();
    }

    private static Quotation header(ResultSet rs) throws SQLException {
        return new Quotation(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("currency"),
                rs.getObject("valid_until", LocalDate.class),
                rs.getString("note"),
                QuotationStatus.valueOf(rs.getString("status")),
                rs.getInt("revision"),
                rs.getBigDecimal("total"),
                rs.getObject("order_id", UUID.class),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("decided_at")),
                rs.getLong("version"),
                List.of());
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
