package org.ordo.identity;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading problem documents in tests. */
final class Problems {

    private Problems() {}

    /** The {@code field} of each entry of a problem's {@code errors}. */
    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = problem.get("errors");
        for (int i = 0; errors != null && i < errors.size(); i++) {
            fields.add(errors.get(i).get("field").asString());
        }
        return fields;
    }
}
