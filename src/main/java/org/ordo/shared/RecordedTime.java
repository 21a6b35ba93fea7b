package org.ordo.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The time the records give to what happens: the system clock, or for data import and demos the clock of the current
 * thread set back into the past, so that a history is written in the order it happened and each step carries its own
 * day. The stock ledger is append-only, so its entries must get their time when they are written.
 */
public final class RecordedTime {

    private static final ThreadLocal<Duration> BEHIND = new ThreadLocal<>();

    private RecordedTime() {}

    /** Now, or as long ago as the current thread's clock was set back. */
    public static Instant now() {
        Duration behind = BEHIND.get();
        return behind == null ? Instant.now() : Instant.now().minus(behind);
    }

    /** The UTC date of {@link #now()}. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /**
     * Runs {@code work} on this thread with the clock set back to {@code at} (and running on from there), then restores
     * the clock it had. Listeners that run after the commit on other threads keep the real time.
     *
     * @throws IllegalArgumentException for a time in the future
     */
    public static <T> T at(Instant at, Supplier<T> work) {
        Duration behind = Duration.between(at, Instant.now());
        if (behind.isNegative()) {
            throw new IllegalArgumentException("the clock can be set back, not ahead: " + at);
        }
        Duration before = BEHIND.get();
        BEHIND.set(behind);
        try {
            return work.get();
        } finally {
            if (before == null) {
                BEHIND.remove();
            } else {
                BEHIND.set(before);
            }
        }
    }

    /** As {@link #at(Instant, Supplier)}, for work without a result. */
    public static void runAt(Instant at, Runnable work) {
        at(at, () -> {
            work.run();
            return null;
        });
    }
}
