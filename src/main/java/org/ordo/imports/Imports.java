package org.ordo.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;

/**
 * CSV imports for the pages and the API: a file is checked at once and runs in the background; its job tells the
 * progress, the counts and what became of every row. The caller's {@link org.ordo.identity.Actor} is recorded as the
 * one who acted in every row.
 */
public interface Imports {

    /**
     * Checks the file (size, UTF-8, separator, columns) and queues it.
     *
     * @throws org.ordo.shared.OrdoException invalid (400) naming {@code file}, {@code kind} or {@code dryRun}; forbidden
     *                                       (403) for a kind the user may not import
     */
    Job start(String kind, String fileName, byte[] content, boolean dryRun);

    /** The kinds the current user may import. */
    List<ImportKind> kindsAllowed();

    /** Queues the file of a finished dry run for real. */
    Job apply(UUID dryRunId);

    /** A job the current user may see (an administrator every one, others their own). */
    Optional<Job> find(UUID id);

    /** The jobs the current user may see, newest first. */
    PageResult<Job> list(Paging paging);

    /** What became of each row, by line. */
    PageResult<RowOutcome> rows(UUID id, Paging paging);

    /** The rejected rows' problems, by line. */
    List<RowOutcome> errors(UUID id, int limit);

    /** QUEUED, RUNNING, DONE (every row has its outcome) or FAILED (stopped; {@code failure} says why). */
    record Job(
            UUID id,
            String kind,
            String fileName,
            boolean dryRun,
            String status,
            String owner,
            int totalRows,
            int processedRows,
            int appliedRows,
            int unchangedRows,
            int rejectedRows,
            String failure,
            Instant createdAt,
            Instant finishedAt) {

        public boolean finished() {
            return status.equals("DONE") || status.equals("FAILED");
        }
    }

    /**
     * One row's outcome: APPLIED, WOULD_APPLY (dry run), UNCHANGED (already there) or REJECTED with the {@code column}
     * (null for the whole row) and {@code reason}; {@code result} names what was made, e.g. the order number.
     */
    record RowOutcome(int line, String outcome, String column, String reason, String reasonCode, String result) {}
}
