package org.ordo.fulfillment.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ordo.fulfillment.ShipmentHandling;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.inventory.Inventory;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;

/** {@link ShipmentHandling} through the same services as the shipment API; each step is its own transaction. */
@Component
class ShipmentHandlingService implements ShipmentHandling {

    private final ShipmentStore store;
    private final ShipmentViewQueries queries;
    private final ShipmentService operations;
    private final DispatchService dispatch;
    private final PickListQueries pickLists;
    private final PlanningQueries planningQueue;
    private final ShipmentDocumentRenderer documents;
    private final Carriers carriers;
    private final Inventory inventory;
    private final Orders orders;
    private final PackingPolicy packing;

    ShipmentHandlingService(
            ShipmentStore store,
            ShipmentViewQueries queries,
            ShipmentService operations,
            DispatchService dispatch,
            PickListQueries pickLists,
            PlanningQueries planningQueue,
            ShipmentDocumentRenderer documents,
            Carriers carriers,
            Inventory inventory,
            Orders orders,
            PackingPolicy packing) {
        this.packing = packing;
        this.store = store;
        this.queries = queries;
        this.operations = operations;
        this.dispatch = dispatch;
        this.pickLists = pickLists;
        this.planningQueue = planningQueue;
        this.documents = documents;
        this.carriers = carriers;
        this.inventory = inventory;
        this.orders = orders;
    }

    @Override
    public PageResult<Listed> queue(String warehouse, Collection<ShipmentStatus> statuses, Paging paging) {
        return store.search(
                        new ShipmentStore.SearchFilter(
                                statuses == null ? List.of() : List.copyOf(statuses), warehouse, null, null),
                        paging,
                        true)
                .map(s -> new Listed(
                        s.id(),
                        s.number(),
                        s.orderId(),
                        s.orderNumber(),
                        s.warehouse(),
                        s.status(),
                        s.quantity(),
                        s.carrier(),
                        s.service(),
                        s.trackingNumber(),
                        s.plannedAt(),
                        s.shippedAt()));
    }

    @Override
    public Map<ShipmentStatus, Long> openCounts(String warehouse) {
        return store.openCounts(warehouse);
    }

    @Override
    public PageResult<Unplanned> awaitingPlan(String warehouse, Paging paging) {
        return planningQueue.awaitingPlan(warehouse, paging);
    }

    @Override
    public Optional<Detail> find(String idOrNumber) {
        return store.find(idOrNumber).map(s -> detail(queries.view(queries.visible(s.id.toString()))));
    }

    @Override
    public Detail startPicking(String idOrNumber) {
        return detail(operations.startPicking(idOrNumber));
    }

    @Override
    public Scanned scan(String idOrNumber, String code) {
        return scanned(operations.scan(idOrNumber, code));
    }

    @Override
    public Scanned scan(String idOrNumber, String code, int quantity) {
        return scanned(operations.scan(idOrNumber, code, quantity));
    }

    @Override
    public int maxKeyedQuantity() {
        return packing.maxKeyedQuantity();
    }

    private static Scanned scanned(ShipmentViews.ScanResult r) {
        return new Scanned(
                r.code(),
                r.lineNumber(),
                r.sku(),
                r.quantity(),
                r.packedQuantity(),
                r.remainingOnShipment(),
                r.complete());
    }

    @Override
    public Detail pack(String idOrNumber) {
        return detail(operations.pack(idOrNumber));
    }

    @Override
    public Rates rates(String idOrNumber) {
        ShipmentViews.RatesView r = dispatch.rates(queries.visible(idOrNumber));
        return new Rates(
                r.weightGrams(),
                r.destinationCountry(),
                r.shipDate(),
                r.promisedDate(),
                r.options().stream()
                        .map(o -> new RateOption(
                                o.carrier(),
                                o.carrierName(),
                                o.service(),
                                o.serviceName(),
                                o.serviceLevel(),
                                o.price(),
                                o.transitDays(),
                                o.expectedDeliveryDate(),
                                o.meetsPromisedDate(),
                                o.recommended()))
                        .toList());
    }

    @Override
    public Detail ship(String idOrNumber, String carrier, String service, String trackingNumber) {
        return detail(dispatch.ship(idOrNumber, new DispatchService.ShipRequest(carrier, service, trackingNumber)));
    }

    @Override
    public PickList pickList(List<String> shipments) {
        ShipmentViews.PickListView list = pickLists.combine(new PickListQueries.PickListRequest(shipments));
        return new PickList(
                list.warehouse(),
                list.shipments(),
                list.totalQuantity(),
                list.lines().stream()
                        .map(l -> new PickLine(
                                l.binLocation(),
                                l.sku(),
                                l.name(),
                                l.gtin(),
                                l.quantity(),
                                l.shipments().stream()
                                        .map(s -> new PickSource(s.shipment(), s.lineNumber(), s.quantity()))
                                        .toList()))
                        .toList());
    }

    @Override
    public byte[] label(String idOrNumber) {
        Shipment s = queries.visible(idOrNumber);
        if (s.trackingNumber == null || s.sscc == null) {
            throw new OrdoException(
                    OrdoException.Kind.CONFLICT,
                    "label-not-ready",
                    "Shipment " + s.number + " is " + s.status
                            + "; its label exists once it has shipped (carrier and tracking number).",
                    List.of(),
                    Map.of("currentState", s.status.name()));
        }
        return documents.label(
                s,
                inventory.warehouse(s.warehouse).orElse(null),
                carrierName(s.carrier),
                serviceName(s.carrier, s.service));
    }

    @Override
    public byte[] packingSlip(String idOrNumber) {
        Shipment s = queries.visible(idOrNumber);
        return documents.packingSlip(s, inventory.warehouse(s.warehouse).orElse(null), carrierName(s.carrier));
    }

    private String carrierName(String code) {
        return code == null
                ? null
                : carriers.find(code).map(FulfillmentProperties.Carrier::name).orElse(code);
    }

    @Override
    public String serviceName(String carrier, String service) {
        if (carrier == null || service == null) {
            return service;
        }
        return carriers.find(carrier)
                .flatMap(c -> Carriers.service(c, service))
                .map(FulfillmentProperties.Service::name)
                .orElse(service);
    }

    private Detail detail(ShipmentViews.ShipmentView v) {
        OrderSnapshot order = orders.find(v.orderId()).orElse(null);
        return new Detail(
                v.id(),
                v.number(),
                v.orderId(),
                v.orderNumber(),
                v.warehouse(),
                v.status(),
                v.shipTo(),
                v.lines().stream()
                        .map(l -> new Line(
                                l.lineNumber(),
                                l.sku(),
                                l.name(),
                                l.gtin(),
                                l.binLocation(),
                                l.quantity(),
                                l.pickedQuantity(),
                                l.packedQuantity()))
                        .toList(),
                v.packageInfo() == null ? null : v.packageInfo().sscc(),
                v.packageInfo() == null ? null : v.packageInfo().weightGrams(),
                v.carrier(),
                carrierName(v.carrier()),
                v.service(),
                serviceName(v.carrier(), v.service()),
                v.trackingNumber(),
                v.shippingCost(),
                v.expectedDeliveryDate(),
                order == null ? null : order.promisedDate(),
                v.plannedAt(),
                v.pickingStartedAt(),
                v.packedAt(),
                v.shippedAt(),
                v.version());
    }
}
