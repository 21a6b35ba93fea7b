package org.ordo.orders;

import java.util.UUID;

/**
 * Whether an order is fully invoiced and fully paid — the last condition of COMPLETED. Implemented by invoicing;
 * without it, a delivered order is never completed automatically.
 */
public interface OrderSettlement {

    boolean isSettled(UUID orderId);
}
