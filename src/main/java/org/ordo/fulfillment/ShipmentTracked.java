package org.ordo.fulfillment;

import java.time.Instant;
import java.util.UUID;

/**
 * A carrier's or a person's tracking event moved a shipment to {@code status} (IN_TRANSIT, DELIVERED, EXCEPTION,
 * RETURNED); {@code kind} is the tracking event's type (e.g. DAMAGED) and {@code reason} its words, or null.
 * Published in the transaction that records it; news that changes no state publishes none.
 */
public record ShipmentTracked(
        UUID shipmentId,
        String shipmentNumber,
        UUID orderId,
        ShipmentStatus status,
        String kind,
        String reason,
        Instant at) {}
