package org.ordo.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates users for tests directly in the user tables (one password for all; BCrypt as in production). */
@Component
public class TestUsers {

    public static final String PASSWORD = "test-user-password";

    private final JdbcTemplate jdbc;
    private final String hash;

    public TestUsers(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.hash = encoder.encode(PASSWORD);
    }

    /** A staff user with these roles (comma-separated, e.g. "SALES" or "SALES,WAREHOUSE"); returns the username. */
    public String staff(String roles) {
        return user(roles, null);
    }

    /** A customer's own user (role CUSTOMER) linked to that customer; returns the username. */
    public String customer(UUID customerId) {
        return user("CUSTOMER", customerId);
    }

    public Api customerUser(int port, UUID customerId) {
        return Api.at(port).basic(customer(customerId), PASSWORD);
    }

    /**
     * A user with these roles (comma-separated), linked to {@code customerId} when not null, even where the API would
     * refuse the combination; returns the username.
     */
    public String user(String roles, UUID customerId) {
        String username =
                Fixtures.unique(customerId == null ? "user" : "customer").toLowerCase();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO app_user (username, password_hash, display_name, customer_id, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                username,
                hash,
                username,
                customerId,
                now,
                now);
        for (String role : roles.split(",")) {
            jdbc.update("INSERT INTO app_user_role (username, role) VALUES (?, ?)", username, role.trim());
        }
        return username;
    }
}
