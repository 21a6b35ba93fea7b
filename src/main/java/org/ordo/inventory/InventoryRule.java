package org.ordo.inventory;

import org.ordo.shared.FieldRule;

/** The rules of inventory's own fields, by stable code (the rest are {@link org.ordo.shared.CommonRule}s). */
public enum InventoryRule implements FieldRule {
    NOT_A_DATE("inventory-not-a-date", "must be a date such as 2026-11-21"),
    ENDS_BEFORE_START("inventory-ends-before-start", "must not be before from"),
    /** {0}: the largest quantity a movement may have. */
    QUANTITY_TOO_LARGE("inventory-quantity-too-large", "must be at most {0} in size"),
    RECEIPT_NOT_POSITIVE("inventory-receipt-not-positive", "must be greater than 0 for a receipt"),
    ADJUSTMENT_ZERO("inventory-adjustment-zero", "must not be 0 for an adjustment"),
    COUNT_NEGATIVE("inventory-count-negative", "must be 0 or greater for a count (the counted on-hand quantity)"),
    ADJUSTMENT_REASON_REQUIRED("inventory-adjustment-reason-required", "is required for an adjustment"),
    UNKNOWN_SKU("inventory-unknown-sku", "unknown SKU"),
    UNKNOWN_WAREHOUSE("inventory-unknown-warehouse", "unknown warehouse"),
    INACTIVE_WAREHOUSE("inventory-inactive-warehouse", "inactive warehouse");

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
