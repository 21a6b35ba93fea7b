package org.ordo.inventory;

import java.util.Collection;
import java.util.List;

/**
 * Open backorders per SKU × warehouse, for the stock level figures. Implemented by the module that owns
 * backorders (orders), so that inventory does not depend on it.
 */
public interface BackorderDemand {

    /** Every unit still waiting for these SKUs, summed per SKU and the warehouse it is expected from. */
    List<Waiting> backordered(Collection<String> skus);

    /** {@code quantity} units of {@code sku} waiting; {@code warehouse} null when no warehouse was expected to serve them. */
    record Waiting(String sku, String warehouse, long quantity) {}
}
