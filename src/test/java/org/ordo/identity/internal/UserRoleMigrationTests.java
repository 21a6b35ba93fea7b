package org.ordo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordo.testing.PostgresTestDatabase;

/**
 * Users keep their roles across the move from a comma-separated list in app_user.roles to a row per role in
 * app_user_role, on both databases Ordo runs on.
 */
class UserRoleMigrationTests {

    static final MigrationVersion USER_ROLES = MigrationVersion.fromVersion("27");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyRoleInTheOldListBecomesARowOfItsOwn(String vendor) throws SQLException {
        PostgresTestDatabase.Connection database = vendor.equals("h2")
                ? new PostgresTestDatabase.Connection(
                        "jdbc:h2:mem:user-role-migration;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "sa",
                        "")
                : PostgresTestDatabase.createDatabase("user_role_migration");
        flyway(database, vendor)
                .target(lastVersionBefore(USER_ROLES, vendor, database))
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            insertUser(c, "admin", "ADMIN");
            insertUser(c, "clerk", "SALES,WAREHOUSE");
            insertUser(c, "spaced", " ACCOUNTING , SUPPORT");
            insertUser(c, "portal", "CUSTOMER");

            flyway(database, vendor).load().migrate();

            assertThat(roles(c))
                    .containsExactly(
                            "admin ADMIN",
                            "clerk SALES",
                            "clerk WAREHOUSE",
                            "portal CUSTOMER",
                            "spaced ACCOUNTING",
                            "spaced SUPPORT");
        }
    }

    private static MigrationVersion lastVersionBefore(
            MigrationVersion version, String vendor, PostgresTestDatabase.Connection database) {
        return Arrays.stream(flyway(database, vendor).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(version) < 0)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static FluentConfiguration flyway(PostgresTestDatabase.Connection database, String vendor) {
        return Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    }

    private static void insertUser(Connection c, String username, String roles) throws SQLException {
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO app_user (username, password_hash, roles, created_at, "
                        + "updated_at) VALUES (?, 'x', ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, username);
            insert.setString(2, roles);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
    }

    private static List<String> roles(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT username, role FROM app_user_role ORDER BY username, role")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
