package org.ordo.fulfillment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.fulfillment.internal.FulfillmentProperties.Carrier;
import org.ordo.fulfillment.internal.FulfillmentProperties.Service;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.CompanyCalendar;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.ordo.shared.RecordedTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands packed shipments to a carrier: chooses the service, checks or generates the tracking number, and in one
 * transaction ships the quantities on the order (reservations consumed, stock ledger written), marks the
 * shipment SHIPPED and publishes {@link ShipmentShipped}.
 */
@Component
class DispatchService {

    /** {@code carrier} absent: every carrier is considered; {@code service} absent: the recommended one is taken. */
    record ShipRequest(String carrier, String service, String trackingNumber) {}

    private final ShipmentStore store;
    private final ShipmentViewQueries queries;
    private final ShipmentService operations;
    private final Carriers carriers;
    private final Orders orders;
    private final OrderFulfillment fulfillment;
    private final AuditTrail audit;
    private final CompanyCalendar calendar;
    private final ApplicationEventPublisher events;

    DispatchService(
            ShipmentStore store,
            ShipmentViewQueries queries,
            ShipmentService operations,
            Carriers carriers,
            Orders orders,
            OrderFulfillment fulfillment,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.store = store;
        this.queries = queries;
        this.operations = operations;
        this.carriers = carriers;
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.audit = audit;
        this.events = events;
    }

    /** The services that take this shipment's parcel to its destination, cheapest first, with the recommended one marked. */
    ShipmentViews.RatesView rates(Shipment s) {
        LocalDate shipDate = s.shippedAt != null ? calendar.dayOf(s.shippedAt) : today();
        LocalDate promised =
                orders.find(s.orderId).map(OrderSnapshot::promisedDate).orElse(null);
        long weight = s.weightGrams != null ? s.weightGrams : operations.weight(s);
        List<ShippingRates.Option> options =
                ShippingRates.options(carriers.all(), s.shipTo.country(), weight, shipDate, promised);
        Optional<ShippingRates.Option> best = ShippingRates.choose(options);
        return new ShipmentViews.RatesView(
                s.number,
                weight,
                s.shipTo.country(),
                shipDate,
                promised,
                options.stream()
                        .map(o -> new ShipmentViews.RateOptionView(
                                o.carrier(),
                                o.carrierName(),
                                o.service(),
                                o.serviceName(),
                                o.serviceLevel(),
                                o.zone(),
                                o.price(),
                                o.transitDays(),
                                o.expectedDeliveryDate(),
                                o.meetsPromisedDate(),
                                best.isPresent() && best.get() == o))
                        .toList());
    }

    /** A parcel's way to its destination: the carrier, its service and what the rates say that costs and takes. */
    private record Dispatch(Carrier carrier, Service service, ShippingRates.Option rate) {}

    @Transactional
    ShipmentViews.ShipmentView ship(String idOrNumber, ShipRequest request) {
        ShipRequest ship = request == null ? new ShipRequest(null, null, null) : request;
        checkShape(ship);
        UUID id = store.resolveId(idOrNumber).orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
        Shipment s = store.lock(id).orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
        // a second ship of the same shipment stops here, before anything changes
        s.status.requireCanMoveTo(ShipmentStatus.SHIPPED, s.number);

        // the order, locked for the shipment, also gives the promised date the service is chosen by; a refused
        // carrier, service or tracking number below rolls the shipment back
        OrderSnapshot after = fulfillment.recordShipment(
                s.orderId,
                s.number,
                s.lines.stream()
                        .map(l -> new OrderFulfillment.ShippedQuantity(l.lineNumber, s.warehouse, l.quantity))
                        .toList());
        Dispatch dispatch = chooseDispatch(s, ship, after.promisedDate());
        String tracking = trackingNumber(s, dispatch.carrier(), dispatch.service(), ship.trackingNumber());
        markShipped(s, dispatch, tracking);
        events.publishEvent(new ShipmentShipped(
                s.id,
                s.number,
                s.orderId,
                after.number(),
                s.warehouse,
                s.carrier,
                s.service,
                s.trackingNumber,
                s.shippedAt,
                s.lines.stream()
                        .map(l -> new ShipmentShipped.Line(l.lineNumber, l.sku, l.quantity))
                        .toList()));
        return queries.view(s);
    }

    /**
     * The service asked for (of the carrier asked for), or else the recommended one among the carrier's or, without a
     * carrier, among all; refused naming the field when there is no such carrier or service or it does not take the
     * parcel.
     */
    private Dispatch chooseDispatch(Shipment s, ShipRequest ship, LocalDate promised) {
        Carrier carrier = ship.carrier() == null ? null : requestedCarrier(ship.carrier());
        List<ShippingRates.Option> options = ShippingRates.options(
                carrier == null ? carriers.all() : List.of(carrier),
                s.shipTo.country(),
                s.weightGrams,
                today(),
                promised);
        ShippingRates.Option chosen = ship.service() != null
                ? requestedService(s, carrier, ship.service(), options)
                : ShippingRates.choose(options)
                        .orElseThrow(() -> OrdoException.rule(
                                "no-service",
                                "No configured service takes " + s.weightGrams + " g to " + s.shipTo.country() + ".",
                                List.of(new FieldViolation(
                                        ship.carrier() == null ? "carrier" : "service",
                                        "no service takes this parcel"))));
        Carrier chosenCarrier = carriers.find(chosen.carrier()).orElseThrow();
        Service chosenService =
                Carriers.service(chosenCarrier, chosen.service()).orElseThrow();
        return new Dispatch(chosenCarrier, chosenService, chosen);
    }

    private Carrier requestedCarrier(String code) {
        return carriers.find(code)
                .orElseThrow(() -> OrdoException.rule(
                        "unknown-carrier",
                        "Carrier " + code + " is not configured.",
                        List.of(CommonRule.ONE_OF.at("carrier", carrierCodes()))));
    }

    /** The rate of the service asked for, which must be the carrier's and take this parcel. */
    private static ShippingRates.Option requestedService(
            Shipment s, Carrier carrier, String code, List<ShippingRates.Option> options) {
        Service service = Carriers.service(carrier, code)
                .orElseThrow(() -> OrdoException.rule(
                        "unknown-service",
                        "Carrier " + carrier.code() + " has no service " + code + ".",
                        List.of(new FieldViolation(
                                "service",
                                "must be one of "
                                        + carrier.services().stream()
                                                .map(Service::code)
                                                .toList()))));
        return options.stream()
                .filter(o -> o.service().equals(service.code()))
                .findFirst()
                .orElseThrow(() -> OrdoException.rule(
                        "service-not-available",
                        carrier.code() + " " + service.code() + " does not take " + s.weightGrams + " g to "
                                + s.shipTo.country() + ".",
                        List.of(new FieldViolation(
                                "service",
                                "does not take this parcel (" + s.weightGrams + " g to " + s.shipTo.country() + ")"))));
    }

    /** The shipment SHIPPED by the dispatch chosen, with its tracking number, in its history and the audit trail. */
    private void markShipped(Shipment s, Dispatch dispatch, String tracking) {
        Shipment.State before = s.state();
        ShipmentStatus from = s.moveTo(ShipmentStatus.SHIPPED);
        s.shippedAt = RecordedTime.now();
        s.carrier = dispatch.carrier().code();
        s.service = dispatch.service().code();
        s.trackingNumber = tracking;
        s.shippingCost = dispatch.rate().price();
        s.expectedDeliveryDate = dispatch.rate().expectedDeliveryDate();
        store.update(s);
        store.appendEvent(new ShipmentStore.Event(
                s.id,
                "SHIPPED",
                s.shippedAt,
                s.warehouse,
                dispatch.carrier().name() + " " + dispatch.service().name() + ", tracking " + tracking,
                from,
                s.status,
                Actor.current().username()));
        audit.record("SHIPMENT", s.id.toString(), "SHIPPED", before, s.state());
    }

    /**
     * The supplied number, checked against the carrier's format and check digit (400 naming trackingNumber), or a
     * new one in that format. Carriers without a format use the shipment number.
     */
    private String trackingNumber(Shipment s, Carrier carrier, Service service, String supplied) {
        String number;
        if (supplied != null) {
            number = TrackingFormat.normalize(supplied);
            if (!carrier.trackingFormat().isValid(number)) {
                throw OrdoException.invalid(
                        "trackingNumber",
                        carrier.trackingFormat() == TrackingFormat.NONE
                                ? "must be 4 to 40 letters, digits or '-'"
                                : "is not a valid " + carrier.name() + " tracking number (" + carrier.trackingFormat()
                                        + " format and check digit)");
            }
        } else if (carrier.trackingFormat() == TrackingFormat.NONE) {
            number = s.number;
        } else {
            number = carrier.trackingFormat()
                    .generate(store.nextTrackingSerial(), carrier.trackingAccount(), service.trackingCode());
        }
        if (store.trackingNumberTaken(number, s.id)) {
            throw OrdoException.conflict(
                    "duplicate-tracking-number", "Tracking number " + number + " is already on another shipment.");
        }
        return number;
    }

    private static void checkShape(ShipRequest ship) {
        if (ship.service() != null && ship.carrier() == null) {
            throw OrdoException.invalid("carrier", "is required when a service is given");
        }
        if (ship.trackingNumber() != null
                && (ship.trackingNumber().isBlank() || ship.trackingNumber().length() > 64)) {
            throw OrdoException.invalid("trackingNumber", "must be 1 to 64 characters");
        }
    }

    private List<String> carrierCodes() {
        return carriers.all().stream().map(Carrier::code).toList();
    }

    private LocalDate today() {
        return calendar.today();
    }
}
