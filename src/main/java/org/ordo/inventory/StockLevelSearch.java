package org.ordo.inventory;

import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;

/** Stock levels as {@code GET /api/inventory} lists them, for other modules (the pages). */
public interface StockLevelSearch {

    /** Levels ordered by SKU and warehouse; {@code sku} and {@code warehouse} null for any, {@code belowReorderPoint} to show only those. */
    PageResult<StockLevel> levels(String sku, String warehouse, boolean belowReorderPoint, Paging paging);
}
