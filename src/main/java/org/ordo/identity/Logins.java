package org.ordo.identity;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Username and password, for the pages' login form and HTTP Basic alike, with one lockout for both.
 * After {@link #MAX_FAILURES} failed attempts for one username within {@link #LOCK_MINUTES} minutes, that username is
 * locked for {@link #LOCK_MINUTES} minutes, on every node: attempts then fail with
 * {@link org.springframework.security.authentication.LockedException} without the password being checked. A successful
 * login clears the count. Unknown usernames are counted like known ones, so the lockout does not tell which exist.
 */
public interface Logins extends AuthenticationProvider {

    int MAX_FAILURES = 5;

    int LOCK_MINUTES = 15;

    /**
     * How long a client address must wait before it may try to log in again (429 with {@code Retry-After}): an address
     * that failed too often within a window, with any username or token, is refused until the window ends.
     */
    Optional<Duration> retryAfter(String clientAddress);

    /**
     * A fingerprint of the user's current credentials: it changes when the password changes or the user is disabled, and
     * is empty for an unknown user. A page session remembers it at login and ends when it no longer matches, on every node.
     */
    String credentialStamp(String username);
}
