package org.ordo.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Read access to the products for other modules. Inactive products are returned too, with {@code active = false}. */
public interface Catalog {

    /**
     * The products with these SKUs, keyed by SKU, in one query (the order hot path). SKUs that do not exist are
     * simply absent from the map.
     */
    Map<String, ProductSnapshot> find(Collection<String> skus);

    Optional<ProductSnapshot> find(String sku);
}
