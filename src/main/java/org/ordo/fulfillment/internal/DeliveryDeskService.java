package org.ordo.fulfillment.internal;

import java.util.UUID;
import org.ordo.fulfillment.DeliveryDesk;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link DeliveryDesk} on the desk's own rules ({@link DeliveryExceptionService}). */
@Component
class DeliveryDeskService implements DeliveryDesk {

    private final DeliveryExceptionService desk;

    DeliveryDeskService(DeliveryExceptionService desk) {
        this.desk = desk;
    }

    @Override
    public Reshipped reship(String idOrNumber, String reason) {
        DeliveryExceptionService.Reshipped done = desk.reship(idOrNumber, new DeliveryExceptionService.Reship(reason));
        return new Reshipped(
                done.shipment().number(),
                done.replacementOrderId(),
                done.replacementOrderNumber(),
                done.writtenOff().stream().mapToLong(w -> w.quantity()).sum());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Parcel lockOnDesk(String idOrNumber) {
        return parcel(desk.lockInException(idOrNumber));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Parcel recordRemedy(UUID shipmentId, String action, String detail, String reason) {
        if (!action.equals("CREDITED") && !action.equals("REFUNDED")) {
            throw new IllegalArgumentException("unknown remedy " + action);
        }
        return parcel(desk.recordRemedy(shipmentId, action, detail, reason));
    }

    private Parcel parcel(Shipment s) {
        return new Parcel(
                s.id,
                s.number,
                s.orderId,
                s.orderNumber,
                s.status,
                desk.lastException(s.id),
                s.lines.stream()
                        .map(l -> new Line(l.lineNumber, l.sku, l.quantity))
                        .toList());
    }
}
