package org.ordo.shared;

import java.util.List;
import java.util.Map;

/**
 * A domain failure with a stable {@link #errorCode()}. Domain code throws these and knows nothing of HTTP;
 * one advice maps each {@link Kind} to a status and an RFC 9457 problem document.
 */
public class OrdoException extends RuntimeException {

    /** What went wrong, in the terms the API reports. */
    public enum Kind {
        /** The request is malformed or a field is invalid (400). */
        INVALID,
        /** The thing asked for does not exist (404). */
        NOT_FOUND,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** The request is well-formed but breaks a business rule (422). */
        RULE_VIOLATED,
        /** The thing is not in a state that allows this (409). */
        CONFLICT,
        /** The caller's version (If-Match) is not the current one (412). */
        STALE
    }

    private final Kind kind;
    private final String errorCode;
    private final List<FieldViolation> violations;
    private final Map<String, Object> properties;

    public OrdoException(Kind kind, String errorCode, String message) {
        this(kind, errorCode, message, List.of(), Map.of());
    }

    public OrdoException(
            Kind kind,
            String errorCode,
            String message,
            List<FieldViolation> violations,
            Map<String, Object> properties) {
        super(message);
        this.kind = kind;
        this.errorCode = errorCode;
        this.violations = List.copyOf(violations);
        this.properties = Map.copyOf(properties);
    }

    public static OrdoException invalid(List<FieldViolation> violations) {
        return new OrdoException(
                Kind.INVALID, "validation-failed", "The request has invalid fields.", violations, Map.of());
    }

    public static OrdoException invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    public static OrdoException rule(String errorCode, String message, List<FieldViolation> violations) {
        return new OrdoException(Kind.RULE_VIOLATED, errorCode, message, violations, Map.of());
    }

    public static OrdoException notFound(String what, Object id) {
        return new OrdoException(Kind.NOT_FOUND, "not-found", what + " " + id + " does not exist.");
    }

    public static OrdoException conflict(String errorCode, String message) {
        return new OrdoException(Kind.CONFLICT, errorCode, message);
    }

    public static OrdoException forbidden(String message, List<FieldViolation> violations) {
        return new OrdoException(Kind.FORBIDDEN, "forbidden", message, violations, Map.of());
    }

    public static OrdoException stale(String what, long currentVersion) {
        return new OrdoException(
                Kind.STALE,
                "stale-version",
                what + " was changed by someone else (current version " + currentVersion + "); reload and retry.",
                List.of(),
                Map.of("currentVersion", currentVersion));
    }

    public Kind kind() {
        return kind;
    }

    public String errorCode() {
        return errorCode;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Extra members of the problem document (e.g. currentState, allowedStates). */
    public Map<String, Object> properties() {
        return properties;
    }
}
