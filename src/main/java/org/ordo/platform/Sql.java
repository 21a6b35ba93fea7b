package org.ordo.platform;

import java.util.Collection;
import java.util.stream.Collectors;

/** SQL text made from Java values, so that a query and the code name the same states. */
public final class Sql {

    private Sql() {}

    /**
     * The names of these constants as a list for {@code IN}, {@code ('ISSUED', 'OVERDUE')}: a status set of an enum written
     * into a query's text. Enum names are identifiers, so nothing needs escaping.
     */
    public static String list(Collection<? extends Enum<?>> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
