package org.ordo.orders.internal;

import org.ordo.inventory.IncomingSupplyChanged;
import org.ordo.inventory.StockAvailable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Promises waiting backorders again after the commit of what moved them, from the event publication registry (a crash
 * in between is made good on restart). {@link PromiseService#renew} takes one short transaction per order.
 */
@Component
class PromiseListener {

    private final PromiseService promises;

    PromiseListener(PromiseService promises) {
        this.promises = promises;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncomingSupplyChanged changed) {
        promises.renew(changed.skus(), java.util.Set.of());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StockAvailable available) {
        promises.renew(available.skus(), java.util.Set.of());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(BackorderQueueChanged moved) {
        promises.renew(moved.skus(), moved.filledOrders());
    }
}
