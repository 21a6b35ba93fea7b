package org.ordo.demo.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ordo.inventory.BackorderDemand;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.inventory.StockPosition;
import org.springframework.stereotype.Component;

/**
 * The demo's stock, kept as a business keeps it: about six weeks of orders of the products kept in plenty, mostly in
 * Berlin, topped up by a supplier delivery every ten days or so; a little of the scarce ones, delivered now and then;
 * next to nothing of a few. So the stock has a value that turns over a few times a year, and backorders wait days, not
 * months.
 */
@Component
class DemoSupply {

    private static final String MAIN_WAREHOUSE = "BER";

    private final InventoryAdmin inventory;
    private final Inventory positions;
    private final BackorderDemand backorders;

    DemoSupply(InventoryAdmin inventory, Inventory positions, BackorderDemand backorders) {
        this.inventory = inventory;
        this.positions = positions;
        this.backorders = backorders;
    }

    /**
     * What a supplier delivery fills a product kept in plenty up to, over all warehouses: a unit per point of
     * popularity and one more, and at least the largest line a business orders of it and one more.
     */
    static long orderUpTo(DemoCatalog.DemoProduct p) {
        long largestLine =
                p.businessQuantities().stream().mapToLong(q -> q).max().orElse(1);
        return Math.max(largestLine + 1, p.popularity() + 1L);
    }

    /** The most popular products are kept in Hamburg and Munich too; a little of the scarce ones, two of the sold-out ones. */
    void openingStock(Random random) {
        for (DemoCatalog.DemoProduct p : DemoCatalog.PRODUCTS) {
            String sku = p.product().sku();
            switch (p.supply()) {
                case PLENTY -> {
                    inventory.receive(sku, MAIN_WAREHOUSE, orderUpTo(p), "opening stock");
                    for (String w : List.of("HAM", "MUC")) {
                        if (p.popularity() >= 5 && random.nextInt(4) != 0) {
                            inventory.receive(sku, w, (p.popularity() + 1) / 2, "opening stock");
                        }
                    }
                }
                case LOW -> inventory.receive(sku, MAIN_WAREHOUSE, 4 + random.nextInt(6), "opening stock");
                // sold out after the first orders; nothing more arrives, so its orders wait
                case NONE -> inventory.receive(sku, MAIN_WAREHOUSE, 2, "opening stock");
            }
        }
    }

    /**
     * A supplier delivery to Berlin: every product kept in plenty up to its level; the oldest backorders get it first.
     * With {@code scarce}, a few of each scarce product to Hamburg as well.
     */
    void delivery(boolean scarce) {
        for (DemoCatalog.DemoProduct p : DemoCatalog.PRODUCTS) {
            String sku = p.product().sku();
            if (p.supply() == DemoCatalog.Supply.PLENTY) {
                long missing = orderUpTo(p) - available(sku);
                if (missing > 0) {
                    inventory.receive(sku, MAIN_WAREHOUSE, missing, "supplier delivery");
                }
            } else if (scarce && p.supply() == DemoCatalog.Supply.LOW) {
                inventory.receive(sku, "HAM", 4, "supplier delivery");
            }
        }
    }

    /** Today's delivery of the scarce products: everything still backordered of them, and two more. */
    void lastDelivery() {
        for (DemoCatalog.DemoProduct p : DemoCatalog.PRODUCTS) {
            if (p.supply() == DemoCatalog.Supply.LOW) {
                String sku = p.product().sku();
                inventory.receive(sku, MAIN_WAREHOUSE, waiting(sku) + 2, "supplier delivery");
            }
        }
    }

    private long waiting(String sku) {
        return backorders.backordered(List.of(sku)).stream()
                .mapToLong(BackorderDemand.Waiting::quantity)
                .sum();
    }

    private long available(String sku) {
        Map<String, Long> bySku = new HashMap<>();
        for (StockPosition position : positions.positions(List.of(sku))) {
            bySku.merge(position.sku(), position.available(), Long::sum);
        }
        return bySku.getOrDefault(sku, 0L);
    }
}
