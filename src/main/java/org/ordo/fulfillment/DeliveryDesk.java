package org.ordo.fulfillment;

import java.util.List;
import java.util.UUID;

/**
 * The delivery desk's remedies for a parcel in trouble: re-shipping it (for the pages, as
 * {@code POST /api/shipments/{id}/reship}), and for invoicing's credit and refund the parcel locked as the desk sees it
 * and the remedy written to its history, in the caller's transaction, so that a refusal after the lock changes nothing.
 */
public interface DeliveryDesk {

    /**
     * Re-ships a parcel last reported LOST or DAMAGED: a free replacement order, its units written off with
     * {@code reason}, the shipment closed as LOST. Refusals name {@code reason} (400) or the state (409).
     */
    Reshipped reship(String idOrNumber, String reason);

    /** A re-shipped parcel and its replacement order. */
    record Reshipped(
            String shipmentNumber, UUID replacementOrderId, String replacementOrderNumber, long unitsWrittenOff) {}

    /** Locks a shipment the desk handles (EXCEPTION): 404 when unknown, 409 {@code not-in-exception} otherwise. */
    Parcel lockOnDesk(String idOrNumber);

    /**
     * Writes a remedy ({@code CREDITED} or {@code REFUNDED}, {@code detail} naming the documents and amount) to the
     * shipment's history and audit. A parcel last reported LOST or DAMAGED is made good by it: its units are written
     * off with {@code reason} and it is closed as LOST. Other news leaves it on the desk (a goodwill credit).
     */
    Parcel recordRemedy(UUID shipmentId, String action, String detail, String reason);

    /** {@code lastNews} is the kind of the carrier's last exception news (LOST, DAMAGED, FAILED_ATTEMPT …). */
    record Parcel(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            ShipmentStatus status,
            String lastNews,
            List<Line> lines) {}

    /** {@code lineNumber} is the order line's. */
    record Line(int lineNumber, String sku, long quantity) {}
}
