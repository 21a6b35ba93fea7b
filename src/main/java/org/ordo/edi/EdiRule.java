package org.ordo.edi;

import org.ordo.shared.FieldRule;

/** Rules of trading partners and their item codes. */
public enum EdiRule implements FieldRule {
    UNKNOWN_CUSTOMER("edi-unknown-customer", "is not a known customer"),
    UNKNOWN_SKU("edi-unknown-sku", "is not an active product: {0}"),
    SENDER_TAKEN("edi-sender-taken", "is already the sender id of partner {0}");

    private final String code;
    private final String message;

    EdiRule(String code, String message) {
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
