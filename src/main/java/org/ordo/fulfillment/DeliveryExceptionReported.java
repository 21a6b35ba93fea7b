package org.ordo.fulfillment;

import java.time.Instant;
import java.util.UUID;

/**
 * The carrier (or a person for it) reported that a shipment could not be delivered as planned. {@code kind} is one of
 * FAILED_ATTEMPT, ADDRESS_PROBLEM, DAMAGED, LOST, RETURNED_TO_SENDER (a plain RETURNED is reported as
 * RETURNED_TO_SENDER); {@code note} is the carrier's own words, or null. One event per tracking event recorded.
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
        String note) {}
