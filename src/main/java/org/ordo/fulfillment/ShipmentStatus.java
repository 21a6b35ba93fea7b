package org.ordo.fulfillment;

import org.ordo.shared.StateTable;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The states of a shipment and the one table of allowed transitions between them (DOMAIN.md). */
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
    /** Given up before it shipped (the order was cancelled, or the plan was withdrawn); its quantities are free to plan again. */
    CANCELLED;

    private static final Map<ShipmentStatus, Set<ShipmentStatus>> ALLOWED = new EnumMap<>(ShipmentStatus.class);

    static {
        ALLOWED.put(PLANNED, EnumSet.of(PICKING, CANCELLED));
        ALLOWED.put(PICKING, EnumSet.of(PACKED, CANCELLED));
        ALLOWED.put(PACKED, EnumSet.of(SHIPPED, CANCELLED));
        ALLOWED.put(SHIPPED, EnumSet.of(IN_TRANSIT, DELIVERED, EXCEPTION));
        ALLOWED.put(IN_TRANSIT, EnumSet.of(DELIVERED, EXCEPTION));
        ALLOWED.put(EXCEPTION, EnumSet.of(IN_TRANSIT, DELIVERED, RETURNED));
        ALLOWED.put(DELIVERED, EnumSet.noneOf(ShipmentStatus.class));
        ALLOWED.put(RETURNED, EnumSet.noneOf(ShipmentStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(ShipmentStatus.class));
    }

    /** The states this one may move to, in declaration order. */
    @Override
    public List<ShipmentStatus> allowedNext() {
        return List.copyOf(ALLOWED.get(this));
    }

    @Override
    public String thing() {
        return "Shipment";
    }

    /** Not yet shipped and not cancelled: its quantities are spoken for but still reserved on the order. */
    public boolean isOpen() {
        return this == PLANNED || this == PICKING || this == PACKED;
    }

    /** Left the warehouse: its quantities count as shipped on the order. */
    public boolean hasShipped() {
        return this == SHIPPED || this == IN_TRANSIT || this == DELIVERED || this == EXCEPTION || this == RETURNED;
    }

    /** The states that have shipped, for queries. */
    public static List<ShipmentStatus> shippedStates() {
        return List.of(SHIPPED, IN_TRANSIT, DELIVERED, EXCEPTION, RETURNED);
    }

    /** The open states, for queries. */
    public static List<ShipmentStatus> openStates() {
        return List.of(PLANNED, PICKING, PACKED);
    }
}
