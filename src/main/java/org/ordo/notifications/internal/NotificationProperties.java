package org.ordo.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.notifications.*}: how the outbox is delivered. A failed attempt is tried again after {@code retryBackoff},
 * doubled per attempt; after {@code maxAttempts} the message is FAILED. {@code from} is the sender's address (the
 * company's e-mail when not set); {@code portalUrl} starts the links in the messages.
 */
@ConfigurationProperties("ordo.notifications")
record NotificationProperties(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT1M") Duration retryBackoff,
        String from,
        @DefaultValue("http://localhost:8080") String portalUrl) {}
