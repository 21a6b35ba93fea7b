package org.ordo.platform;

/**
 * Search text as a SQL {@code LIKE} pattern, for a condition written {@code LIKE ? ESCAPE '\'}: a {@code %}, {@code _} or
 * {@code \} the user typed matches itself instead of any text, any character or escaping the next one.
 */
public final class LikePattern {

    private LikePattern() {}

    /** Matches any text that contains {@code text}. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }

    /** Matches any text that starts with {@code text}. */
    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    /** {@code text} with its wildcards and escape characters escaped. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
