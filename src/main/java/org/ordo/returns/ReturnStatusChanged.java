package org.ordo.returns;

import java.util.UUID;

/**
 * A return (RMA) was requested ({@code from} null, {@code to} REQUESTED) or moved from one state to another.
 * <p>
 * Published for every step of its history, in the transaction that takes it; one action may take two steps and publish two
 * events in order (a resolution that closes the return at once). {@code note} is the step's note: the requester's note on a
 * request, the reason of a rejection, what was received, the inspection notes, what a resolution issued; null when there is
 * none.
 */
public record ReturnStatusChanged(
        UUID returnId,
        String number,
        UUID orderId,
        String orderNumber,
        UUID customerId,
        ReturnStatus from,
        ReturnStatus to,
        String note) {}
