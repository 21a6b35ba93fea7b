package org.ordo.edi.internal;

import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.invoicing.InvoiceIssued;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Ship notices and invoices to trading partners, after the shipment or invoice is committed, each in its own
 * transaction from the event publication registry; {@link EdiOutboundService} sends one per shipment or invoice, so an
 * event delivered again after a crash sends nothing twice.
 */
@Component
class EdiOutboundListener {

    private final EdiOutboundService outbound;

    EdiOutboundListener(EdiOutboundService outbound) {
        this.outbound = outbound;
    }

    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        outbound.shipNotice(shipped);
    }

    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        outbound.invoice(issued);
    }
}
