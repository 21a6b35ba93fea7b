package org.ordo.orders;

import java.util.List;
import java.util.UUID;

/**
 * Free replacements for returned goods, placed like any order (validated, stock reserved or backordered, history, event)
 * so that they ship through the usual fulfilment. Runs in the caller's transaction.
 */
public interface ReplacementOrders {

    /**
     * Places an order for the original order's customer, channel, currency, shipping address and method, with these SKUs
     * and quantities at a unit price of 0.00 and {@code externalReference} (e.g. the RMA number). It is never held for
     * credit: it adds nothing to what the customer owes. An unknown or inactive SKU is a 422.
     */
    OrderSnapshot place(UUID originalOrderId, String externalReference, List<Line> lines);

    record Line(String sku, long quantity) {}
}
