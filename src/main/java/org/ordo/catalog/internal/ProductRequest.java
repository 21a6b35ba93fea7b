package org.ordo.catalog.internal;

import org.ordo.platform.MoneyInput;

/**
 * The body of {@code POST /api/products} and {@code PUT /api/products/{sku}} (and a partial update merged onto the
 * current product). Everything may be missing here; {@link ProductService} reports what is wrong, all at once.
 * {@code active} defaults to true; {@code unitCost} and {@code category} are optional.
 */
record ProductRequest(
        String sku,
        String name,
        String description,
        MoneyInput unitPrice,
        MoneyInput unitCost,
        String taxCategory,
        String gtin,
        Integer weightGrams,
        Boolean active,
        String category) {

    static ProductRequest of(Product p) {
        return new ProductRequest(
                p.sku(),
                p.name(),
                p.description(),
                MoneyInput.of(p.unitPrice()),
                p.unitCost() == null ? null : MoneyInput.of(p.unitCost()),
                p.taxCategory(),
                p.gtin(),
                p.weightGrams(),
                p.active(),
                p.category());
    }
}
