package org.ordo.fulfillment.internal;

import org.ordo.orders.OrderStatus;
import org.ordo.orders.OrderStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the orders: a cancelled order's open shipments are cancelled; an order that becomes SHIPPED after all
 * its shipments arrived (its backordered rest was cancelled) is delivered. Both are idempotent, since the
 * event publication registry delivers again after a crash.
 */
@Component
class OrderEventListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

    private final ShipmentService operations;

    OrderEventListener(ShipmentService operations) {
        this.operations = operations;
    }

    @ApplicationModuleListener
    void on(OrderStatusChanged event) {
        if (event.to() == OrderStatus.CANCELLED) {
            int cancelled = operations.cancelOpenShipmentsOf(event.orderId(), "order " + event.number() + " cancelled");
            if (cancelled > 0) {
                log.info("cancelled {} open shipment(s) of cancelled order {}", cancelled, event.number());
            }
        } else if (event.to() == OrderStatus.SHIPPED) {
            operations.deliverOrderIfComplete(event.orderId());
        }
    }
}
