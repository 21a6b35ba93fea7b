package org.ordo.purchasing;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import org.ordo.shared.StateTable;
import org.ordo.shared.Transitions;

/** The states of a purchase order and the one table of allowed transitions between them (docs/domain.md). */
public enum PurchaseOrderStatus implements StateTable<PurchaseOrderStatus> {
    /** Being written: its lines may change; nothing is on its way in yet. */
    DRAFT,
    /** Sent to the supplier: its lines count as incoming at the sent date plus the offer's lead time. */
    SENT,
    /** The supplier confirmed the dates of its lines. */
    CONFIRMED,
    /** Some units arrived, more are expected. */
    PARTIALLY_RECEIVED,
    /** Every line arrived in full (or within the tolerance). */
    RECEIVED,
    /** Done: what has not arrived will not come. */
    CLOSED,
    /** Called off before anything arrived. */
    CANCELLED;

    private static final Transitions<PurchaseOrderStatus> TRANSITIONS = Transitions.of(
            "PurchaseOrder",
            PurchaseOrderStatus.class,
            Map.ofEntries(
                    entry(DRAFT, List.of(SENT, CANCELLED)),
                    entry(SENT, List.of(CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED)),
                    entry(CONFIRMED, List.of(CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED)),
                    entry(PARTIALLY_RECEIVED, List.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED)),
                    entry(RECEIVED, List.of(CLOSED)),
                    entry(CLOSED, List.of()),
                    entry(CANCELLED, List.of())));

    @Override
    public Transitions<PurchaseOrderStatus> transitions() {
        return TRANSITIONS;
    }

    /** Sent and not yet fully arrived, closed or cancelled: its open quantities are on their way in. */
    public boolean isOpen() {
        return this == SENT || this == CONFIRMED || this == PARTIALLY_RECEIVED;
    }

    /** The open states, for queries. */
    public static List<PurchaseOrderStatus> openStates() {
        return List.of(SENT, CONFIRMED, PARTIALLY_RECEIVED);
    }
}
