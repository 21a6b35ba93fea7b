package org.ordo.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How fulfilment, returns and invoicing move an order on. Every method runs in the caller's transaction and
 * locks the order first (lock order: order, its lines, stock levels).
 */
public interface OrderFulfillment {

    /**
     * Locks the order for planning shipments and moves CONFIRMED → IN_FULFILLMENT; IN_FULFILLMENT and
     * PARTIALLY_SHIPPED stay as they are. Any other state is a 409 naming the allowed ones.
     */
    OrderSnapshot beginFulfillment(UUID orderId);

    /**
     * Ships reserved quantities: consumes the reservations, writes SHIPMENT movements to the stock ledger, raises
     * the lines' shipped quantities and moves the order to PARTIALLY_SHIPPED or SHIPPED. Shipping more than is
     * reserved in that warehouse is a 409 and changes nothing.
     */
    OrderSnapshot recordShipment(UUID orderId, String shipmentNumber, List<ShippedQuantity> quantities);

    record ShippedQuantity(int lineNumber, String warehouse, long quantity) {}

    /**
     * All shipments made so far have been delivered: a SHIPPED order becomes DELIVERED (a partly shipped one
     * stays until the rest ships and arrives), and then COMPLETED if it is already settled.
     */
    OrderSnapshot recordDelivery(UUID orderId, Instant deliveredAt);

    /** Counts returned quantity on a line (returned ≤ shipped). */
    OrderSnapshot recordReturn(UUID orderId, int lineNumber, long quantity, String reason);

    /** A DELIVERED order that is settled (see {@link OrderSettlement}) becomes COMPLETED; returns whether it did. */
    boolean completeIfSettled(UUID orderId);
}
