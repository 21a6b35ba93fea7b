package org.ordo.identity.internal;

import org.ordo.identity.Role;
import org.ordo.platform.LikePattern;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The user store (table app_user). Every change bumps {@code version}, which also invalidates cached password checks. */
@Component
class UserAccounts implements UserDetailsService {

    private static final String COLUMNS =
            "username, password_hash, display_name, roles, customer_id, locale, enabled, version, created_at, updated_at";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** The principal of a user: one primary-key read, done on every authenticated request. */
    Optional<OrdoUser> find(String username) {
        return jdbc.sql("SELECT username, password_hash, roles, customer_id, enabled, version FROM app_user WHERE username = ?")
                .param(username)
                .query(UserAccounts::mapPrincipal)
                .optional();
    }

    Optional<StoredUser> load(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?").param(username).query(UserAccounts::map).optional();
    }

    /** Loads and row-locks a user until the transaction ends: the lock that keeps the user's audit chain linear. */
    Optional<StoredUser> lock(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ? FOR UPDATE")
                .param(username)
                .query(UserAccounts::map)
                .optional();
    }

    /**
     * Locks every enabled administrator, in username order so that two transactions doing this cannot deadlock.
     * Two admins disabling each other at once then serialize, and the second sees that it would remove the last one.
     */
    List<String> lockEnabledAdmins() {
        return jdbc.sql("SELECT username FROM app_user WHERE enabled = TRUE AND roles LIKE ? ORDER BY username FOR UPDATE")
                .param("%" + Role.ADMIN.name() + "%")
                .query(String.class)
                .list();
    }

    PageResult<StoredUser> list(Paging paging, Role role) {
        String where = role == null ? "" : " WHERE roles LIKE :role";
        String pattern = role == null ? null : "%" + role.name() + "%";
        var count = jdbc.sql("SELECT COUNT(*) FROM app_user" + where);
        var page = jdbc.sql("SELECT " + COLUMNS + " FROM app_user" + where + " ORDER BY username LIMIT :limit OFFSET :offset")
                .param("limit", paging.size())
                .param("offset", paging.offset());
        if (role != null) {
            count = count.param("role", pattern);
            page = page.param("role", pattern);
        }
        return new PageResult<>(page.query(UserAccounts::map).list(), paging.page(), paging.size(), count.query(Long.class).single());
    }

    /** Users whose username or display name contains {@code q} (any case), ordered by username; null or blank for all. */
    PageResult<StoredUser> search(String q, Paging paging) {
        String where = "";
        String pattern = null;
        if (q != null && !q.isBlank()) {
            where = " WHERE LOWER(username) LIKE :q ESCAPE '\\' OR LOWER(display_name) LIKE :q ESCAPE '\\'";
            pattern = LikePattern.containing(q.trim().toLowerCase(java.util.Locale.ROOT));
        }
        var count = jdbc.sql("SELECT COUNT(*) FROM app_user" + where);
        var page = jdbc.sql("SELECT " + COLUMNS + " FROM app_user" + where + " ORDER BY username LIMIT :limit OFFSET :offset")
                .param("limit", paging.size())
                .param("offset", paging.offset());
        if (pattern != null) {
            count = count.param("q", pattern);
            page = page.param("q", pattern);
        }
        return new PageResult<>(page.query(UserAccounts::map).list(), paging.page(), paging.size(), count.query(Long.class).single());
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() > 0;
    }

    void create(String username, String passwordHash, String displayName, String roles, UUID customerId) {
        create(username, passwordHash, displayName, roles, customerId, "en");
    }

    void create(String username, String passwordHash, String displayName, String roles, UUID customerId, String locale) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, roles, customer_id, locale, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(username, passwordHash, displayName, roles, customerId, locale, now, now)
                .update();
    }

    /** Writes the changeable fields and bumps the version; {@code newPasswordHash} null keeps the password. */
    void update(StoredUser user, String newPasswordHash) {
        jdbc.sql("UPDATE app_user SET display_name = ?, roles = ?, customer_id = ?, locale = ?, enabled = ?, "
                        + "password_hash = COALESCE(?, password_hash), version = version + 1, updated_at = ? WHERE username = ?")
                .params(user.displayName(), OrdoUser.formatRoles(user.roles()), user.customerId(), user.locale(), user.enabled(),
                        newPasswordHash, Timestamp.from(Instant.now()), user.username())
                .update();
    }

    private static StoredUser map(ResultSet rs, int row) throws SQLException {
        return new StoredUser(rs.getString("username"), rs.getString("password_hash"), rs.getString("display_name"),
                OrdoUser.parseRoles(rs.getString("roles")), rs.getObject("customer_id", UUID.class), rs.getString("locale"),
                rs.getBoolean("enabled"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static OrdoUser mapPrincipal(ResultSet rs, int row) throws SQLException {
        return new OrdoUser(rs.getString("username"), rs.getString("password_hash"), OrdoUser.parseRoles(rs.getString("roles")),
                rs.getObject("customer_id", UUID.class), rs.getBoolean("enabled"), rs.getLong("version"));
    }
}
