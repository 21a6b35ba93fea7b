package org.ordo.suggestions;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Products to suggest to a customer who has {@code cartSkus} in the cart (or the order being entered). */
public interface Suggestions {

    /** The most a caller may ask for at once. */
    int MOST = 20;

    /**
     * Up to {@code limit} active products, best first, none of them in the cart. Another customer's orders count only
     * through the pairs bought together, never as what this customer usually orders.
     */
    List<Suggestion> forCustomer(UUID customerId, Collection<String> cartSkus, int limit);

    /** Why a product is suggested. */
    enum Reason {
        /** Customers who bought something in the cart also bought it. */
        BOUGHT_TOGETHER,
        /** The customer orders it often, and has lately. */
        USUALLY_ORDERED
    }

    /** One suggestion: the score adds the strength of both reasons; the reason is the stronger one. */
    record Suggestion(String sku, String name, Reason reason, double score) {}
}
