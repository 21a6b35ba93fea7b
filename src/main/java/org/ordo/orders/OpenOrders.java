package org.ordo.orders;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a customer has ordered and not yet received the goods of, for customer service: the open orders' part of the
 * credit exposure of invariant 11 (receivables + open orders), the same sum the credit check at placement uses.
 */
public interface OpenOrders {

    /** Σ totals of the customer's orders that are accepted, not yet shipped and not cancelled (in the order currency). */
    BigDecimal openOrderValue(UUID customerId);
}
