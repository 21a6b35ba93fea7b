package org.ordo.shared;

/** Rules every module's input follows, whatever the field. */
public enum CommonRule implements FieldRule {
    REQUIRED("required", "is required"),
    TOO_LONG("too-long", "must be at most {0} characters"),
    ONE_OF("one-of", "must be one of: {0}"),
    NOT_IN_PAST("not-in-past", "must not be in the past"),
    GREATER_THAN_ZERO("greater-than-zero", "must be greater than 0"),
    AT_MOST("at-most", "must be at most {0}"),
    ZERO_OR_GREATER("zero-or-greater", "must be 0 or greater"),
    LISTED_TWICE("listed-twice", "is listed twice"),
    /** A query parameter the operation does not take: refused rather than ignored, so a misspelt filter is noticed. */
    UNKNOWN_PARAMETER("unknown-parameter", "is not a parameter of this request; known are: {0}"),
    /** A value that cannot be read as what the field takes ("a whole number", "a date such as 2026-12-31"). */
    MALFORMED("malformed", "must be {0}");

    private final String code;
    private final String message;

    CommonRule(String code, String message) {
        this.code = code;
        this.message = message;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String message() {
        return message;
    }
}
