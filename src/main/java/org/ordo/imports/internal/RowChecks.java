package org.ordo.imports.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ordo.imports.ImportRule;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;

/**
 * Reads a row's cells as numbers, dates and flags, gathering every problem under its column, so that a row is refused
 * with all of them at once.
 */
final class RowChecks {

    private final CsvFile.Row row;
    private final List<FieldViolation> problems = new ArrayList<>();

    RowChecks(CsvFile.Row row) {
        this.row = row;
    }

    String text(String column) {
        return row.get(column);
    }

    String required(String column) {
        String value = row.get(column);
        if (value == null) {
            problems.add(CommonRule.REQUIRED.at(column));
        }
        return value;
    }

    Long number(String column, boolean required) {
        String value = required ? required(column) : row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            problems.add(ImportRule.NOT_A_NUMBER.at(column));
            return null;
        }
    }

    LocalDate date(String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(ImportRule.NOT_A_DATE.at(column));
            return null;
        }
    }

    Boolean flag(String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                problems.add(ImportRule.NOT_YES_OR_NO.at(column));
                yield null;
            }
        };
    }

    void problem(FieldViolation violation) {
        problems.add(violation);
    }

    /** @throws RowRejected with the problems found, if any */
    void done() {
        if (!problems.isEmpty()) {
            throw new RowRejected(row.line(), problems);
        }
    }
}
