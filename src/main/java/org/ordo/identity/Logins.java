package org.ordo.identity;

import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Username and password for interactive logins (the pages' login form): the same check as HTTP Basic, plus a lockout.
 * After {@link #MAX_FAILURES} failed attempts for one username within {@link #LOCK_MINUTES} minutes, that username is
 * locked for {@link #LOCK_MINUTES} minutes, on every node: attempts then fail with
 * {@link org.springframework.security.authentication.LockedException} without the password being checked. A successful
 * login clears the count. Unknown usernames are counted like known ones, so the lockout does not tell which exist.
 */
public interface Logins extends AuthenticationProvider {

    int MAX_FAILURES = 5;

    int LOCK_MINUTES = 15;
}
