package org.ordo.platform;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;

/**
 * For a create-or-update by a unique key: two first requests for one key both find nothing and both insert; the unique
 * constraint makes the later insert fail once the earlier commits, and its transaction rolls back. Trying it once more
 * finds the row and updates it. The attempt must be a transaction of its own (a service call, not inside one).
 */
public final class RaceRetry {

    private RaceRetry() {}

    /** {@code first}, and {@code again} once when {@code first} lost the race for a unique key. */
    public static <T> T onDuplicateKey(Supplier<T> first, Supplier<T> again) {
        try {
            return first.get();
        } catch (DuplicateKeyException lostTheRace) {
            return again.get();
        }
    }
}
