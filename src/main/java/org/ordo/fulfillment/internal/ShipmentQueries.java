package org.ordo.fulfillment.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.ordo.fulfillment.Shipments;
import org.ordo.platform.Paging;
import org.springframework.stereotype.Component;

/** {@link Shipments} on the same search as the shipment API. */
@Component
class ShipmentQueries implements Shipments {

    private final ShipmentStore store;

    private final Carriers carriers;

    ShipmentQueries(ShipmentStore store, Carriers carriers) {
        this.store = store;
        this.carriers = carriers;
    }

    @Override
    public OptionalInt transitDays(String carrier, String service) {
        return carriers.find(carrier)
                .flatMap(c -> Carriers.service(c, service))
                .map(s -> OptionalInt.of(s.transitDays()))
                .orElse(OptionalInt.empty());
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
    public Optional<Parcel> parcel(UUID shipmentId) {
        return store.find(shipmentId.toString()).map(s -> new Parcel(s.id, s.number, s.shipTo, s.sscc, s.weightGrams));
    }

    @Override
    public List<TrackingEvent> trackingOfOrder(UUID orderId) {
        List<String> kinds = Stream.concat(
                        Arrays.stream(ShipmentService.TrackingType.values()).map(Enum::name),
                        DeliveryExceptionService.DESK_ACTIONS.stream())
                .toList();
        return store.trackingOfOrder(orderId, kinds);
    }
}
