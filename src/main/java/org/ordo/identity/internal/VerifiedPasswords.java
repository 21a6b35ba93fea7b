package org.ordo.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short while, that a username and password were checked against BCrypt, so that an API client
 * sending Basic credentials on every request does not pay ~100 ms of BCrypt each time.
 *
 * <p>An entry is only trusted for the exact user row it was verified against: the caller passes the version and
 * password hash it has just read from the database, and any difference (a password, role or enabled change on
 * any node bumps the version) discards the entry. So the cache can never let an old password in, whichever
 * node changed it.
 *
 * <p>The password itself is not kept: entries are keyed by an HMAC of it under a random key that lives only in
 * this node's memory, so a heap dump gives no fast offline guessing.
 */
final class VerifiedPasswords {

    private record Verified(long version, String passwordHash, long expiresAtNanos) {}

    private final Map<String, Verified> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final SecretKeySpec key;

    VerifiedPasswords(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    VerifiedPasswords(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** True if this password was verified for exactly this version of the user, recently enough. */
    boolean contains(OrdoUser user, String password) {
        if (ttlNanos <= 0 || maxEntries <= 0) {
            return false;
        }
        String k = key(user.username(), password);
        Verified v = entries.get(k);
        if (v == null) {
            return false;
        }
        if (v.version() != user.version()
                || !v.passwordHash().equals(user.passwordHash())
                || expired(v, nanoClock.getAsLong())) {
            entries.remove(k, v);
            return false;
        }
        return true;
    }

    void remember(OrdoUser user, String password) {
        if (ttlNanos <= 0 || maxEntries <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evict();
        }
        entries.put(
                key(user.username(), password),
                new Verified(user.version(), user.passwordHash(), nanoClock.getAsLong() + ttlNanos));
    }

    int size() {
        return entries.size();
    }

    /** Drops expired entries and, if that is not enough, arbitrary ones down to three quarters of the bound. */
    private void evict() {
        long now = nanoClock.getAsLong();
        entries.values().removeIf(v -> expired(v, now));
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() > maxEntries * 3 / 4 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static boolean expired(Verified v, long now) {
        return now - v.expiresAtNanos() >= 0;
    }

    private String key(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return username + ':' + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
