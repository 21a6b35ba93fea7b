package org.ordo.fulfillment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Collects the {@link ShipmentShipped} events that committed, for tests to look at. */
@Component
public class ShippedEvents {

    private final List<ShipmentShipped> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(ShipmentShipped event) {
        events.add(event);
    }

    public List<ShipmentShipped> of(String shipmentNumber) {
        return events.stream()
                .filter(e -> e.shipmentNumber().equals(shipmentNumber))
                .toList();
    }
}
