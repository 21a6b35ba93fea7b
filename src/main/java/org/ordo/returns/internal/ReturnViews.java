package org.ordo.returns.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordo.returns.Resolution;
import org.ordo.returns.ReturnReason;
import org.ordo.returns.ReturnStatus;
import org.ordo.shared.Money;

/** The JSON shapes of the returns API. */
final class ReturnViews {

    private ReturnViews() {}

    /**
     * A return. {@code allowedNext} are the states it may move to; {@code refund} is present once a REFUND has issued its
     * credit notes ({@code status} DUE until the refund is recorded, then REFUNDED); {@code replacementOrder} once a REPLACE
     * has placed it; {@code history} is oldest first.
     */
    record ReturnView(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            UUID customerId,
            ReturnStatus status,
            List<ReturnStatus> allowedNext,
            Resolution resolution,
            String note,
            List<LineView> lines,
            List<ReceiptView> receipts,
            String rejectionReason,
            String inspectionNotes,
            List<CreditNoteView> creditNotes,
            RefundView refund,
            OrderReference replacementOrder,
            Instant requestedAt,
            String requestedBy,
            Instant approvedAt,
            Instant receivedAt,
            Instant inspectedAt,
            Instant resolvedAt,
            Instant closedAt,
            Instant rejectedAt,
            List<HistoryView> history,
            long version) {}

    /** One order line to return: {@code receivedQuantity} = {@code restockedQuantity} + {@code scrappedQuantity}. */
    record LineView(
            int lineNumber,
            String sku,
            String name,
            long quantity,
            ReturnReason reason,
            long receivedQuantity,
            long restockedQuantity,
            long scrappedQuantity) {}

    /** Units booked on receipt: restocked into {@code warehouse}, or scrapped (no warehouse). */
    record ReceiptView(int lineNumber, long quantity, boolean restock, String warehouse) {}

    /** A credit note issued for the return; {@code total} is negative. */
    record CreditNoteView(UUID id, String number, String invoiceNumber, Money total) {}

    record RefundView(Money amount, String status, String reference, Instant refundedAt) {}

    record OrderReference(UUID id, String number) {}

    record HistoryView(Instant at, String actor, ReturnStatus fromStatus, ReturnStatus toStatus, String note) {}

    static ReturnView view(Rma r, List<ReturnStore.HistoryEntry> history) {
        return new ReturnView(
                r.id,
                r.number,
                r.orderId,
                r.orderNumber,
                r.customerId,
                r.status,
                r.status.allowedNext(),
                r.resolution,
                r.note,
                r.lines.stream()
                        .map(l -> new LineView(
                                l.lineNumber,
                                l.sku,
                                l.productName,
                                l.quantity,
                                l.reason,
                                l.received,
                                l.restocked,
                                l.scrapped))
                        .toList(),
                r.receipts.stream()
                        .map(x -> new ReceiptView(x.lineNumber(), x.quantity(), x.restock(), x.warehouse()))
                        .toList(),
                r.rejectionReason,
                r.inspectionNotes,
                r.creditNotes.stream()
                        .map(c -> new CreditNoteView(c.id(), c.number(), c.invoiceNumber(), c.total()))
                        .toList(),
                r.refundStatus == null
                        ? null
                        : new RefundView(r.refundAmount, r.refundStatus.name(), r.refundReference, r.refundedAt),
                r.replacementOrderId == null
                        ? null
                        : new OrderReference(r.replacementOrderId, r.replacementOrderNumber),
                r.requestedAt,
                r.requestedBy,
                r.approvedAt,
                r.receivedAt,
                r.inspectedAt,
                r.resolvedAt,
                r.closedAt,
                r.rejectedAt,
                history.stream()
                        .map(h -> new HistoryView(h.at(), h.actor(), h.from(), h.to(), h.note()))
                        .toList(),
                r.version);
    }
}
