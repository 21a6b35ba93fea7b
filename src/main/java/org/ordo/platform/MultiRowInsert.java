package org.ordo.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows as one {@code INSERT … VALUES (…), (…)}: one statement for the database to parse, plan and run
 * instead of one per row (a JDBC batch saves only the round trips). Works the same on PostgreSQL and H2.
 */
public final class MultiRowInsert {

    /** Parameters per statement at most, below the PostgreSQL driver's limit of 32,767 per statement. */
    static final int MAX_PARAMETERS = 30_000;

    private MultiRowInsert() {}

    /** Binds one row's values from {@code first} (1-based) on. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement ps, int first, T row) throws SQLException;
    }

    /**
     * @param insertInto {@code INSERT INTO table (a, b, c)}, without {@code VALUES}
     * @param columns    values per row, each a {@code ?}
     */
    public static <T> void insert(
            JdbcTemplate jdbc, String insertInto, int columns, List<T> rows, RowBinder<T> binder) {
        int perStatement = Math.max(1, MAX_PARAMETERS / columns);
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            jdbc.update(sql(insertInto, columns, chunk.size()), ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                    binder.bind(ps, 1 + i * columns, chunk.get(i));
                }
            });
        }
    }

    static String sql(String insertInto, int columns, int rows) {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        StringBuilder sql = new StringBuilder(insertInto.length() + 10 + rows * (row.length() + 2));
        sql.append(insertInto).append(" VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }
}
