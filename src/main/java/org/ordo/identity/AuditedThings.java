package org.ordo.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a module tells the audit trail about the things it audits under an id a person does not know (a UUID): which
 * thing a number or name names, and the number or name to show for an id. Each module answers for its own things from
 * its own tables; the audit trail asks every implementation (a module without one is searched by id alone).
 */
public interface AuditedThings {

    /** The entity kinds this module answers for, e.g. {@code ORDER}. */
    Set<String> entities();

    /**
     * The audited id of the {@code entity} thing that {@code reference} names: its number (any case) or, where it has
     * one, its exact name (any case) when only one thing has it. Empty when it names none.
     */
    Optional<String> idOf(String entity, String reference);

    /** The number or name to show for each of these audited ids of {@code entity}; unknown ids are absent. */
    Map<String, String> labels(String entity, Collection<String> ids);

    /** Those of {@code ids} that are UUIDs: the ids under which numbered things are audited. */
    static Set<UUID> uuids(Collection<String> ids) {
        Set<UUID> uuids = new HashSet<>();
        for (String id : ids) {
            if (id != null && id.length() == 36) {
                try {
                    uuids.add(UUID.fromString(id));
                } catch (IllegalArgumentException notAUuid) {
                    // audited under a natural key: not one of these
                }
            }
        }
        return uuids;
    }
}
