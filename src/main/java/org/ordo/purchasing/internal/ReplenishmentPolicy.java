package org.ordo.purchasing.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rule book of replenishment: when a SKU in a warehouse needs buying, from whom, and how much. Projected stock is on
 * hand − reserved − backordered + incoming (sent purchase orders) + drafted (DRAFT purchase orders, so a second run
 * does not propose the same again). At or below the reorder point, it proposes enough to reach the reorder point plus the
 * demand expected over the supplier's lead time, and at least one more than the reorder point; rounded up to the pack
 * size, and at least the minimum order quantity.
 */
@Component
class ReplenishmentPolicy {

    private final PurchasingProperties.SupplierRule rule;

    ReplenishmentPolicy(PurchasingProperties properties) {
        this.rule = properties.supplierRule();
    }

    /** The figures replenishment decides by, for one SKU in one warehouse. */
    record Position(
            long onHand,
            long reserved,
            long backordered,
            long incoming,
            long drafted,
            long reorderPoint,
            long safetyStock) {

        long projected() {
            return onHand - reserved - backordered + incoming + drafted;
        }
    }

    boolean needsBuying(Position position) {
        return position.reorderPoint() > 0 && position.projected() <= position.reorderPoint();
    }

    /**
     * The supplier's offer replenishment buys from: CHEAPEST (then the shorter lead time) or FASTEST (then the lower
     * price); equal ones by supplier name.
     */
    Optional<SupplierStore.ActiveOffer> choose(List<SupplierStore.ActiveOffer> offers) {
        Comparator<SupplierStore.ActiveOffer> price =
                Comparator.comparing(o -> o.offer().unitPrice().amount());
        Comparator<SupplierStore.ActiveOffer> lead =
                Comparator.comparingInt(o -> o.offer().leadTimeDays());
        Comparator<SupplierStore.ActiveOffer> order = rule == PurchasingProperties.SupplierRule.FASTEST
                ? lead.thenComparing(price)
                : price.thenComparing(lead);
        return offers.stream().min(order.thenComparing(SupplierStore.ActiveOffer::supplierName));
    }

    /**
     * Without a forecast (or one that expects nothing), the cycle stock stands in for the demand over the lead time: reorder point − safety stock, at
     * least 1.
     */
    long demandWithoutForecast(Position position) {
        return Math.max(1, position.reorderPoint() - position.safetyStock());
    }

    /** What to buy so that projected stock rises above the reorder point by the expected demand. */
    long quantity(Position position, long expectedDemand, long minimumOrderQuantity, long packSize) {
        long target = position.reorderPoint() + Math.max(expectedDemand, 1);
        long needed = Math.max(target - position.projected(), 1);
        long quantity = Math.max(needed, minimumOrderQuantity);
        return (quantity + packSize - 1) / packSize * packSize;
    }
}
