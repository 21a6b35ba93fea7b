package org.ordo.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The e-mails sent (or to be sent) to a customer, newest first, with how their delivery went. */
public interface CustomerMessages {

    List<Message> of(UUID customerId);

    enum Status {
        /** Waiting for the sender; after a failed attempt it waits for the next one ({@code lastError} says why). */
        QUEUED,
        SENT,
        /** Given up after the last attempt; {@code lastError} says why. */
        FAILED,
        /** Written to the log instead of sent: no mail server, and the demo wants to show it ({@code log-only}). */
        LOGGED
    }

    /** {@code language} is a BCP 47 tag ({@code en}, {@code zh-CN}); {@code sentAt} is null until it is sent. */
    record Message(
            UUID id,
            MessageKind kind,
            String recipient,
            String subject,
            String language,
            Status status,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}
}
