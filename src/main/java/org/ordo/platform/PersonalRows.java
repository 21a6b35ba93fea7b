package org.ordo.platform;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each module uses to export and erase the personal data in its own tables (docs/domain.md, "Personal data"): the
 * export shows a person every column held, and erasure writes one marker into every column that may name them.
 */
public final class PersonalRows {

    /** What replaces an erased value; a value that was null stays null. */
    public static final String ERASED = "erased";

    private PersonalRows() {}

    /** The rows of {@code sql} (positional parameters) as camelCase column name → value, times as instants. */
    public static List<Map<String, Object>> read(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query().listOfRows().stream()
                .map(PersonalRows::readable)
                .toList();
    }

    /** The SET clause that erases {@code columns}: {@code a = CASE WHEN a IS NULL THEN NULL ELSE 'erased' END, …}. */
    public static String erasing(String... columns) {
        return Arrays.stream(columns)
                .map(c -> c + " = CASE WHEN " + c + " IS NULL THEN NULL ELSE '" + ERASED + "' END")
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Object> readable(Map<String, Object> row) {
        Map<String, Object> readable = new LinkedHashMap<>();
        row.forEach((column, value) -> readable.put(camelCase(column), readable(value)));
        return readable;
    }

    /** {@code billing_line1} (or H2's {@code BILLING_LINE1}) as the API names fields: {@code billingLine1}. */
    static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static Object readable(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return value;
    }
}
