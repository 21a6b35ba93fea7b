package org.ordo.inventory;

/**
 * Stock of one SKU in one warehouse with its planning figures: {@code available} = on hand − reserved;
 * {@code backordered} = what open backorders wait for there; {@code belowReorderPoint} when available ≤ reorder point.
 * {@code binLocation} may be null.
 */
public record StockLevel(
        String sku,
        String warehouse,
        long onHand,
        long reserved,
        long available,
        long backordered,
        long safetyStock,
        long reorderPoint,
        boolean belowReorderPoint,
        String binLocation) {}
