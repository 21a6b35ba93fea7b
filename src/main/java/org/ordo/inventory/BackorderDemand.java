package org.ordo.inventory;

import java.util.Collection;
import java.util.Map;

/**
 * Open backorders per SKU × warehouse, for the stock level figures. Implemented by the module that owns
 * backorders (orders), so that inventory does not depend on it.
 */
public interface BackorderDemand {

    /** Key: {@code sku + "@" + warehouse}; value: open backordered quantity attributed to that warehouse. */
    Map<String, Long> backordered(Collection<String> skus);
}
