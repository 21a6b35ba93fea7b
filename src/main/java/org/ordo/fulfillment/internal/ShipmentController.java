package org.ordo.fulfillment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.identity.Actor;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.ETags;
import org.ordo.platform.Idempotency;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Shipments")
class ShipmentController {

    private static final String READERS = "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','CUSTOMER')";
    private static final String STAFF = "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT')";
    private static final String PLANNERS = "hasAnyRole('ADMIN','SALES','WAREHOUSE')";
    private static final String WAREHOUSE = "hasAnyRole('ADMIN','WAREHOUSE')";
    private static final String TRACKERS = "hasAnyRole('ADMIN','WAREHOUSE','SUPPORT')";

    /** {@code quantity}: the units this scan counts, 1 when absent. */
    record Scan(String code, Integer quantity) {}

    record Delivery(Instant at, String location) {}

    record Cancel(String reason) {}

    /** What the idempotency record compares: the path's target and the body. */
    record Keyed(String target, Object body) {}

    private final ShipmentPlanningService planning;
    private final ShipmentService operations;
    private final DispatchService dispatch;
    private final ShipmentViewQueries queries;
    private final ShipmentStore store;
    private final PickListQueries pickLists;
    private final ShipmentDocumentRenderer documents;
    private final Carriers carriers;
    private final Orders orders;
    private final Idempotency idempotency;
    private final ShipmentHandlingService handling;

    private final DeliveryExceptionService desk;

    ShipmentController(
            ShipmentPlanningService planning,
            ShipmentService operations,
            DispatchService dispatch,
            ShipmentViewQueries queries,
            ShipmentStore store,
            PickListQueries pickLists,
            ShipmentDocumentRenderer documents,
            Carriers carriers,
            Orders orders,
            Idempotency idempotency,
            ShipmentHandlingService handling,
            DeliveryExceptionService desk) {
        this.desk = desk;
        this.planning = planning;
        this.operations = operations;
        this.dispatch = dispatch;
        this.queries = queries;
        this.store = store;
        this.pickLists = pickLists;
        this.documents = documents;
        this.carriers = carriers;
        this.orders = orders;
        this.idempotency = idempotency;
        this.handling = handling;
    }

    @PostMapping("/api/orders/{id}/shipments")
    @PreAuthorize(PLANNERS)
    @Operation(
            summary = "Plan shipments",
            description = "Plans from reserved quantities not yet on an open shipment: every reserved line "
                    + "when 'lines' is absent, only 'warehouse' when given. One shipment per warehouse the stock is reserved in; the answer "
                    + "{orderId, orderNumber, shipments: [...]} lists every shipment created. Location is the shipment when one was created, "
                    + "else the list filtered by order. Honours Idempotency-Key.")
    ResponseEntity<?> plan(
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) ShipmentPlanningService.PlanRequest request) {
        return idempotency.execute("shipments", idempotencyKey, new Keyed(id, request), () -> {
            ShipmentViews.PlannedShipments planned = planning.plan(id, request);
            URI location = planned.shipments().size() == 1
                    ? URI.create("/api/shipments/" + planned.shipments().get(0).id())
                    : URI.create("/api/shipments?orderId=" + planned.orderId());
            return ResponseEntity.created(location).body(planned);
        });
    }

    @GetMapping("/api/shipments")
    @PreAuthorize(READERS)
    PageResult<ShipmentStore.Summary> search(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<ShipmentStatus> statuses = new ArrayList<>();
        if (status != null) {
            for (String s : status) {
                try {
                    statuses.add(ShipmentStatus.valueOf(s));
                } catch (IllegalArgumentException e) {
                    throw OrdoException.invalid(
                            List.of(CommonRule.ONE_OF.at("status", List.of(ShipmentStatus.values()))));
                }
            }
        }
        Paging paging = Paging.of(page, size);
        UUID order = null;
        if (orderId != null) {
            order = orders.find(orderId).map(OrderSnapshot::id).orElse(null);
            if (order == null) {
                return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
            }
        }
        Actor actor = Actor.current();
        return store.search(
                new ShipmentStore.SearchFilter(
                        statuses, warehouse, order, actor.isCustomer() ? actor.customerId() : null),
                paging);
    }

    @GetMapping("/api/shipments/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<ShipmentViews.ShipmentView> get(@PathVariable String id) {
        return withETag(queries.view(queries.visible(id)));
    }

    @GetMapping("/api/shipments/{id}/rates")
    @PreAuthorize(STAFF)
    @Operation(
            summary = "Shipping options",
            description =
                    "Every configured service that takes the parcel, cheapest first, with price, "
                            + "expected delivery date and whether it meets the order's promised date; 'recommended' marks the one ship picks without a service.")
    ShipmentViews.RatesView rates(@PathVariable String id) {
        return dispatch.rates(queries.visible(id));
    }

    @GetMapping("/api/carriers")
    @PreAuthorize(STAFF)
    List<Carriers.CarrierView> carriers() {
        return carriers.views();
    }

    @PostMapping("/api/shipments/{id}/pick")
    @PreAuthorize(WAREHOUSE)
    ResponseEntity<ShipmentViews.ShipmentView> pick(@PathVariable String id) {
        return withETag(operations.startPicking(id));
    }

    @PostMapping("/api/shipments/{id}/scan")
    @PreAuthorize(WAREHOUSE)
    @Operation(
            summary = "Scan a unit",
            description = "The code is a SKU or the product's GTIN; it counts 'quantity' units (default 1, at most "
                    + "ordo.fulfillment.packing.max-keyed-quantity) of that line as picked and packed. A code not on the pick list, "
                    + "a complete line, or more units than the line misses is refused with 422 naming 'code' or 'quantity' and "
                    + "changes nothing.")
    ShipmentViews.ScanResult scan(@PathVariable String id, @RequestBody Scan request) {
        return request == null ? operations.scan(id, null) : operations.scan(id, request.code(), request.quantity());
    }

    @PostMapping("/api/shipments/{id}/pack")
    @PreAuthorize(WAREHOUSE)
    @Operation(
            summary = "Pack",
            description =
                    "Only when every unit has been scanned (else 409 with 'missing'); assigns the package's SSCC-18.")
    ResponseEntity<ShipmentViews.ShipmentView> pack(@PathVariable String id) {
        return withETag(operations.pack(id));
    }

    @PostMapping("/api/shipments/{id}/ship")
    @PreAuthorize(WAREHOUSE)
    @Operation(
            summary = "Ship",
            description =
                    "Consumes the reservations, writes the stock movements, moves the order on and publishes "
                            + "ShipmentShipped, in one transaction. Without 'service' the cheapest service meeting the promised date is taken (else the "
                            + "fastest); without 'trackingNumber' one is generated in the carrier's format. Honours Idempotency-Key.")
    ResponseEntity<?> ship(
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) DispatchService.ShipRequest request) {
        return idempotency.execute("shipment-ship", idempotencyKey, new Keyed(id, request), () -> {
            ShipmentViews.ShipmentView view = dispatch.ship(id, request);
            return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
        });
    }

    @PostMapping("/api/shipments/{id}/events")
    @PreAuthorize(TRACKERS)
    @Operation(
            summary = "Record a tracking event",
            description =
                    "type: IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION (needs a "
                            + "reason) or RETURNED; 'at' defaults to now. An event already recorded with the same type and time changes nothing.")
    ResponseEntity<ShipmentViews.ShipmentView> event(
            @PathVariable String id, @RequestBody ShipmentService.TrackingEvent request) {
        return withETag(operations.track(id, request));
    }

    @PostMapping("/api/shipments/{id}/reschedule")
    @PreAuthorize(TRACKERS)
    @Operation(
            summary = "Reschedule a delivery",
            description = "For a shipment in EXCEPTION: records the new delivery date (today or later) and sends it on "
                    + "its way again (IN_TRANSIT); audited as RESCHEDULED. Another state is a 409 not-in-exception.")
    ResponseEntity<ShipmentViews.ShipmentView> reschedule(
            @PathVariable String id, @RequestBody DeliveryExceptionService.Reschedule request) {
        return withETag(desk.reschedule(id, request));
    }

    @PostMapping("/api/shipments/{id}/address")
    @PreAuthorize(TRACKERS)
    @Operation(
            summary = "Correct the delivery address",
            description =
                    "For a shipment in EXCEPTION: the same shipment gets the corrected address (same country, else "
                            + "422 address-country-changed) and a new label, and goes on its way again (IN_TRANSIT); "
                            + "audited as ADDRESS_CORRECTED with both addresses.")
    ResponseEntity<ShipmentViews.ShipmentView> correctAddress(
            @PathVariable String id, @RequestBody DeliveryExceptionService.AddressCorrection request) {
        return withETag(desk.correctAddress(id, request));
    }

    @PostMapping("/api/shipments/{id}/reship")
    @PreAuthorize(TRACKERS)
    @Operation(
            summary = "Re-ship a lost or damaged parcel",
            description =
                    "{reason}: for a shipment in EXCEPTION last reported LOST or DAMAGED, places a free replacement "
                            + "order for its SKUs and quantities (stock reserved again), writes the shipped units off with the "
                            + "reason (a loss record; on hand is not lowered again) and closes the shipment as LOST; audited as "
                            + "RESHIPPED. Another state is a 409 not-in-exception, other news a 409 not-lost-or-damaged. "
                            + "Honours Idempotency-Key.")
    ResponseEntity<?> reship(
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody DeliveryExceptionService.Reship request) {
        return idempotency.execute("shipment-reship", idempotencyKey, new Keyed(id, request), () -> {
            DeliveryExceptionService.Reshipped reshipped = desk.reship(id, request);
            return ResponseEntity.created(URI.create("/api/orders/" + reshipped.replacementOrderId()))
                    .body(reshipped);
        });
    }

    @PostMapping("/api/shipments/{id}/deliver")
    @PreAuthorize(TRACKERS)
    ResponseEntity<ShipmentViews.ShipmentView> deliver(
            @PathVariable String id, @RequestBody(required = false) Delivery request) {
        Delivery delivery = request == null ? new Delivery(null, null) : request;
        return withETag(operations.track(
                id, new ShipmentService.TrackingEvent("DELIVERED", delivery.at(), delivery.location(), null)));
    }

    @PostMapping("/api/shipments/{id}/cancel")
    @PreAuthorize(PLANNERS)
    ResponseEntity<ShipmentViews.ShipmentView> cancel(
            @PathVariable String id, @RequestBody(required = false) Cancel request) {
        return withETag(operations.cancel(id, request == null ? null : request.reason()));
    }

    @GetMapping("/api/shipments/{id}/label")
    @PreAuthorize(WAREHOUSE)
    @Operation(
            summary = "Shipping label (PDF)",
            description = "Once shipped: from, to, carrier and service, the tracking number as Code 128 "
                    + "and the SSCC as GS1-128.")
    ResponseEntity<byte[]> label(@PathVariable String id) {
        return pdf(handling.label(id), "label-" + queries.visible(id).number);
    }

    @GetMapping("/api/shipments/{id}/packing-slip")
    @PreAuthorize(STAFF)
    ResponseEntity<byte[]> packingSlip(@PathVariable String id) {
        return pdf(handling.packingSlip(id), "packing-slip-" + queries.visible(id).number);
    }

    @PostMapping("/api/pick-lists")
    @PreAuthorize(WAREHOUSE)
    @Operation(
            summary = "Combined pick list",
            description =
                    "Quantities still to pick over a batch of PLANNED or PICKING shipments of one "
                            + "warehouse, summed per bin × SKU and sorted by bin then SKU. JSON, or a printable PDF with Accept: application/pdf.")
    ResponseEntity<?> pickList(
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestBody PickListQueries.PickListRequest request) {
        ShipmentViews.PickListView list = pickLists.combine(request);
        if (accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE)) {
            return pdf(documents.pickList(list), "pick-list-" + list.warehouse());
        }
        return ResponseEntity.ok(list);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(name + ".pdf")
                                .build()
                                .toString())
                .body(bytes);
    }

    private static ResponseEntity<ShipmentViews.ShipmentView> withETag(ShipmentViews.ShipmentView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
