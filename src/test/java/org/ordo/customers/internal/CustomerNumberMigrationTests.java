package org.ordo.customers.internal;

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
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordo.testing.PostgresTestDatabase;

/** Customers that existed before numbers get theirs in creation order, and the counter goes on after them, on both databases. */
class CustomerNumberMigrationTests {

    static final MigrationVersion CUSTOMER_NUMBER = MigrationVersion.fromVersion("35");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void existingCustomersAreNumberedInCreationOrderAndTheCounterContinues(String vendor) throws SQLException {
        PostgresTestDatabase.Connection database = vendor.equals("h2")
                ? new PostgresTestDatabase.Connection(
                        "jdbc:h2:mem:customer-number-migration;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "sa",
                        "")
                : PostgresTestDatabase.createDatabase("customer_number_migration");
        flyway(database, vendor)
                .target(lastVersionBefore(CUSTOMER_NUMBER, vendor, database))
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            Instant start = Instant.parse("2026-01-01T08:00:00Z");
            insertCustomer(c, "Second", start.plusSeconds(60));
            insertCustomer(c, "Third", start.plusSeconds(120));
            insertCustomer(c, "First", start);

            flyway(database, vendor).load().migrate();

            assertThat(numbers(c)).containsExactly("First CUS-000001", "Second CUS-000002", "Third CUS-000003");
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT last_number FROM customer_number_counter")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("last_number")).isEqualTo(3);
            }
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

    private static void insertCustomer(Connection c, String name, Instant created) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO customer (id, name, currency, credit_limit, payment_terms_days, created_at, updated_at) "
                        + "VALUES (?, ?, 'EUR', 0, 30, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, name);
            insert.setTimestamp(3, Timestamp.from(created));
            insert.setTimestamp(4, Timestamp.from(created));
            insert.executeUpdate();
        }
    }

    private static List<String> numbers(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, number FROM customer ORDER BY number")) {
            while (rs.next()) {
                rows.add(rs.getString("name") + " " + rs.getString("number"));
            }
        }
        return rows;
    }
}
