package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal's order of record ({@code journal_document}, V46). Booking takes the next position from the one counter row
 * with one UPDATE: its row lock is held until the booking transaction ends, so positions become visible in order and
 * without gaps (a rollback gives the position back), and a reader that sees position n has seen every earlier one. Bookers
 * take it last, after every other lock of their transaction, so it never closes a lock cycle and is held only for the
 * commit.
 */
@Component
class JournalStore {

    /** What a journal entry books; the source is the invoice, payment, allocation or refund it is derived from. */
    enum Kind {
        INVOICE,
        CREDIT_NOTE,
        VOID,
        PAYMENT,
        ALLOCATION,
        REFUND
    }

    record Booked(long position, Kind kind, String sourceId, LocalDate entryDate) {}

    record Allocation(
            long id,
            UUID paymentId,
            UUID customerId,
            UUID invoiceId,
            String invoiceNumber,
            BigDecimal amount,
            String currency,
            Instant createdAt) {}

    record Refund(UUID id, UUID paymentId, UUID customerId, String method, BigDecimal amount, String currency) {}

    private final JdbcClient jdbc;

    JournalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Books one entry at the next position, in the caller's transaction, and returns the position; a source booked already
     * keeps its place.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long book(Kind kind, String sourceId, LocalDate entryDate, Instant at) {
        Optional<Long> booked = positionOf(kind, sourceId);
        if (booked.isPresent()) {
            return booked.get();
        }
        jdbc.sql("UPDATE journal_counter SET last_position = last_position + 1 WHERE name = 'journal'")
                .update();
        // no RETURNING on H2: read the row this transaction has just updated and still holds
        long position = jdbc.sql("SELECT last_position FROM journal_counter WHERE name = 'journal'")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO journal_document (position, kind, source_id, entry_date, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(position, kind.name(), sourceId, entryDate, Timestamp.from(at))
                .update();
        return position;
    }

    private Optional<Long> positionOf(Kind kind, String sourceId) {
        return jdbc.sql("SELECT position FROM journal_document WHERE kind = ? AND source_id = ?")
                .params(kind.name(), sourceId)
                .query(Long.class)
                .optional();
    }

    /** A backdated invoice is booked on its new issue date; its position stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    void redate(Kind kind, String sourceId, LocalDate entryDate) {
        jdbc.sql("UPDATE journal_document SET entry_date = ? WHERE kind = ? AND source_id = ?")
                .params(entryDate, kind.name(), sourceId)
                .update();
    }

    /**
     * Allocations of the payment or to the invoice made after their payment was received and not booked yet, oldest
     * first: money allocated from the customer's account later, or given back to it.
     */
    List<Allocation> unbookedAllocations(UUID paymentId, UUID invoiceId) {
        return jdbc.sql(ALLOCATIONS + "WHERE a.created_at <> p.created_at "
                        + "AND (a.payment_id = ? OR a.invoice_id = ?) AND NOT EXISTS (SELECT 1 FROM journal_document j "
                        + "WHERE j.kind = 'ALLOCATION' AND j.source_id = CAST(a.id AS VARCHAR(40))) ORDER BY a.id")
                .params(paymentId, invoiceId)
                .query(JournalStore::allocation)
                .list();
    }

    private static final String ALLOCATIONS =
            "SELECT a.id, a.payment_id, p.customer_id, a.invoice_id, i.number, a.amount, p.currency, a.created_at "
                    + "FROM payment_allocation a JOIN payment p ON p.id = a.payment_id JOIN invoice i ON i.id = a.invoice_id ";

    Optional<Allocation> allocation(long id) {
        return jdbc.sql(ALLOCATIONS + "WHERE a.id = ?")
                .param(id)
                .query(JournalStore::allocation)
                .optional();
    }

    private static Allocation allocation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Allocation(
                rs.getLong("id"),
                rs.getObject("payment_id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getObject("invoice_id", UUID.class),
                rs.getString("number"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** What the payment allocated to invoices when it was received (the rest went to the customer's account). */
    BigDecimal allocatedOnReceipt(UUID paymentId) {
        return jdbc.sql(
                        "SELECT COALESCE(SUM(a.amount), 0) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id "
                                + "WHERE a.payment_id = ? AND a.created_at = p.created_at")
                .param(paymentId)
                .query(BigDecimal.class)
                .single();
    }

    Optional<Refund> refund(UUID id) {
        return jdbc.sql(
                        "SELECT r.id, r.payment_id, p.customer_id, p.method, r.amount, p.currency FROM payment_refund r "
                                + "JOIN payment p ON p.id = r.payment_id WHERE r.id = ?")
                .param(id)
                .query((rs, n) -> new Refund(
                        rs.getObject("id", UUID.class),
                        rs.getObject("payment_id", UUID.class),
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("method"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency")))
                .optional();
    }

    /** Entries after {@code position}, in order, at most {@code limit}. */
    List<Booked> after(long position, int limit) {
        return jdbc.sql(BOOKED + "WHERE position > ? ORDER BY position LIMIT ?")
                .params(position, limit)
                .query(JournalStore::booked)
                .list();
    }

    /** Entries booked on the days from {@code from} to {@code to}, both included (either may be null), in order. */
    List<Booked> between(LocalDate from, LocalDate to) {
        return jdbc.sql(BOOKED + "WHERE entry_date >= ? AND entry_date <= ? ORDER BY position")
                .params(from == null ? LocalDate.of(1, 1, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to)
                .query(JournalStore::booked)
                .list();
    }

    private static final String BOOKED = "SELECT position, kind, source_id, entry_date FROM journal_document ";

    private static Booked booked(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Booked(
                rs.getLong("position"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("source_id"),
                rs.getObject("entry_date", LocalDate.class));
    }
}
