package org.ordo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An address is refused from its Nth failure within the window until the window ends; other addresses are not. */
class AddressThrottleTests {

    private Instant now = Instant.parse("2026-12-04T10:00:00Z");

    private final AddressThrottle throttle = new AddressThrottle(3, Duration.ofMinutes(10), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void anAddressIsRefusedFromItsThirdFailureUntilTheWindowEnds() {
        throttle.failed("192.0.2.1");
        now = now.plusSeconds(60);
        throttle.failed("192.0.2.1");
        assertThat(throttle.retryAfter("192.0.2.1")).isEmpty();
        throttle.failed("192.0.2.1");
        assertThat(throttle.retryAfter("192.0.2.1")).contains(Duration.ofMinutes(9));
        assertThat(throttle.retryAfter("192.0.2.2")).isEmpty();
        now = now.plus(Duration.ofMinutes(9));
        assertThat(throttle.retryAfter("192.0.2.1")).isEmpty();
    }

    @Test
    void failuresOfAnEndedWindowNoLongerCount() {
        throttle.failed("192.0.2.3");
        throttle.failed("192.0.2.3");
        now = now.plus(Duration.ofMinutes(11));
        throttle.failed("192.0.2.3");
        assertThat(throttle.retryAfter("192.0.2.3")).isEmpty();
    }
}
