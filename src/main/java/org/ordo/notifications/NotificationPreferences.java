package org.ordo.notifications;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which messages a customer gets: every transactional kind, and the optional kinds it has not turned off. */
public interface NotificationPreferences {

    /** Every kind, in declaration order, with whether the customer gets it. */
    List<Choice> of(UUID customerId);

    /**
     * Turns off exactly the optional kinds in {@code off} and turns on the others.
     *
     * @throws org.ordo.shared.OrdoException a transactional kind in {@code off} (400, rule
     *         {@code notification-transactional}), the customer not found (404)
     */
    List<Choice> set(UUID customerId, Set<MessageKind> off);

    record Choice(MessageKind kind, boolean transactional, boolean enabled) {}
}
