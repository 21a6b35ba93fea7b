package org.ordo.fulfillment;

import java.time.Instant;
import java.util.UUID;

/**
 * A shipment met a delivery exception or went back to its sender, reported by its carrier or recorded by a person.
 * {@code kind} is FAILED_ATTEMPT, ADDRESS_PROBLEM, DAMAGED, LOST, RETURNED_TO_SENDER (a plain RETURNED is reported as
 * RETURNED_TO_SENDER) or EXCEPTION (anything else, a delay say); {@code note} is the carrier's words or the reason
 * given, or null. Published once per recorded tracking event; after a crash it is delivered again, so listeners are
 * idempotent.
 */
public record DeliveryExceptionReported(
        UUID shipmentId,
        String shipmentNumber,
        UUID orderId,
        String orderNumber,
        String carrier,
        String trackingNumber,
        String kind,
        Instant at,
        String note,
        String reportedBy) {}
