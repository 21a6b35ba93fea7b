package org.ordo.orders;

import org.ordo.shared.StateTable;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The states of an order and the one table of allowed transitions between them (DOMAIN.md). */
public enum OrderStatus implements StateTable<OrderStatus> {
    /** Being prepared; not yet binding, nothing reserved. */
    DRAFT,
    /** Accepted and validated, stock reserved or backordered; waiting for confirmation. */
    PLACED,
    /** Confirmed (credit fine or released): released to fulfilment. */
    CONFIRMED,
    /** Shipments are being planned, picked or packed. */
    IN_FULFILLMENT,
    /** Some, not all, of the ordered quantity has shipped. */
    PARTIALLY_SHIPPED,
    /** Everything not cancelled has shipped. */
    SHIPPED,
    /** Everything shipped has been delivered. */
    DELIVERED,
    /** Delivered, fully invoiced and fully paid. */
    COMPLETED,
    /** Stopped by a person or by the credit check; its reservations are kept. Released back to PLACED. */
    ON_HOLD,
    /** Cancelled before anything shipped; every reservation released. */
    CANCELLED;

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = new EnumMap<>(OrderStatus.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(PLACED, CANCELLED));
        ALLOWED.put(PLACED, EnumSet.of(CONFIRMED, ON_HOLD, CANCELLED));
        ALLOWED.put(CONFIRMED, EnumSet.of(IN_FULFILLMENT, ON_HOLD, CANCELLED));
        ALLOWED.put(ON_HOLD, EnumSet.of(PLACED, CANCELLED));
        ALLOWED.put(IN_FULFILLMENT, EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED));
        ALLOWED.put(PARTIALLY_SHIPPED, EnumSet.of(SHIPPED));
        ALLOWED.put(SHIPPED, EnumSet.of(DELIVERED));
        ALLOWED.put(DELIVERED, EnumSet.of(COMPLETED));
        ALLOWED.put(COMPLETED, EnumSet.noneOf(OrderStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
    }

    /** The states this one may move to, in declaration order. */
    @Override
    public List<OrderStatus> allowedNext() {
        return List.copyOf(ALLOWED.get(this));
    }

    @Override
    public String thing() {
        return "Order";
    }

    /** Lines, quantities and address may change only before fulfilment starts. */
    public boolean allowsChanges() {
        return this == DRAFT || this == PLACED || this == CONFIRMED || this == ON_HOLD;
    }

    /** Counts towards the customer's credit exposure: accepted and not yet shipped, not cancelled. */
    public boolean isOpen() {
        return this == PLACED || this == CONFIRMED || this == ON_HOLD || this == IN_FULFILLMENT || this == PARTIALLY_SHIPPED;
    }
}
