package org.ordo.fulfillment;

import java.time.Instant;
import java.util.UUID;

/**
 * A shipment met a delivery exception (FAILED_ATTEMPT, ADDRESS_PROBLEM, DAMAGED, LOST, EXCEPTION) or went back to the
 * sender (RETURNED, RETURNED_TO_SENDER), reported by its carrier or recorded by a person. {@code kind} is the tracking
 * event's type, {@code detail} the carrier's text or the reason given (may be null). Published once per recorded event;
 * listeners must be idempotent: after a crash the event is delivered again.
 */
public record DeliveryExceptionReported(
        UUID shipmentId,
        String shipmentNumber,
        UUID orderId,
        String orderNumber,
        String kind,
        Instant at,
        String detail,
        String reportedBy) {}
