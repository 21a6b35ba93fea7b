package org.ordo.suggestions.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.orders.BuyingPatterns;
import org.ordo.orders.BuyingPatterns.OrderedBefore;
import org.ordo.orders.BuyingPatterns.SkuScore;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.ordo.suggestions.Suggestions;
import org.springframework.stereotype.Service;

/** {@link Suggestions}: candidates from {@link BuyingPatterns}, ranked and filtered by {@link SuggestionPolicy}. */
@Service
class SuggestionService implements Suggestions {

    /** Bought-together candidates fetched per suggestion asked for: inactive ones are dropped after the query. */
    private static final int CANDIDATES_PER_SUGGESTION = 4;

    private final BuyingPatterns patterns;
    private final Catalog catalog;
    private final SuggestionProperties properties;

    SuggestionService(BuyingPatterns patterns, Catalog catalog, SuggestionProperties properties) {
        this.patterns = patterns;
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public List<Suggestion> forCustomer(UUID customerId, Collection<String> cartSkus, int limit) {
        if (limit <= 0) {
            throw OrdoException.invalid(List.of(CommonRule.GREATER_THAN_ZERO.at("limit")));
        }
        if (limit > MOST) {
            throw OrdoException.invalid(List.of(CommonRule.AT_MOST.at("limit", MOST)));
        }
        Set<String> cart = SuggestionPolicy.cart(cartSkus);
        Instant now = Instant.now();
        Instant since = properties.historySince(now);
        List<SkuScore> together = patterns.boughtWith(cart, limit * CANDIDATES_PER_SUGGESTION + cart.size());
        int orders = patterns.ordersOf(customerId, since);
        Map<String, Double> usually = new HashMap<>();
        for (OrderedBefore sku : patterns.orderedBy(customerId, since)) {
            usually.put(sku.sku(), SuggestionPolicy.usually(sku, orders, now));
        }
        Set<String> skus = new HashSet<>(usually.keySet());
        together.forEach(t -> skus.add(t.sku()));
        return SuggestionPolicy.rank(together, usually, cart, catalog.find(skus), limit);
    }
}
