package org.ordo.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Field checks shared by request bodies; each adds a {@link FieldViolation} instead of throwing. */
public final class RequestChecks {

    private RequestChecks() {}

    /** A text of at most {@code max} characters; blank counts as missing when {@code required}. */
    public static void text(List<FieldViolation> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldViolation(field, "must not be blank"));
            }
        } else if (value.length() > max) {
            problems.add(new FieldViolation(field, "must be at most " + max + " characters"));
        } else if (value.indexOf('\0') >= 0) {
            // PostgreSQL refuses NUL in text columns; say so here instead of failing the insert
            problems.add(new FieldViolation(field, "must not contain NUL characters"));
        }
    }

    /**
     * Checks a partial update (a JSON object of the fields to change) before anything is locked: unknown fields and
     * nulls on fields that cannot be empty are reported together.
     */
    public static void checkPatch(JsonNode patch, Set<String> fields, Set<String> notNull) {
        if (patch == null || !patch.isObject() || patch.isEmpty()) {
            throw OrdoException.invalid("body", "must be a JSON object with at least one field to change");
        }
        List<FieldViolation> problems = new ArrayList<>();
        for (var field : patch.properties()) {
            if (!fields.contains(field.getKey())) {
                problems.add(new FieldViolation(field.getKey(), "is not a known field"));
            } else if (field.getValue().isNull() && notNull.contains(field.getKey())) {
                problems.add(new FieldViolation(field.getKey(), "must not be null"));
            }
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
    }

    /**
     * Applies a checked partial update to the current state (as its request record): fields present replace the
     * current value, JSON null clears it, absent fields stay. Nested objects (money, addresses) are replaced whole.
     */
    public static <T> T merge(JsonMapper json, T current, JsonNode patch, Class<T> type) {
        ObjectNode merged = json.valueToTree(current);
        patch.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        try {
            return json.treeToValue(merged, type);
        } catch (JacksonException e) {
            throw OrdoException.invalid(path(e), message(e));
        }
    }

    private static String message(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException f) {
            return "must be " + expected(f.getTargetType());
        }
        return "has the wrong type";
    }

    /** The kind of value a Java type takes, as the API's reader knows it: never a Java type's name. */
    public static String expected(Class<?> type) {
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class
                || type == Double.class
                || type == double.class
                || type == Float.class
                || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == java.time.LocalDate.class) {
            return "a date such as 2026-12-31";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "a time such as 2026-12-31T12:00:00Z";
        }
        if (type == UUID.class) {
            return "an id (UUID)";
        }
        if (type.isEnum()) {
            return "one of: "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** The JSON path of the failing value, as {@code unitPrice.amount}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
