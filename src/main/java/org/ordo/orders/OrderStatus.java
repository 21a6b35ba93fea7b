package org.ordo.orders;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import org.ordo.shared.StateTable;
import org.ordo.shared.Transitions;

/** The states of an order and the one table of allowed transitions between them (docs/domain.md). */
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

    private static final Transitions<OrderStatus> TRANSITIONS = Transitions.of(
            "Order",
            OrderStatus.class,
            Map.ofEntries(
                    entry(DRAFT, List.of(PLACED, CANCELLED)),
                    entry(PLACED, List.of(CONFIRMED, ON_HOLD, CANCELLED)),
                    entry(CONFIRMED, List.of(IN_FULFILLMENT, ON_HOLD, CANCELLED)),
                    entry(ON_HOLD, List.of(PLACED, CANCELLED)),
                    entry(IN_FULFILLMENT, List.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED)),
                    entry(PARTIALLY_SHIPPED, List.of(SHIPPED)),
                    entry(SHIPPED, List.of(DELIVERED)),
                    entry(DELIVERED, List.of(COMPLETED)),
                    entry(COMPLETED, List.of()),
                    entry(CANCELLED, List.of())));

    @Override
    public Transitions<OrderStatus> transitions() {
        return TRANSITIONS;
    }

    /** Lines, quantities and address may change only before fulfilment starts. */
    public boolean allowsChanges() {
        return this == DRAFT || this == PLACED || this == CONFIRMED || this == ON_HOLD;
    }

    /** Counts towards the customer's credit exposure: accepted and not yet shipped, not cancelled. */
    public boolean isOpen() {
        return this == PLACED
                || this == CONFIRMED
                || this == ON_HOLD
                || this == IN_FULFILLMENT
                || this == PARTIALLY_SHIPPED;
    }
}
