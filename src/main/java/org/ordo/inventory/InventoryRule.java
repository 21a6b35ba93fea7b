package org.ordo.inventory;

import org.ordo.shared.FieldRule;

/** The rules of inventory's own fields, by stable code (the rest are {@link org.ordo.shared.CommonRule}s). */
public enum InventoryRule implements FieldRule {
    NOT_A_DATE("inventory-not-a-date", "must be a date such as 2026-11-21"),
    ENDS_BEFORE_START("inventory-ends-before-start", "must not be before from");

    private final String code;
    private final String message;

    InventoryRule(String code, String message) {
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
