package org.ordo.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;

/**
 * Creating users from Java, for data import and demos: the same rules (username, password length, role
 * combinations) and audit as {@code POST /api/users}, without HTTP.
 */
public interface UserAdmin {

    boolean exists(String username);

    /**
     * Creates an enabled user. {@code customerId} is required for, and only allowed with, role CUSTOMER.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400) or a taken username (409)
     */
    void create(String username, String password, String displayName, Set<Role> roles, UUID customerId);

    /** Users whose username or display name contains {@code q} (any case; null or blank for all), ordered by username. */
    PageResult<UserView> users(String q, Paging paging);

    Optional<UserView> user(String username);

    /**
     * Changes a user's display name, roles, customer link and whether it is enabled, if it is still at
     * {@code expectedVersion}. Nobody may take the ADMIN role from themselves or disable themselves, and one enabled
     * ADMIN always remains.
     *
     * @throws org.ordo.shared.OrdoException stale (412), invalid fields (400), {@code self-lockout} or {@code last-admin}
     *         conflicts (409), not found (404)
     */
    UserView update(String username, long expectedVersion, UserUpdate update);

    /**
     * Sets a new password for a user (e.g. one who forgot theirs); the password rule is the same as on creation.
     *
     * @throws org.ordo.shared.OrdoException invalid {@code password} (400) or not found (404)
     */
    void resetPassword(String username, String newPassword);

    /**
     * Sets the zone a user reads times in; null or blank for the company's zone.
     *
     * @throws org.ordo.shared.OrdoException invalid {@code timeZone} (400) or not found (404)
     */
    void changeTimeZone(String username, String timeZone);

    /** What the API shows of a user: never the password. {@code timeZone} null is the company's zone. */
    record UserView(
            String username,
            String displayName,
            List<Role> roles,
            UUID customerId,
            String locale,
            String timeZone,
            boolean enabled,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    /** The new state of a user's changeable fields; {@code customerId} only with role CUSTOMER. */
    record UserUpdate(String displayName, Set<Role> roles, UUID customerId, boolean enabled) {}
}
