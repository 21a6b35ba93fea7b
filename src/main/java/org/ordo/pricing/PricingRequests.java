package org.ordo.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.shared.Money;

/**
 * The request and answer bodies of {@code /api/price-lists} and {@code /api/promotions} (docs/api.md), also what
 * {@link PriceLists} and {@link Promotions} take and give.
 */
public final class PricingRequests {

    private PricingRequests() {}

    /** {@code customerGroups}: the customer groups (e.g. Wholesale) whose customers get the list; may be null. */
    public record NewPriceList(
            String name,
            String currency,
            LocalDate validFrom,
            LocalDate validTo,
            List<UUID> customerIds,
            List<String> customerGroups) {

        /** A list for customers only. */
        public NewPriceList(
                String name, String currency, LocalDate validFrom, LocalDate validTo, List<UUID> customerIds) {
            this(name, currency, validFrom, validTo, customerIds, null);
        }
    }

    /** {@code breaks}: lower prices from a quantity on; {@code unitPrice} is the price below the first break. */
    public record SetPrice(Money unitPrice, List<PriceBreak> breaks) {}

    public record PriceBreak(Long minQuantity, Money unitPrice) {}

    public record SkuPrice(String sku, Money unitPrice, List<PriceBreak> breaks) {}

    public record PriceList(
            UUID id,
            String name,
            String currency,
            LocalDate validFrom,
            LocalDate validTo,
            List<UUID> customerIds,
            List<SkuPrice> prices,
            List<String> customerGroups) {}

    /**
     * {@code kind} PERCENT ({@code percent} off), AMOUNT ({@code amount} off each unit), BUY_GET (buy
     * {@code buyQuantity}, get {@code freeQuantity} more free), each on {@code skus} and on every product of
     * {@code categories} (at least one of the two); FREE_SHIPPING once the goods reach {@code amount}.
     */
    public record NewPromotion(
            String name,
            String kind,
            BigDecimal percent,
            Money amount,
            Long buyQuantity,
            Long freeQuantity,
            List<String> skus,
            LocalDate validFrom,
            LocalDate validTo,
            List<String> categories) {

        /** A promotion on SKUs only. */
        public NewPromotion(
                String name,
                String kind,
                BigDecimal percent,
                Money amount,
                Long buyQuantity,
                Long freeQuantity,
                List<String> skus,
                LocalDate validFrom,
                LocalDate validTo) {
            this(name, kind, percent, amount, buyQuantity, freeQuantity, skus, validFrom, validTo, null);
        }
    }

    public record Promotion(
            UUID id,
            String name,
            String kind,
            BigDecimal percent,
            Money amount,
            Long buyQuantity,
            Long freeQuantity,
            List<String> skus,
            LocalDate validFrom,
            LocalDate validTo,
            List<String> categories) {}
}
