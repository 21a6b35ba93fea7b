package org.ordo.shared;

import java.util.List;

/**
 * A rule a field can break, as a module's rule book names it: a stable {@link #code()} (pages translate the violation by
 * {@code violation.<code>} in their message bundles, with the arguments as {@code {0}}, {@code {1}} …) and the English
 * {@link #message()} the API answers with, in which the same placeholders stand for the arguments.
 */
public interface FieldRule {

    String code();

    String message();

    /** The violation of this rule by {@code field}. */
    default FieldViolation at(String field, Object... arguments) {
        String text = message();
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", words(arguments[i]));
        }
        return new FieldViolation(field, text, code(), List.of(arguments));
    }

    /** An argument as a sentence shows it: a list as its items joined by commas, without the brackets Java prints. */
    private static String words(Object argument) {
        return argument instanceof java.util.Collection<?> list
                ? list.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                : String.valueOf(argument);
    }
}
