package org.ordo.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.identity.Role;
import org.ordo.platform.ChangeNotices;
import org.ordo.platform.LikePattern;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The user store: table app_user, and app_user_role with a row per role of a user. Every change bumps {@code version},
 * which also invalidates cached password checks.
 */
@Component
class UserStore implements UserDetailsService {

    /** The roles of the user {@code u} of a query, as one array column: a query reads a user and its roles in one go. */
    static final String ROLES =
            "(SELECT ARRAY_AGG(r.role) FROM app_user_role r WHERE r.username = u.username) AS roles";

    /** Whether the user {@code u} of a query has the role named by parameter {@code :role}. */
    private static final String HAS_ROLE =
            "EXISTS (SELECT 1 FROM app_user_role r WHERE r.username = u.username AND r.role = :role)";

    private static final String COLUMNS =
            "u.username, u.password_hash, u.display_name, u.customer_id, u.locale, u.time_zone, u.enabled, u.version, "
                    + "u.created_at, u.updated_at, " + ROLES;

    private final JdbcClient jdbc;
    private final ChangeNotices changes;

    UserStore(JdbcClient jdbc, ChangeNotices changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** The principal of a user with its login lockout: one primary-key read, done on every authenticated request. */
    Optional<OrdoUser> find(String username) {
        return jdbc.sql(
                        "SELECT u.username, u.password_hash, u.customer_id, u.enabled, u.version, la.locked_until, "
                                + "COALESCE(la.failures, 0) AS failures, " + ROLES
                                + " FROM app_user u LEFT JOIN login_attempt la ON la.username = u.username WHERE u.username = ?")
                .param(username)
                .query(UserStore::mapPrincipal)
                .optional();
    }

    Optional<StoredUser> load(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user u WHERE u.username = ?")
                .param(username)
                .query(UserStore::map)
                .optional();
    }

    /** Loads and row-locks a user until the transaction ends: the lock that keeps the user's audit chain linear. */
    Optional<StoredUser> lock(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user u WHERE u.username = ? FOR UPDATE")
                .param(username)
                .query(UserStore::map)
                .optional();
    }

    /**
     * Locks every enabled administrator, in username order so that two transactions doing this cannot deadlock.
     * Two admins disabling each other at once then serialize, and the second sees that it would remove the last one.
     */
    List<String> lockEnabledAdmins() {
        return jdbc.sql("SELECT u.username FROM app_user u WHERE u.enabled = TRUE AND " + HAS_ROLE
                        + " ORDER BY u.username FOR UPDATE")
                .param("role", Role.ADMIN.name())
                .query(String.class)
                .list();
    }

    PageResult<StoredUser> list(Paging paging, Role role) {
        String where = role == null ? "" : " WHERE " + HAS_ROLE;
        var count = jdbc.sql("SELECT COUNT(*) FROM app_user u" + where);
        var page = jdbc.sql("SELECT " + COLUMNS + " FROM app_user u" + where
                        + " ORDER BY u.username LIMIT :limit OFFSET :offset")
                .param("limit", paging.size())
                .param("offset", paging.offset());
        if (role != null) {
            count = count.param("role", role.name());
            page = page.param("role", role.name());
        }
        return new PageResult<>(
                page.query(UserStore::map).list(),
                paging.page(),
                paging.size(),
                count.query(Long.class).single());
    }

    /** Users whose username or display name contains {@code q} (any case), ordered by username; null or blank for all. */
    PageResult<StoredUser> search(String q, Paging paging) {
        String where = "";
        String pattern = null;
        if (q != null && !q.isBlank()) {
            where = " WHERE LOWER(u.username) LIKE :q ESCAPE '\\' OR LOWER(u.display_name) LIKE :q ESCAPE '\\'";
            pattern = LikePattern.containing(q.trim().toLowerCase(java.util.Locale.ROOT));
        }
        var count = jdbc.sql("SELECT COUNT(*) FROM app_user u" + where);
        var page = jdbc.sql("SELECT " + COLUMNS + " FROM app_user u" + where
                        + " ORDER BY u.username LIMIT :limit OFFSET :offset")
                .param("limit", paging.size())
                .param("offset", paging.offset());
        if (pattern != null) {
            count = count.param("q", pattern);
            page = page.param("q", pattern);
        }
        return new PageResult<>(
                page.query(UserStore::map).list(),
                paging.page(),
                paging.size(),
                count.query(Long.class).single());
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void create(String username, String passwordHash, String displayName, Set<Role> roles, UUID customerId) {
        create(username, passwordHash, displayName, roles, customerId, "en");
    }

    void create(
            String username, String passwordHash, String displayName, Set<Role> roles, UUID customerId, String locale) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql(
                        "INSERT INTO app_user (username, password_hash, display_name, customer_id, locale, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(username, passwordHash, displayName, customerId, locale, now, now)
                .update();
        insertRoles(username, roles);
    }

    /**
     * Writes the changeable fields and bumps the version; {@code newPasswordHash} null keeps the password. Every node
     * forgets the credentials it verified for the user.
     */
    void update(StoredUser user, String newPasswordHash) {
        changes.announce(VerifiedCredentials.CACHE, user.username());
        jdbc.sql(
                        "UPDATE app_user SET display_name = ?, customer_id = ?, locale = ?, time_zone = ?, enabled = ?, "
                                + "password_hash = COALESCE(?, password_hash), version = version + 1, updated_at = ? WHERE username = ?")
                .params(
                        user.displayName(),
                        user.customerId(),
                        user.locale(),
                        user.timeZone(),
                        user.enabled(),
                        newPasswordHash,
                        Timestamp.from(Instant.now()),
                        user.username())
                .update();
        jdbc.sql("DELETE FROM app_user_role WHERE username = ?")
                .param(user.username())
                .update();
        insertRoles(user.username(), user.roles());
    }

    private void insertRoles(String username, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)")
                    .params(username, role.name())
                    .update();
        }
    }

    /** The roles of the column {@link #ROLES}; none when the user has no row in app_user_role. */
    static Set<Role> roles(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        if (array != null) {
            for (Object role : (Object[]) array.getArray()) {
                roles.add(Role.valueOf((String) role));
            }
        }
        return roles;
    }

    private static StoredUser map(ResultSet rs, int row) throws SQLException {
        return new StoredUser(
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                roles(rs),
                rs.getObject("customer_id", UUID.class),
                rs.getString("locale"),
                rs.getString("time_zone"),
                rs.getBoolean("enabled"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static OrdoUser mapPrincipal(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp lockedUntil = rs.getTimestamp("locked_until");
        return new OrdoUser(
                rs.getString("username"),
                rs.getString("password_hash"),
                roles(rs),
                rs.getObject("customer_id", UUID.class),
                rs.getBoolean("enabled"),
                rs.getLong("version"),
                lockedUntil == null ? null : lockedUntil.toInstant(),
                rs.getInt("failures"));
    }
}
