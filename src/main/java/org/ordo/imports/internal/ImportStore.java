package org.ordo.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.imports.Imports.Job;
import org.ordo.imports.Imports.RowOutcome;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The import jobs, their rows' outcomes and the references of imported orders. */
@Component
class ImportStore {

    private static final String JOB_COLUMNS =
            "id, kind, file_name, dry_run, status, owner, total_rows, processed_rows, "
                    + "applied_rows, unchanged_rows, rejected_rows, failure, created_at, finished_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ImportStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** What a worker needs to run a job. */
    record Work(UUID id, String kind, boolean dryRun, String content, String owner, String ownerRoles, int nextUnit) {}

    void insert(Job job, String content, String ownerRoles, int totalUnits) {
        jdbc.sql(
                        "INSERT INTO import_job (id, kind, file_name, dry_run, status, content, owner, owner_roles, total_rows, "
                                + "total_units, created_at) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?)")
                .params(
                        job.id(),
                        job.kind(),
                        job.fileName(),
                        job.dryRun(),
                        content,
                        job.owner(),
                        ownerRoles,
                        job.totalRows(),
                        totalUnits,
                        Timestamp.from(job.createdAt()))
                .update();
    }

    /**
     * Takes a job to run: a queued one, or a running one whose worker has not been heard of since {@code staleBefore}
     * (its node stopped). Only one caller gets it.
     */
    Optional<Work> claim(UUID id, Instant now, Instant staleBefore) {
        int claimed = jdbc.sql("UPDATE import_job SET status = 'RUNNING', heartbeat_at = ? WHERE id = ? AND "
                        + "(status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < ?))")
                .params(Timestamp.from(now), id, Timestamp.from(staleBefore))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, kind, dry_run, content, owner, owner_roles, next_unit FROM import_job WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Work(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getBoolean("dry_run"),
                        rs.getString("content"),
                        rs.getString("owner"),
                        rs.getString("owner_roles"),
                        rs.getInt("next_unit")))
                .optional();
    }

    /** Jobs queued longer than a moment, or running without a sign of life since {@code staleBefore}. */
    List<UUID> waiting(Instant queuedBefore, Instant staleBefore) {
        return jdbc.sql("SELECT id FROM import_job WHERE (status = 'QUEUED' AND created_at < ?) "
                        + "OR (status = 'RUNNING' AND heartbeat_at < ?) ORDER BY created_at")
                .params(Timestamp.from(queuedBefore), Timestamp.from(staleBefore))
                .query((rs, n) -> rs.getObject("id", UUID.class))
                .list();
    }

    /** Records a unit's rows and moves the job past it, in the caller's transaction. */
    void recordUnit(UUID jobId, int unit, List<RowOutcome> outcomes, Instant now) {
        List<Object[]> entries = new java.util.ArrayList<>();
        int seq = 0;
        int previousLine = -1;
        for (RowOutcome o : outcomes) {
            seq = o.line() == previousLine ? seq + 1 : 0;
            previousLine = o.line();
            entries.add(new Object[] {
                jobId,
                o.line(),
                seq,
                o.outcome(),
                o.column(),
                cut(o.reason(), 1000),
                cut(o.reasonCode(), 60),
                cut(o.result(), 200)
            });
        }
        batch.batchUpdate(
                "INSERT INTO import_row (job_id, line, seq, outcome, column_name, reason, reason_code, result) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                entries);
        List<Integer> lines = outcomes.stream().map(RowOutcome::line).distinct().toList();
        long rejected = lines.stream()
                .filter(l -> outcomes.stream()
                        .anyMatch(o -> o.line() == l && o.outcome().equals("REJECTED")))
                .count();
        long unchanged = lines.stream()
                .filter(l -> outcomes.stream()
                        .anyMatch(o -> o.line() == l && o.outcome().equals("UNCHANGED")))
                .count();
        jdbc.sql(
                        "UPDATE import_job SET next_unit = ?, processed_rows = processed_rows + ?, applied_rows = applied_rows "
                                + "+ ?, unchanged_rows = unchanged_rows + ?, rejected_rows = rejected_rows + ?, heartbeat_at = ? "
                                + "WHERE id = ? AND next_unit = ?")
                .params(
                        unit + 1,
                        lines.size(),
                        lines.size() - rejected - unchanged,
                        unchanged,
                        rejected,
                        Timestamp.from(now),
                        jobId,
                        unit)
                .update();
    }

    void finish(UUID jobId, String status, String failure, Instant now) {
        jdbc.sql("UPDATE import_job SET status = ?, failure = ?, finished_at = ? WHERE id = ?")
                .params(status, cut(failure, 1000), Timestamp.from(now), jobId)
                .update();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("SELECT " + JOB_COLUMNS + " FROM import_job WHERE id = ?")
                .param(id)
                .query(ImportStore::job)
                .optional();
    }

    Optional<String> content(UUID id) {
        return jdbc.sql("SELECT content FROM import_job WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getString("content"))
                .optional();
    }

    /** Jobs newest first; {@code owner} null for everyone's. */
    PageResult<Job> list(String owner, Paging paging) {
        String where = owner == null ? "" : " WHERE owner = :owner";
        List<Job> items = jdbc.sql("SELECT " + JOB_COLUMNS + " FROM import_job" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("owner", owner)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(ImportStore::job)
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM import_job" + where)
                .param("owner", owner)
                .query(Long.class)
                .single();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    PageResult<RowOutcome> rows(UUID jobId, Paging paging) {
        List<RowOutcome> items = jdbc.sql(
                        "SELECT line, outcome, column_name, reason, reason_code, result FROM import_row "
                                + "WHERE job_id = ? ORDER BY line, seq LIMIT ? OFFSET ?")
                .params(jobId, paging.size(), paging.offset())
                .query(ImportStore::row)
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM import_row WHERE job_id = ?")
                .param(jobId)
                .query(Long.class)
                .single();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    List<RowOutcome> errors(UUID jobId, int limit) {
        return jdbc.sql("SELECT line, outcome, column_name, reason, reason_code, result FROM import_row "
                        + "WHERE job_id = ? AND outcome = 'REJECTED' ORDER BY line, seq LIMIT ?")
                .params(jobId, limit)
                .query(ImportStore::row)
                .list();
    }

    Optional<String> importedOrder(UUID customerId, String reference) {
        return jdbc.sql("SELECT order_number FROM import_order_ref WHERE customer_id = ? AND reference = ?")
                .params(customerId, reference)
                .query((rs, n) -> rs.getString("order_number"))
                .optional();
    }

    /** In the placing transaction: a second import placing the same reference at once fails on the primary key. */
    void rememberOrder(UUID customerId, String reference, UUID orderId, String orderNumber) {
        jdbc.sql("INSERT INTO import_order_ref (customer_id, reference, order_id, order_number) VALUES (?, ?, ?, ?)")
                .params(customerId, reference, orderId, orderNumber)
                .update();
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("file_name"),
                rs.getBoolean("dry_run"),
                rs.getString("status"),
                rs.getString("owner"),
                rs.getInt("total_rows"),
                rs.getInt("processed_rows"),
                rs.getInt("applied_rows"),
                rs.getInt("unchanged_rows"),
                rs.getInt("rejected_rows"),
                rs.getString("failure"),
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static RowOutcome row(ResultSet rs, int n) throws SQLException {
        return new RowOutcome(
                rs.getInt("line"),
                rs.getString("outcome"),
                rs.getString("column_name"),
                rs.getString("reason"),
                rs.getString("reason_code"),
                rs.getString("result"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
