package org.ordo.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ordo.platform.ChangeNotices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Credentials this node verified recently (a Basic password, an API token) with the user they authenticated, so that
 * an API client sending them on every request pays neither BCrypt nor a database read.
 *
 * <p>An entry is trusted without a read only while {@link #trusted()}: while {@link ChangeNotices} hears every change of
 * every node (on a single node, embedded H2, always). Each change of a user (password, roles, enabled, a failed login
 * or lockout, a token revoked) is announced as a change of the user in cache {@code credentials}, which
 * {@linkplain #forget forgets} the user's entries on every node. While not trusted, the user row is read as before and an entry only spares BCrypt when it was verified
 * against exactly that version and hash of the user.
 *
 * <p>A read that raced with a change must not store what it read: {@link #stamp} is taken before the read and an
 * entry is kept only if no change of the user came in meanwhile.
 *
 * <p>The password itself is not kept: entries are keyed by an HMAC of it under a random key that lives only in this
 * node's memory, so a heap dump gives no fast offline guessing. Tokens are keyed by their SHA-256, as stored.
 */
@Component
final class VerifiedCredentials {

    /** A verified credential: its user as read then; for a token also the token's id, expiry and last use. */
    record Verified(OrdoUser user, long expiresAtNanos, UUID tokenId, Instant tokenExpiresAt, Instant lastUsedAt) {}

    /** The name under which changes of a user are announced: the key is the username. */
    static final String CACHE = "credentials";

    private static final int STRIPES = 256;

    private final Map<String, Verified> entries = new ConcurrentHashMap<>();
    /** Per username stripe: bumped by every change of a user in it. */
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    /** Bumped by every change of any user: a token's user is only known after its read. */
    private final AtomicLong tokenGeneration = new AtomicLong();

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    /** Keyed once, never used itself: each use takes a clone (a Mac is not safe for concurrent use). */
    private final Mac keyedMac;

    private final BooleanSupplier changesHeard;

    @Autowired
    VerifiedCredentials(IdentityProperties properties, ChangeNotices notices) {
        this(
                properties.passwordCache().ttl(),
                properties.passwordCache().maxEntries(),
                System::nanoTime,
                notices::trusted);
        notices.onChange(CACHE, username -> {
            if (username == null) {
                clear();
            } else {
                forget(username);
            }
        });
    }

    /** {@code changesHeard}: whether every change of every node is heard now, so that entries may be trusted. */
    VerifiedCredentials(Duration ttl, int maxEntries, LongSupplier nanoClock, BooleanSupplier changesHeard) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        this.changesHeard = changesHeard;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.keyedMac = keyedMac(new SecretKeySpec(secret, "HmacSHA256"));
    }

    boolean trusted() {
        return enabled() && changesHeard.getAsBoolean();
    }

    /** Taken before a user is read from the database, for {@link #rememberPassword}. */
    long stamp(String username) {
        return generations.get(stripe(username));
    }

    /** Taken before a token is read from the database, for {@link #rememberToken}. */
    long tokenStamp() {
        return tokenGeneration.get();
    }

    /** The user these credentials authenticated, when they were verified recently and entries are trusted. */
    Optional<OrdoUser> trustedPassword(String username, String password) {
        if (!trusted()) {
            return Optional.empty();
        }
        return live(passwordKey(username, password)).map(Verified::user);
    }

    /** True if this password was verified for exactly this version of the user (as just read), recently enough. */
    boolean confirms(OrdoUser user, String password) {
        if (!enabled()) {
            return false;
        }
        return live(passwordKey(user.username(), password))
                .filter(v -> v.user().version() == user.version()
                        && v.user().passwordHash().equals(user.passwordHash()))
                .isPresent();
    }

    void rememberPassword(long stamp, OrdoUser user, String password) {
        String k = passwordKey(user.username(), password);
        remember(
                k,
                new Verified(user, nanoClock.getAsLong() + ttlNanos, null, null, null),
                () -> stamp(user.username()) == stamp);
    }

    /** A token verified recently, when entries are trusted; its expiry is the caller's to check. */
    Optional<Verified> trustedToken(String tokenHash) {
        return trusted() ? live(tokenKey(tokenHash)) : Optional.empty();
    }

    void rememberToken(long stamp, String tokenHash, OrdoUser user, UUID id, Instant expiresAt, Instant lastUsedAt) {
        remember(
                tokenKey(tokenHash),
                new Verified(user, nanoClock.getAsLong() + ttlNanos, id, expiresAt, lastUsedAt),
                () -> tokenGeneration.get() == stamp);
    }

    /** Notes a newer last use of a remembered token (if it is still remembered). */
    void tokenUsed(String tokenHash, Verified token, Instant lastUsedAt) {
        entries.replace(
                tokenKey(tokenHash),
                token,
                new Verified(
                        token.user(), token.expiresAtNanos(), token.tokenId(), token.tokenExpiresAt(), lastUsedAt));
    }

    /** Drops every entry of a user (its passwords and tokens): something of it changed. */
    void forget(String username) {
        generations.incrementAndGet(stripe(username));
        tokenGeneration.incrementAndGet();
        entries.values().removeIf(v -> v.user().username().equals(username));
    }

    /** Drops everything: changes may have gone unheard. */
    void clear() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
        tokenGeneration.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private boolean enabled() {
        return ttlNanos > 0 && maxEntries > 0;
    }

    private void remember(String k, Verified entry, BooleanSupplier unchanged) {
        if (!enabled()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evict();
        }
        entries.put(k, entry);
        // a change that came in since the stamp may have missed this entry: then it must not stay
        if (!unchanged.getAsBoolean()) {
            entries.remove(k, entry);
        }
    }

    private Optional<Verified> live(String k) {
        Verified v = entries.get(k);
        if (v == null) {
            return Optional.empty();
        }
        if (expired(v, nanoClock.getAsLong())) {
            entries.remove(k, v);
            return Optional.empty();
        }
        return Optional.of(v);
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

    private static int stripe(String username) {
        return Math.floorMod(username.hashCode(), STRIPES);
    }

    private static String tokenKey(String tokenHash) {
        return "t:" + tokenHash;
    }

    private String passwordKey(String username, String password) {
        try {
            // a copy of the keyed prototype: Mac.getInstance searches the providers (and fills a thread-local on every
            // new virtual thread, so on every request) before each use
            Mac mac = (Mac) keyedMac.clone();
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return "p:" + username + ':' + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mac keyedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
