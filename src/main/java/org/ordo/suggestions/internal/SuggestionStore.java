package org.ordo.suggestions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The refresh's lock and log ({@code suggestion_lock}, {@code suggestion_refresh}). */
@Component
class SuggestionStore {

    private final JdbcClient jdbc;

    SuggestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the refresh's lock row until the transaction ends; false when another refresh holds it. */
    boolean lockRefresh() {
        return jdbc.sql("SELECT name FROM suggestion_lock WHERE name = 'refresh' FOR UPDATE SKIP LOCKED")
                .query(String.class)
                .optional()
                .isPresent();
    }

    /** When the last refresh finished, if there was one. */
    Optional<Instant> lastRefresh() {
        return jdbc.sql("SELECT MAX(finished_at) AS finished_at FROM suggestion_refresh")
                .query((rs, n) -> rs.getTimestamp("finished_at"))
                .optional()
                .map(Timestamp::toInstant);
    }

    void saveRefresh(Instant startedAt, Instant finishedAt, Instant historySince, int pairs, String runBy) {
        jdbc.sql("""
                INSERT INTO suggestion_refresh (started_at, finished_at, history_since, pairs, run_by)
                VALUES (?, ?, ?, ?, ?)""")
                .params(
                        Timestamp.from(startedAt),
                        Timestamp.from(finishedAt),
                        Timestamp.from(historySince),
                        pairs,
                        runBy)
                .update();
    }
}
