package org.ordo.web.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page jobs in table page_job, so that a progress poll answered by any node sees the job: its progress while it
 * runs, then its result as JSON, read back as the type it was written as.
 */
@Component
class PageJobStore {

    private static final String COLUMNS =
            "id, kind, owner, state, total, done, result_type, result, errors, started_at, finished_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PageJobStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(String id, String kind, String owner, Instant startedAt) {
        jdbc.sql("INSERT INTO page_job (id, kind, owner, state, started_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, kind, owner, PageJobs.State.RUNNING.name(), Timestamp.from(startedAt))
                .update();
    }

    void progress(String id, int total, int done) {
        jdbc.sql("UPDATE page_job SET total = ?, done = ? WHERE id = ? AND state = ?")
                .params(total, done, id, PageJobs.State.RUNNING.name())
                .update();
    }

    /** Ends a job that is still running (a job failed by its stopping node stays failed). */
    void finish(String id, PageJobs.State state, int total, int done, Object result, List<String> errors, Instant at) {
        jdbc.sql("""
                UPDATE page_job SET state = ?, total = ?, done = ?, result_type = ?, result = ?, errors = ?, finished_at = ?
                WHERE id = ? AND state = ?""")
                .params(
                        state.name(),
                        total,
                        done,
                        result == null ? null : result.getClass().getName(),
                        result == null ? null : json.writeValueAsString(result),
                        json.writeValueAsString(errors),
                        Timestamp.from(at),
                        id,
                        PageJobs.State.RUNNING.name())
                .update();
    }

    Optional<PageJobs.View> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM page_job WHERE id = ?")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    long running(String owner) {
        return jdbc.sql("SELECT COUNT(*) AS running FROM page_job WHERE owner = ? AND state = ?")
                .params(owner, PageJobs.State.RUNNING.name())
                .query((rs, n) -> rs.getLong("running"))
                .single();
    }

    /** Deletes the jobs that finished before {@code finishedBefore} and those still running since before {@code startedBefore}. */
    void deleteOld(Instant finishedBefore, Instant startedBefore) {
        jdbc.sql("""
                DELETE FROM page_job
                WHERE (finished_at IS NOT NULL AND finished_at < ?) OR (finished_at IS NULL AND started_at < ?)""")
                .params(Timestamp.from(finishedBefore), Timestamp.from(startedBefore))
                .update();
    }

    private PageJobs.View view(ResultSet rs) throws SQLException {
        Timestamp finishedAt = rs.getTimestamp("finished_at");
        String errors = rs.getString("errors");
        return new PageJobs.View(
                rs.getString("id"),
                rs.getString("kind"),
                rs.getString("owner"),
                rs.getInt("total"),
                rs.getInt("done"),
                PageJobs.State.valueOf(rs.getString("state")),
                result(rs.getString("result_type"), rs.getString("result")),
                errors == null ? List.of() : json.readValue(errors, new TypeReference<List<String>>() {}),
                rs.getTimestamp("started_at").toInstant(),
                finishedAt == null ? null : finishedAt.toInstant());
    }

    private Object result(String type, String value) {
        if (type == null || value == null) {
            return null;
        }
        try {
            return json.readValue(value, Class.forName(type, false, PageJobStore.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            // written by a newer version of Ordo on another node: the job is shown without its result
            return null;
        }
    }
}
