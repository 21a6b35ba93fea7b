package org.ordo.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.ordo.identity.AuditTrail;
import org.ordo.identity.Logins;
import org.ordo.platform.ChangeNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed interactive logins per username in table login_attempt, so that a lockout holds on every node. Each failure is
 * counted under the row lock of its username, so concurrent failures on several nodes all count.
 */
@Component
class LoginAttemptStore {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptStore.class);
    static final Duration WINDOW = Duration.ofMinutes(Logins.LOCK_MINUTES);

    /** The count of one username: {@code lockedUntil} is null while not locked. */
    record Count(int failures, Instant lastFailure, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        /**
         * The count after one more failure at {@code now}: failures older than the window, or from before an expired lock,
         * no longer count; the {@link Logins#MAX_FAILURES}th failure within the window locks for the window's length.
         */
        Count failedAt(Instant now) {
            if (lockedAt(now)) {
                return this;
            }
            boolean fresh = lockedUntil != null
                    || lastFailure == null
                    || !lastFailure.plus(WINDOW).isAfter(now);
            int next = fresh ? 1 : failures + 1;
            return new Count(next, now, next >= Logins.MAX_FAILURES ? now.plus(WINDOW) : null);
        }
    }

    private final JdbcClient jdbc;
    private final UserStore accounts;
    private final AuditTrail audit;
    private final ChangeNotices changes;

    LoginAttemptStore(JdbcClient jdbc, UserStore accounts, AuditTrail audit, ChangeNotices changes) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.changes = changes;
    }

    /** Counts a failure; returns true when the username is locked afterwards. A new lock of a real user is audited. */
    @Transactional
    boolean failed(String username, Instant now) {
        // every node reads the user again: a lockout must hold everywhere, and the next success must clear the count
        changes.announce(VerifiedCredentials.CACHE, username);
        jdbc.sql(
                        "INSERT INTO login_attempt (username, failures, last_failure, locked_until) VALUES (?, 0, ?, NULL) ON CONFLICT DO NOTHING")
                .params(username, Timestamp.from(now))
                .update();
        Count current = jdbc.sql(
                        "SELECT failures, last_failure, locked_until FROM login_attempt WHERE username = ? FOR UPDATE")
                .param(username)
                .query((rs, n) -> new Count(
                        rs.getInt("failures"),
                        rs.getInt("failures") == 0
                                ? null
                                : rs.getTimestamp("last_failure").toInstant(),
                        rs.getTimestamp("locked_until") == null
                                ? null
                                : rs.getTimestamp("locked_until").toInstant()))
                .single();
        Count next = current.failedAt(now);
        jdbc.sql("UPDATE login_attempt SET failures = ?, last_failure = ?, locked_until = ? WHERE username = ?")
                .params(
                        next.failures(),
                        Timestamp.from(next.lastFailure()),
                        next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()),
                        username)
                .update();
        if (next.lockedAt(now) && !current.lockedAt(now)) {
            log.warn(
                    "Login of '{}' locked until {} after {} failed attempts",
                    username,
                    next.lockedUntil(),
                    next.failures());
            Optional<StoredUser> user = accounts.lock(username);
            user.ifPresent(u -> {
                Map<String, Object> after = u.state();
                after.put("lockedUntil", next.lockedUntil().toString());
                audit.record(UserService.AUDIT_ENTITY, username, "LOCKED_OUT", u.state(), after);
            });
        }
        return next.lockedAt(now);
    }

    /** A successful login forgets the failures. */
    void succeeded(String username) {
        jdbc.sql("DELETE FROM login_attempt WHERE username = ?").param(username).update();
    }
}
