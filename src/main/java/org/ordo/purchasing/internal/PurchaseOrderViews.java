package org.ordo.purchasing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.shared.Money;

/** How {@code /api/purchase-orders} shows a purchase order. */
final class PurchaseOrderViews {

    private PurchaseOrderViews() {}

    /** A purchase order with its lines, receipts and history (oldest first); money in the supplier's currency. */
    record PurchaseOrderView(
            UUID id,
            String number,
            PurchaseOrderStatus status,
            List<PurchaseOrderStatus> allowedNext,
            UUID supplierId,
            String supplierName,
            String warehouse,
            String currency,
            Money total,
            Instant createdAt,
            String createdBy,
            Instant sentAt,
            List<PurchaseOrderLineView> lines,
            List<PurchaseOrderStore.PurchaseReceipt> receipts,
            List<PurchaseOrderStore.PurchaseOrderHistory> history) {}

    /** {@code expectedDate}: the confirmed date, else the sent date plus the offer's lead time; null while DRAFT. */
    record PurchaseOrderLineView(
            int lineNumber,
            String sku,
            String supplierItemCode,
            long quantity,
            long receivedQuantity,
            Money unitPrice,
            Money lineTotal,
            LocalDate confirmedDate,
            LocalDate expectedDate) {}

    static PurchaseOrderView view(
            PurchaseOrder po,
            List<PurchaseOrderStore.PurchaseReceipt> receipts,
            List<PurchaseOrderStore.PurchaseOrderHistory> history) {
        return new PurchaseOrderView(
                po.id,
                po.number,
                po.status,
                po.status.allowedNext(),
                po.supplierId,
                po.supplierName,
                po.warehouse,
                po.currency,
                po.total,
                po.createdAt,
                po.createdBy,
                po.sentAt,
                po.lines.stream()
                        .map(l -> new PurchaseOrderLineView(
                                l.lineNumber,
                                l.sku,
                                l.supplierItemCode,
                                l.quantity,
                                l.receivedQuantity,
                                l.unitPrice,
                                l.lineTotal,
                                l.confirmedDate,
                                l.expectedDate))
                        .toList(),
                receipts,
                history);
    }
}
