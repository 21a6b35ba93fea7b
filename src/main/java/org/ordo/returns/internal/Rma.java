package org.ordo.returns.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.returns.Resolution;
import org.ordo.returns.ReturnReason;
import org.ordo.returns.ReturnStatus;
import org.ordo.shared.Money;

/**
 * A return (RMA) of one order. Changes go through {@link #moveTo}, which checks the state table; the store saves what the
 * operations leave behind.
 */
final class Rma {

    final UUID id;
    final String number;
    final UUID orderId;
    final String orderNumber;
    final UUID customerId;
    final String currency;
    final Resolution resolution;
    final String note;
    final Instant requestedAt;
    final String requestedBy;
    final List<Line> lines = new ArrayList<>();
    final List<Receipt> receipts = new ArrayList<>();
    final List<CreditNote> creditNotes = new ArrayList<>();

    ReturnStatus status;
    String rejectionReason;
    String inspectionNotes;
    Money refundAmount;
    RefundStatus refundStatus;
    String refundReference;
    UUID replacementOrderId;
    String replacementOrderNumber;
    Instant approvedAt;
    Instant receivedAt;
    Instant inspectedAt;
    Instant resolvedAt;
    Instant refundedAt;
    Instant closedAt;
    Instant rejectedAt;
    long version;

    /** DUE: credit notes issued, money still to be paid back; REFUNDED: paid back. */
    enum RefundStatus {
        DUE,
        REFUNDED
    }

    Rma(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            UUID customerId,
            String currency,
            ReturnStatus status,
            Resolution resolution,
            String note,
            Instant requestedAt,
            String requestedBy) {
        this.id = id;
        this.number = number;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.customerId = customerId;
        this.currency = currency;
        this.status = status;
        this.resolution = resolution;
        this.note = note;
        this.requestedAt = requestedAt;
        this.requestedBy = requestedBy;
    }

    /** One order line to return; {@code received} = {@code restocked} + {@code scrapped} ≤ {@code quantity}. */
    static final class Line {
        final int lineNumber;
        final String sku;
        final String productName;
        final long quantity;
        final ReturnReason reason;
        long received;
        long restocked;
        long scrapped;

        Line(int lineNumber, String sku, String productName, long quantity, ReturnReason reason) {
            this.lineNumber = lineNumber;
            this.sku = sku;
            this.productName = productName;
            this.quantity = quantity;
            this.reason = reason;
        }
    }

    /** Units of a line booked on receipt: restocked into {@code warehouse}, or scrapped (warehouse null). */
    record Receipt(int lineNumber, long quantity, boolean restock, String warehouse) {}

    record CreditNote(UUID id, String number, String invoiceNumber, Money total) {}

    Line line(int lineNumber) {
        return lines.stream()
                .filter(l -> l.lineNumber == lineNumber)
                .findFirst()
                .orElse(null);
    }

    /** Moves to {@code target} if the state table allows it (else 409 naming the states); returns the state it left. */
    ReturnStatus moveTo(ReturnStatus target) {
        status.requireCanMoveTo(target, number);
        ReturnStatus from = status;
        status = target;
        return from;
    }

    /** What the audit trail keeps of a return before and after a change. */
    record State(
            String number,
            String orderNumber,
            ReturnStatus status,
            Resolution resolution,
            List<LineState> lines,
            List<Receipt> receipts,
            String rejectionReason,
            String inspectionNotes,
            List<CreditNote> creditNotes,
            Money refundAmount,
            RefundStatus refundStatus,
            String refundReference,
            String replacementOrderNumber) {}

    record LineState(
            int lineNumber,
            String sku,
            long quantity,
            ReturnReason reason,
            long received,
            long restocked,
            long scrapped) {}

    State state() {
        return new State(
                number,
                orderNumber,
                status,
                resolution,
                lines.stream()
                        .map(l -> new LineState(
                                l.lineNumber, l.sku, l.quantity, l.reason, l.received, l.restocked, l.scrapped))
                        .toList(),
                List.copyOf(receipts),
                rejectionReason,
                inspectionNotes,
                List.copyOf(creditNotes),
                refundAmount,
                refundStatus,
                refundReference,
                replacementOrderNumber);
    }
}
