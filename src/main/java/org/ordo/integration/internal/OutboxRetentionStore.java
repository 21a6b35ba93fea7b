package org.ordo.integration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes what the outbox no longer needs, a batch at a time: only deliveries DELIVERED or DEAD, publications
 * PUBLISHED, and events of which no delivery or publication is left. Rows are taken FOR UPDATE SKIP LOCKED, so that a
 * replay or a sender working on one at the same moment is never waited for.
 */
@Component
class OutboxRetentionStore {

    private static final String JOB = "retention";

    private final JdbcClient jdbc;

    OutboxRetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the job's row until the transaction ends; false when another node holds it. */
    boolean claimJob() {
        return jdbc.sql("SELECT name FROM integration_job_lock WHERE name = ? FOR UPDATE SKIP LOCKED")
                .param(JOB)
                .query(String.class)
                .optional()
                .isPresent();
    }

    void jobRan(Instant at, String node) {
        jdbc.sql("UPDATE integration_job_lock SET last_run_at = ?, last_run_by = ? WHERE name = ?")
                .params(Timestamp.from(at), node, JOB)
                .update();
    }

    /**
     * Deletes up to {@code limit} deliveries in {@code status} (DELIVERED or DEAD) whose last attempt was before
     * {@code before}, with their log; how many.
     */
    int pruneDeliveries(String status, Instant before, int limit) {
        // the last attempt sets next_attempt_at to its own time once a delivery is DELIVERED or DEAD
        List<UUID> ids = jdbc.sql("SELECT id FROM webhook_delivery WHERE status = ? AND next_attempt_at < ? "
                        + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(status, Timestamp.from(before), limit)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM webhook_attempt WHERE delivery_id IN (:ids)")
                .param("ids", ids)
                .update();
        return jdbc.sql("DELETE FROM webhook_delivery WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
    }

    /** Deletes up to {@code limit} Kafka publications acknowledged before {@code before}; how many. */
    int prunePublications(Instant before, int limit) {
        List<UUID> ids = jdbc.sql("SELECT event_id FROM kafka_publication WHERE status = 'PUBLISHED' "
                        + "AND published_at < ? ORDER BY published_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(before), limit)
                .query(UUID.class)
                .list();
        return ids.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM kafka_publication WHERE event_id IN (:ids)")
                        .param("ids", ids)
                        .update();
    }

    /** Deletes up to {@code limit} events written before {@code before} of which nothing is left to send; how many. */
    int pruneEvents(Instant before, int limit) {
        List<UUID> ids = jdbc.sql("SELECT e.id FROM integration_event e WHERE e.occurred_at < ? "
                        + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id) "
                        + "AND NOT EXISTS (SELECT 1 FROM kafka_publication p WHERE p.event_id = e.id) "
                        + "ORDER BY e.occurred_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(before), limit)
                .query(UUID.class)
                .list();
        return ids.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM integration_event WHERE id IN (:ids)")
                        .param("ids", ids)
                        .update();
    }
}
