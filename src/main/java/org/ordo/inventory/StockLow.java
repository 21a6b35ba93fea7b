package org.ordo.inventory;

/**
 * Available stock of a SKU in a warehouse fell to or below its reorder point (a point above zero): by a reservation, a
 * movement or a higher point. Told once per fall, again only after available stock rose above the point; published in
 * the transaction that made the change.
 */
public record StockLow(
        String sku,
        String warehouse,
        long onHand,
        long reserved,
        long available,
        long reorderPoint,
        long safetyStock) {}
