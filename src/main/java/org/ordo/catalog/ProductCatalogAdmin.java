package org.ordo.catalog;

import org.ordo.shared.Money;

/**
 * Creating products from Java, for data import and demos: the same validation, audit and rules as
 * {@code POST /api/products}, without HTTP. The caller's {@link org.ordo.identity.Actor} is recorded as the creator.
 */
public interface ProductCatalogAdmin {

    /**
     * Creates an active product.
     *
     * @throws org.ordo.shared.OrdoException invalid fields (400, all at once) or a taken SKU or GTIN (409)
     */
    ProductSnapshot create(NewProduct product);

    /** Whether the catalog holds any product at all (an empty catalog means a fresh installation). */
    boolean hasProducts();

    /** {@code description}, {@code gtin} and {@code weightGrams} may be null. */
    /** {@code unitCost} (what the product costs the company) may be null. */
    record NewProduct(String sku, String name, String description, Money unitPrice, Money unitCost, String taxCategory, String gtin,
            Integer weightGrams) {}
}
