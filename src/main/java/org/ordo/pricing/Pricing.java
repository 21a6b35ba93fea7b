package org.ordo.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.shared.Money;

/**
 * Prices order lines for a customer on a day, by the rules of docs/domain.md (Pricing): the base price is the customer's
 * price list price at the quantity's break, else the list price; a promotion applies when it gives less than that; a
 * manual discount comes last. One call reads every line's prices and promotions at once.
 */
public interface Pricing {

    /** The lines priced in {@code currency}, in the order given. */
    PricedOrder price(UUID customerId, String currency, LocalDate date, List<Item> items);

    /**
     * Why {@code actor} may not give the manual discounts of these lines without a manager's approval (the largest
     * beyond the role's limit, in words), or null when every one is within the limit.
     */
    String discountBeyondLimit(Actor actor, List<PricedLine> lines);

    /**
     * The goods' net from which an order placed on {@code day} in {@code currency} ships free by a FREE_SHIPPING
     * promotion (the lowest such threshold), or null without one.
     */
    Money freeShippingFrom(String currency, LocalDate day);

    /** A line to price: {@code listPrice} is the catalog's; {@code manual} may be null. */
    record Item(String sku, long quantity, Money listPrice, ManualDiscount manual) {}

    /** A discount typed at entry: a percent off (0-100) or an amount off each unit; exactly one is given. */
    record ManualDiscount(BigDecimal percent, Money amount) {}

    /** What lowered a line's price: {@code kind} PROMOTION or MANUAL, the rule's name and id, the amount off each unit. */
    record Discount(String kind, UUID ruleId, String rule, Money perUnit) {}

    /**
     * A priced line. {@code basePrice}: the price list's price at the line's break, or the list price ({@code priceRule}
     * says which: the price list and break, or null for the list price). {@code netUnitPrice} = basePrice − the
     * discounts' amounts, never below 0. {@code manualPercent}: the manual discount as a percent of the price it was
     * taken from (0 without).
     */
    record PricedLine(
            String sku,
            long quantity,
            Money listPrice,
            Money basePrice,
            String priceRule,
            List<Discount> discounts,
            Money netUnitPrice,
            BigDecimal manualPercent) {}

    /**
     * The priced lines, and the free-shipping promotion the order qualifies for once its goods reach
     * {@code freeShippingFrom} (both null without one).
     */
    record PricedOrder(List<PricedLine> lines, Money freeShippingFrom, String freeShippingRule) {}
}
