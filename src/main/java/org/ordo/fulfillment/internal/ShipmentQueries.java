package org.ordo.fulfillment.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.ordo.fulfillment.Shipments;
import org.ordo.platform.Paging;
import org.springframework.stereotype.Component;

/** {@link Shipments} on the same search as the shipment API. */
@Component
class ShipmentQueries implements Shipments {

    private final ShipmentStore store;

    ShipmentQueries(ShipmentStore store) {
        this.store = store;
    }

    @Override
    public List<Summary> ofOrder(UUID orderId) {
        return store
                .search(new ShipmentStore.SearchFilter(List.of(), null, orderId, null), Paging.of(0, Paging.MAX_SIZE))
                .items()
                .stream()
                .map(s -> new Summary(
                        s.id(),
                        s.number(),
                        s.warehouse(),
                        s.status(),
                        s.quantity(),
                        s.carrier(),
                        s.service(),
                        s.trackingNumber(),
                        s.expectedDeliveryDate(),
                        s.plannedAt(),
                        s.shippedAt(),
                        s.deliveredAt()))
                .toList();
    }

    @Override
    public List<TrackingEvent> trackingOfOrder(UUID orderId) {
        List<String> kinds = Arrays.stream(ShipmentService.TrackingType.values())
                .map(Enum::name)
                .toList();
        return store.trackingOfOrder(orderId, kinds);
    }
}
