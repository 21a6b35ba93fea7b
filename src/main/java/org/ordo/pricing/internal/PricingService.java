package org.ordo.pricing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.ordo.pricing.Pricing;
import org.ordo.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one pricing function: a few reads for all lines (the customer's group, price list breaks, promotions, and the
 * products' categories when a promotion names one), then {@link PricingPolicy}.
 */
@Service
class PricingService implements Pricing {

    private final PriceStore store;
    private final PricingProperties properties;
    private final Customers customers;
    private final Catalog catalog;

    PricingService(PriceStore store, PricingProperties properties, Customers customers, Catalog catalog) {
        this.store = store;
        this.properties = properties;
        this.customers = customers;
        this.catalog = catalog;
    }

    @Override
    @Transactional(readOnly = true)
    public PricedOrder price(UUID customerId, String currency, LocalDate date, List<Item> items) {
        Set<String> skus = new LinkedHashSet<>();
        items.forEach(i -> skus.add(i.sku()));
        String group = customerId == null
                ? null
                : customers.find(customerId).map(CustomerSnapshot::group).orElse(null);
        Map<String, List<PricingPolicy.Break>> breaks =
                customerId == null ? Map.of() : store.breaks(customerId, group, currency, date, skus);
        List<PriceStore.StoredPromotion> promotions = store.promotions(date, currency);
        List<PricingPolicy.Promotion> candidates = promotions.stream()
                .map(p -> new PricingPolicy.Promotion(
                        p.id(),
                        p.name(),
                        p.kind(),
                        p.percent(),
                        p.amount() == null ? null : PriceStore.money(p.amount(), currency),
                        p.buy() == null ? 0 : p.buy(),
                        p.free() == null ? 0 : p.free(),
                        Set.copyOf(p.skus()),
                        Set.copyOf(p.categories())))
                .toList();
        Map<String, ProductSnapshot> products =
                candidates.stream().anyMatch(p -> !p.categories().isEmpty()) ? catalog.find(skus) : Map.of();
        List<PricedLine> lines = new ArrayList<>();
        for (Item item : items) {
            ProductSnapshot product = products.get(item.sku());
            String category = product == null ? null : product.category();
            lines.add(PricingPolicy.price(item, category, breaks.getOrDefault(item.sku(), List.of()), candidates));
        }
        PriceStore.StoredPromotion freeShipping = promotions.stream()
                .filter(p -> p.kind().equals("FREE_SHIPPING"))
                .min(java.util.Comparator.comparing(PriceStore.StoredPromotion::amount))
                .orElse(null);
        return new PricedOrder(
                List.copyOf(lines),
                freeShipping == null ? null : PriceStore.money(freeShipping.amount(), currency),
                freeShipping == null ? null : freeShipping.name());
    }

    @Override
    @Transactional(readOnly = true)
    public Money freeShippingFrom(String currency, LocalDate day) {
        return store.promotions(day, currency).stream()
                .filter(p -> p.kind().equals("FREE_SHIPPING"))
                .map(p -> PriceStore.money(p.amount(), currency))
                .min(Money::compareTo)
                .orElse(null);
    }

    @Override
    public String discountBeyondLimit(Actor actor, List<PricedLine> lines) {
        PricedLine largest = lines.stream()
                .max(java.util.Comparator.comparing(PricedLine::manualPercent))
                .orElse(null);
        if (largest == null
                || largest.manualPercent().signum() == 0
                || actor.hasRole(Role.ADMIN)
                || actor == Actor.SYSTEM) {
            return null;
        }
        BigDecimal limit = limitOf(actor);
        if (largest.manualPercent().compareTo(limit) <= 0) {
            return null;
        }
        return "discount beyond limit: " + largest.manualPercent().toPlainString() + " % on " + largest.sku() + " > "
                + limit.stripTrailingZeros().toPlainString() + " % allowed to " + actor.username();
    }

    /** The largest limit among the actor's roles; 0 without a listed role. */
    private BigDecimal limitOf(Actor actor) {
        return actor.roles().stream()
                .map(role -> properties.discountLimits().get(role.name()))
                .filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
    }
}
