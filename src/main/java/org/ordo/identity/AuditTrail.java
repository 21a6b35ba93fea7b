package org.ordo.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;

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

    /**
     * Entries matching every non-null filter, newest first: {@code entity}, {@code entityId} and {@code actor} exactly,
     * {@code from} inclusive and {@code to} exclusive. The total counts at most {@link #MAX_COUNTED} entries (a larger
     * total is reported as {@code MAX_COUNTED + 1}), so that a page of a long trail stays fast.
     */
    PageResult<AuditEntry> search(Search search, Paging paging);

    /** The problems of one thing's chain (a changed, removed or relinked entry), none when it is intact. */
    List<String> verify(String entity, String entityId);

    /**
     * The thing a person's reference names: {@code reference} as a number or name of a thing of {@code entity} (any kind
     * when null), resolved by the module that owns it ({@link AuditedThings}). Empty when nothing is named so; the
     * reference is then taken as an id as it is.
     */
    Optional<Thing> resolve(String entity, String reference);

    /** The number or name of each thing of these entries, by {@link Thing}; things without one are absent. */
    Map<Thing, String> labels(Collection<AuditEntry> entries);

    /** One audited thing: its kind and the id its entries carry. */
    record Thing(String entity, String entityId) {}

    int MAX_COUNTED = 10_000;

    /** Filters of {@link #search}; each may be null. */
    record Search(String entity, String entityId, String actor, Instant from, Instant to) {}
}
