package org.ordo.fulfillment;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import org.ordo.shared.StateTable;
import org.ordo.shared.Transitions;

/** The states of a shipment and the one table of allowed transitions between them (docs/domain.md). */
public enum ShipmentStatus implements StateTable<ShipmentStatus> {
    /** Quantities set aside from the order's reservations in one warehouse; nothing picked yet. */
    PLANNED,
    /** Being picked and scanned into its package. */
    PICKING,
    /** Every unit scanned; the package has its SSCC and weight. */
    PACKED,
    /** Handed to the carrier: reservations consumed, stock movements written, the order's shipped quantities raised. */
    SHIPPED,
    /** The carrier reports it on the way. */
    IN_TRANSIT,
    /** Arrived; the delivery time is recorded. */
    DELIVERED,
    /** The carrier reports a problem (delay, damage, address); continues in transit, is delivered, or comes back. */
    EXCEPTION,
    /** Came back to the sender after an exception. */
    RETURNED,
    /**
     * Lost or destroyed on its way: the desk wrote its units off and made the customer whole (a replacement order, a
     * credit or a refund). Counts as shipped; never arrives.
     */
    LOST,
    /** Given up before it shipped (the order was cancelled, or the plan was withdrawn); its quantities are free to plan again. */
    CANCELLED;

    private static final Transitions<ShipmentStatus> TRANSITIONS = Transitions.of(
            "Shipment",
            ShipmentStatus.class,
            Map.ofEntries(
                    entry(PLANNED, List.of(PICKING, CANCELLED)),
                    entry(PICKING, List.of(PACKED, CANCELLED)),
                    entry(PACKED, List.of(SHIPPED, CANCELLED)),
                    entry(SHIPPED, List.of(IN_TRANSIT, DELIVERED, EXCEPTION)),
                    entry(IN_TRANSIT, List.of(DELIVERED, EXCEPTION)),
                    entry(EXCEPTION, List.of(IN_TRANSIT, DELIVERED, RETURNED, LOST)),
                    entry(DELIVERED, List.of()),
                    entry(RETURNED, List.of()),
                    entry(LOST, List.of()),
                    entry(CANCELLED, List.of())));

    @Override
    public Transitions<ShipmentStatus> transitions() {
        return TRANSITIONS;
    }

    /** Not yet shipped and not cancelled: its quantities are spoken for but still reserved on the order. */
    public boolean isOpen() {
        return this == PLANNED || this == PICKING || this == PACKED;
    }

    /** Left the warehouse: its quantities count as shipped on the order. */
    public boolean hasShipped() {
        return this == SHIPPED
                || this == IN_TRANSIT
                || this == DELIVERED
                || this == EXCEPTION
                || this == RETURNED
                || this == LOST;
    }

    /** The states that have shipped, for queries. */
    public static List<ShipmentStatus> shippedStates() {
        return List.of(SHIPPED, IN_TRANSIT, DELIVERED, EXCEPTION, RETURNED, LOST);
    }

    /** The open states, for queries. */
    public static List<ShipmentStatus> openStates() {
        return List.of(PLANNED, PICKING, PACKED);
    }
}
