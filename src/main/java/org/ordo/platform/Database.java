package org.ordo.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which of the two supported databases Ordo runs on: PostgreSQL in production, H2 for the one-command start. The few
 * statements whose spelling differs ask here instead of each store probing the connection itself.
 */
@Component
public class Database {

    private final boolean h2;

    public Database(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            this.h2 = c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("h2");
        }
    }

    public boolean isPostgres() {
        return !h2;
    }

    /** The statement that takes the next value of {@code sequence} (a name from the schema, never user input). */
    public String nextValueSql(String sequence) {
        return "SELECT " + nextValue(sequence);
    }

    /** The expression that takes the next value of {@code sequence}, for use inside another statement. */
    public String nextValue(String sequence) {
        return h2 ? "NEXT VALUE FOR " + sequence : "nextval('" + sequence + "')";
    }
}
