package org.ordo.testing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Creates users for tests directly in the user table (one password for all; BCrypt as in production). */
@Component
public class TestUsers {

    public static final String PASSWORD = "test-user-password";

    private final JdbcTemplate jdbc;
    private final String hash;

    public TestUsers(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.hash = encoder.encode(PASSWORD);
    }

    /** A staff user with these roles (comma-separated, e.g. "SALES"); returns the username. */
    public String staff(String roles) {
        String username = Fixtures.unique("user").toLowerCase();
        insert(username, roles, null);
        return username;
    }

    public Api customerUser(int port, UUID customerId) {
        String username = Fixtures.unique("customer").toLowerCase();
        insert(username, "CUSTOMER", customerId);
        return Api.at(port).basic(username, PASSWORD);
    }

    private void insert(String username, String roles, UUID customerId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO app_user (username, password_hash, display_name, roles, customer_id, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", username, hash, username, roles, customerId, now, now);
    }
}
