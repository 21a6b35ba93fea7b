package org.ordo.shared;

/** One failing field of a request: {@code field} is a JSON path such as {@code lines[0].quantity}. */
public record FieldViolation(String field, String message) {}
