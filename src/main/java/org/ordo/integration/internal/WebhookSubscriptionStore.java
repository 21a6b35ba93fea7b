package org.ordo.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.integration.EventType;
import org.ordo.platform.ChangeNotices;
import org.ordo.platform.ExactCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Table {@code webhook_subscription}; event types are kept as one comma-separated list. The enabled subscriptions,
 * which every order's events are matched against, are kept in an {@link ExactCache}; each write announces a change.
 */
@Component
class WebhookSubscriptionStore {

    private static final String ENABLED = "enabled";

    /** A subscription with its secret, for the sender. */
    record Endpoint(
            UUID id,
            String url,
            String secret,
            List<String> eventTypes,
            boolean enabled,
            Instant createdAt,
            Instant updatedAt) {

        boolean wants(String type) {
            return eventTypes.contains(EventType.ALL) || eventTypes.contains(type);
        }
    }

    private final JdbcClient jdbc;
    private final ExactCache<List<Endpoint>> enabled;

    WebhookSubscriptionStore(JdbcClient jdbc, ChangeNotices notices) {
        this.jdbc = jdbc;
        // one entry: the enabled subscriptions, a handful
        this.enabled = ExactCache.of("webhook-subscriptions", notices, 1);
    }

    void insert(Endpoint e) {
        enabled.announceAll();
        jdbc.sql("INSERT INTO webhook_subscription (id, url, secret, event_types, enabled, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.id(),
                        e.url(),
                        e.secret(),
                        String.join(",", e.eventTypes()),
                        e.enabled(),
                        Timestamp.from(e.createdAt()),
                        Timestamp.from(e.updatedAt()))
                .update();
    }

    void update(Endpoint e) {
        enabled.announceAll();
        jdbc.sql("UPDATE webhook_subscription SET url = ?, secret = ?, event_types = ?, enabled = ?, updated_at = ? "
                        + "WHERE id = ?")
                .params(
                        e.url(),
                        e.secret(),
                        String.join(",", e.eventTypes()),
                        e.enabled(),
                        Timestamp.from(e.updatedAt()),
                        e.id())
                .update();
    }

    Optional<Endpoint> find(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE id = ?")
                .param(id)
                .query(WebhookSubscriptionStore::endpoint)
                .optional();
    }

    List<Endpoint> all() {
        return jdbc.sql("SELECT * FROM webhook_subscription ORDER BY created_at, id")
                .query(WebhookSubscriptionStore::endpoint)
                .list();
    }

    List<Endpoint> enabled() {
        return enabled.get(
                ENABLED,
                key -> List.copyOf(
                        jdbc.sql("SELECT * FROM webhook_subscription WHERE enabled = TRUE ORDER BY created_at, id")
                                .query(WebhookSubscriptionStore::endpoint)
                                .list()));
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new Endpoint(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                rs.getString("secret"),
                List.of(rs.getString("event_types").split(",")),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
