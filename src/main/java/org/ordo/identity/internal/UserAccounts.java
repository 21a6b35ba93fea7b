package org.ordo.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The user store (table app_user). */
@Component
class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    Optional<OrdoUser> find(String username) {
        return jdbc.sql("SELECT username, password_hash, roles, customer_id, enabled, version FROM app_user WHERE username = ?")
                .param(username)
                .query(UserAccounts::map)
                .optional();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() > 0;
    }

    void create(String username, String passwordHash, String displayName, String roles, UUID customerId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, roles, customer_id, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(username, passwordHash, displayName, roles, customerId, now, now)
                .update();
    }

    private static OrdoUser map(ResultSet rs, int row) throws SQLException {
        return new OrdoUser(rs.getString("username"), rs.getString("password_hash"), OrdoUser.parseRoles(rs.getString("roles")),
                rs.getObject("customer_id", UUID.class), rs.getBoolean("enabled"), rs.getLong("version"));
    }
}
