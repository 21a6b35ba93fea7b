package org.ordo.returns;

import java.util.UUID;

/** A return moved from one state to another ({@code from} is null when it was requested). */
public record ReturnStatusChanged(UUID returnId, String number, UUID orderId, UUID customerId, ReturnStatus from, ReturnStatus to,
        String note) {}
