package org.ordo.pricing;

import org.ordo.shared.FieldRule;

/** The pricing rule book's own rules: a stable code each (pages translate {@code violation.<code>}) and the API's message. */
public enum PricingRule implements FieldRule {
    PRICE_LIST_OVERLAP(
            "pricing.price-list.overlap", "customer {0} has price list {1} in {2} for part of this period already"),
    PERIOD_ORDER("pricing.period.order", "must not be before validFrom"),
    UNKNOWN_CUSTOMER("pricing.customer.unknown", "unknown customer {0}"),
    UNKNOWN_SKU("pricing.sku.unknown", "unknown SKU {0}"),
    PRICE_NEGATIVE("pricing.price.negative", "must not be negative"),
    PRICE_CURRENCY("pricing.price.currency", "must be in the currency {0}"),
    BREAK_QUANTITY("pricing.break.quantity", "must be greater than 1 and listed once"),
    PERCENT_RANGE("pricing.percent.range", "must be greater than 0 and at most 100"),
    ONE_DISCOUNT("pricing.discount.one", "give either percent or amount"),
    PROMOTION_FIELD("pricing.promotion.field", "is required for a promotion of kind {0}");

    private final String code;
    private final String message;

    PricingRule(String code, String message) {
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
