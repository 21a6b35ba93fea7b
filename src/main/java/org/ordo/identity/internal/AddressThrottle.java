package org.ordo.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address, on this node: an address that failed {@code maxFailures} times within the window is
 * refused (429) until the window ends, whatever username or token it tries next. So one client can neither guess on
 * without end nor lock every user (each username locks after {@link org.ordo.identity.Logins#MAX_FAILURES} failures).
 */
@Component
class AddressThrottle {

    /** Addresses kept at most; past that, those whose window has ended are forgotten first. */
    private static final int MAX_ADDRESSES = 100_000;

    private record Window(Instant start, int failures) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    @Autowired
    AddressThrottle(IdentityProperties properties) {
        this(properties.throttle().maxFailures(), properties.throttle().window(), Clock.systemUTC());
    }

    AddressThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code address} must wait before it may try again; empty while it may try. */
    Optional<Duration> retryAfter(String address) {
        Window w = address == null ? null : windows.get(address);
        Instant now = clock.instant();
        if (w == null || w.failures() < maxFailures || !w.start().plus(window).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, w.start().plus(window)));
    }

    void failed(String address) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        if (windows.size() >= MAX_ADDRESSES) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
        windows.merge(
                address,
                new Window(now, 1),
                (old, one) ->
                        old.start().plus(window).isAfter(now) ? new Window(old.start(), old.failures() + 1) : one);
    }
}
