package org.ordo.purchasing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.shared.Money;

/** A purchase order with its lines, as it is read under its lock and changed by {@link PurchaseOrderService}. */
final class PurchaseOrder {

    final UUID id;
    final String number;
    final UUID supplierId;
    final String supplierName;
    final String warehouse;
    final String currency;
    final Instant createdAt;
    final String createdBy;
    final List<Line> lines = new ArrayList<>();
    PurchaseOrderStatus status;
    Money total;
    Instant sentAt;

    PurchaseOrder(
            UUID id,
            String number,
            UUID supplierId,
            String supplierName,
            String warehouse,
            String currency,
            PurchaseOrderStatus status,
            Money total,
            Instant createdAt,
            String createdBy,
            Instant sentAt) {
        this.id = id;
        this.number = number;
        this.supplierId = supplierId;
        this.supplierName = supplierName;
        this.warehouse = warehouse;
        this.currency = currency;
        this.status = status;
        this.total = total;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.sentAt = sentAt;
    }

    /** One line; {@code expectedDate} is set once the order is sent. */
    static final class Line {
        final int lineNumber;
        final String sku;
        final String supplierItemCode;
        final long quantity;
        final Money unitPrice;
        final Money lineTotal;
        final int leadTimeDays;
        long receivedQuantity;
        LocalDate confirmedDate;
        LocalDate expectedDate;

        Line(
                int lineNumber,
                String sku,
                String supplierItemCode,
                long quantity,
                Money unitPrice,
                int leadTimeDays,
                long receivedQuantity,
                LocalDate confirmedDate,
                LocalDate expectedDate) {
            this.lineNumber = lineNumber;
            this.sku = sku;
            this.supplierItemCode = supplierItemCode;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
            this.lineTotal = unitPrice.times(quantity);
            this.leadTimeDays = leadTimeDays;
            this.receivedQuantity = receivedQuantity;
            this.confirmedDate = confirmedDate;
            this.expectedDate = expectedDate;
        }

        /** Units still to come: never negative, also when more than ordered arrived. */
        long openQuantity() {
            return Math.max(0, quantity - receivedQuantity);
        }

        /** {@code PO-000001/1}: the reference of its RECEIPT movements and of its arrivals. */
        String reference(String number) {
            return number + "/" + lineNumber;
        }
    }

    Line line(int lineNumber) {
        return lines.stream()
                .filter(l -> l.lineNumber == lineNumber)
                .findFirst()
                .orElse(null);
    }

    /** What the audit trail keeps of it. */
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("number", number);
        state.put("supplierId", supplierId);
        state.put("warehouse", warehouse);
        state.put("status", status);
        state.put("total", total);
        state.put("sentAt", sentAt);
        state.put(
                "lines",
                lines.stream()
                        .map(l -> Map.of(
                                "lineNumber", l.lineNumber,
                                "sku", l.sku,
                                "quantity", l.quantity,
                                "receivedQuantity", l.receivedQuantity,
                                "unitPrice", l.unitPrice,
                                "expectedDate", String.valueOf(l.expectedDate)))
                        .toList());
        return state;
    }
}
