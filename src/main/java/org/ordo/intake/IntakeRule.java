package org.ordo.intake;

import org.ordo.shared.FieldRule;

/** The rules a draft follows before it is placed, beyond {@link org.ordo.shared.CommonRule}; pages translate them by code. */
public enum IntakeRule implements FieldRule {
    NO_CUSTOMER("intake.no-customer", "must name the customer who sent the order"),
    NO_LINES("intake.no-lines", "must have at least one line with a SKU and a quantity"),
    /** {0}: the number of the order placed before with the same customer and PO number. */
    PLACED_BEFORE(
            "intake.placed-before",
            "is the PO number of order {0}, placed before for this customer: change it or confirm placing it anyway");

    private final String code;
    private final String message;

    IntakeRule(String code, String message) {
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
