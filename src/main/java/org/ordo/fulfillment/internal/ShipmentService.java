package org.ordo.fulfillment.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.fulfillment.DeliveryExceptionReported;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.fulfillment.ShipmentTracked;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.Orders;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.ordo.shared.RecordedTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves shipments through the warehouse (pick, scan, pack), cancels them, and records the carrier's tracking
 * events up to delivery. Every change locks the shipment, is audited and written to its history.
 */
@Component
class ShipmentService {

    /** What a carrier (or a person on its behalf) reports. */
    enum TrackingType {
        IN_TRANSIT(ShipmentStatus.IN_TRANSIT),
        /** On the last leg; the shipment stays IN_TRANSIT. */
        OUT_FOR_DELIVERY(ShipmentStatus.IN_TRANSIT),
        DELIVERED(ShipmentStatus.DELIVERED),
        /** Any other problem (a delay, say): needs a reason. */
        EXCEPTION(ShipmentStatus.EXCEPTION),
        /** Nobody took the parcel; the carrier tries again or holds it. */
        FAILED_ATTEMPT(ShipmentStatus.EXCEPTION),
        /** The address is wrong or incomplete. */
        ADDRESS_PROBLEM(ShipmentStatus.EXCEPTION),
        DAMAGED(ShipmentStatus.EXCEPTION),
        LOST(ShipmentStatus.EXCEPTION),
        /** Back at the sender after an exception. */
        RETURNED(ShipmentStatus.RETURNED),
        /** The carrier's word for coming back: the same as RETURNED, the kind kept in the history. */
        RETURNED_TO_SENDER(ShipmentStatus.RETURNED);

        final ShipmentStatus target;

        TrackingType(ShipmentStatus target) {
            this.target = target;
        }
    }

    /** {@code at} defaults to now; {@code reason} is required for EXCEPTION. */
    record TrackingEvent(String type, Instant at, String location, String reason) {}

    /** Who reported an event and under which id of theirs, so that a resent event is recognised. */
    record CarrierEventId(String carrier, String eventId) {}

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ShipmentStore store;
    private final ShipmentViewQueries queries;
    private final Catalog catalog;
    private final Carriers carriers;
    private final Orders orders;
    private final OrderFulfillment fulfillment;
    private final AuditTrail audit;
    private final PackingPolicy packing;
    private final ApplicationEventPublisher events;

    ShipmentService(
            ShipmentStore store,
            ShipmentViewQueries queries,
            Catalog catalog,
            Carriers carriers,
            Orders orders,
            OrderFulfillment fulfillment,
            AuditTrail audit,
            PackingPolicy packing,
            ApplicationEventPublisher events) {
        this.store = store;
        this.queries = queries;
        this.catalog = catalog;
        this.carriers = carriers;
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.audit = audit;
        this.packing = packing;
        this.events = events;
    }

    /** PLANNED → PICKING. */
    @Transactional
    ShipmentViews.ShipmentView startPicking(String idOrNumber) {
        Shipment s = lock(idOrNumber);
        Shipment.State before = s.state();
        ShipmentStatus from = s.moveTo(ShipmentStatus.PICKING);
        s.pickingStartedAt = RecordedTime.now();
        return save(s, before, "PICKING_STARTED", event(s, from, s.pickingStartedAt, null, null));
    }

    @Transactional
    ShipmentViews.ScanResult scan(String idOrNumber, String code) {
        return scan(idOrNumber, code, null);
    }

    /**
     * Counts {@code quantity} units (one when null; at most the {@link PackingPolicy} limit) of the line the code names
     * (SKU or GTIN) as picked and packed. A code not on the pick list, or more units than the line still misses, is a
     * 422 naming {@code code} or {@code quantity} and changes nothing.
     */
    @Transactional
    ShipmentViews.ScanResult scan(String idOrNumber, String code, Integer quantity) {
        if (code == null || code.isBlank() || code.length() > 64) {
            throw OrdoException.invalid("code", "must be a SKU or GTIN of 1 to 64 characters");
        }
        String scanned = code.trim();
        Shipment s = lock(idOrNumber);
        Shipment.Line line = lineToPack(s, scanned);
        // a wrong item is named first: the quantity matters only for the right one
        int units = packing.unitsOf(quantity);
        if (units > line.missing()) {
            throw OrdoException.rule(
                    "more-than-missing",
                    "Line " + line.lineNumber + " (" + line.sku + ") of " + s.number + " misses " + line.missing()
                            + " units, not " + units + ".",
                    List.of(CommonRule.AT_MOST.at("quantity", line.missing())));
        }
        Map<String, Object> before = Map.of("lineNumber", line.lineNumber, "sku", line.sku, "packed", line.packed);
        line.packed += units;
        line.picked = Math.max(line.picked, line.packed);
        store.updateLine(s.id, line);
        store.update(s);
        audit.record(
                "SHIPMENT",
                s.id.toString(),
                "SCANNED",
                before,
                Map.of(
                        "lineNumber",
                        line.lineNumber,
                        "sku",
                        line.sku,
                        "packed",
                        line.packed,
                        "code",
                        scanned,
                        "units",
                        units));
        long remaining = s.lines.stream().mapToLong(Shipment.Line::missing).sum();
        return new ShipmentViews.ScanResult(
                s.number,
                scanned,
                line.lineNumber,
                line.sku,
                line.quantity,
                line.packed,
                line.missing(),
                remaining,
                remaining == 0);
    }

    /** The line of a PICKING shipment that the scanned code names and that still misses units; else 409 or 422. */
    private Shipment.Line lineToPack(Shipment s, String scanned) {
        if (s.status != ShipmentStatus.PICKING) {
            throw new OrdoException(
                    OrdoException.Kind.CONFLICT,
                    "not-picking",
                    "Shipment " + s.number + " is " + s.status + "; items are scanned while it is PICKING.",
                    List.of(),
                    Map.of(
                            "currentState",
                            s.status.name(),
                            "allowedStates",
                            s.status.allowedNext().stream().map(Enum::name).toList()));
        }
        Shipment.Line line = matchingLine(s, scanned);
        if (line == null) {
            throw OrdoException.rule(
                    "not-on-pick-list",
                    "Nothing with code " + scanned + " is on the pick list of " + s.number + ".",
                    List.of(new FieldViolation("code", "is not on the pick list of " + s.number)));
        }
        if (line.packed >= line.quantity) {
            throw OrdoException.rule(
                    "line-complete",
                    "Line " + line.lineNumber + " (" + line.sku + ") of " + s.number + " is complete: " + line.packed
                            + " of " + line.quantity + " packed.",
                    List.of(new FieldViolation(
                            "code",
                            "line " + line.lineNumber + " (" + line.sku + ") needs no more: " + line.packed + " of "
                                    + line.quantity + " packed")));
        }
        return line;
    }

    /**
     * PICKING → PACKED, only when every unit has been scanned (else 409 listing what is missing). The package
     * gets its SSCC-18 and its weight from the catalog.
     */
    @Transactional
    ShipmentViews.ShipmentView pack(String idOrNumber) {
        Shipment s = lock(idOrNumber);
        s.status.requireCanMoveTo(ShipmentStatus.PACKED, s.number);
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Shipment.Line l : s.lines) {
            if (l.missing() > 0) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("lineNumber", l.lineNumber);
                m.put("sku", l.sku);
                m.put("quantity", l.quantity);
                m.put("packedQuantity", l.packed);
                m.put("missingQuantity", l.missing());
                missing.add(m);
            }
        }
        if (!missing.isEmpty()) {
            String list = missing.stream()
                    .map(m -> m.get("missingQuantity") + " × " + m.get("sku") + " (line " + m.get("lineNumber") + ")")
                    .collect(Collectors.joining(", "));
            throw new OrdoException(
                    OrdoException.Kind.CONFLICT,
                    "packing-incomplete",
                    "Shipment " + s.number + " cannot be packed: not yet scanned: " + list + ".",
                    List.of(),
                    Map.of("missing", missing));
        }
        Shipment.State before = s.state();
        ShipmentStatus from = s.moveTo(ShipmentStatus.PACKED);
        s.packedAt = RecordedTime.now();
        s.sscc = Sscc.of(carriers.ssccExtensionDigit(), carriers.ssccCompanyPrefix(), store.nextSsccSerial());
        // the catalog is read once, for the weight and the answer's GTINs
        Map<String, ProductSnapshot> products = catalog.find(ShipmentViewQueries.skus(s));
        s.weightGrams = weight(s, products);
        persist(s, before, "PACKED", event(s, from, s.packedAt, null, null));
        return queries.view(s, products);
    }

    /** Withdraws a shipment that has not shipped; its quantities may be planned again. */
    @Transactional
    ShipmentViews.ShipmentView cancel(String idOrNumber, String reason) {
        if (reason != null && reason.length() > 500) {
            throw OrdoException.invalid("reason", "must be at most 500 characters");
        }
        Shipment s = lock(idOrNumber);
        return queries.view(cancel(s, reason == null || reason.isBlank() ? "cancelled" : reason.trim()));
    }

    /**
     * Cancels the order's open shipments; those already cancelled or shipped are left alone, so running it twice
     * (a replayed event) changes nothing the second time.
     */
    @Transactional
    int cancelOpenShipmentsOf(UUID orderId, String reason) {
        int cancelled = 0;
        for (Shipment s : store.lockAllOfOrder(orderId)) {
            if (s.status.isOpen()) {
                cancel(s, reason);
                cancelled++;
            }
        }
        return cancelled;
    }

    private Shipment cancel(Shipment s, String reason) {
        Shipment.State before = s.state();
        ShipmentStatus from = s.moveTo(ShipmentStatus.CANCELLED);
        s.cancelledAt = Instant.now();
        s.cancelReason = reason;
        save(s, before, "CANCELLED", event(s, from, s.cancelledAt, null, reason));
        return s;
    }

    /**
     * Records a tracking event. DELIVERED records the delivery time; once every shipment of the order is
     * delivered and the order has shipped completely, the order is delivered too. An event already recorded
     * (same type and time) is ignored, since carriers resend.
     */
    @Transactional
    ShipmentViews.ShipmentView track(String idOrNumber, TrackingEvent request) {
        return queries.view(record(idOrNumber, request, null));
    }

    /**
     * Records an event a carrier sent under its own id; false when that id (or the same type and time) was
     * recorded already.
     */
    @Transactional
    boolean trackFromCarrier(UUID shipmentId, TrackingEvent request, CarrierEventId id) {
        if (store.hasCarrierEvent(id.carrier(), id.eventId())) {
            return false;
        }
        return record(shipmentId.toString(), request, id) != null;
    }

    /** The shipment after the event, or null when the event was recorded before. */
    private Shipment record(String idOrNumber, TrackingEvent request, CarrierEventId carrierId) {
        TrackingEvent event = request == null ? new TrackingEvent(null, null, null, null) : request;
        TrackingType type = checkTrackingEvent(event);
        OfOrder locked = lockWithTheOrdersOthers(idOrNumber);
        Shipment s = locked.shipment();
        // the database keeps microseconds: compare and store at that precision, so a resent event is recognised
        Instant at = (event.at() == null ? RecordedTime.now() : event.at()).truncatedTo(ChronoUnit.MICROS);
        if (event.at() != null && store.hasEvent(s.id, type.name(), at)) {
            return carrierId == null ? s : null;
        }
        Shipment.State before = s.state();
        boolean news = s.status == type.target
                && type.target != ShipmentStatus.DELIVERED
                && type.target != ShipmentStatus.RETURNED;
        // news without a change of state (out for delivery, a second delay) goes into the history only
        ShipmentStatus from = news ? null : s.moveTo(type.target);
        if (type == TrackingType.DELIVERED) {
            s.deliveredAt = at;
        }
        store.update(s);
        store.appendEvent(
                new ShipmentStore.Event(
                        s.id,
                        type.name(),
                        at,
                        blankToNull(event.location()),
                        blankToNull(event.reason()),
                        from,
                        news ? null : s.status,
                        Actor.current().username()),
                carrierId);
        String action = type == TrackingType.DELIVERED ? "DELIVERED" : "TRACKED_" + type.name();
        audit.record("SHIPMENT", s.id.toString(), action, before, s.state());
        if (from != null) {
            events.publishEvent(new ShipmentTracked(
                    s.id, s.number, locked.orderId(), s.status, type.name(), blankToNull(event.reason()), at));
        }
        if (type == TrackingType.DELIVERED) {
            deliverOrderIfComplete(locked.orderId(), locked.all());
        }
        reportException(s, locked.orderId(), type, at, event.reason());
        return s;
    }

    /** Every tracking event that leaves the shipment in exception or sends it back is reported. */
    private void reportException(Shipment s, UUID orderId, TrackingType type, Instant at, String note) {
        if (type.target != ShipmentStatus.EXCEPTION && type.target != ShipmentStatus.RETURNED) {
            return;
        }
        String kind = type == TrackingType.RETURNED ? TrackingType.RETURNED_TO_SENDER.name() : type.name();
        events.publishEvent(new DeliveryExceptionReported(
                s.id,
                s.number,
                orderId,
                s.orderNumber,
                s.carrier,
                s.trackingNumber,
                kind,
                at,
                blankToNull(note),
                Actor.current().username()));
    }

    /** A shipment locked together with every shipment of its order. */
    private record OfOrder(Shipment shipment, UUID orderId, List<Shipment> all) {}

    /** Locks every shipment of the order, so that the last two deliveries of an order cannot both miss each other. */
    private OfOrder lockWithTheOrdersOthers(String idOrNumber) {
        UUID id = store.resolveId(idOrNumber).orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
        UUID orderId = store.find(id.toString())
                .map(s -> s.orderId)
                .orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
        List<Shipment> ofOrder = store.lockAllOfOrder(orderId);
        Shipment shipment = ofOrder.stream()
                .filter(x -> x.id.equals(id))
                .findFirst()
                .orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
        return new OfOrder(shipment, orderId, ofOrder);
    }

    /**
     * The order is delivered when it has shipped completely and every one of its shipments that left (none
     * cancelled) has arrived. Also called when the order becomes SHIPPED after its last shipment arrived (the
     * backordered rest was cancelled). Idempotent: a delivered order stays as it is.
     */
    @Transactional
    void deliverOrderIfComplete(UUID orderId) {
        deliverOrderIfComplete(orderId, store.lockAllOfOrder(orderId));
    }

    private void deliverOrderIfComplete(UUID orderId, List<Shipment> ofOrder) {
        List<Shipment> live = ofOrder.stream()
                .filter(x -> x.status != ShipmentStatus.CANCELLED)
                .toList();
        if (live.isEmpty() || !live.stream().allMatch(x -> x.status == ShipmentStatus.DELIVERED)) {
            return;
        }
        OrderSnapshot order = orders.find(orderId).orElse(null);
        if (order == null || order.status() != OrderStatus.SHIPPED) {
            return;
        }
        Instant lastArrival =
                live.stream().map(x -> x.deliveredAt).max(Instant::compareTo).orElse(RecordedTime.now());
        fulfillment.recordDelivery(orderId, lastArrival);
    }

    private static TrackingType checkTrackingEvent(TrackingEvent event) {
        List<FieldViolation> problems = new ArrayList<>();
        TrackingType type = null;
        if (event.type() == null) {
            problems.add(new FieldViolation("type", "is required: one of " + List.of(TrackingType.values())));
        } else {
            try {
                type = TrackingType.valueOf(event.type());
            } catch (IllegalArgumentException e) {
                problems.add(CommonRule.ONE_OF.at("type", List.of(TrackingType.values())));
            }
        }
        if (type == TrackingType.EXCEPTION
                && (event.reason() == null || event.reason().isBlank())) {
            problems.add(new FieldViolation("reason", "is required for an EXCEPTION (e.g. delay, damage, address)"));
        }
        if (event.reason() != null && event.reason().length() > 500) {
            problems.add(new FieldViolation("reason", "must be at most 500 characters"));
        }
        if (event.location() != null && event.location().length() > 200) {
            problems.add(new FieldViolation("location", "must be at most 200 characters"));
        }
        if (event.at() != null && event.at().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            problems.add(new FieldViolation("at", "must not be in the future"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return type;
    }

    private Shipment.Line matchingLine(Shipment s, String code) {
        for (Shipment.Line l : s.lines) {
            if (l.sku.equalsIgnoreCase(code)) {
                return l;
            }
        }
        if (!code.matches("[0-9]{8,14}")) {
            return null;
        }
        Map<String, ProductSnapshot> products =
                catalog.find(s.lines.stream().map(l -> l.sku).collect(Collectors.toSet()));
        for (Shipment.Line l : s.lines) {
            ProductSnapshot p = products.get(l.sku);
            if (p != null && p.gtin() != null && sameGtin(p.gtin(), code)) {
                return l;
            }
        }
        return null;
    }

    /** GTINs compare as numbers: a scanner may read an EAN-13 as GTIN-14 with a leading zero. */
    static boolean sameGtin(String a, String b) {
        return stripLeadingZeros(a).equals(stripLeadingZeros(b));
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** The package weight: Σ quantity × the catalog weight of each product (products without a weight count 0). */
    long weight(Shipment s) {
        return weight(s, catalog.find(ShipmentViewQueries.skus(s)));
    }

    private static long weight(Shipment s, Map<String, ProductSnapshot> products) {
        long grams = 0;
        for (Shipment.Line l : s.lines) {
            ProductSnapshot p = products.get(l.sku);
            if (p != null && p.weightGrams() != null) {
                grams += l.quantity * p.weightGrams();
            }
        }
        return grams;
    }

    private Shipment lock(String idOrNumber) {
        UUID id = store.resolveId(idOrNumber).orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
        return store.lock(id).orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
    }

    private ShipmentStore.Event event(Shipment s, ShipmentStatus from, Instant at, String location, String reason) {
        return new ShipmentStore.Event(
                s.id,
                s.status.name(),
                at,
                location,
                reason,
                from,
                s.status,
                Actor.current().username());
    }

    private ShipmentViews.ShipmentView save(
            Shipment s, Shipment.State before, String action, ShipmentStore.Event event) {
        persist(s, before, action, event);
        return queries.view(s);
    }

    /** The shipment's new state, its history entry and its audit entry. */
    private void persist(Shipment s, Shipment.State before, String action, ShipmentStore.Event event) {
        store.update(s);
        store.appendEvent(event);
        audit.record("SHIPMENT", s.id.toString(), action, before, s.state());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
