package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordo.testing.PostgresTestDatabase;

/**
 * A %, _ or \ typed into a search box matches itself, not any text or any character, on both databases Ordo runs on
 * (H2 in the mode of application.yml, and PostgreSQL).
 */
class LikePatternTests {

    static final List<String> NAMES =
            List.of("50% off", "500 off", "x50% off", "a_b", "axb", "c:\\temp", "c:temp", "\\%");

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void wildcardsAndTheEscapeCharacterTypedInASearchMatchOnlyThemselves(String database) throws SQLException {
        try (Connection c = connect(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE LOCAL TEMPORARY TABLE searched (name VARCHAR(40))");
            }
            for (String name : NAMES) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO searched (name) VALUES (?)")) {
                    insert.setString(1, name);
                    insert.executeUpdate();
                }
            }

            assertThat(matching(c, LikePattern.containing("50%"))).containsExactly("50% off", "x50% off");
            assertThat(matching(c, LikePattern.startingWith("50%"))).containsExactly("50% off");
            assertThat(matching(c, LikePattern.containing("a_b"))).containsExactly("a_b");
            assertThat(matching(c, LikePattern.containing("c:\\t"))).containsExactly("c:\\temp");
            assertThat(matching(c, LikePattern.containing("\\%"))).containsExactly("\\%");
            assertThat(matching(c, LikePattern.startingWith("50"))).containsExactly("50% off", "500 off");
        }
    }

    private static List<String> matching(Connection c, String pattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query =
                c.prepareStatement("SELECT name FROM searched WHERE name LIKE ? ESCAPE '\\' ORDER BY name")) {
            query.setString(1, pattern);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static Connection connect(String database) throws SQLException {
        if (database.equals("H2")) {
            return DriverManager.getConnection(
                    "jdbc:h2:mem:like-pattern;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
        }
        PostgresTestDatabase.Connection postgres = PostgresTestDatabase.get();
        return DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
    }
}
