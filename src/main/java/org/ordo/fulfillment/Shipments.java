package org.ordo.fulfillment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.ordo.shared.Address;

/** Read access to shipments for other modules (the pages). */
public interface Shipments {

    /** The shipments of one order, as {@code GET /api/shipments?orderId=} lists them. */
    List<Summary> ofOrder(UUID orderId);

    /** The working days a carrier's service takes from hand-over to delivery, when both are configured. */
    OptionalInt transitDays(String carrier, String service);

    /** The shipment's parcel: its SSCC, weight and where it goes, as a ship notice to the customer tells them. */
    Optional<Parcel> parcel(UUID shipmentId);

    /** {@code sscc} and {@code weightGrams} are null until the shipment is packed. */
    record Parcel(UUID shipmentId, String number, Address shipTo, String sscc, Long weightGrams) {}

    /** The tracking events of the order's shipments (no warehouse steps), oldest first. */
    List<TrackingEvent> trackingOfOrder(UUID orderId);

    /**
     * What the carrier reported of a parcel: {@code kind} as in {@code POST /api/shipments/{id}/events}
     * (IN_TRANSIT, FAILED_ATTEMPT, …); {@code detail} is the carrier's text, or the reason a person gave;
     * {@code byCarrier} when the carrier sent it by its webhook.
     */
    record TrackingEvent(
            Instant at,
            String shipmentNumber,
            String kind,
            String location,
            String detail,
            String actor,
            boolean byCarrier) {}

    /** A shipment in a list; carrier, service, tracking number and the times are null until they are known. */
    record Summary(
            UUID id,
            String number,
            String warehouse,
            ShipmentStatus status,
            long quantity,
            String carrier,
            String service,
            String trackingNumber,
            LocalDate expectedDeliveryDate,
            Instant plannedAt,
            Instant shippedAt,
            Instant deliveredAt) {}
}
