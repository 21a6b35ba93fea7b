package org.ordo.quotations;

import org.ordo.shared.FieldRule;

/** The rules a quotation's input follows, beyond {@link org.ordo.shared.CommonRule}; pages translate them by code. */
public enum QuotationRule implements FieldRule {
    UNKNOWN_CUSTOMER("quotation.unknown-customer", "no active customer {0}"),
    CURRENCY_MISMATCH("quotation.currency-mismatch", "must be the customer's currency {0}"),
    UNKNOWN_SKU("quotation.unknown-sku", "{0} is not an active product"),
    PRICED_IN_OTHER_CURRENCY("quotation.priced-in-other-currency", "{0} is priced in {1}, not in {2}"),
    DISCOUNT_BEYOND_LIMIT(
            "quotation.discount-beyond-limit",
            "{0} % is beyond the discount your role may give: a manager (role ADMIN) sends this quotation");

    private final String code;
    private final String message;

    QuotationRule(String code, String message) {
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
