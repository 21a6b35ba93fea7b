package org.ordo.inventory;

/** Stock of one SKU in one warehouse. {@code available} = on hand − reserved, never negative (invariant 3). */
public record StockPosition(String sku, String warehouse, long onHand, long reserved) {

    public long available() {
        return onHand - reserved;
    }
}
