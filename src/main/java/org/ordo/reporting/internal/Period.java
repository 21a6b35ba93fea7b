package org.ordo.reporting.internal;

import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A reporting period [from, to) in UTC; {@code to} as a date includes that whole day. */
record Period(LocalDate from, LocalDate to) {

    static final long MAX_DAYS = 3660;

    static Period parse(String from, String to) {
        List<FieldViolation> problems = new ArrayList<>();
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (problems.isEmpty() && end.isBefore(start)) {
            problems.add(new FieldViolation("to", "must not be before from"));
        }
        if (problems.isEmpty() && ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            problems.add(new FieldViolation("to", "the period may span at most " + MAX_DAYS + " days"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return new Period(start, end);
    }

    private static LocalDate date(String field, String value, List<FieldViolation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldViolation(field, "is required (a date such as 2026-11-21)"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldViolation(field, "must be a date such as 2026-11-21"));
            return null;
        }
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive end: the start of the day after {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
