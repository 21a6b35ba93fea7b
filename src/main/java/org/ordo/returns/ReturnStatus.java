package org.ordo.returns;

import org.ordo.shared.StateTable;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The states of a return (RMA) and the one table of allowed transitions between them (DOMAIN.md). */
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

    private static final Map<ReturnStatus, Set<ReturnStatus>> ALLOWED = new EnumMap<>(ReturnStatus.class);

    static {
        ALLOWED.put(REQUESTED, EnumSet.of(APPROVED, REJECTED));
        ALLOWED.put(APPROVED, EnumSet.of(RECEIVED, REJECTED));
        ALLOWED.put(RECEIVED, EnumSet.of(INSPECTED));
        ALLOWED.put(INSPECTED, EnumSet.of(REFUNDED, REPLACED, CREDITED));
        ALLOWED.put(REFUNDED, EnumSet.of(CLOSED));
        ALLOWED.put(REPLACED, EnumSet.of(CLOSED));
        ALLOWED.put(CREDITED, EnumSet.of(CLOSED));
        ALLOWED.put(CLOSED, EnumSet.noneOf(ReturnStatus.class));
        ALLOWED.put(REJECTED, EnumSet.noneOf(ReturnStatus.class));
    }

    /** The states this one may move to, in declaration order. */
    @Override
    public List<ReturnStatus> allowedNext() {
        return List.copyOf(ALLOWED.get(this));
    }

    @Override
    public String thing() {
        return "Return";
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
