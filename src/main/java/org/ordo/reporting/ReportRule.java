package org.ordo.reporting;

import org.ordo.shared.FieldRule;

/** The rules of a report's period, by stable code. */
public enum ReportRule implements FieldRule {
    DATE_REQUIRED("period-date-required", "is required (a date such as 2026-11-21)"),
    NOT_A_DATE("period-not-a-date", "must be a date such as 2026-11-21"),
    BEFORE_START("period-ends-before-start", "must not be before from"),
    /** {0}: the most days a period may span. */
    PERIOD_TOO_LONG("period-too-long", "the period may span at most {0} days");

    private final String code;
    private final String message;

    ReportRule(String code, String message) {
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
