package org.ordo.forecasting.internal;

import org.ordo.shared.FieldRule;

/** The rules of a computed stock policy's request, by stable code. */
enum ForecastRule implements FieldRule {
    /** {0}, {1}: the bounds. */
    SERVICE_LEVEL_RANGE("service-level-range", "must be greater than {0} and at most {1}"),
    /** {0}: the SKU. */
    NO_LEAD_TIME("no-lead-time", "is required: no supplier lead time is known for {0}"),
    SET_BY_COMPUTATION("set-by-computation", "must be absent when the policy is computed"),
    ONLY_WHEN_COMPUTED("only-when-computed", "must be absent unless computed is true");

    private final String code;
    private final String message;

    ForecastRule(String code, String message) {
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
