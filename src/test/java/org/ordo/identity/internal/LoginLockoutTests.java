package org.ordo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lockout rule of interactive logins, without a database: 5 failures within 15 minutes lock for 15 minutes. */
class LoginLockoutTests {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final LoginAttemptStore.Count NONE = new LoginAttemptStore.Count(0, null, null);

    @Test
    void theFifthFailureWithinFifteenMinutesLocksForFifteenMinutes() {
        LoginAttemptStore.Count count = NONE;
        for (int i = 0; i < 4; i++) {
            count = count.failedAt(T0.plus(Duration.ofMinutes(3L * i)));
            assertThat(count.lockedAt(T0.plus(Duration.ofMinutes(3L * i)))).isFalse();
        }
        Instant fifth = T0.plus(Duration.ofMinutes(14));
        count = count.failedAt(fifth);
        assertThat(count.failures()).isEqualTo(5);
        assertThat(count.lockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
        assertThat(count.lockedAt(fifth.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(count.lockedAt(fifth.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void failuresFurtherApartThanTheWindowStartTheCountAgain() {
        LoginAttemptStore.Count count = NONE;
        for (int i = 0; i < 10; i++) {
            count = count.failedAt(T0.plus(Duration.ofMinutes(16L * i)));
            assertThat(count.failures()).isEqualTo(1);
            assertThat(count.lockedUntil()).isNull();
        }
    }

    @Test
    void failuresDuringALockNeitherCountNorExtendIt() {
        LoginAttemptStore.Count locked = new LoginAttemptStore.Count(5, T0, T0.plus(Duration.ofMinutes(15)));
        assertThat(locked.failedAt(T0.plus(Duration.ofMinutes(5)))).isEqualTo(locked);
    }

    @Test
    void afterALockHasRunOutTheNextFailureCountsAsTheFirst() {
        LoginAttemptStore.Count expired = new LoginAttemptStore.Count(5, T0, T0.plus(Duration.ofMinutes(15)));
        LoginAttemptStore.Count next = expired.failedAt(T0.plus(Duration.ofMinutes(16)));
        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.lockedUntil()).isNull();
    }
}
