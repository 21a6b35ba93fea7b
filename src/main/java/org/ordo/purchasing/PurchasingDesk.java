package org.ordo.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * What the buyer's and the warehouse's pages do with purchasing: the same operations, rules, audit and events as
 * {@code /api/suppliers}, {@code /api/purchase-orders} and {@code /api/replenishment}. Refusals are
 * {@link org.ordo.shared.OrdoException}s whose violations carry {@link PurchasingRule} codes.
 */
public interface PurchasingDesk {

    /** Suppliers whose name contains {@code name} (any case; null for all), by name; {@code active} null for all. */
    PageResult<Supplier> suppliers(String name, Boolean active, Paging paging);

    Optional<Supplier> supplier(UUID id);

    Supplier createSupplier(SupplierInput input);

    /** Fields left null stay as they are. */
    Supplier updateSupplier(UUID id, SupplierInput input);

    /** The supplier's offers by SKU. */
    List<Offer> offers(UUID supplierId);

    Offer putOffer(UUID supplierId, String sku, OfferInput input);

    /**
     * How the supplier performed from {@code from} to {@code to} (ISO dates, whole UTC days; null for the last 90 days), as
     * {@code GET /api/suppliers/{id}/scorecard}.
     */
    Scorecard scorecard(UUID supplierId, String from, String to);

    /** The same scorecard as CSV, as {@code GET /api/suppliers/{id}/scorecard} with {@code Accept: text/csv}. */
    ScorecardCsv scorecardCsv(UUID supplierId, String from, String to);

    /** Newest first. */
    PageResult<PurchaseOrderListed> purchaseOrders(PurchaseOrderFilter filter, Paging paging);

    /** By id or number ({@code PO-000001}). */
    Optional<PurchaseOrderDetail> purchaseOrder(String idOrNumber);

    /** A DRAFT purchase order. */
    PurchaseOrderDetail create(NewPurchaseOrder order);

    PurchaseOrderDetail send(String idOrNumber);

    PurchaseOrderDetail confirm(String idOrNumber, List<ConfirmedDate> dates);

    PurchaseOrderDetail cancel(String idOrNumber, String reason);

    PurchaseOrderDetail close(String idOrNumber, String reason);

    /** Books what arrived at the purchase order's warehouse; beyond ordered needs a reason. */
    PurchaseOrderDetail receive(String idOrNumber, List<ReceivedQuantity> lines, String reason);

    /** The purchase order as PDF, for the supplier. */
    byte[] pdf(String idOrNumber);

    /** Runs replenishment now; empty while another run is under way. */
    Optional<ReplenishmentRun> runReplenishment();

    Optional<ReplenishmentRun> latestRun();

    /** The open proposals of the latest run. */
    List<Proposal> openProposals();

    /** DRAFT purchase orders from these open proposals, one per supplier and warehouse. */
    List<PurchaseOrderDetail> orderProposals(List<UUID> proposalIds);

    record Supplier(
            UUID id,
            String name,
            String contactName,
            String email,
            String currency,
            int paymentTermsDays,
            Address address,
            boolean active) {}

    record SupplierInput(
            String name,
            String contactName,
            String email,
            String currency,
            Integer paymentTermsDays,
            Address address,
            Boolean active) {}

    /** Priced in the supplier's currency. */
    record Offer(
            String sku,
            String supplierItemCode,
            Money unitPrice,
            long minimumOrderQuantity,
            long packSize,
            int leadTimeDays,
            Instant updatedAt) {}

    /** Minimum order quantity and pack size default to 1. */
    record OfferInput(
            String supplierItemCode,
            MoneyInput unitPrice,
            Long minimumOrderQuantity,
            Long packSize,
            Integer leadTimeDays) {}

    /** A scorecard as a download: its file name, column names and rows. */
    record ScorecardCsv(String filename, List<String> header, List<List<Object>> rows) {}

    /** Rates are fractions (0.95), null when there was nothing to measure; lead times in days. */
    record Scorecard(
            UUID supplierId,
            String supplierName,
            LocalDate from,
            LocalDate to,
            int deliveries,
            int deliveriesWithConfirmedDate,
            int onTimeDeliveries,
            BigDecimal onTimeRate,
            long orderedOnFinishedOrders,
            long receivedOnFinishedOrders,
            BigDecimal fillRate,
            BigDecimal leadTimeMeanDays,
            BigDecimal leadTimeStandardDeviationDays,
            List<PriceChange> priceChanges) {}

    /** An offer's new price; {@code previousPrice} null for its first. */
    record PriceChange(String sku, Money previousPrice, Money unitPrice, Instant changedAt, String actor) {}

    /** Any filter may be null (or empty). */
    record PurchaseOrderFilter(List<PurchaseOrderStatus> statuses, UUID supplierId, String sku, String warehouse) {}

    record PurchaseOrderListed(
            UUID id,
            String number,
            PurchaseOrderStatus status,
            UUID supplierId,
            String supplierName,
            String warehouse,
            Money total,
            Instant createdAt,
            Instant sentAt) {}

    /** A purchase order with its lines, receipts and history (oldest first). */
    record PurchaseOrderDetail(
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
            List<Line> lines,
            List<Receipt> receipts,
            List<History> history) {

        public boolean may(PurchaseOrderStatus next) {
            return allowedNext.contains(next);
        }

        /** Goods may arrive against it. */
        public boolean receivable() {
            return status.isOpen();
        }
    }

    /** {@code expectedDate}: the confirmed date, else the sent date plus the offer's lead time; null while DRAFT. */
    record Line(
            int lineNumber,
            String sku,
            String supplierItemCode,
            long quantity,
            long receivedQuantity,
            Money unitPrice,
            Money lineTotal,
            LocalDate confirmedDate,
            LocalDate expectedDate) {

        /** Still to come. */
        public long outstanding() {
            return Math.max(0, quantity - receivedQuantity);
        }
    }

    record Receipt(Instant receivedAt, String actor, String reason, List<ReceivedQuantity> lines) {}

    /** {@code from} is null for the creation. */
    record History(Instant at, String actor, PurchaseOrderStatus from, PurchaseOrderStatus to, String note) {}

    record NewPurchaseOrder(String supplierId, String warehouse, List<NewLine> lines) {}

    /** A line without a unit price takes the supplier's offer. */
    record NewLine(String sku, Long quantity, MoneyInput unitPrice) {}

    /** {@code confirmedDate} as ISO text (2026-11-21). */
    record ConfirmedDate(Integer lineNumber, String confirmedDate) {}

    record ReceivedQuantity(Integer lineNumber, Long quantity) {}

    record ReplenishmentRun(
            UUID id,
            String trigger,
            String status,
            Instant startedAt,
            Instant finishedAt,
            String actor,
            int checked,
            int proposed) {}

    /** What to buy and the figures it was decided by. */
    record Proposal(
            UUID id,
            String sku,
            String warehouse,
            UUID supplierId,
            String supplierName,
            long quantity,
            Money unitPrice,
            long onHand,
            long reserved,
            long backordered,
            long incoming,
            long drafted,
            long reorderPoint,
            long expectedDemand) {}
}
