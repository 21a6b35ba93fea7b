package org.ordo.purchasing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.IncomingSupplyChanged;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.inventory.WarehouseView;
import org.ordo.platform.MoneyInput;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.purchasing.PurchaseOrderStatusChanged;
import org.ordo.purchasing.PurchasingRule;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves purchase orders through their states. Each step locks the order, checks everything before it writes (a refused
 * request changes nothing), and writes the history, the audit entry and {@link IncomingSupplyChanged} in the same
 * transaction. Lock order: the purchase order, then stock levels (a receipt books them through inventory).
 */
@Component
class PurchaseOrderService {

    static final String AUDIT_ENTITY = "PURCHASE_ORDER";
    static final int MAX_LINES = 500;
    static final int MAX_REASON = 500;

    /** {@code POST /api/purchase-orders}. */
    record CreatePurchaseOrder(String supplierId, String warehouse, List<PurchaseLineInput> lines) {}

    /** Without a unit price the supplier's offer gives it. */
    record PurchaseLineInput(String sku, Long quantity, MoneyInput unitPrice) {}

    /** {@code PUT /api/purchase-orders/{id}/lines}: the DRAFT's new lines. */
    record PurchaseOrderLines(List<PurchaseLineInput> lines) {}

    record ConfirmationInput(List<ConfirmedLineInput> lines) {}

    record ConfirmedLineInput(Integer lineNumber, String confirmedDate) {}

    record ReceiptInput(List<ReceiptLineInput> lines, String reason) {}

    record ReceiptLineInput(Integer lineNumber, Long quantity) {}

    /** {@code /cancel} and {@code /close}: why, optional. */
    record PurchaseOrderNote(String reason) {}

    private final PurchaseOrderStore store;
    private final SupplierStore suppliers;
    private final PurchaseOrderPolicy policy;
    private final Catalog catalog;
    private final Inventory inventory;
    private final InventoryAdmin stock;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PurchaseOrderService(
            PurchaseOrderStore store,
            SupplierStore suppliers,
            PurchaseOrderPolicy policy,
            Catalog catalog,
            Inventory inventory,
            InventoryAdmin stock,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.store = store;
        this.suppliers = suppliers;
        this.policy = policy;
        this.catalog = catalog;
        this.inventory = inventory;
        this.stock = stock;
        this.audit = audit;
        this.events = events;
    }

    /** A DRAFT purchase order; a refused one (400 or 422 naming the fields) writes nothing. */
    @Transactional
    PurchaseOrder create(CreatePurchaseOrder request) {
        List<Money> prices = checked(request);
        UUID supplierId = UUID.fromString(request.supplierId());
        SupplierStore.Supplier supplier = suppliers.find(supplierId).orElse(null);
        List<FieldViolation> rules = new ArrayList<>();
        if (supplier == null) {
            rules.add(PurchasingRule.UNKNOWN_SUPPLIER.at("supplierId", supplierId));
        } else if (!supplier.active()) {
            rules.add(PurchasingRule.INACTIVE_SUPPLIER.at("supplierId", supplier.name()));
        }
        WarehouseView warehouse = inventory.warehouse(request.warehouse()).orElse(null);
        if (warehouse == null || !warehouse.active()) {
            rules.add(PurchasingRule.UNKNOWN_WAREHOUSE.at("warehouse", request.warehouse()));
        }
        if (supplier == null) {
            throw refused(rules);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PurchaseOrder po = new PurchaseOrder(
                UUID.randomUUID(),
                null,
                supplierId,
                supplier.name(),
                request.warehouse(),
                supplier.currency(),
                PurchaseOrderStatus.DRAFT,
                Money.zero(Money.currency(supplier.currency())),
                now,
                Actor.current().username(),
                null);
        addLines(po, request.lines(), prices, rules);
        if (!rules.isEmpty()) {
            throw refused(rules);
        }
        PurchaseOrder numbered = numbered(po);
        store.insert(numbered);
        String summary = numbered.lines.stream()
                .map(l -> l.quantity + " × " + l.sku + " at " + l.unitPrice)
                .collect(Collectors.joining("; "));
        history(numbered, null, cut("created: " + summary), now);
        audit.record(AUDIT_ENTITY, numbered.id.toString(), "CREATED", null, numbered.state());
        return numbered;
    }

    private static OrdoException refused(List<FieldViolation> rules) {
        return OrdoException.rule("purchase-order-refused", "The purchase order cannot be written as asked.", rules);
    }

    /** The same order with its number taken from the sequence. */
    private PurchaseOrder numbered(PurchaseOrder po) {
        PurchaseOrder numbered = new PurchaseOrder(
                po.id,
                store.nextNumber(),
                po.supplierId,
                po.supplierName,
                po.warehouse,
                po.currency,
                po.status,
                po.total,
                po.createdAt,
                po.createdBy,
                po.sentAt);
        numbered.lines.addAll(po.lines);
        return numbered;
    }

    /** The lines in request order, each priced by the request or else by the supplier's offer. */
    private void addLines(
            PurchaseOrder po, List<PurchaseLineInput> lines, List<Money> prices, List<FieldViolation> rules) {
        Map<String, ProductSnapshot> products =
                catalog.find(lines.stream().map(PurchaseLineInput::sku).collect(Collectors.toSet()));
        Money total = po.total;
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]";
            PurchaseLineInput line = lines.get(i);
            ProductSnapshot product = products.get(line.sku());
            if (product == null) {
                rules.add(PurchasingRule.UNKNOWN_SKU.at(field + ".sku", line.sku()));
                continue;
            }
            if (!product.active()) {
                rules.add(PurchasingRule.INACTIVE_SKU.at(field + ".sku", line.sku()));
                continue;
            }
            SupplierStore.Offer offer =
                    suppliers.offer(po.supplierId, line.sku()).orElse(null);
            Money price = prices.get(i) != null ? prices.get(i) : offer == null ? null : offer.unitPrice();
            if (price == null) {
                rules.add(PurchasingRule.NOT_OFFERED.at(field + ".unitPrice", line.sku()));
                continue;
            }
            if (!price.currencyCode().equals(po.currency)) {
                rules.add(PurchasingRule.CURRENCY_MISMATCH.at(field + ".unitPrice.currency", po.currency));
                continue;
            }
            PurchaseOrder.Line added = new PurchaseOrder.Line(
                    i + 1,
                    line.sku(),
                    offer == null ? null : offer.supplierItemCode(),
                    line.quantity(),
                    price,
                    offer == null ? 0 : offer.leadTimeDays(),
                    0,
                    null,
                    null);
            po.lines.add(added);
            total = total.plus(added.lineTotal);
        }
        po.total = total;
    }

    /** The request checked by itself, before anything is read; the explicit unit prices (null where none), in line order. */
    private static List<Money> checked(CreatePurchaseOrder request) {
        if (request == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        List<FieldViolation> problems = new ArrayList<>();
        if (request.supplierId() == null) {
            problems.add(CommonRule.REQUIRED.at("supplierId"));
        } else if (PurchaseOrderStore.uuid(request.supplierId()) == null) {
            problems.add(new FieldViolation("supplierId", "must be a supplier's id (a UUID)"));
        }
        SupplierService.text(problems, "warehouse", request.warehouse(), 32, true);
        List<Money> prices = checkedLines(problems, request.lines());
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return prices;
    }

    /** The lines checked by themselves; their explicit unit prices (null where none), in line order. */
    private static List<Money> checkedLines(List<FieldViolation> problems, List<PurchaseLineInput> requested) {
        List<PurchaseLineInput> lines = requested == null ? List.of() : requested;
        List<Money> prices = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new FieldViolation("lines", "must contain at least one line"));
        } else if (lines.size() > MAX_LINES) {
            problems.add(CommonRule.AT_MOST.at("lines", MAX_LINES + " lines"));
        } else {
            for (int i = 0; i < lines.size(); i++) {
                prices.add(checkLine(problems, "lines[" + i + "]", lines.get(i)));
            }
        }
        return prices;
    }

    private static Money checkLine(List<FieldViolation> problems, String field, PurchaseLineInput line) {
        if (line == null) {
            problems.add(CommonRule.REQUIRED.at(field));
            return null;
        }
        SupplierService.text(problems, field + ".sku", line.sku(), 64, true);
        quantity(problems, field + ".quantity", line.quantity());
        return line.unitPrice() == null ? null : line.unitPrice().toMoney(field + ".unitPrice", problems);
    }

    private static void quantity(List<FieldViolation> problems, String field, Long quantity) {
        if (quantity == null) {
            problems.add(CommonRule.REQUIRED.at(field));
        } else if (quantity <= 0) {
            problems.add(CommonRule.GREATER_THAN_ZERO.at(field));
        } else if (quantity > SupplierService.MAX_QUANTITY) {
            problems.add(CommonRule.AT_MOST.at(field, SupplierService.MAX_QUANTITY));
        }
    }

    /** A DRAFT's lines, replaced as a whole, priced as on creation; any other state is a 409. */
    @Transactional
    PurchaseOrder replaceLines(String idOrNumber, PurchaseOrderLines request) {
        List<FieldViolation> problems = new ArrayList<>();
        List<PurchaseLineInput> lines = request == null ? null : request.lines();
        List<Money> prices = checkedLines(problems, lines);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        PurchaseOrder po = locked(idOrNumber);
        if (po.status != PurchaseOrderStatus.DRAFT) {
            throw new OrdoException(
                    OrdoException.Kind.CONFLICT,
                    "purchase-order-not-draft",
                    "Purchase order " + po.number + " is " + po.status + ": only a DRAFT's lines can change.",
                    List.of(),
                    Map.of("currentState", po.status.name()));
        }
        List<String> before =
                po.lines.stream().map(l -> l.quantity + " × " + l.sku).toList();
        po.lines.clear();
        po.total = Money.zero(Money.currency(po.currency));
        List<FieldViolation> rules = new ArrayList<>();
        addLines(po, lines, prices, rules);
        if (!rules.isEmpty()) {
            throw refused(rules);
        }
        store.replaceLines(po);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String after = po.lines.stream()
                .map(l -> l.quantity + " × " + l.sku + " at " + l.unitPrice)
                .collect(Collectors.joining("; "));
        history(po, PurchaseOrderStatus.DRAFT, cut("lines changed: " + after), now);
        audit.record(AUDIT_ENTITY, po.id.toString(), "LINES_CHANGED", Map.of("lines", before), po.state());
        return po;
    }

    /** DRAFT → SENT: its lines are on their way in from today, expected after the offers' lead times. */
    @Transactional
    PurchaseOrder send(String idOrNumber) {
        PurchaseOrder po = locked(idOrNumber);
        PurchaseOrderStatus from = po.status;
        from.requireCanMoveTo(PurchaseOrderStatus.SENT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        po.status = PurchaseOrderStatus.SENT;
        po.sentAt = now;
        for (PurchaseOrder.Line line : po.lines) {
            line.expectedDate = policy.expectedDate(line.confirmedDate, now, line.leadTimeDays);
        }
        return moved(po, from, "SENT", "sent to " + po.supplierName, now);
    }

    /** The supplier confirmed (or, later, delayed) the dates of some lines. */
    @Transactional
    PurchaseOrder confirm(String idOrNumber, ConfirmationInput request) {
        List<LocalDate> dates = checkedConfirmation(request);
        PurchaseOrder po = locked(idOrNumber);
        PurchaseOrderStatus from = po.status;
        PurchaseOrderStatus to = from == PurchaseOrderStatus.PARTIALLY_RECEIVED ? from : PurchaseOrderStatus.CONFIRMED;
        from.requireCanMoveTo(to);
        List<FieldViolation> rules = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            int lineNumber = request.lines().get(i).lineNumber();
            PurchaseOrder.Line line = po.line(lineNumber);
            if (line == null) {
                rules.add(PurchasingRule.NO_SUCH_LINE.at("lines[" + i + "].lineNumber", lineNumber));
                continue;
            }
            LocalDate before = line.confirmedDate;
            line.confirmedDate = dates.get(i);
            line.expectedDate = policy.expectedDate(line.confirmedDate, po.sentAt, line.leadTimeDays);
            notes.add("line " + lineNumber
                    + (before != null && before.isBefore(line.confirmedDate)
                            ? " delayed from " + before + " to "
                            : " for ")
                    + line.confirmedDate);
        }
        if (!rules.isEmpty()) {
            throw refused(rules);
        }
        po.status = to;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return moved(po, from, "CONFIRMED", cut("confirmed: " + String.join("; ", notes)), now);
    }

    private static List<LocalDate> checkedConfirmation(ConfirmationInput request) {
        if (request == null || request.lines() == null || request.lines().isEmpty()) {
            throw OrdoException.invalid(List.of(new FieldViolation("lines", "must contain at least one line")));
        }
        List<FieldViolation> problems = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            String field = "lines[" + i + "]";
            ConfirmedLineInput line = request.lines().get(i);
            if (line == null || line.lineNumber() == null) {
                problems.add(CommonRule.REQUIRED.at(field + ".lineNumber"));
            } else if (!seen.add(line.lineNumber())) {
                problems.add(CommonRule.LISTED_TWICE.at(field + ".lineNumber"));
            }
            dates.add(date(problems, field + ".confirmedDate", line == null ? null : line.confirmedDate()));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return dates;
    }

    private static LocalDate date(List<FieldViolation> problems, String field, String text) {
        if (text == null || text.isBlank()) {
            problems.add(CommonRule.REQUIRED.at(field));
            return null;
        }
        try {
            if (text.length() <= 10) {
                return LocalDate.parse(text.trim());
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        problems.add(PurchasingRule.NOT_A_DATE.at(field));
        return null;
    }

    /** Called off before anything arrived: DRAFT, SENT or CONFIRMED → CANCELLED. */
    @Transactional
    PurchaseOrder cancel(String idOrNumber, PurchaseOrderNote note) {
        String reason = checkedReason(note);
        PurchaseOrder po = locked(idOrNumber);
        PurchaseOrderStatus from = po.status;
        from.requireCanMoveTo(PurchaseOrderStatus.CANCELLED);
        po.status = PurchaseOrderStatus.CANCELLED;
        return moved(po, from, "CANCELLED", reason, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** What has not arrived will not come: PARTIALLY_RECEIVED or RECEIVED → CLOSED. */
    @Transactional
    PurchaseOrder close(String idOrNumber, PurchaseOrderNote note) {
        String reason = checkedReason(note);
        PurchaseOrder po = locked(idOrNumber);
        PurchaseOrderStatus from = po.status;
        from.requireCanMoveTo(PurchaseOrderStatus.CLOSED);
        po.status = PurchaseOrderStatus.CLOSED;
        return moved(po, from, "CLOSED", reason, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static String checkedReason(PurchaseOrderNote note) {
        String reason = note == null || note.reason() == null || note.reason().isBlank()
                ? null
                : note.reason().trim();
        List<FieldViolation> problems = new ArrayList<>();
        SupplierService.text(problems, "reason", reason, MAX_REASON, false);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return reason;
    }

    /**
     * Books what arrived at the order's warehouse: per line a RECEIPT movement {@code PO-000001/1} (backorders waiting for
     * the SKU are filled after commit, oldest first), at most ordered + the tolerance in all; more than ordered needs a
     * reason.
     */
    @Transactional
    PurchaseOrder receive(String idOrNumber, ReceiptInput request) {
        String reason = checkedReceipt(request);
        PurchaseOrder po = locked(idOrNumber);
        PurchaseOrderStatus from = po.status;
        // every state that may receive may receive in part; DRAFT, RECEIVED, CLOSED and CANCELLED are a 409
        from.requireCanMoveTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
        List<FieldViolation> rules = receivable(po, request.lines(), reason);
        if (!rules.isEmpty()) {
            throw refused(rules);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<PurchaseOrderStore.PurchaseReceiptLine> booked = new ArrayList<>();
        for (ReceiptLineInput wanted : request.lines()) {
            PurchaseOrder.Line line = po.line(wanted.lineNumber());
            stock.receive(
                    line.sku,
                    po.warehouse,
                    wanted.quantity(),
                    reason == null ? "purchase order " + po.number : reason,
                    line.reference(po.number));
            line.receivedQuantity += wanted.quantity();
            booked.add(new PurchaseOrderStore.PurchaseReceiptLine(line.lineNumber, wanted.quantity()));
        }
        po.status = policy.statusAfterReceipt(po.lines);
        from.requireCanMoveTo(po.status);
        String actor = Actor.current().username();
        store.insertReceipt(
                po.id, new PurchaseOrderStore.PurchaseReceipt(UUID.randomUUID(), now, actor, reason, booked));
        String note = booked.stream()
                .map(l -> l.quantity() + " × line " + l.lineNumber())
                .collect(Collectors.joining("; "));
        return moved(po, from, "RECEIVED", cut("received " + note + (reason == null ? "" : " — " + reason)), now);
    }

    private static String checkedReceipt(ReceiptInput request) {
        if (request == null || request.lines() == null || request.lines().isEmpty()) {
            throw OrdoException.invalid(List.of(new FieldViolation("lines", "must contain at least one line")));
        }
        List<FieldViolation> problems = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        if (request.lines().size() > MAX_LINES) {
            problems.add(CommonRule.AT_MOST.at("lines", MAX_LINES + " lines"));
        }
        for (int i = 0; i < request.lines().size() && i < MAX_LINES; i++) {
            String field = "lines[" + i + "]";
            ReceiptLineInput line = request.lines().get(i);
            if (line == null || line.lineNumber() == null) {
                problems.add(CommonRule.REQUIRED.at(field + ".lineNumber"));
            } else if (!seen.add(line.lineNumber())) {
                problems.add(CommonRule.LISTED_TWICE.at(field + ".lineNumber"));
            }
            quantity(problems, field + ".quantity", line == null ? null : line.quantity());
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().trim();
        SupplierService.text(problems, "reason", reason, MAX_REASON, false);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return reason;
    }

    /** The receipt's lines against the order's: each exists and stays within ordered + tolerance. */
    private List<FieldViolation> receivable(PurchaseOrder po, List<ReceiptLineInput> lines, String reason) {
        List<FieldViolation> rules = new ArrayList<>();
        boolean beyondOrdered = false;
        for (int i = 0; i < lines.size(); i++) {
            ReceiptLineInput wanted = lines.get(i);
            PurchaseOrder.Line line = po.line(wanted.lineNumber());
            if (line == null) {
                rules.add(PurchasingRule.NO_SUCH_LINE.at("lines[" + i + "].lineNumber", wanted.lineNumber()));
                continue;
            }
            long after = line.receivedQuantity + wanted.quantity();
            long max = policy.maxReceivable(line.quantity);
            if (after > max) {
                rules.add(PurchasingRule.OVER_RECEIVED.at(
                        "lines[" + i + "].quantity",
                        Math.max(0, max - line.receivedQuantity),
                        line.quantity,
                        line.receivedQuantity));
            }
            beyondOrdered |= after > line.quantity;
        }
        if (rules.isEmpty() && beyondOrdered && reason == null) {
            rules.add(PurchasingRule.REASON_FOR_OVER_RECEIPT.at("reason"));
        }
        return rules;
    }

    private PurchaseOrder locked(String idOrNumber) {
        return store.lock(idOrNumber).orElseThrow(() -> OrdoException.notFound("Purchase order", idOrNumber));
    }

    /** Writes a changed order, its history, audit entry and the change of what is incoming. */
    private PurchaseOrder moved(PurchaseOrder po, PurchaseOrderStatus from, String action, String note, Instant at) {
        Map<String, Object> before = Map.of("status", from == null ? "" : from.name());
        store.update(po);
        history(po, from, note, at);
        audit.record(AUDIT_ENTITY, po.id.toString(), action, before, po.state());
        if (from != po.status) {
            events.publishEvent(new PurchaseOrderStatusChanged(po.id, po.number, po.supplierId, from, po.status));
        }
        if (from != PurchaseOrderStatus.DRAFT || po.status == PurchaseOrderStatus.SENT) {
            events.publishEvent(new IncomingSupplyChanged(
                    po.lines.stream().map(l -> l.sku).collect(Collectors.toUnmodifiableSet())));
        }
        return po;
    }

    private void history(PurchaseOrder po, PurchaseOrderStatus from, String note, Instant at) {
        store.appendHistory(
                po.id,
                new PurchaseOrderStore.PurchaseOrderHistory(at, Actor.current().username(), from, po.status, note));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
