package org.ordo.inventory;

/**
 * Stock of one SKU in one warehouse with its planning figures: {@code available} = on hand − reserved;
 * {@code backordered} = what open backorders wait for there; {@code backorderedUnassigned} = units of this SKU waiting that no
 * warehouse's level carries (no warehouse was expected to serve them, or one that holds no level of the SKU), the same on
 * every level of the SKU, so that each waiting unit shows somewhere; {@code belowReorderPoint} when available ≤ reorder
 * point. {@code binLocation} may be null.
 */
public record StockLevel(
        String sku,
        String warehouse,
        long onHand,
        long reserved,
        long available,
        long backordered,
        long backorderedUnassigned,
        long safetyStock,
        long reorderPoint,
        boolean belowReorderPoint,
        String binLocation) {}
