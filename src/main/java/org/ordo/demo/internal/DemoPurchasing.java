package org.ordo.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.purchasing.SupplierAdmin;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Two suppliers for the buyer: a wholesaler that is cheaper but slow and sells in packs, and an express supplier that is
 * dearer but quick; both offer every demo product. The scarce products get a reorder point in Berlin, so a replenishment
 * run has something to propose.
 */
@Component
class DemoPurchasing {

    private final SupplierAdmin suppliers;
    private final InventoryAdmin inventory;

    DemoPurchasing(SupplierAdmin suppliers, InventoryAdmin inventory) {
        this.suppliers = suppliers;
        this.inventory = inventory;
    }

    /** Creates the suppliers and their offers and sets the reorder points; how many suppliers. */
    int supply() {
        UUID wholesaler = suppliers.createSupplier(new SupplierAdmin.NewSupplier(
                "Bürobedarf Großhandel Schmidt GmbH",
                "Petra Schmidt",
                "orders@schmidt-grosshandel.example",
                "EUR",
                30,
                new Address(
                        "Bürobedarf Großhandel Schmidt GmbH",
                        "Industriestraße 12",
                        null,
                        "Leipzig",
                        null,
                        "04109",
                        "DE")));
        UUID express = suppliers.createSupplier(new SupplierAdmin.NewSupplier(
                "Office Express B.V.",
                "Jan de Vries",
                "sales@office-express.example",
                "EUR",
                14,
                new Address("Office Express B.V.", "Havenweg 3", null, "Utrecht", null, "3542 AD", "NL")));
        for (DemoCatalog.DemoProduct p : DemoCatalog.PRODUCTS) {
            String sku = p.product().sku();
            BigDecimal price = p.product().unitPrice().amount();
            suppliers.offer(wholesaler, sku, new SupplierAdmin.Offer("GS-" + sku, cost(price, "0.55"), 20, 10, 10));
            suppliers.offer(express, sku, new SupplierAdmin.Offer("EX-" + sku, cost(price, "0.65"), 1, 1, 2));
            if (p.supply() != DemoCatalog.Supply.PLENTY) {
                inventory.setPolicy(sku, "BER", 5L, 15L);
            }
        }
        return 2;
    }

    private static Money cost(BigDecimal price, String share) {
        return Money.of(price.multiply(new BigDecimal(share)).setScale(2, RoundingMode.HALF_EVEN), "EUR");
    }
}
