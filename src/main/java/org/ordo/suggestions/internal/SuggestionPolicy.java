package org.ordo.suggestions.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.orders.BuyingPatterns.OrderedBefore;
import org.ordo.orders.BuyingPatterns.SkuScore;
import org.ordo.suggestions.Suggestions.Reason;
import org.ordo.suggestions.Suggestions.Suggestion;

/**
 * The rules of a suggestion. Two scores, each at most about 1, are added: "bought together" (the pair scores with the
 * cart's SKUs) and "usually ordered" (the share of the customer's orders with the SKU, halved for every
 * {@link #RECENCY_HALF_LIFE} since it was last ordered). Never suggested: what is in the cart, products that are
 * inactive or no longer exist.
 */
final class SuggestionPolicy {

    static final Duration RECENCY_HALF_LIFE = Duration.ofDays(90);

    private SuggestionPolicy() {}

    /** The cart's SKUs without blanks, repeats or surrounding spaces. */
    static Set<String> cart(Collection<String> skus) {
        Set<String> cart = new LinkedHashSet<>();
        for (String sku : skus == null ? List.<String>of() : skus) {
            if (sku != null && !sku.isBlank()) {
                cart.add(sku.trim());
            }
        }
        return cart;
    }

    /** How much the customer usually orders {@code sku}: share of its orders, fading with time since last ordered. */
    static double usually(OrderedBefore sku, int customerOrders, Instant now) {
        double share = (double) sku.orders() / Math.max(customerOrders, sku.orders());
        double halfLives = (double) Duration.between(sku.lastOrderedAt(), now).toHours() / RECENCY_HALF_LIFE.toHours();
        return share * Math.pow(0.5, Math.max(0, halfLives));
    }

    /** The best {@code limit} suggestions of both kinds, products as the catalog has them now. */
    static List<Suggestion> rank(
            List<SkuScore> together,
            Map<String, Double> usually,
            Set<String> cart,
            Map<String, ProductSnapshot> products,
            int limit) {
        Map<String, double[]> scores = new HashMap<>();
        together.forEach(t -> scores.computeIfAbsent(t.sku(), k -> new double[2])[0] += t.score());
        usually.forEach((sku, score) -> scores.computeIfAbsent(sku, k -> new double[2])[1] += score);
        return scores.entrySet().stream()
                .filter(e -> !cart.contains(e.getKey()))
                .filter(e -> products.containsKey(e.getKey())
                        && products.get(e.getKey()).active())
                .map(e -> suggestion(products.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingDouble(Suggestion::score).reversed().thenComparing(Suggestion::sku))
                .limit(limit)
                .toList();
    }

    private static Suggestion suggestion(ProductSnapshot product, double[] scores) {
        Reason reason = scores[0] >= scores[1] ? Reason.BOUGHT_TOGETHER : Reason.USUALLY_ORDERED;
        double score = Math.round((scores[0] + scores[1]) * 10_000) / 10_000.0;
        return new Suggestion(product.sku(), product.name(), reason, score);
    }
}
