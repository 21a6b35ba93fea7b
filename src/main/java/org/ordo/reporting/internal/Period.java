package org.ordo.reporting.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.ordo.reporting.ReportRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;

/**
 * A reporting period of the company's days ({@code zone}), from {@code from} up to but excluding {@code to}; {@code to}
 * as a date includes that whole day.
 */
record Period(LocalDate from, LocalDate to, @JsonIgnore ZoneId zone) {

    static final long MAX_DAYS = 3660;

    static Period parse(String from, String to, ZoneId zone) {
        List<FieldViolation> problems = new ArrayList<>();
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (problems.isEmpty() && end.isBefore(start)) {
            problems.add(ReportRule.BEFORE_START.at("to"));
        }
        if (problems.isEmpty() && ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            problems.add(ReportRule.PERIOD_TOO_LONG.at("to", MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return new Period(start, end, zone);
    }

    private static LocalDate date(String field, String value, List<FieldViolation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(ReportRule.DATE_REQUIRED.at(field));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(ReportRule.NOT_A_DATE.at(field));
            return null;
        }
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Exclusive end: the start of the day after {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
