package org.ordo.invoicing.internal;

import org.ordo.customers.Customers;
import org.ordo.customers.InvoicingPolicy;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.orders.OrderPlaced;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.OrderStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Invoices automatically after the fact: each listener runs after the publisher's commit, in its own transaction, from the
 * event publication registry, so a crash in between is made good on restart. {@link InvoicingService} makes every one of them
 * idempotent (the shipment or order is a unique key of its invoice).
 */
@Component
class InvoicingListener {

    private final InvoicingService invoicing;
    private final Customers customers;

    InvoicingListener(InvoicingService invoicing, Customers customers) {
        this.invoicing = invoicing;
        this.customers = customers;
    }

    @ApplicationModuleListener
    void on(ShipmentShipped shipment) {
        invoicing.invoiceShipment(shipment);
    }

    /**
     * ON_ORDER customers are invoiced when the order is accepted; an order placed ON_HOLD waits for its release. The
     * condition is asked when the order is placed, in its transaction: an order with nothing to invoice (most customers
     * are invoiced on shipment) writes no event publication for this listener and costs no transaction after the commit.
     */
    @ApplicationModuleListener(condition = "@invoicingListener.invoicedOnAcceptance(#placed)")
    void on(OrderPlaced placed) {
        invoicing.invoiceOrder(placed.orderId());
    }

    @ApplicationModuleListener
    void on(OrderStatusChanged changed) {
        if (changed.to() == OrderStatus.PLACED || changed.to() == OrderStatus.CONFIRMED) {
            invoicing.invoiceOrder(changed.orderId());
        }
    }

    /**
     * Most customers are invoiced on shipment: ask the customer before reading the whole order. Asked in the placement's
     * transaction, which has locked the customer: the customers module answers from that read, without a statement.
     */
    public boolean invoicedOnAcceptance(OrderPlaced placed) {
        return placed.status() != OrderStatus.ON_HOLD
                && customers
                        .find(placed.customerId())
                        .map(c -> c.invoicingPolicy() == InvoicingPolicy.ON_ORDER)
                        .orElse(false);
    }
}
