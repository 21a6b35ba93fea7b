package org.ordo.fulfillment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Read access to shipments for other modules (the pages). */
public interface Shipments {

    /** The shipments of one order, as {@code GET /api/shipments?orderId=} lists them. */
    List<Summary> ofOrder(UUID orderId);

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
