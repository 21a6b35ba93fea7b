package org.ordo.notifications.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.notifications.*}: how the outbox is delivered. A failed attempt is tried again after {@code retryBackoff},
 * doubled per attempt; after {@code maxAttempts} the message is FAILED. {@code from} is the sender's address (the
 * company's e-mail when not set); {@code portalUrl} starts the links in the messages. Internal messages go to the
 * staff user's address in {@code staffEmails} (user name to e-mail: users have none of their own), else to
 * {@code salesDeskEmail}. {@code logOnly} (set by the demo profile) writes messages into the outbox as LOGGED and into
 * the log when no mail server is set.
 */
@ConfigurationProperties("ordo.notifications")
record NotificationProperties(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT1M") Duration retryBackoff,
        String from,
        @DefaultValue("http://localhost:8080") String portalUrl,
        String salesDeskEmail,
        Map<String, String> staffEmails,
        @DefaultValue("false") boolean logOnly) {

    /** The address of a staff user's internal messages: its own if configured, else the sales desk's (may be null). */
    String staffRecipient(String username) {
        String own = staffEmails == null || username == null ? null : staffEmails.get(username);
        return own != null && !own.isBlank() ? own : salesDeskEmail;
    }
}
