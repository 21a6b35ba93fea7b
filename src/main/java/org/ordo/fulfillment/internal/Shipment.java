package org.ordo.fulfillment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * A shipment: what leaves one warehouse for one order, in one package. Changes go through the methods that
 * check the state table; the store saves what they leave behind.
 */
final class Shipment {

    final UUID id;
    final String number;
    final UUID orderId;
    final String orderNumber;
    final UUID customerId;
    final String warehouse;
    final Address shipTo;
    final Instant plannedAt;
    final String plannedBy;
    final List<Line> lines = new ArrayList<>();

    ShipmentStatus status;
    String sscc;
    Long weightGrams;
    String carrier;
    String service;
    String trackingNumber;
    Money shippingCost;
    LocalDate expectedDeliveryDate;
    Instant pickingStartedAt;
    Instant packedAt;
    Instant shippedAt;
    Instant deliveredAt;
    Instant cancelledAt;
    String cancelReason;
    long version;

    Shipment(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            UUID customerId,
            String warehouse,
            Address shipTo,
            ShipmentStatus status,
            Instant plannedAt,
            String plannedBy) {
        this.id = id;
        this.number = number;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.customerId = customerId;
        this.warehouse = warehouse;
        this.shipTo = shipTo;
        this.status = status;
        this.plannedAt = plannedAt;
        this.plannedBy = plannedBy;
    }

    /** One order line's quantity on this shipment; {@code picked} and {@code packed} count verified scans. */
    static final class Line {
        final int lineNumber;
        final String sku;
        final String productName;
        final long quantity;
        long picked;
        long packed;

        Line(int lineNumber, String sku, String productName, long quantity) {
            this.lineNumber = lineNumber;
            this.sku = sku;
            this.productName = productName;
            this.quantity = quantity;
        }

        long missing() {
            return quantity - packed;
        }
    }

    Line line(int lineNumber) {
        return lines.stream()
                .filter(l -> l.lineNumber == lineNumber)
                .findFirst()
                .orElse(null);
    }

    /** Moves to {@code target} if the state table allows it (else 409 naming the states); returns the state it left. */
    ShipmentStatus moveTo(ShipmentStatus target) {
        status.requireCanMoveTo(target, number);
        ShipmentStatus from = status;
        status = target;
        return from;
    }

    long totalQuantity() {
        return lines.stream().mapToLong(l -> l.quantity).sum();
    }

    /** What the audit trail keeps of a shipment before and after a change. */
    record State(
            String number,
            String orderNumber,
            String warehouse,
            ShipmentStatus status,
            List<LineState> lines,
            String sscc,
            Long weightGrams,
            String carrier,
            String service,
            String trackingNumber,
            Money shippingCost,
            Instant deliveredAt,
            String cancelReason) {}

    record LineState(int lineNumber, String sku, long quantity, long picked, long packed) {}

    State state() {
        return new State(
                number,
                orderNumber,
                warehouse,
                status,
                lines.stream()
                        .map(l -> new LineState(l.lineNumber, l.sku, l.quantity, l.picked, l.packed))
                        .toList(),
                sscc,
                weightGrams,
                carrier,
                service,
                trackingNumber,
                shippingCost,
                deliveredAt,
                cancelReason);
    }
}
