package org.ordo.fulfillment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.platform.CompanyCalendar;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the service desk does with a shipment in EXCEPTION: gives the carrier a new delivery date, or corrects the
 * address on the same shipment (its label then shows the new one). Either sends the parcel on its way again
 * (IN_TRANSIT), is written to its history and audited.
 */
@Component
class DeliveryExceptionService {

    /** The desk's actions as they appear in a shipment's history and an order's timeline. */
    static final List<String> DESK_ACTIONS = List.of("RESCHEDULED", "ADDRESS_CORRECTED");

    /** A new delivery date agreed with the customer or the carrier; {@code reason} is kept in the history. */
    record Reschedule(LocalDate date, String reason) {}

    /** The corrected address, in the same country (the service and its price were chosen for it). */
    record AddressCorrection(Address address, String reason) {}

    /** What the audit keeps of a desk action. */
    record DeskState(ShipmentStatus status, LocalDate expectedDeliveryDate, Address shipTo) {}

    private final ShipmentStore store;
    private final ShipmentViewQueries queries;
    private final AuditTrail audit;
    private final CompanyCalendar calendar;

    DeliveryExceptionService(
            ShipmentStore store, ShipmentViewQueries queries, AuditTrail audit, CompanyCalendar calendar) {
        this.store = store;
        this.queries = queries;
        this.audit = audit;
        this.calendar = calendar;
    }

    @Transactional
    ShipmentViews.ShipmentView reschedule(String idOrNumber, Reschedule request) {
        LocalDate date = request == null ? null : request.date();
        if (date == null) {
            throw OrdoException.invalid("date", "is required");
        }
        if (date.isBefore(calendar.today())) {
            throw OrdoException.invalid("date", "must be today or later");
        }
        Shipment s = lockInException(idOrNumber);
        DeskState before = new DeskState(s.status, s.expectedDeliveryDate, s.shipTo);
        s.expectedDeliveryDate = date;
        ShipmentStatus from = s.moveTo(ShipmentStatus.IN_TRANSIT);
        store.update(s);
        store.appendEvent(event(s, "RESCHEDULED", from, "delivery on " + date, reason(request.reason())));
        audit.record("SHIPMENT", s.id.toString(), "RESCHEDULED", before, new DeskState(s.status, date, s.shipTo));
        return queries.view(s);
    }

    @Transactional
    ShipmentViews.ShipmentView correctAddress(String idOrNumber, AddressCorrection request) {
        Address address = request == null ? null : request.address();
        if (address == null) {
            throw OrdoException.invalid("address", "is required");
        }
        List<FieldViolation> problems = address.violations("address");
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        Shipment s = lockInException(idOrNumber);
        if (!address.country().equals(s.shipTo.country())) {
            throw OrdoException.rule(
                    "address-country-changed",
                    "The corrected address must stay in " + s.shipTo.country()
                            + ": the carrier's service and price were chosen for it; re-ship to another country.",
                    List.of(new FieldViolation("address.country", "must stay " + s.shipTo.country())));
        }
        DeskState before = new DeskState(s.status, s.expectedDeliveryDate, s.shipTo);
        ShipmentStatus from = s.moveTo(ShipmentStatus.IN_TRANSIT);
        store.update(s);
        store.updateShipTo(s.id, address);
        store.appendEvent(event(s, "ADDRESS_CORRECTED", from, oneLine(address), reason(request.reason())));
        audit.record(
                "SHIPMENT",
                s.id.toString(),
                "ADDRESS_CORRECTED",
                before,
                new DeskState(s.status, s.expectedDeliveryDate, address));
        return queries.view(store.find(s.id.toString()).orElseThrow());
    }

    private Shipment lockInException(String idOrNumber) {
        UUID id = store.resolveId(idOrNumber).orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
        Shipment s = store.lock(id).orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
        if (s.status != ShipmentStatus.EXCEPTION) {
            throw OrdoException.conflict(
                    "not-in-exception",
                    "Shipment " + s.number + " is " + s.status
                            + ": only a shipment in EXCEPTION is handled by the desk.");
        }
        return s;
    }

    private static ShipmentStore.Event event(
            Shipment s, String type, ShipmentStatus from, String location, String reason) {
        return new ShipmentStore.Event(
                s.id,
                type,
                Instant.now(),
                location,
                reason,
                from,
                s.status,
                Actor.current().username());
    }

    private static String reason(String reason) {
        if (reason != null && reason.length() > 500) {
            throw OrdoException.invalid("reason", "must be at most 500 characters");
        }
        return reason == null || reason.isBlank() ? null : reason.trim();
    }

    private static String oneLine(Address a) {
        StringJoiner line = new StringJoiner(", ");
        for (String part : new String[] {a.line1(), a.line2(), a.postalCode() + " " + a.city(), a.country()}) {
            if (part != null && !part.isBlank()) {
                line.add(part.trim());
            }
        }
        String text = line.toString();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
