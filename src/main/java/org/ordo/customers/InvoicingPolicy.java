package org.ordo.customers;

/** When a customer's orders are invoiced. */
public enum InvoicingPolicy {
    /** One invoice per shipment, for the quantities shipped (the default). */
    ON_SHIPMENT,
    /** One invoice per order, for the ordered quantities, as soon as the order is accepted and not on hold. */
    ON_ORDER
}
