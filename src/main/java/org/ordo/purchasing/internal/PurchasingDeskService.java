package org.ordo.purchasing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.purchasing.PurchasingDesk;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link PurchasingDesk} by the services behind the REST endpoints, so the pages follow the same rules. */
@Component
class PurchasingDeskService implements PurchasingDesk {

    private final SupplierService suppliers;
    private final SupplierStore supplierStore;
    private final PurchaseOrderService management;
    private final PurchaseOrderStore orders;
    private final PurchaseOrderPdfRenderer pdf;
    private final ReplenishmentService replenishment;
    private final ReplenishmentStore runs;
    private final SupplierScorecardQueries scorecards;
    private final JdbcClient jdbc;

    PurchasingDeskService(
            SupplierService suppliers,
            SupplierStore supplierStore,
            PurchaseOrderService management,
            PurchaseOrderStore orders,
            PurchaseOrderPdfRenderer pdf,
            ReplenishmentService replenishment,
            ReplenishmentStore runs,
            SupplierScorecardQueries scorecards,
            JdbcClient jdbc) {
        this.suppliers = suppliers;
        this.supplierStore = supplierStore;
        this.management = management;
        this.orders = orders;
        this.pdf = pdf;
        this.replenishment = replenishment;
        this.runs = runs;
        this.scorecards = scorecards;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Supplier> suppliers(String name, Boolean active, Paging paging) {
        String pattern = name == null || name.isBlank()
                ? "%"
                : "%"
                        + name.trim()
                                .toLowerCase()
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
        String where = " WHERE LOWER(name) LIKE ? ESCAPE '\\'"
                + (active == null ? "" : " AND active = " + (active ? "TRUE" : "FALSE"));
        long total = jdbc.sql("SELECT COUNT(*) FROM supplier" + where)
                .param(pattern)
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql("SELECT id FROM supplier" + where + " ORDER BY name, id LIMIT ? OFFSET ?")
                .params(pattern, paging.size(), paging.offset())
                .query((rs, row) -> rs.getObject("id", UUID.class))
                .list();
        List<Supplier> items = ids.stream()
                .flatMap(id -> supplierStore.find(id).stream())
                .map(PurchasingDeskService::supplier)
                .toList();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    @Override
    public Optional<Supplier> supplier(UUID id) {
        return supplierStore.find(id).map(PurchasingDeskService::supplier);
    }

    @Override
    public Supplier createSupplier(SupplierInput input) {
        return supplier(suppliers.create(input == null ? null : supplierInput(input)));
    }

    @Override
    public Supplier updateSupplier(UUID id, SupplierInput input) {
        return supplier(suppliers.update(id, input == null ? null : supplierInput(input)));
    }

    @Override
    public List<Offer> offers(UUID supplierId) {
        supplierStore.find(supplierId).orElseThrow(() -> OrdoException.notFound("Supplier", supplierId));
        return supplierStore.offers(supplierId).stream()
                .map(PurchasingDeskService::offer)
                .toList();
    }

    @Override
    public Offer putOffer(UUID supplierId, String sku, OfferInput input) {
        SupplierService.OfferInput typed = input == null
                ? null
                : new SupplierService.OfferInput(
                        input.supplierItemCode(),
                        input.unitPrice(),
                        input.minimumOrderQuantity(),
                        input.packSize(),
                        input.leadTimeDays());
        return offer(suppliers.putOffer(supplierId, sku, typed));
    }

    @Override
    @Transactional(readOnly = true)
    public ScorecardCsv scorecardCsv(UUID supplierId, String from, String to) {
        return SupplierScorecardQueries.csv(scorecards.scorecard(supplierId, from, to));
    }

    @Override
    @Transactional(readOnly = true)
    public Scorecard scorecard(UUID supplierId, String from, String to) {
        SupplierScorecardQueries.Scorecard s = scorecards.scorecard(supplierId, from, to);
        return new Scorecard(
                s.supplierId(),
                s.supplierName(),
                s.from(),
                s.to(),
                s.deliveries(),
                s.deliveriesWithConfirmedDate(),
                s.onTimeDeliveries(),
                s.onTimeRate(),
                s.orderedOnFinishedOrders(),
                s.receivedOnFinishedOrders(),
                s.fillRate(),
                s.leadTimeMeanDays(),
                s.leadTimeStandardDeviationDays(),
                s.priceChanges().stream()
                        .map(c -> new PriceChange(c.sku(), c.previousPrice(), c.unitPrice(), c.changedAt(), c.actor()))
                        .toList());
    }

    @Override
    public PageResult<PurchaseOrderListed> purchaseOrders(PurchaseOrderFilter filter, Paging paging) {
        PurchaseOrderFilter f = filter == null ? new PurchaseOrderFilter(List.of(), null, null, null) : filter;
        PageResult<PurchaseOrderStore.PurchaseOrderSummary> found = orders.search(
                new PurchaseOrderStore.SearchFilter(
                        f.statuses() == null ? List.of() : f.statuses(), f.supplierId(), f.sku(), f.warehouse()),
                paging);
        List<PurchaseOrderListed> items = found.items().stream()
                .map(s -> new PurchaseOrderListed(
                        s.id(),
                        s.number(),
                        s.status(),
                        s.supplierId(),
                        s.supplierName(),
                        s.warehouse(),
                        s.total(),
                        s.createdAt(),
                        s.sentAt()))
                .toList();
        return new PageResult<>(items, found.page(), found.size(), found.totalItems(), found.totalItemsExact());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PurchaseOrderDetail> purchaseOrder(String idOrNumber) {
        return orders.find(idOrNumber).map(this::detail);
    }

    @Override
    public PurchaseOrderDetail create(NewPurchaseOrder order) {
        PurchaseOrderService.CreatePurchaseOrder request = order == null
                ? null
                : new PurchaseOrderService.CreatePurchaseOrder(
                        order.supplierId(),
                        order.warehouse(),
                        order.lines() == null
                                ? null
                                : order.lines().stream()
                                        .map(l -> l == null
                                                ? null
                                                : new PurchaseOrderService.PurchaseLineInput(
                                                        l.sku(), l.quantity(), l.unitPrice()))
                                        .toList());
        return detail(management.create(request));
    }

    @Override
    public PurchaseOrderDetail send(String idOrNumber) {
        return detail(management.send(idOrNumber));
    }

    @Override
    public PurchaseOrderDetail confirm(String idOrNumber, List<ConfirmedDate> dates) {
        List<PurchaseOrderService.ConfirmedLineInput> lines = dates == null
                ? null
                : dates.stream()
                        .map(d -> new PurchaseOrderService.ConfirmedLineInput(d.lineNumber(), d.confirmedDate()))
                        .toList();
        return detail(management.confirm(idOrNumber, new PurchaseOrderService.ConfirmationInput(lines)));
    }

    @Override
    public PurchaseOrderDetail cancel(String idOrNumber, String reason) {
        return detail(management.cancel(idOrNumber, new PurchaseOrderService.PurchaseOrderNote(reason)));
    }

    @Override
    public PurchaseOrderDetail close(String idOrNumber, String reason) {
        return detail(management.close(idOrNumber, new PurchaseOrderService.PurchaseOrderNote(reason)));
    }

    @Override
    public PurchaseOrderDetail receive(String idOrNumber, List<ReceivedQuantity> lines, String reason) {
        List<PurchaseOrderService.ReceiptLineInput> typed = lines == null
                ? null
                : lines.stream()
                        .map(l -> new PurchaseOrderService.ReceiptLineInput(l.lineNumber(), l.quantity()))
                        .toList();
        return detail(management.receive(idOrNumber, new PurchaseOrderService.ReceiptInput(typed, reason)));
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] pdf(String idOrNumber) {
        return pdf.render(
                orders.find(idOrNumber).orElseThrow(() -> OrdoException.notFound("Purchase order", idOrNumber)));
    }

    @Override
    public Optional<ReplenishmentRun> runReplenishment() {
        return Optional.ofNullable(replenishment.run("MANUAL")).map(PurchasingDeskService::run);
    }

    @Override
    public Optional<ReplenishmentRun> latestRun() {
        return runs.latestRun().map(PurchasingDeskService::run);
    }

    @Override
    public List<Proposal> openProposals() {
        return replenishment.openProposals().stream()
                .map(p -> new Proposal(
                        p.id(),
                        p.sku(),
                        p.warehouse(),
                        p.supplierId(),
                        p.supplierName(),
                        p.quantity(),
                        p.unitPrice(),
                        p.onHand(),
                        p.reserved(),
                        p.backordered(),
                        p.incoming(),
                        p.drafted(),
                        p.reorderPoint(),
                        p.expectedDemand()))
                .toList();
    }

    @Override
    public List<PurchaseOrderDetail> orderProposals(List<UUID> proposalIds) {
        List<String> ids = proposalIds == null
                ? List.of()
                : proposalIds.stream().map(UUID::toString).toList();
        return replenishment.order(new ReplenishmentService.OrderProposals(ids)).stream()
                .map(this::detail)
                .toList();
    }

    private PurchaseOrderDetail detail(PurchaseOrder po) {
        PurchaseOrderViews.PurchaseOrderView v =
                PurchaseOrderViews.view(po, orders.receipts(po.id), orders.history(po.id));
        return new PurchaseOrderDetail(
                v.id(),
                v.number(),
                v.status(),
                v.allowedNext(),
                v.supplierId(),
                v.supplierName(),
                v.warehouse(),
                v.currency(),
                v.total(),
                v.createdAt(),
                v.createdBy(),
                v.sentAt(),
                v.lines().stream()
                        .map(l -> new Line(
                                l.lineNumber(),
                                l.sku(),
                                l.supplierItemCode(),
                                l.quantity(),
                                l.receivedQuantity(),
                                l.unitPrice(),
                                l.lineTotal(),
                                l.confirmedDate(),
                                l.expectedDate()))
                        .toList(),
                v.receipts().stream()
                        .map(r -> new Receipt(
                                r.receivedAt(),
                                r.actor(),
                                r.reason(),
                                r.lines().stream()
                                        .map(l -> new ReceivedQuantity(l.lineNumber(), l.quantity()))
                                        .toList()))
                        .toList(),
                v.history().stream()
                        .map(h -> new History(h.at(), h.actor(), h.from(), h.to(), h.note()))
                        .toList());
    }

    private static SupplierService.SupplierInput supplierInput(SupplierInput in) {
        return new SupplierService.SupplierInput(
                in.name(),
                in.contactName(),
                in.email(),
                in.currency(),
                in.paymentTermsDays(),
                in.address(),
                in.active());
    }

    private static Supplier supplier(SupplierStore.Supplier s) {
        return new Supplier(
                s.id(),
                s.name(),
                s.contactName(),
                s.email(),
                s.currency(),
                s.paymentTermsDays(),
                s.address(),
                s.active());
    }

    private static Offer offer(SupplierStore.Offer o) {
        return new Offer(
                o.sku(),
                o.supplierItemCode(),
                o.unitPrice(),
                o.minimumOrderQuantity(),
                o.packSize(),
                o.leadTimeDays(),
                o.updatedAt());
    }

    private static ReplenishmentRun run(ReplenishmentStore.ReplenishmentRun r) {
        return new ReplenishmentRun(
                r.id(), r.trigger(), r.status(), r.startedAt(), r.finishedAt(), r.actor(), r.checked(), r.proposed());
    }
}
