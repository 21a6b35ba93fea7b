package org.ordo.returns;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import org.ordo.shared.StateTable;
import org.ordo.shared.Transitions;

/** The states of a return (RMA) and the one table of allowed transitions between them (docs/domain.md). */
public enum ReturnStatus implements StateTable<ReturnStatus> {
    /** Asked for by the customer or customer service; its quantities are spoken for, nothing has moved yet. */
    REQUESTED,
    /** Accepted: the customer may send the goods. */
    APPROVED,
    /** The goods arrived: restocked or scrapped, and counted as returned on the order lines. */
    RECEIVED,
    /** Looked at; the resolution may be carried out. */
    INSPECTED,
    /** Credit notes issued against the invoices that billed the goods; the refund is due until it is recorded as paid. */
    REFUNDED,
    /** A free replacement order was placed. */
    REPLACED,
    /** Credit notes issued; the amount stays on the customer's account. */
    CREDITED,
    /** Done: nothing more happens to it. */
    CLOSED,
    /** Refused before any goods were received; its quantities are free again. */
    REJECTED;

    private static final Transitions<ReturnStatus> TRANSITIONS = Transitions.of(
            "Return",
            ReturnStatus.class,
            Map.ofEntries(
                    entry(REQUESTED, List.of(APPROVED, REJECTED)),
                    entry(APPROVED, List.of(RECEIVED, REJECTED)),
                    entry(RECEIVED, List.of(INSPECTED)),
                    entry(INSPECTED, List.of(REFUNDED, REPLACED, CREDITED)),
                    entry(REFUNDED, List.of(CLOSED)),
                    entry(REPLACED, List.of(CLOSED)),
                    entry(CREDITED, List.of(CLOSED)),
                    entry(CLOSED, List.of()),
                    entry(REJECTED, List.of())));

    @Override
    public Transitions<ReturnStatus> transitions() {
        return TRANSITIONS;
    }

    /** Not yet received nor rejected: its requested quantities count against what may still be returned. */
    public boolean isOpen() {
        return this == REQUESTED || this == APPROVED;
    }

    /** The goods have been received: its received quantities are the order lines' returned quantities. */
    public boolean isReceived() {
        return this != REQUESTED && this != APPROVED && this != REJECTED;
    }

    /** The open states, for queries. */
    public static List<ReturnStatus> openStates() {
        return List.of(REQUESTED, APPROVED);
    }

    /** The states after receipt, for queries. */
    public static List<ReturnStatus> receivedStates() {
        return List.of(RECEIVED, INSPECTED, REFUNDED, REPLACED, CREDITED, CLOSED);
    }
}
