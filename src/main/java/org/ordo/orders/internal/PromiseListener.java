package org.ordo.orders.internal;

import org.ordo.inventory.IncomingSupplyChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Promises waiting backorders again after the commit of what moved them, from the event publication registry (a crash
 * in between is made good on restart). {@link PromiseService#renew} takes one short transaction per order. Stock that
 * becomes available moves promises only by filling backorders ({@code BackorderService} on
 * {@link org.ordo.inventory.StockAvailable}), which tells of it with {@link BackorderQueueChanged}.
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
    void on(BackorderQueueChanged moved) {
        promises.renew(moved.skus(), moved.filledOrders());
    }
}
