package org.ordo.pricing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ordo.pricing.Pricing;
import org.ordo.shared.Money;

/**
 * The rule book of a line's price (docs/domain.md, Pricing), without reads: base price from the price list's break (the
 * customer's own list before its group's) or the list price; the promotion that gives the lowest price when it is below the base; the manual discount last. Each
 * step's unit price is rounded half-even to 4 decimals (the finest Ordo stores) and never goes below 0; the line's net
 * is rounded once more, to the minor unit, by the order line (invariant 6).
 */
final class PricingPolicy {

    static final int UNIT_SCALE = Money.MAX_SCALE;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * A price of a price list of the customer: from {@code minQuantity} units on. {@code forGroup}: the list is assigned
     * to the customer's group, not to the customer itself.
     */
    record Break(UUID priceListId, String priceList, long minQuantity, Money unitPrice, boolean forGroup) {}

    /**
     * A promotion valid on the day, in the order's currency where it has one; it covers the products whose SKU is in
     * {@code skus} or whose category is in {@code categories} (any case).
     */
    record Promotion(
            UUID id,
            String name,
            String kind,
            BigDecimal percent,
            Money amount,
            long buy,
            long free,
            Set<String> skus,
            Set<String> categories) {

        boolean covers(String sku, String category) {
            return skus.contains(sku)
                    || (category != null && categories.stream().anyMatch(category::equalsIgnoreCase));
        }
    }

    private PricingPolicy() {}

    /**
     * Prices a line of a product of {@code category} (may be null). Of {@code breaks}, the customer's own price list's
     * prices win over its group's: the group's apply only to a SKU the customer's own list does not price.
     */
    static Pricing.PricedLine price(
            Pricing.Item item, String category, List<Break> breaks, List<Promotion> promotions) {
        List<Break> own = breaks.stream().filter(b -> !b.forGroup()).toList();
        Break applied = (own.isEmpty() ? breaks : own)
                .stream()
                        .filter(b -> b.minQuantity() <= item.quantity())
                        .max(Comparator.comparingLong(Break::minQuantity))
                        .orElse(null);
        Money base = applied == null ? item.listPrice() : applied.unitPrice();
        String priceRule = applied == null
                ? null
                : applied.minQuantity() > 1
                        ? applied.priceList() + ", from " + applied.minQuantity()
                        : applied.priceList();
        List<Pricing.Discount> discounts = new ArrayList<>();
        Money price = base;
        List<Promotion> covering =
                promotions.stream().filter(p -> p.covers(item.sku(), category)).toList();
        Pricing.Discount promotion = bestPromotion(item, base, covering);
        if (promotion != null) {
            discounts.add(promotion);
            price = price.minus(promotion.perUnit());
        }
        BigDecimal manualPercent = BigDecimal.ZERO;
        Money manual = manualOff(item.manual(), price);
        if (manual != null && !manual.isZero()) {
            manualPercent = price.isZero()
                    ? HUNDRED
                    : manual.amount().multiply(HUNDRED).divide(price.amount(), 2, RoundingMode.HALF_EVEN);
            discounts.add(new Pricing.Discount("MANUAL", null, "Manual discount", manual));
            price = price.minus(manual);
        }
        return new Pricing.PricedLine(
                item.sku(),
                item.quantity(),
                item.listPrice(),
                base,
                priceRule,
                List.copyOf(discounts),
                price,
                manualPercent.stripTrailingZeros());
    }

    /** The promotion that lowers {@code base} most, as a discount per unit; null when none lowers it. */
    private static Pricing.Discount bestPromotion(Pricing.Item item, Money base, List<Promotion> promotions) {
        Pricing.Discount best = null;
        for (Promotion p : promotions) {
            Money off = promotionOff(p, item.quantity(), item.listPrice(), base);
            if (off != null
                    && off.isGreaterThan(Money.zero(base.currency()))
                    && (best == null || off.isGreaterThan(best.perUnit()))) {
                best = new Pricing.Discount("PROMOTION", p.id(), p.name(), off);
            }
        }
        return best;
    }

    /**
     * What a promotion takes off each unit of {@code base}. A promotion is worked out on the list price (it is the public
     * offer); it lowers a price list's price only by what it gets below it, so the customer pays the lower of the two.
     */
    private static Money promotionOff(Promotion p, long quantity, Money listPrice, Money base) {
        BigDecimal list = listPrice.amount();
        BigDecimal promoted = switch (p.kind()) {
            case "PERCENT" -> list.subtract(list.multiply(p.percent()).divide(HUNDRED));
            case "AMOUNT" -> list.subtract(p.amount().amount());
            case "BUY_GET" -> {
                long free = quantity / (p.buy() + p.free()) * p.free();
                yield list.multiply(BigDecimal.valueOf(quantity - free))
                        .divide(BigDecimal.valueOf(quantity), UNIT_SCALE + 4, RoundingMode.HALF_EVEN);
            }
            default -> null;
        };
        if (promoted == null) {
            return null;
        }
        BigDecimal price = unit(promoted.max(BigDecimal.ZERO));
        return price.compareTo(base.amount()) >= 0 ? null : money(base.amount().subtract(price), base);
    }

    /** The manual discount off {@code price} per unit, at most the price itself. */
    private static Money manualOff(Pricing.ManualDiscount manual, Money price) {
        if (manual == null) {
            return null;
        }
        BigDecimal off = manual.percent() != null
                ? unit(price.amount().multiply(manual.percent()).divide(HUNDRED))
                : manual.amount().amount();
        return money(off.min(price.amount()), price);
    }

    private static BigDecimal unit(BigDecimal amount) {
        return amount.setScale(UNIT_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static Money money(BigDecimal amount, Money like) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return new Money(stripped.scale() < 0 ? stripped.setScale(0) : stripped, like.currency());
    }
}
