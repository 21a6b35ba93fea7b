/**
 * Product suggestions from the order history: "bought together" from the pairs of SKUs that meet in orders (computed
 * in the database by {@code orders}, refreshed daily) and "usually ordered" from the customer's own orders. The rules
 * of ranking and of what is never suggested are in {@link org.ordo.suggestions.internal.SuggestionPolicy}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "customers", "identity", "orders", "shared"})
package org.ordo.suggestions;
