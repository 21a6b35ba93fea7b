package org.ordo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.ordo.identity.Role;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The Basic password check and its cache, without Spring: a counting encoder shows when BCrypt runs, a counting store
 * when the user is read. Untrusted (as on PostgreSQL while the change listener is down) unless a test trusts it.
 */
class PasswordAuthenticationTests {

    private final CountingEncoder encoder = new CountingEncoder();
    private final Map<String, OrdoUser> rows = new HashMap<>();
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicBoolean changesHeard = new AtomicBoolean();
    private final VerifiedCredentials cache =
            new VerifiedCredentials(Duration.ofMinutes(5), 100, nanos::get, changesHeard::get);
    private final PasswordAuthentication authentication =
            new PasswordAuthentication(new StubAccounts(), encoder, cache);

    @Test
    void repeatedLoginSkipsBcrypt() {
        store("ann", "correct horse battery", 0, true);
        login("ann", "correct horse battery");
        int afterFirst = encoder.matches.get();
        login("ann", "correct horse battery");
        login("ann", "correct horse battery");
        assertThat(encoder.matches.get()).isEqualTo(afterFirst);
    }

    @Test
    void newVersionOfTheUserForcesBcryptAgain() {
        store("bob", "old password 123", 0, true);
        login("bob", "old password 123");
        store("bob", "new password 456", 1, true);
        assertThatThrownBy(() -> login("bob", "old password 123")).isInstanceOf(BadCredentialsException.class);
        assertThat(login("bob", "new password 456").getName()).isEqualTo("bob");
    }

    @Test
    void changedHashIsNotTrustedEvenWithTheSameVersion() {
        store("cid", "first password 1", 3, true);
        login("cid", "first password 1");
        store("cid", "second password 2", 3, true);
        assertThatThrownBy(() -> login("cid", "first password 1")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void wrongPasswordIsNeverRemembered() {
        store("dan", "the real password", 0, true);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login("dan", "a wrong password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(encoder.matches.get()).isEqualTo(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void rememberedLoginExpires() {
        store("eve", "password of eve", 0, true);
        login("eve", "password of eve");
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        int before = encoder.matches.get();
        login("eve", "password of eve");
        assertThat(encoder.matches.get()).isEqualTo(before + 1);
    }

    @Test
    void disabledUserIsRefusedEvenWhenRemembered() {
        store("fay", "password of fay", 0, true);
        login("fay", "password of fay");
        store("fay", "password of fay", 1, false);
        assertThatThrownBy(() -> login("fay", "password of fay")).isInstanceOf(DisabledException.class);
    }

    @Test
    void unknownUserIsRefusedAfterAComparableCheck() {
        assertThatThrownBy(() -> login("nobody", "whatever password")).isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches.get()).isEqualTo(1);
    }

    @Test
    void cacheStaysWithinItsBound() {
        VerifiedCredentials small = new VerifiedCredentials(Duration.ofMinutes(5), 10, nanos::get, () -> true);
        for (int i = 0; i < 100; i++) {
            small.rememberPassword(
                    small.stamp("user" + i),
                    new OrdoUser("user" + i, "hash", EnumSet.of(Role.SALES), null, true, 0),
                    "password");
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aTrustedCacheAnswersWithoutReadingTheUserOrBcrypt() {
        changesHeard.set(true);
        store("gus", "password of gus", 0, true);
        login("gus", "password of gus");
        int reads = finds.get();
        int checks = encoder.matches.get();
        login("gus", "password of gus");
        login("gus", "password of gus");
        assertThat(finds.get()).isEqualTo(reads);
        assertThat(encoder.matches.get()).isEqualTo(checks);
    }

    @Test
    void aForgottenUserIsReadAgainSoTheOldPasswordIsRefused() {
        changesHeard.set(true);
        store("hal", "old password 123", 0, true);
        login("hal", "old password 123");
        store("hal", "new password 456", 1, true);
        cache.forget("hal");
        assertThatThrownBy(() -> login("hal", "old password 123")).isInstanceOf(BadCredentialsException.class);
        assertThat(login("hal", "new password 456").getName()).isEqualTo("hal");
    }

    @Test
    void onceChangesAreNoLongerHeardTheCacheIsNotTrustedAndTheUserIsRead() {
        changesHeard.set(true);
        store("ida", "password of ida", 0, true);
        login("ida", "password of ida");
        changesHeard.set(false);
        int reads = finds.get();
        store("ida", "password of ida", 1, false);
        assertThatThrownBy(() -> login("ida", "password of ida")).isInstanceOf(DisabledException.class);
        assertThat(finds.get()).isEqualTo(reads + 1);
    }

    @Test
    void aReadThatRacedWithAChangeIsNotRemembered() {
        changesHeard.set(true);
        OrdoUser before = new OrdoUser("jon", "hash", EnumSet.of(Role.SALES), null, true, 0);
        long stamp = cache.stamp("jon");
        cache.forget("jon");
        cache.rememberPassword(stamp, before, "password of jon");
        assertThat(cache.trustedPassword("jon", "password of jon")).isEmpty();
    }

    @Test
    void clearingForgetsEveryoneAndRefusesReadsStartedBefore() {
        changesHeard.set(true);
        OrdoUser kim = new OrdoUser("kim", "hash", EnumSet.of(Role.SALES), null, true, 0);
        cache.rememberPassword(cache.stamp("kim"), kim, "password of kim");
        long stamp = cache.tokenStamp();
        cache.clear();
        cache.rememberToken(stamp, "hash-of-token", kim, java.util.UUID.randomUUID(), null, null);
        assertThat(cache.trustedPassword("kim", "password of kim")).isEmpty();
        assertThat(cache.trustedToken("hash-of-token")).isEmpty();
    }

    private Authentication login(String username, String password) {
        return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private void store(String username, String password, long version, boolean enabled) {
        rows.put(
                username,
                new OrdoUser(username, encoder.encode(password), EnumSet.of(Role.SALES), null, enabled, version));
    }

    private final class StubAccounts extends UserStore {
        StubAccounts() {
            super(null, null);
        }

        @Override
        Optional<OrdoUser> find(String username) {
            finds.incrementAndGet();
            return Optional.ofNullable(rows.get(username));
        }
    }

    private static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger matches = new AtomicInteger();
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }
}
