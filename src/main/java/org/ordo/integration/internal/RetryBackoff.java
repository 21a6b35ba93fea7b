package org.ordo.integration.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, so that the deliveries a receiver's outage
 * failed together do not all come back in the same second; none after the retry window.
 */
@Component
class RetryBackoff {

    private final WebhookProperties properties;

    RetryBackoff(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The next attempt after {@code attempts} failed ones, or null when the delivery is to be given up (DEAD). */
    Instant next(int attempts, Instant queuedAt, Instant now) {
        long first = properties.firstRetry().toMillis();
        long doubled = first << Math.min(Math.max(attempts - 1, 0), 20);
        long delay = Math.min(doubled, properties.maxRetry().toMillis());
        long jittered =
                Math.round(delay * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        Instant next = now.plus(Duration.ofMillis(jittered));
        return next.isAfter(queuedAt.plus(properties.retryFor())) ? null : next;
    }
}
