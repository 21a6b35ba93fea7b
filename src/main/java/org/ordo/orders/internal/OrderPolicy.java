package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.ordo.orders.OrderRule;
import org.ordo.platform.CompanyCalendar;
import org.ordo.shared.Address;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The order rule book: what a new, quoted or changed order's fields must be. Placement, quotes and changes all ask it, so
 * the limits live here once; each violation names its rule ({@link OrderRule}, {@link CommonRule}).
 */
@Component
class OrderPolicy {

    static final long MAX_LINE_QUANTITY = 1_000_000;
    static final int MAX_SKU_LENGTH = 64;
    static final int MAX_EXTERNAL_REFERENCE_LENGTH = 100;
    static final int MAX_NOTES_LENGTH = 2000;
    static final int MAX_REASON_LENGTH = 500;
    static final String DEFAULT_SHIPPING_METHOD = "STANDARD";

    private final OrderProperties properties;
    private final CompanyCalendar calendar;

    OrderPolicy(OrderProperties properties, CompanyCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** The header fields a new or changed order gives (null: not given). */
    record Header(
            String externalReference,
            String notes,
            LocalDate requestedDeliveryDate,
            Address shippingAddress,
            String shippingMethod) {}

    int maxLines() {
        return properties.maxLines();
    }

    /** The method asked for, or the default when none is. */
    String shippingMethodOrDefault(String requested) {
        return requested == null || requested.isBlank() ? DEFAULT_SHIPPING_METHOD : requested;
    }

    boolean knowsShippingMethod(String method) {
        return properties.transitDays().containsKey(method);
    }

    /** Checks what a header gives; the address's own problems are named under {@code shippingAddress}. */
    void checkHeader(Header header, List<FieldViolation> problems) {
        if (header.shippingMethod() != null && !knowsShippingMethod(header.shippingMethod())) {
            problems.add(CommonRule.ONE_OF.at(
                    "shippingMethod", new TreeSet<>(properties.transitDays().keySet())));
        }
        checkLength("externalReference", header.externalReference(), MAX_EXTERNAL_REFERENCE_LENGTH, problems);
        checkLength("notes", header.notes(), MAX_NOTES_LENGTH, problems);
        if (header.requestedDeliveryDate() != null
                && header.requestedDeliveryDate().isBefore(calendar.today())) {
            problems.add(CommonRule.NOT_IN_PAST.at("requestedDeliveryDate"));
        }
        if (header.shippingAddress() != null) {
            problems.addAll(header.shippingAddress().violations("shippingAddress"));
        }
    }

    /** A new order has at least one line and at most the configured number. */
    void checkLineCount(int count, List<FieldViolation> problems) {
        if (count == 0) {
            problems.add(OrderRule.NO_LINES.at("lines"));
        } else {
            checkAtMostLines(count, problems);
        }
    }

    void checkAtMostLines(int count, List<FieldViolation> problems) {
        if (count > properties.maxLines()) {
            problems.add(OrderRule.TOO_MANY_LINES.at("lines", properties.maxLines()));
        }
    }

    /** A new line at {@code field} (e.g. {@code lines[2]}): a SKU, a quantity from 1 to the maximum, no negative price. */
    void checkNewLine(String field, String sku, Long quantity, Money unitPrice, List<FieldViolation> problems) {
        if (sku == null || sku.isBlank()) {
            problems.add(CommonRule.REQUIRED.at(field + ".sku"));
        } else {
            checkLength(field + ".sku", sku, MAX_SKU_LENGTH, problems);
        }
        if (quantity == null) {
            problems.add(CommonRule.REQUIRED.at(field + ".quantity"));
        } else if (quantity <= 0) {
            problems.add(CommonRule.GREATER_THAN_ZERO.at(field + ".quantity"));
        } else if (quantity > MAX_LINE_QUANTITY) {
            problems.add(CommonRule.AT_MOST.at(field + ".quantity", MAX_LINE_QUANTITY));
        }
        if (unitPrice != null && unitPrice.isNegative()) {
            problems.add(OrderRule.PRICE_NEGATIVE.at(field + ".unitPrice.amount"));
        } else if (unitPrice != null
                && quantity != null
                && quantity > 0
                && !unitPrice.isZero()
                && unitPrice.times(quantity).isZero()) {
            // a price that is not free must charge something: 1 × 0.004 EUR would be a line of 0.00
            problems.add(OrderRule.LINE_ROUNDS_TO_NOTHING.at(
                    field + ".unitPrice.amount",
                    unitPrice.amount().toPlainString(),
                    quantity,
                    unitPrice.currencyCode()));
        }
    }

    /** A manual discount at {@code field} (e.g. {@code lines[2].discount}): a percent up to 100 or an amount, not both. */
    void checkDiscount(
            String field,
            org.ordo.pricing.Pricing.ManualDiscount discount,
            Money unitPrice,
            List<FieldViolation> problems) {
        if (discount == null) {
            return;
        }
        if (unitPrice != null) {
            problems.add(OrderRule.DISCOUNT_WITH_PRICE.at(field));
        } else if ((discount.percent() == null) == (discount.amount() == null)) {
            problems.add(OrderRule.DISCOUNT_ONE_OF.at(field));
        } else if (discount.percent() != null
                && (discount.percent().signum() <= 0 || discount.percent().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(OrderRule.DISCOUNT_PERCENT.at(field + ".percent"));
        } else if (discount.amount() != null && discount.amount().isNegative()) {
            problems.add(OrderRule.PRICE_NEGATIVE.at(field + ".amount.amount"));
        }
    }

    /** A new quantity for an existing line: 0 (cancel it) up to the maximum. */
    void checkChangedQuantity(String field, Long quantity, List<FieldViolation> problems) {
        if (quantity == null || quantity < 0 || quantity > MAX_LINE_QUANTITY) {
            problems.add(OrderRule.CHANGED_QUANTITY_RANGE.at(field + ".quantity", MAX_LINE_QUANTITY));
        }
    }

    /** Why something was done to an order: required for holds and cancellations, optional elsewhere. */
    void checkReason(String reason, boolean required, List<FieldViolation> problems) {
        if (required && (reason == null || reason.isBlank())) {
            problems.add(CommonRule.REQUIRED.at("reason"));
        } else {
            checkLength("reason", reason, MAX_REASON_LENGTH, problems);
        }
    }

    private static void checkLength(String field, String value, int max, List<FieldViolation> problems) {
        if (value != null && value.length() > max) {
            problems.add(CommonRule.TOO_LONG.at(field, max));
        }
    }
}
