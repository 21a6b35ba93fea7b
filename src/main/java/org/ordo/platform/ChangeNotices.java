package org.ordo.platform;

import java.util.function.Consumer;

/**
 * Keeps in-memory caches of every node true to the database. A module names its cache and announces ({@link #announce})
 * each change of what it caches inside the transaction that makes the change: this node forgets it at once
 * and again after the commit, and on PostgreSQL every other node hears it on commit (one listening connection per node
 * for all caches). The changing request is answered only once every listening node confirmed it heard the change (at
 * most two seconds), so the next request on any node sees the change.
 *
 * <p>A cache may answer without reading only while {@link #trusted()}: while this node's listening connection is
 * proven alive by its heartbeats. When it breaks, caches are not trusted (read from the database); after reconnecting
 * every cache is cleared, since changes announced meanwhile went unheard. On the embedded H2 there is one node and
 * caches are always trusted. {@link ExactCache} is the cache that follows these rules.
 */
public interface ChangeNotices {

    /**
     * What {@code cache} forgets when a change of it is heard, from any node: {@code forget} gets the key changed, or
     * null when anything of the cache may have changed (an announcement of all, or changes that went unheard).
     */
    void onChange(String cache, Consumer<String> forget);

    /** Whether every change of every node is heard now, so that cached entries may be served without a read. */
    boolean trusted();

    /**
     * {@code key} of {@code cache} changes in the current transaction. Call it inside the
     * transaction that makes the change; without one, the change is announced at once.
     */
    void announce(String cache, String key);

    /** Anything of {@code cache} may change in the current transaction. */
    void announceAll(String cache);

    /**
     * Whether the current transaction announced a change of {@code cache}: it may see its own uncommitted writes, so it
     * must neither take nor put cached entries.
     */
    boolean changedInThisTransaction(String cache);
}
