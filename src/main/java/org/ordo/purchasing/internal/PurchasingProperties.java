package org.ordo.purchasing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.purchasing.*}: how far a receipt may go beyond what was ordered ({@code receipt-tolerance-percent} of the
 * line's quantity, rounded down; 0 allows none), and which supplier replenishment chooses among the active offers of a
 * SKU ({@code supplier-rule}: CHEAPEST or FASTEST). The daily run's time is {@code ordo.purchasing.replenishment.cron}.
 */
@ConfigurationProperties("ordo.purchasing")
record PurchasingProperties(
        @DefaultValue("0") int receiptTolerancePercent,
        @DefaultValue("CHEAPEST") SupplierRule supplierRule) {

    enum SupplierRule {
        /** The lowest unit price; the shorter lead time between equal prices. */
        CHEAPEST,
        /** The shortest lead time; the lower unit price between equal lead times. */
        FASTEST
    }

    PurchasingProperties {
        if (receiptTolerancePercent < 0) {
            throw new IllegalArgumentException("ordo.purchasing.receipt-tolerance-percent must be 0 or greater");
        }
    }
}
