package org.ordo.catalog.internal;

import java.util.Objects;
import org.ordo.shared.Money;

/** A product's fields after validation: what gets written. */
record ProductDraft(
        String sku,
        String name,
        String description,
        Money unitPrice,
        Money unitCost,
        String taxCategory,
        String gtin,
        Integer weightGrams,
        boolean active,
        String category) {

    boolean sameAs(Product p) {
        return name.equals(p.name())
                && Objects.equals(description, p.description())
                && unitPrice.equals(p.unitPrice())
                && Objects.equals(unitCost, p.unitCost())
                && taxCategory.equals(p.taxCategory())
                && Objects.equals(gtin, p.gtin())
                && Objects.equals(weightGrams, p.weightGrams())
                && active == p.active()
                && Objects.equals(category, p.category());
    }
}
