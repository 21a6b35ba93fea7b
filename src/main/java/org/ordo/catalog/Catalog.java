package org.ordo.catalog;

import java.util.Collection;
import java.util.List;
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

    /**
     * The active product whose SKU or GTIN is exactly {@code code} (a typed SKU or a scanned barcode; GTIN-8/12/13 are
     * also found by their 14-digit form and the other way round).
     */
    Optional<ProductSnapshot> findByCode(String code);

    /**
     * Up to {@code limit} active products for a type-ahead: the SKU or GTIN is {@code text} exactly, or the name or SKU
     * contains it (any case); exact matches first, then by name.
     */
    List<ProductSnapshot> search(String text, int limit);

    /**
     * {@link #search(String, int)} among the active products of {@code category} (any case; null or blank for every
     * category). With a category and no text, every product of the category, by name.
     */
    List<ProductSnapshot> search(String text, String category, int limit);

    /** The merchandise categories of the active products (e.g. Fasteners), in alphabetical order. */
    List<String> categories();
}
