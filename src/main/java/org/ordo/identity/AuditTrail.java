package org.ordo.identity;

import java.util.List;

/**
 * The append-only, tamper-evident record of every change (invariant 12). Each entry carries the actor, time,
 * action, the state before and after (as JSON), and the hash of the previous entry of the same thing, so a
 * changed, inserted or removed entry breaks the chain.
 *
 * <p>Call it inside the transaction that makes the change: the entry commits or rolls back with it.
 * The caller must hold the row lock of the thing it audits (it is changing it), which keeps each chain linear.
 */
public interface AuditTrail {

    /**
     * @param entity   the kind of thing, e.g. {@code ORDER}, {@code PRODUCT}, {@code STOCK}
     * @param entityId its id or natural key
     * @param action   what happened, e.g. {@code PLACED}, {@code PRICE_CHANGED}
     * @param before   its state before (null for a creation), serialised to JSON
     * @param after    its state after (null for a deletion), serialised to JSON
     */
    void record(String entity, String entityId, String action, Object before, Object after);

    /** Records several creations at once (batched), for bulk writes on hot paths. */
    void recordCreated(String entity, List<Created> created);

    /** One created thing for {@link #recordCreated}. */
    record Created(String entityId, String action, Object after) {}

    /** The entries of one thing, oldest first. */
    List<AuditEntry> entries(String entity, String entityId);
}
