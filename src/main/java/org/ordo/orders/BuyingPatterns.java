package org.ordo.orders;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What customers buy together and what one customer keeps ordering, from the order lines, for the module that suggests
 * products. An order counts when it was placed (not a draft) and not cancelled; a line when not cancelled as a whole.
 */
public interface BuyingPatterns {

    /**
     * Recomputes the pairs of SKUs ordered together in orders placed since {@code since}, in one statement in the
     * database, replacing the previous pairs. A pair needs at least {@code minOrdersTogether} orders; each SKU keeps
     * its {@code perSku} best partners. Answers the number of pairs stored (both directions count).
     */
    int rebuildPairs(Instant since, int minOrdersTogether, int perSku);

    /**
     * The SKUs bought together with any of {@code skus}, best first: the score is the sum of the pair scores (each
     * orders together / sqrt(orders with one * orders with the other), so 1 for SKUs always ordered together). The
     * SKUs given are never among them.
     */
    List<SkuScore> boughtWith(Collection<String> skus, int limit);

    /** Per SKU the customer ordered since {@code since}: in how many of its orders and when last. */
    List<OrderedBefore> orderedBy(UUID customerId, Instant since);

    /** The number of the customer's orders since {@code since}. */
    int ordersOf(UUID customerId, Instant since);

    record SkuScore(String sku, double score) {}

    record OrderedBefore(String sku, int orders, Instant lastOrderedAt) {}
}
