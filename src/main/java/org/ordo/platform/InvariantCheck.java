package org.ordo.platform;

import java.util.List;
import java.util.Map;

/** The verdict on one invariant of docs/domain.md, with the offending rows (at most {@link #MAX_VIOLATIONS}). */
public record InvariantCheck(int invariant, String name, boolean holds, List<Map<String, Object>> violations) {

    public static final int MAX_VIOLATIONS = 100;

    /** One offending row for {@link #violations}: alternating names and values, kept in order. */
    public static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    public static InvariantCheck of(int invariant, String name, List<Map<String, Object>> violations) {
        List<Map<String, Object>> shown =
                violations.size() > MAX_VIOLATIONS ? violations.subList(0, MAX_VIOLATIONS) : violations;
        return new InvariantCheck(invariant, name, violations.isEmpty(), List.copyOf(shown));
    }
}
