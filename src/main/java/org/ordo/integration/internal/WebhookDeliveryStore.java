package org.ordo.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordo.integration.Webhooks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tables {@code webhook_delivery} (an event to one endpoint) and {@code webhook_attempt} (the delivery log). */
@Component
class WebhookDeliveryStore {

    /** A delivery a sender has claimed, with what it needs to send it. */
    record Claimed(
            UUID id,
            UUID subscriptionId,
            UUID eventId,
            String url,
            String secret,
            String body,
            int attempts,
            Instant queuedAt) {}

    /** What one attempt sent and got. */
    record Outcome(long durationMillis, String requestHeaders, Integer status, String responseBody, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private static final String PENDING = "PENDING";

    private final JdbcClient jdbc;

    WebhookDeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void queue(UUID subscriptionId, IntegrationEventStore.StoredEvent event, Instant now) {
        jdbc.sql("INSERT INTO webhook_delivery (id, subscription_id, event_id, event_seq, ordering_key, status, "
                        + "attempts, next_attempt_at, queued_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        subscriptionId,
                        event.id(),
                        event.seq(),
                        event.orderingKey(),
                        PENDING,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /** Queues the event again for the endpoint, or for the first time; true when it was sent before. */
    boolean requeue(UUID subscriptionId, IntegrationEventStore.StoredEvent event, Instant now) {
        int again = jdbc.sql("UPDATE webhook_delivery SET status = ?, next_attempt_at = ?, queued_at = ?, "
                        + "claimed_until = NULL, claimed_by = NULL WHERE subscription_id = ? AND event_id = ?")
                .params(PENDING, Timestamp.from(now), Timestamp.from(now), subscriptionId, event.id())
                .update();
        if (again == 0) {
            queue(subscriptionId, event, now);
        }
        return again > 0;
    }

    /**
     * Claims due deliveries until {@code until}: pending ones of enabled endpoints whose claim is free or expired, and
     * only the first pending one per endpoint and ordering key, so that an order's next event waits for the one before
     * it. Rows another node is claiming at the same moment are skipped, not waited for.
     */
    List<UUID> claim(Instant now, Instant until, String node, int limit) {
        List<UUID> ids = jdbc.sql("SELECT d.id FROM webhook_delivery d WHERE d.status = ? AND d.next_attempt_at <= ? "
                        + "AND (d.claimed_until IS NULL OR d.claimed_until < ?) "
                        + "AND EXISTS (SELECT 1 FROM webhook_subscription s WHERE s.id = d.subscription_id "
                        + "AND s.enabled = TRUE) "
                        + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = d.subscription_id "
                        + "AND e.ordering_key = d.ordering_key AND e.status = ? AND e.event_seq < d.event_seq) "
                        + "ORDER BY d.event_seq LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(PENDING, Timestamp.from(now), Timestamp.from(now), PENDING, limit)
                .query(UUID.class)
                .list();
        for (UUID id : ids) {
            jdbc.sql("UPDATE webhook_delivery SET claimed_until = ?, claimed_by = ? WHERE id = ?")
                    .params(Timestamp.from(until), node, id)
                    .update();
        }
        return ids;
    }

    Claimed claimed(UUID id) {
        return jdbc.sql("SELECT d.id, d.subscription_id, d.event_id, d.attempts, d.queued_at, s.url, s.secret, "
                        + "e.payload FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id "
                        + "JOIN integration_event e ON e.id = d.event_id WHERE d.id = ?")
                .param(id)
                .query((rs, row) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("url"),
                        rs.getString("secret"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("queued_at").toInstant()))
                .single();
    }

    /** Logs the attempt and leaves the delivery DELIVERED, PENDING until {@code next}, or DEAD when next is null. */
    void attempted(Claimed d, Instant at, Outcome outcome, Instant next) {
        jdbc.sql("INSERT INTO webhook_attempt (id, delivery_id, subscription_id, attempted_at, duration_ms, "
                        + "request_headers, status_code, response_body, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        d.id(),
                        d.subscriptionId(),
                        Timestamp.from(at),
                        outcome.durationMillis(),
                        cut(outcome.requestHeaders()),
                        outcome.status(),
                        cut(outcome.responseBody()),
                        cut(outcome.error()))
                .update();
        String status = outcome.delivered() ? "DELIVERED" : next == null ? "DEAD" : PENDING;
        String error = outcome.error() != null ? outcome.error() : outcome.delivered() ? null : outcome.responseBody();
        jdbc.sql("UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status = ?, last_error = ?, "
                        + "next_attempt_at = ?, delivered_at = ?, claimed_until = NULL, claimed_by = NULL WHERE id = ?")
                .params(
                        status,
                        outcome.status(),
                        cut(error),
                        Timestamp.from(next == null ? at : next),
                        outcome.delivered() ? Timestamp.from(at) : null,
                        d.id())
                .update();
    }

    List<Webhooks.WebhookDelivery> recent(UUID subscriptionId, int limit) {
        return jdbc.sql("SELECT d.*, e.type FROM webhook_delivery d JOIN integration_event e ON e.id = d.event_id "
                        + "WHERE d.subscription_id = ? ORDER BY d.event_seq DESC LIMIT ?")
                .params(subscriptionId, limit)
                .query((rs, row) -> delivery(rs))
                .list();
    }

    java.util.Optional<Webhooks.WebhookDelivery> find(UUID subscriptionId, UUID id) {
        return jdbc.sql("SELECT d.*, e.type FROM webhook_delivery d JOIN integration_event e ON e.id = d.event_id "
                        + "WHERE d.subscription_id = ? AND d.id = ?")
                .params(subscriptionId, id)
                .query((rs, row) -> delivery(rs))
                .optional();
    }

    private Webhooks.WebhookDelivery delivery(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Webhooks.WebhookDelivery(
                id,
                rs.getObject("event_id", UUID.class),
                rs.getString("type"),
                rs.getString("ordering_key"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"),
                rs.getTimestamp("queued_at").toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant(),
                instant(rs.getTimestamp("delivered_at")),
                log(id));
    }

    private List<Webhooks.Attempt> log(UUID deliveryId) {
        return jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id = ? ORDER BY attempted_at DESC, id")
                .param(deliveryId)
                .query((rs, row) -> new Webhooks.Attempt(
                        rs.getTimestamp("attempted_at").toInstant(),
                        rs.getLong("duration_ms"),
                        rs.getString("request_headers"),
                        (Integer) rs.getObject("status_code"),
                        rs.getString("response_body"),
                        rs.getString("error")))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String cut(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
