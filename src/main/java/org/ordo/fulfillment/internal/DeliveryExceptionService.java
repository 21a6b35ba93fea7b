package org.ordo.fulfillment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.StockWriteOffs;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.ReplacementOrders;
import org.ordo.platform.CompanyCalendar;
import org.ordo.shared.Address;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the service desk does with a shipment in EXCEPTION: gives the carrier a new delivery date, or corrects the
 * address on the same shipment (its label then shows the new one), either sending the parcel on its way again
 * (IN_TRANSIT); or, for a parcel lost or damaged, re-ships its goods on a free replacement order and writes the lost
 * units off (LOST). Each is written to the shipment's history and audited.
 */
@Component
class DeliveryExceptionService {

    /** The desk's actions as they appear in a shipment's history and an order's timeline. */
    static final List<String> DESK_ACTIONS =
            List.of("RESCHEDULED", "ADDRESS_CORRECTED", "RESHIPPED", "CREDITED", "REFUNDED");

    /** The carrier's news after which the goods are gone: what a re-ship or a written-off credit needs. */
    static final List<String> LOSSES = List.of("LOST", "DAMAGED");

    /** A new delivery date agreed with the customer or the carrier; {@code reason} is kept in the history. */
    record Reschedule(LocalDate date, String reason) {}

    /** The corrected address, in the same country (the service and its price were chosen for it). */
    record AddressCorrection(Address address, String reason) {}

    /** The goods of a lost or damaged parcel sent again; {@code reason} is required (the write-off's reason). */
    record Reship(String reason) {}

    /** A re-shipped parcel: the replacement order and the units written off. */
    record Reshipped(
            ShipmentViews.ShipmentView shipment,
            UUID replacementOrderId,
            String replacementOrderNumber,
            List<StockWriteOffs.WriteOff> writtenOff) {}

    /** What the audit keeps of a desk action. */
    record DeskState(ShipmentStatus status, LocalDate expectedDeliveryDate, Address shipTo) {}

    /** What the audit keeps of a re-ship or a remedy (the replacement order is null for a credit). */
    record ReshipState(
            ShipmentStatus status, String replacementOrderNumber, List<StockWriteOffs.WriteOff> writtenOff) {}

    private final ShipmentStore store;
    private final ShipmentViewQueries queries;
    private final AuditTrail audit;
    private final CompanyCalendar calendar;
    private final ReplacementOrders replacements;
    private final StockWriteOffs writeOffs;

    DeliveryExceptionService(
            ShipmentStore store,
            ShipmentViewQueries queries,
            AuditTrail audit,
            CompanyCalendar calendar,
            ReplacementOrders replacements,
            StockWriteOffs writeOffs) {
        this.store = store;
        this.queries = queries;
        this.audit = audit;
        this.calendar = calendar;
        this.replacements = replacements;
        this.writeOffs = writeOffs;
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

    /**
     * Sends the goods of a parcel the carrier reported LOST or DAMAGED again: a free replacement order for its SKUs and
     * quantities (placed like any order, so stock is reserved again), the shipped units written off with the reason
     * (on hand already fell when they shipped), and the shipment closed as LOST.
     */
    @Transactional
    Reshipped reship(String idOrNumber, Reship request) {
        String reason = reason(request == null ? null : request.reason());
        if (reason == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("reason")));
        }
        Shipment s = lockInException(idOrNumber);
        requireLoss(s);
        OrderSnapshot replacement = replacements.place(
                s.orderId,
                s.number,
                s.lines.stream()
                        .map(l -> new ReplacementOrders.Line(l.sku, l.quantity))
                        .toList());
        List<StockWriteOffs.WriteOff> lost = writeOff(s, reason);
        ShipmentStatus from = s.moveTo(ShipmentStatus.LOST);
        store.update(s);
        store.appendEvent(event(s, "RESHIPPED", from, "replacement order " + replacement.number(), reason));
        audit.record(
                "SHIPMENT",
                s.id.toString(),
                "RESHIPPED",
                new ReshipState(from, null, List.of()),
                new ReshipState(s.status, replacement.number(), lost));
        return new Reshipped(queries.view(s), replacement.id(), replacement.number(), lost);
    }

    /**
     * The desk's record of a credit or refund invoicing issued for a parcel in EXCEPTION (see {@link
     * org.ordo.fulfillment.DeliveryDesk#recordRemedy}); a lost or damaged parcel is written off and closed as LOST.
     */
    @Transactional
    Shipment recordRemedy(UUID shipmentId, String action, String detail, String reason) {
        Shipment s = lockInException(shipmentId.toString());
        ShipmentStatus from = s.status;
        List<StockWriteOffs.WriteOff> lost = List.of();
        if (LOSSES.contains(lastException(s.id))) {
            lost = writeOff(s, reason);
            s.moveTo(ShipmentStatus.LOST);
            store.update(s);
        }
        store.appendEvent(event(s, action, from, detail, reason));
        audit.record(
                "SHIPMENT",
                s.id.toString(),
                action,
                new ReshipState(from, null, List.of()),
                new ReshipState(s.status, null, lost));
        return s;
    }

    /** Writes the shipment's units off as lost on their way, under its number. */
    private List<StockWriteOffs.WriteOff> writeOff(Shipment s, String reason) {
        return s.lines.stream()
                .map(l -> writeOffs.writeOffShipped(l.sku, s.warehouse, l.quantity, reason, s.number))
                .toList();
    }

    /** Refuses a parcel whose last bad news is not a loss or damage: its goods may still arrive. */
    private void requireLoss(Shipment s) {
        String last = lastException(s.id);
        if (!LOSSES.contains(last)) {
            throw OrdoException.conflict(
                    "not-lost-or-damaged",
                    "Shipment " + s.number + " was reported " + last + ": only a parcel lost or damaged is re-shipped; "
                            + "reschedule it or correct its address.");
        }
    }

    /** The kind of the carrier's last exception news of a shipment (the desk's own entries are not news). */
    String lastException(UUID shipmentId) {
        String last = null;
        for (ShipmentStore.Event e : store.events(shipmentId)) {
            if (e.to() == ShipmentStatus.EXCEPTION && !DESK_ACTIONS.contains(e.type())) {
                last = e.type();
            }
        }
        return last;
    }

    Shipment lockInException(String idOrNumber) {
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
