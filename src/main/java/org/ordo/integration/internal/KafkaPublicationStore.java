package org.ordo.integration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Table {@code kafka_publication}: where each event stands on its way to Kafka. */
@Component
class KafkaPublicationStore {

    /** A claimed event with what the record needs: topic from {@code aggregate}, key {@code aggregateId}. */
    record Claimed(UUID eventId, String type, String aggregate, String aggregateId, String body, int attempts) {}

    private static final String PENDING = "PENDING";

    private final JdbcClient jdbc;

    KafkaPublicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void queue(IntegrationEventStore.StoredEvent event, Instant now) {
        jdbc.sql(
                        "INSERT INTO kafka_publication (event_id, event_seq, partition_key, status, attempts, next_attempt_at) "
                                + "VALUES (?, ?, ?, ?, 0, ?)")
                .params(
                        event.id(),
                        event.seq(),
                        event.aggregate() + ":" + event.aggregateId(),
                        PENDING,
                        Timestamp.from(now))
                .update();
    }

    /**
     * Claims due events until {@code until}: pending ones whose claim is free or expired, and only the first pending one
     * per aggregate, so that an aggregate's next event waits for the one before it. Rows another node is claiming at
     * the same moment are skipped, not waited for.
     */
    List<UUID> claim(Instant now, Instant until, String node, int limit) {
        List<UUID> ids = jdbc.sql("SELECT p.event_id FROM kafka_publication p WHERE p.status = ? "
                        + "AND p.next_attempt_at <= ? AND (p.claimed_until IS NULL OR p.claimed_until < ?) "
                        + "AND NOT EXISTS (SELECT 1 FROM kafka_publication e WHERE e.partition_key = p.partition_key "
                        + "AND e.status = ? AND e.event_seq < p.event_seq) "
                        + "ORDER BY p.event_seq LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(PENDING, Timestamp.from(now), Timestamp.from(now), PENDING, limit)
                .query(UUID.class)
                .list();
        for (UUID id : ids) {
            jdbc.sql("UPDATE kafka_publication SET claimed_until = ?, claimed_by = ? WHERE event_id = ?")
                    .params(Timestamp.from(until), node, id)
                    .update();
        }
        return ids;
    }

    Claimed claimed(UUID eventId) {
        return jdbc.sql("SELECT p.event_id, p.attempts, e.type, e.aggregate, e.aggregate_id, e.payload "
                        + "FROM kafka_publication p JOIN integration_event e ON e.id = p.event_id WHERE p.event_id = ?")
                .param(eventId)
                .query((rs, row) -> new Claimed(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("type"),
                        rs.getString("aggregate"),
                        rs.getString("aggregate_id"),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .single();
    }

    void published(UUID eventId, Instant at) {
        jdbc.sql("UPDATE kafka_publication SET status = 'PUBLISHED', attempts = attempts + 1, last_error = NULL, "
                        + "published_at = ?, claimed_until = NULL, claimed_by = NULL WHERE event_id = ?")
                .params(Timestamp.from(at), eventId)
                .update();
    }

    /** The broker did not acknowledge: pending again from {@code next}. */
    void failed(UUID eventId, String error, Instant next) {
        jdbc.sql("UPDATE kafka_publication SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
                        + "claimed_until = NULL, claimed_by = NULL WHERE event_id = ?")
                .params(error.length() > 1000 ? error.substring(0, 1000) : error, Timestamp.from(next), eventId)
                .update();
    }
}
