package org.ordo.inventory;

import java.util.Set;

/**
 * Stock of these SKUs became available (received, counted up, adjusted up, or released by a cancel or change).
 * Whoever waits for stock — backorders — reacts after the change has committed.
 */
public record StockAvailable(Set<String> skus) {}
