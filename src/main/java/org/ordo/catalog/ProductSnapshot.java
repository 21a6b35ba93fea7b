package org.ordo.catalog;

import java.math.BigDecimal;
import org.ordo.shared.Money;

/**
 * A product as it is now. {@code taxRate} is the rate of {@code taxCategory} (e.g. 0.2000 for 20 %);
 * {@code gtin}, {@code weightGrams} and {@code unitCost} (what a unit costs the company, in any currency) and {@code category} (merchandise category, e.g.
 * Fasteners) may be null.
 */
public record ProductSnapshot(
        String sku,
        String name,
        Money unitPrice,
        String taxCategory,
        BigDecimal taxRate,
        String gtin,
        Integer weightGrams,
        boolean active,
        Money unitCost,
        String category) {}
