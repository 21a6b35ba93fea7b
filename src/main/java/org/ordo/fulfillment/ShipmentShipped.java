package org.ordo.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shipment left the warehouse: its quantities are consumed from stock and count as shipped on the order.
 * Invoicing (invoice-on-shipment policy) reacts to it. Listeners must be idempotent: after a crash the event is
 * delivered again.
 */
public record ShipmentShipped(
        UUID shipmentId,
        String shipmentNumber,
        UUID orderId,
        String orderNumber,
        String warehouse,
        String carrier,
        String service,
        String trackingNumber,
        Instant shippedAt,
        List<Line> lines) {

    public record Line(int lineNumber, String sku, long quantity) {}
}
