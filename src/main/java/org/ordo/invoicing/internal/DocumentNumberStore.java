package org.ordo.invoicing.internal;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless document numbers per series (invariant 9): {@code INV-2026-000001}, {@code CN-2026-000001}. One counter row per
 * series is incremented with one UPDATE inside the issuing transaction. Its row lock serialises the issuers of a series
 * until they commit, so no two take the same number; a rollback rolls the increment back, so no number is lost. Not a
 * database sequence: sequences are not transactional and leave gaps. Only issuing waits on this lock, never ordering.
 */
@Component
class DocumentNumberStore {

    static final String INVOICE_PREFIX = "INV";
    static final String CREDIT_NOTE_PREFIX = "CN";

    private final JdbcClient jdbc;

    DocumentNumberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The series of documents with this prefix issued on this date: one per year. */
    static String series(String prefix, LocalDate issueDate) {
        return prefix + "-" + issueDate.getYear();
    }

    static String format(String series, long number) {
        return String.format("%s-%06d", series, number);
    }

    /**
     * Locks the series until the transaction ends (creating its counter at 0 the first time). Issuers lock before they
     * decide what to issue, so decisions that depend on what was issued before (invariant 8) see every earlier issue.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(String series) {
        // a bare ON CONFLICT DO NOTHING: PostgreSQL and H2 both have it; a racing creator waits for the first one's
        // commit
        jdbc.sql("INSERT INTO document_series (series, last_number) VALUES (?, 0) ON CONFLICT DO NOTHING")
                .param(series)
                .update();
        jdbc.sql("SELECT last_number FROM document_series WHERE series = ? FOR UPDATE")
                .param(series)
                .query(Long.class)
                .single();
    }

    /** Takes the next number of the series in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    long next(String series) {
        if (jdbc.sql("UPDATE document_series SET last_number = last_number + 1 WHERE series = ?")
                        .param(series)
                        .update()
                == 0) {
            lock(series);
            jdbc.sql("UPDATE document_series SET last_number = last_number + 1 WHERE series = ?")
                    .param(series)
                    .update();
        }
        // no RETURNING on H2: read the row this transaction has just updated and still holds
        return jdbc.sql("SELECT last_number FROM document_series WHERE series = ?")
                .param(series)
                .query(Long.class)
                .single();
    }

    long last(String series) {
        return jdbc.sql("SELECT last_number FROM document_series WHERE series = ?")
                .param(series)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }
}
