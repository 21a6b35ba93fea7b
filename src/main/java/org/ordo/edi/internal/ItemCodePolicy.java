package org.ordo.edi.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.springframework.stereotype.Component;

/**
 * Which of Ordo's products an order line's item codes name. An item qualified VN (X12) or SA (EDIFACT) is Ordo's SKU;
 * UP, UK, EN (X12, EDIFACT) or SRV (EDIFACT) a GTIN; any other code, BP and IN first, is looked up in the partner's
 * item codes. The first code that names an active product wins.
 */
@Component
class ItemCodePolicy {

    static final Set<String> SKU = Set.of("VN", "SA");
    static final Set<String> GTIN = Set.of("UP", "UK", "EN", "SRV");
    static final Set<String> PARTNER = Set.of("BP", "IN");

    private final Catalog catalog;

    ItemCodePolicy(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The SKU the line names, or empty when none of its codes is known. */
    Optional<String> sku(List<PurchaseOrder.ItemCode> codes, Map<String, String> partnerItems) {
        for (PurchaseOrder.ItemCode c : codes) {
            if (SKU.contains(c.qualifier())) {
                Optional<String> sku = active(catalog.find(c.code()));
                if (sku.isPresent()) {
                    return sku;
                }
            }
        }
        for (PurchaseOrder.ItemCode c : codes) {
            if (GTIN.contains(c.qualifier())) {
                Optional<String> sku = active(catalog.findByCode(c.code()));
                if (sku.isPresent()) {
                    return sku;
                }
            }
        }
        Optional<String> mapped = mapped(codes, partnerItems, true);
        return mapped.isPresent() ? mapped : mapped(codes, partnerItems, false);
    }

    /** The code a person maps to a SKU for this line: a partner's own code first, else the first code. */
    static String mappable(List<PurchaseOrder.ItemCode> codes) {
        return codes.stream()
                .filter(c -> PARTNER.contains(c.qualifier()))
                .findFirst()
                .or(() -> codes.stream().findFirst())
                .map(PurchaseOrder.ItemCode::code)
                .orElse(null);
    }

    private Optional<String> mapped(
            List<PurchaseOrder.ItemCode> codes, Map<String, String> partnerItems, boolean partnerQualified) {
        for (PurchaseOrder.ItemCode c : codes) {
            if (PARTNER.contains(c.qualifier()) == partnerQualified && partnerItems.containsKey(c.code())) {
                Optional<String> sku = active(catalog.find(partnerItems.get(c.code())));
                if (sku.isPresent()) {
                    return sku;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> active(Optional<ProductSnapshot> product) {
        return product.filter(ProductSnapshot::active).map(ProductSnapshot::sku);
    }
}
