package org.ordo.purchasing;

import org.ordo.shared.FieldRule;

/** The rules purchasing's input follows, beyond {@link org.ordo.shared.CommonRule}; pages translate them by code. */
public enum PurchasingRule implements FieldRule {
    UNKNOWN_SKU("purchasing.unknown-sku", "{0} is not in the catalog"),
    INACTIVE_SKU("purchasing.inactive-sku", "{0} is not active in the catalog"),
    UNKNOWN_SUPPLIER("purchasing.unknown-supplier", "no supplier {0}"),
    INACTIVE_SUPPLIER("purchasing.inactive-supplier", "supplier {0} is not active"),
    UNKNOWN_WAREHOUSE("purchasing.unknown-warehouse", "no active warehouse {0}"),
    NOT_OFFERED("purchasing.not-offered", "{0} is not offered by this supplier: give a unit price"),
    CURRENCY_MISMATCH("purchasing.currency-mismatch", "must be in the supplier's currency {0}"),
    NO_SUCH_LINE("purchasing.no-such-line", "the purchase order has no line {0}"),
    OVER_RECEIVED("purchasing.over-received", "at most {0} more can be received (ordered {1}, received {2})"),
    REASON_FOR_OVER_RECEIPT("purchasing.reason-for-over-receipt", "is required when more than ordered is received"),
    INVALID_EMAIL("purchasing.invalid-email", "must be an e-mail address"),
    NOT_A_DATE("purchasing.not-a-date", "must be a date such as 2026-11-21"),
    NOT_AN_AMOUNT("purchasing.not-an-amount", "must be an amount such as 12.50 with a currency such as EUR");

    private final String code;
    private final String message;

    PurchasingRule(String code, String message) {
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
