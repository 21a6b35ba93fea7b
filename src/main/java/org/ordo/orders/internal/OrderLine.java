package org.ordo.orders.internal;

import org.ordo.orders.LineStatus;
import org.ordo.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of an order. Quantities obey reserved + backordered + cancelled + shipped = quantity (invariant 4). */
final class OrderLine {

    final int lineNumber;
    final String sku;
    final String productName;
    long quantity;
    final Money unitPrice;
    final boolean priceOverridden;
    final String taxCategory;
    BigDecimal taxRate;
    Money lineNet;
    Money tax;
    long reserved;
    long backordered;
    long cancelled;
    long shipped;
    long returned;
    long backorderedAtPlacement;
    String backorderWarehouse;
    LineStatus status;
    final Instant placedAt;

    OrderLine(int lineNumber, String sku, String productName, long quantity, Money unitPrice, boolean priceOverridden,
            String taxCategory, BigDecimal taxRate, Instant placedAt) {
        this.lineNumber = lineNumber;
        this.sku = sku;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.priceOverridden = priceOverridden;
        this.taxCategory = taxCategory;
        this.taxRate = taxRate;
        this.placedAt = placedAt;
        reprice();
    }

    /** The quantity still wanted: ordered minus cancelled. */
    long activeQuantity() {
        return quantity - cancelled;
    }

    /** Net and tax of the active quantity, each rounded half-even to the minor unit (invariant 6). */
    void reprice() {
        lineNet = unitPrice.times(activeQuantity());
        tax = lineNet.timesRate(taxRate);
    }

    void deriveStatus() {
        if (cancelled == quantity) {
            status = LineStatus.CANCELLED;
        } else if (returned > 0) {
            status = LineStatus.RETURNED;
        } else if (shipped > 0 && shipped == activeQuantity()) {
            status = status == LineStatus.DELIVERED ? LineStatus.DELIVERED : LineStatus.SHIPPED;
        } else if (backordered > 0) {
            status = LineStatus.BACKORDERED;
        } else if (reserved > 0) {
            status = LineStatus.RESERVED;
        } else {
            status = LineStatus.OPEN;
        }
    }

    boolean quantitiesAddUp() {
        return reserved + backordered + cancelled + shipped == quantity;
    }
}
