package org.ordo.shared;

import java.util.List;

/**
 * One failing field of a request: {@code field} is a JSON path such as {@code lines[0].quantity}. A violation of a known
 * rule carries the rule's stable {@code code} and its {@code arguments}, so that a page shows it in the user's language by
 * code; {@code message} is the English text the API answers with.
 */
public record FieldViolation(String field, String message, String code, List<Object> arguments) {

    public FieldViolation {
        arguments = List.copyOf(arguments);
    }

    /** A violation of no catalogued rule: its message is all there is. */
    public FieldViolation(String field, String message) {
        this(field, message, null, List.of());
    }
}
