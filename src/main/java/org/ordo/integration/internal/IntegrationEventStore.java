package org.ordo.integration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordo.platform.MultiRowInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox of events, table {@code integration_event}: the body as sent, so every retry sends the same bytes. */
@Component
class IntegrationEventStore {

    /** An event as written: {@code body} is the JSON {@code {type, timestamp, data}}. */
    record StoredEvent(
            UUID id,
            long seq,
            String type,
            String aggregate,
            String aggregateId,
            String orderingKey,
            Instant occurredAt,
            String body) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    IntegrationEventStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** An event to write; the database numbers it ({@code seq}) in the order of the list. */
    record NewEvent(
            UUID id,
            String type,
            int version,
            String aggregate,
            String aggregateId,
            String orderingKey,
            Instant at,
            String body) {}

    /** Writes the events in one statement. */
    void insert(List<NewEvent> events) {
        MultiRowInsert.insert(
                template,
                "INSERT INTO integration_event (id, type, version, aggregate, aggregate_id, ordering_key, occurred_at, payload)",
                8,
                events,
                (ps, n, e) -> {
                    ps.setObject(n, e.id());
                    ps.setString(n + 1, e.type());
                    ps.setInt(n + 2, e.version());
                    ps.setString(n + 3, e.aggregate());
                    ps.setString(n + 4, e.aggregateId());
                    ps.setString(n + 5, e.orderingKey());
                    ps.setTimestamp(n + 6, Timestamp.from(e.at()));
                    ps.setString(n + 7, e.body());
                });
    }

    StoredEvent find(UUID id) {
        return jdbc.sql("SELECT * FROM integration_event WHERE id = ?")
                .param(id)
                .query(IntegrationEventStore::event)
                .single();
    }

    /** Since {@code since}, in the order they were written. */
    List<StoredEvent> since(Instant since) {
        return jdbc.sql("SELECT * FROM integration_event WHERE occurred_at >= ? ORDER BY seq")
                .param(Timestamp.from(since))
                .query(IntegrationEventStore::event)
                .list();
    }

    private static StoredEvent event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredEvent(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getString("type"),
                rs.getString("aggregate"),
                rs.getString("aggregate_id"),
                rs.getString("ordering_key"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("payload"));
    }
}
