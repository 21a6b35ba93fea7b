package org.ordo.catalog.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.shared.Money;

/**
 * A product as the API shows it and as the audit trail records it. {@code description}, {@code gtin},
 * {@code weightGrams}, {@code unitCost} and {@code category} may be null; {@code taxRate} is read from the tax category.
 */
record Product(
        String sku,
        String name,
        String description,
        Money unitPrice,
        Money unitCost,
        String taxCategory,
        BigDecimal taxRate,
        String gtin,
        Integer weightGrams,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String category) {

    ProductCatalogAdmin.ProductDetails details() {
        return new ProductCatalogAdmin.ProductDetails(
                sku,
                name,
                description,
                unitPrice,
                unitCost,
                taxCategory,
                taxRate,
                gtin,
                weightGrams,
                active,
                version,
                createdAt,
                updatedAt,
                category);
    }

    ProductSnapshot snapshot() {
        return new ProductSnapshot(
                sku, name, unitPrice, taxCategory, taxRate, gtin, weightGrams, active, unitCost, category);
    }
}
