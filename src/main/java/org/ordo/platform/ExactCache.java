package org.ordo.platform;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An in-memory cache of database rows that is never stale: its owner {@linkplain #announce announces} every change of
 * what it caches inside the changing transaction, and {@link ChangeNotices} makes every node forget it. Entries are
 * served only while the notices are {@linkplain ChangeNotices#trusted() trusted}; otherwise every call reads through.
 * A transaction that announced a change of this cache reads through as well, since it may see its own uncommitted
 * writes.
 *
 * <p>A read that raced with a change must not put back what it read: a generation counter is taken before the read,
 * and what was read stays only if no change came in meanwhile. At most {@code maxEntries} entries are kept.
 *
 * @param <V> what is cached per key (immutable)
 */
public final class ExactCache<V> {

    private final String name;
    private final ChangeNotices notices;
    private final int maxEntries;
    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private ExactCache(String name, ChangeNotices notices, int maxEntries) {
        this.name = name;
        this.notices = notices;
        this.maxEntries = maxEntries;
        notices.onChange(name, key -> {
            if (key == null) {
                clear();
            } else {
                forget(key);
            }
        });
    }

    /** A cache named {@code name} (one word, unique among all caches) of at most {@code maxEntries} entries. */
    public static <V> ExactCache<V> of(String name, ChangeNotices notices, int maxEntries) {
        return new ExactCache<>(name, notices, maxEntries);
    }

    /** The value of {@code key}, cached or else loaded; a null value is not cached. */
    public V get(String key, Function<String, V> load) {
        if (!usable()) {
            return load.apply(key);
        }
        V cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        long stamp = generation.get();
        V loaded = load.apply(key);
        if (loaded != null) {
            put(stamp, key, loaded);
        }
        return loaded;
    }

    /**
     * The values of {@code keys}: those cached, and the others by one call of {@code load}, whose keys without a value
     * are neither in the answer nor cached.
     */
    public Map<String, V> getAll(Collection<String> keys, Function<Set<String>, Map<String, V>> load) {
        if (!usable()) {
            return load.apply(new LinkedHashSet<>(keys));
        }
        Map<String, V> found = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String key : keys) {
            V cached = entries.get(key);
            if (cached != null) {
                found.put(key, cached);
            } else {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long stamp = generation.get();
        Map<String, V> loaded = load.apply(missing);
        loaded.forEach((key, value) -> put(stamp, key, value));
        found.putAll(loaded);
        return found;
    }

    /** {@code key} changes in the current transaction: every node forgets it once the change is committed. */
    public void announce(String key) {
        notices.announce(name, key);
    }

    /** Anything of this cache may change in the current transaction. */
    public void announceAll() {
        notices.announceAll(name);
    }

    public int size() {
        return entries.size();
    }

    private boolean usable() {
        return maxEntries > 0 && notices.trusted() && !notices.changedInThisTransaction(name);
    }

    private void put(long stamp, String key, V value) {
        if (entries.size() >= maxEntries) {
            evict();
        }
        entries.put(key, value);
        // a change that came in since the stamp may have missed this entry: then it must not stay
        if (generation.get() != stamp) {
            entries.remove(key, value);
        }
    }

    private void forget(String key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Drops arbitrary entries down to three quarters of the bound. */
    private void evict() {
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() > maxEntries * 3 / 4 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
