package org.ordo.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordo.notifications.CustomerMessages;
import org.ordo.notifications.MessageKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox, table {@code notification}: one row per message, with its delivery. */
@Component
class NotificationStore implements CustomerMessages {

    /**
     * A message to be written: rendered, addressed, its attachments (null, or references separated by spaces such as
     * {@code invoice-pdf:<id>}) and whether it is QUEUED for the sender or only LOGGED.
     */
    record Outgoing(
            UUID customerId,
            String eventKey,
            MessageKind kind,
            String language,
            String recipient,
            MailRenderer.Rendered content,
            String attachment,
            Status status) {}

    /** A message the sender is to deliver now. */
    record Due(
            UUID id,
            String recipient,
            String language,
            String subject,
            String bodyHtml,
            String bodyText,
            String attachment,
            int attempts) {}

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String eventKey, String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE event_key = ? AND recipient = ?")
                        .params(eventKey, recipient)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(Outgoing m, Instant now) {
        jdbc.sql("INSERT INTO notification (id, customer_id, event_key, kind, language, recipient, subject, body_html, "
                        + "body_text, attachment, status, attempts, next_attempt_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        m.customerId(),
                        m.eventKey(),
                        m.kind().name(),
                        m.language(),
                        m.recipient(),
                        m.content().subject(),
                        m.content().html(),
                        m.content().text(),
                        m.attachment(),
                        m.status().name(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /** Queued messages whose next attempt is due, oldest first; locked until the transaction ends. */
    List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM notification WHERE status = 'QUEUED' AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at, created_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("language"),
                        rs.getString("subject"),
                        rs.getString("body_html"),
                        rs.getString("body_text"),
                        rs.getString("attachment"),
                        rs.getInt("attempts")))
                .list();
    }

    void sent(UUID id, Instant at) {
        jdbc.sql("UPDATE notification SET status = 'SENT', attempts = attempts + 1, last_error = NULL, sent_at = ? "
                        + "WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    /** A failed attempt: tried again at {@code next}, or FAILED for good when {@code next} is null. */
    void attemptFailed(UUID id, String error, Instant next) {
        String cut = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (next == null) {
            jdbc.sql("UPDATE notification SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?")
                    .params(cut, id)
                    .update();
        } else {
            jdbc.sql(
                            "UPDATE notification SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(cut, Timestamp.from(next), id)
                    .update();
        }
    }

    @Override
    public List<Message> of(UUID customerId) {
        return jdbc.sql("SELECT * FROM notification WHERE customer_id = ? ORDER BY created_at DESC, id")
                .param(customerId)
                .query(NotificationStore::message)
                .list();
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new Message(
                rs.getObject("id", UUID.class),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("language"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                sentAt == null ? null : sentAt.toInstant());
    }
}
