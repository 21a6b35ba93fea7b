package org.ordo.orders;

import org.ordo.shared.FieldRule;

/**
 * The rules of the order rule book that are the orders' own (the generic ones are {@link org.ordo.shared.CommonRule}): a
 * stable code each, which pages translate as {@code violation.<code>}, and the English message of the API.
 */
public enum OrderRule implements FieldRule {
    NO_LINES("order.lines.none", "must contain at least one line"),
    TOO_MANY_LINES("order.lines.too-many", "must contain at most {0} lines"),
    LINE_MISSING("order.line.missing", "must not be null"),
    NO_SUCH_LINE("order.line.unknown", "no such line"),
    EXISTING_LINE_QUANTITY_ONLY(
            "order.line.quantity-only", "an existing line can change only its quantity; cancel it and add a new line"),
    CHANGED_QUANTITY_RANGE("order.quantity.range", "must be between 0 and {0}"),
    BELOW_SHIPPED("order.quantity.below-shipped", "must not be below the shipped quantity {0}"),
    CANCEL_RANGE("order.quantity.cancel-range", "must be between 1 and the open quantity {0}"),
    UNKNOWN_SKU("order.sku.unknown", "unknown SKU {0}"),
    INACTIVE_PRODUCT("order.sku.inactive", "product {0} is not active"),
    PRODUCT_CURRENCY("order.sku.currency", "product {0} is priced in {1}, the order is in {2}"),
    PRICE_CURRENCY("order.price.currency", "must be the order currency {0}"),
    PRICE_NEGATIVE("order.price.negative", "must not be negative"),
    LINE_ROUNDS_TO_NOTHING(
            "order.price.rounds-to-nothing",
            "a price of {0} {2} for {1} units rounds the line to nothing: charge at least the smallest unit of {2}, or 0"),
    PRICE_OVERRIDE_ROLE("order.price.override-role", "a price override needs the role SALES or ADMIN"),
    CUSTOMER_NOT_YOURS("order.customer.not-yours", "is not your customer account"),
    UNKNOWN_CUSTOMER("order.customer.unknown", "unknown customer"),
    INACTIVE_CUSTOMER("order.customer.inactive", "customer is not active"),
    CUSTOMER_CURRENCY("order.currency.customer", "must be the customer's currency {0}"),
    NO_SHIPPING_ADDRESS("order.address.none", "is required: the customer has no shipping address"),
    OWN_CREDIT_HOLD(
            "order.release.own-credit-hold",
            "a credit hold is released by someone other than who placed the order ({0})"),
    DISCOUNT_ONE_OF("order.discount.one-of", "give either percent or amount"),
    DISCOUNT_PERCENT("order.discount.percent", "must be greater than 0 and at most 100"),
    DISCOUNT_WITH_PRICE(
            "order.discount.with-price", "a discount is taken off the price the rules give: omit unitPrice"),
    DISCOUNT_ROLE("order.discount.role", "a discount needs the role SALES or ADMIN"),
    DISCOUNT_APPROVAL(
            "order.release.discount-approval", "a discount beyond the limit is approved by a manager (role ADMIN)");

    private final String code;
    private final String message;

    OrderRule(String code, String message) {
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
