package org.ordo.inventory;

import java.time.LocalDate;
import java.util.List;

/** How many units of a SKU can be promised, by date: stock free of reservations and backorders, then what arrives. */
public interface AvailableToPromise {

    /**
     * Today's point (on hand − reserved − backordered), then one point per date anything is expected, cumulative.
     * {@code warehouse} null: all warehouses. Unknown SKU or warehouse: 404.
     */
    List<Point> atp(String sku, String warehouse);

    /** {@code quantity} units can be promised from {@code date} on; negative when backorders wait for more than there is. */
    record Point(LocalDate date, long quantity) {}
}
