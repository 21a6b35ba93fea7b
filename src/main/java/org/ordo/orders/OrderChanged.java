package org.ordo.orders;

import java.util.UUID;

/** An order's lines, quantities or address were changed before fulfilment; published in the changing transaction. */
public record OrderChanged(UUID orderId, String number, UUID customerId, OrderStatus status) {}
