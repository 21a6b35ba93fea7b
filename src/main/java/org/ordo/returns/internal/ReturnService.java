package org.ordo.returns.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.WarehouseView;
import org.ordo.invoicing.CreditNotes;
import org.ordo.invoicing.CustomerAccounts;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.orders.ReplacementOrders;
import org.ordo.platform.ETags;
import org.ordo.returns.Resolution;
import org.ordo.returns.ReturnReason;
import org.ordo.returns.ReturnRefundDue;
import org.ordo.returns.ReturnStatus;
import org.ordo.returns.ReturnStatusChanged;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves returns through their states. Each step locks the return, validates everything before it writes (a refused
 * request changes nothing), and writes the history, the audit entry and the event in the same transaction. Lock order:
 * the order's return lock, the return, the order, stock levels (by warehouse, then SKU), invoices.
 */
@Component
class ReturnService {

    static final String AUDIT_ENTITY = "RETURN";
    static final int MAX_LINES = 500;
    static final int MAX_NOTE = 2000;
    static final int MAX_REASON = 500;

    /** {@code POST /api/orders/{id}/returns}. */
    record RequestReturn(List<RequestLine> lines, String resolution, String note) {}

    record RequestLine(Integer lineNumber, Long quantity, String reason) {}

    record Reject(String reason) {}

    /**
     * Without {@code lines} everything requested arrived. {@code restock} (default true) applies to every line that does
     * not say otherwise: restocked units go back on hand where the line shipped from, unless a line names a warehouse.
     */
    record Receive(List<ReceiveLine> lines, Boolean restock) {}

    /** {@code restock} defaults to the receipt's; {@code warehouse} (restocked units only) defaults to where the line shipped from. */
    record ReceiveLine(Integer lineNumber, Long quantity, Boolean restock, String warehouse) {}

    record Inspect(String notes) {}

    record Refund(String reference) {}

    private final ReturnStore store;
    private final Orders orders;
    private final OrderFulfillment fulfillment;
    private final ReplacementOrders replacements;
    private final Inventory inventory;
    private final CreditNotes creditNotes;
    private final CustomerAccounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ReturnService(
            ReturnStore store,
            Orders orders,
            OrderFulfillment fulfillment,
            ReplacementOrders replacements,
            Inventory inventory,
            CreditNotes creditNotes,
            CustomerAccounts accounts,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.store = store;
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.replacements = replacements;
        this.inventory = inventory;
        this.creditNotes = creditNotes;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Opens a return for shipped units of an order. Per line at most shipped − returned − requested on the order's open
     * returns may be asked for; more is a 422 naming {@code lines[i].quantity}. A customer's own user may return only its
     * own orders (any other is a 404 to it).
     */
    @Transactional
    Rma request(String orderIdOrNumber, RequestReturn request) {
        Actor actor = Actor.current();
        CheckedRequest checked = checked(request);
        OrderSnapshot order =
                orders.find(orderIdOrNumber).orElseThrow(() -> OrdoException.notFound("Order", orderIdOrNumber));
        if (actor.isCustomer() && !order.customerId().equals(actor.customerId())) {
            throw OrdoException.notFound("Order", orderIdOrNumber);
        }
        store.lockOrder(order.id());
        // read again under the lock: receipts of other returns of this order have committed or wait for us
        order = orders.find(order.id()).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Rma rma = new Rma(
                UUID.randomUUID(),
                store.nextNumber(now),
                order.id(),
                order.number(),
                order.customerId(),
                order.currency(),
                ReturnStatus.REQUESTED,
                checked.resolution(),
                blankToNull(request.note()),
                now,
                actor.username());
        addReturnableLines(rma, order, checked);
        store.insert(rma);
        String summary = rma.lines.stream()
                .map(l -> l.quantity + " × " + l.sku + " (line " + l.lineNumber + ", " + l.reason + ")")
                .collect(Collectors.joining("; "));
        store.appendHistory(List.of(new ReturnStore.HistoryEntry(
                rma.id,
                now,
                actor.username(),
                null,
                ReturnStatus.REQUESTED,
                cut(checked.resolution() + ": " + summary + (rma.note == null ? "" : " — " + rma.note)))));
        audit.record(AUDIT_ENTITY, rma.id.toString(), "REQUESTED", null, rma.state());
        events.publishEvent(new ReturnStatusChanged(
                rma.id,
                rma.number,
                rma.orderId,
                rma.orderNumber,
                rma.customerId,
                null,
                ReturnStatus.REQUESTED,
                rma.note));
        return rma;
    }

    /** A return request that passed the checks of its own: its resolution, its lines and each line's reason. */
    private record CheckedRequest(Resolution resolution, List<RequestLine> lines, List<ReturnReason> reasons) {}

    /** The request checked by itself, before anything is read or locked; every problem at once. */
    private static CheckedRequest checked(RequestReturn request) {
        if (request == null) {
            throw OrdoException.invalid("body", "is required");
        }
        List<FieldViolation> invalid = new ArrayList<>();
        Resolution resolution = resolution(invalid, request.resolution());
        text(invalid, "note", request.note(), MAX_NOTE, false);
        List<RequestLine> lines = request.lines() == null ? List.of() : request.lines();
        List<ReturnReason> reasons = new ArrayList<>();
        if (lines.isEmpty()) {
            invalid.add(new FieldViolation("lines", "must contain at least one line"));
        } else if (lines.size() > MAX_LINES) {
            invalid.add(new FieldViolation("lines", "must contain at most " + MAX_LINES + " lines"));
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                reasons.add(checkRequestLine(invalid, "lines[" + i + "]", lines.get(i), seen));
            }
            if (reasons.contains(ReturnReason.OTHER)
                    && (request.note() == null || request.note().isBlank())) {
                invalid.add(new FieldViolation("note", "is required when a line's reason is OTHER: say what is wrong"));
            }
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        return new CheckedRequest(resolution, lines, reasons);
    }

    private static Resolution resolution(List<FieldViolation> invalid, String resolution) {
        if (resolution == null) {
            invalid.add(new FieldViolation("resolution", "is required: one of " + List.of(Resolution.values())));
            return null;
        }
        try {
            return Resolution.valueOf(resolution);
        } catch (IllegalArgumentException e) {
            invalid.add(CommonRule.ONE_OF.at("resolution", List.of(Resolution.values())));
            return null;
        }
    }

    /** One requested line by itself ({@code seen}: the line numbers so far); its reason, or null when it has none. */
    private static ReturnReason checkRequestLine(
            List<FieldViolation> invalid, String field, RequestLine line, Set<Integer> seen) {
        if (line == null || line.lineNumber() == null) {
            invalid.add(new FieldViolation(field + ".lineNumber", "is required"));
        } else if (!seen.add(line.lineNumber())) {
            invalid.add(new FieldViolation(field + ".lineNumber", "appears more than once"));
        }
        if (line == null || line.quantity() == null) {
            invalid.add(new FieldViolation(field + ".quantity", "is required"));
        } else if (line.quantity() <= 0) {
            invalid.add(new FieldViolation(field + ".quantity", "must be greater than 0"));
        }
        if (line == null || line.reason() == null) {
            invalid.add(new FieldViolation(field + ".reason", "is required: one of " + List.of(ReturnReason.values())));
            return null;
        }
        try {
            return ReturnReason.valueOf(line.reason());
        } catch (IllegalArgumentException e) {
            invalid.add(CommonRule.ONE_OF.at(field + ".reason", List.of(ReturnReason.values())));
            return null;
        }
    }

    /**
     * Adds the requested lines to the new return, in line order, each within what may still be returned of the order's line
     * (read under the order's return lock): shipped − returned − requested on the order's open returns.
     */
    private void addReturnableLines(Rma rma, OrderSnapshot order, CheckedRequest checked) {
        Map<Integer, Long> open = store.openQuantities(order.id());
        List<FieldViolation> rules = new ArrayList<>();
        for (int i = 0; i < checked.lines().size(); i++) {
            RequestLine wanted = checked.lines().get(i);
            OrderSnapshot.Line line = order.line(wanted.lineNumber());
            if (line == null) {
                rules.add(new FieldViolation(
                        "lines[" + i + "].lineNumber",
                        "order " + order.number() + " has no line " + wanted.lineNumber()));
                continue;
            }
            long requested = open.getOrDefault(line.lineNumber(), 0L);
            long returnable = line.shipped() - line.returned() - requested;
            if (wanted.quantity() > returnable) {
                rules.add(new FieldViolation(
                        "lines[" + i + "].quantity",
                        "at most " + Math.max(returnable, 0) + " can be returned: shipped " + line.shipped()
                                + ", returned " + line.returned() + ", requested on open returns " + requested));
                continue;
            }
            rma.lines.add(new Rma.Line(
                    line.lineNumber(),
                    line.sku(),
                    line.name(),
                    wanted.quantity(),
                    checked.reasons().get(i)));
        }
        if (!rules.isEmpty()) {
            throw OrdoException.rule(
                    "return-exceeds-shipped", "The return does not fit order " + order.number() + ".", rules);
        }
        rma.lines.sort(Comparator.comparingInt(l -> l.lineNumber));
    }

    @Transactional
    Rma approve(String idOrNumber, String ifMatch) {
        Rma rma = lock(idOrNumber, ifMatch);
        Rma.State before = rma.state();
        ReturnStatus from = rma.moveTo(ReturnStatus.APPROVED);
        rma.approvedAt = now();
        return save(rma, before, "APPROVED", List.of(transition(rma, from, null)));
    }

    /** Refuses a return before any goods arrived; its quantities may be asked for again. */
    @Transactional
    Rma reject(String idOrNumber, String ifMatch, Reject request) {
        List<FieldViolation> invalid = new ArrayList<>();
        text(invalid, "reason", request == null ? null : request.reason(), MAX_REASON, true);
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        Rma rma = lock(idOrNumber, ifMatch);
        Rma.State before = rma.state();
        ReturnStatus from = rma.moveTo(ReturnStatus.REJECTED);
        rma.rejectedAt = now();
        rma.rejectionReason = request.reason().trim();
        return save(rma, before, "REJECTED", List.of(transition(rma, from, rma.rejectionReason)));
    }

    /**
     * The goods arrived. Restocked units go back on hand with a RETURN movement (which lets backorders be filled),
     * scrapped ones are only recorded; both count as returned on the order lines. More than was requested on a line is a
     * 422 naming {@code lines[i].quantity}.
     */
    @Transactional
    Rma receive(String idOrNumber, String ifMatch, Receive request) {
        List<ReceiveLine> given = request == null ? null : request.lines();
        boolean restockByDefault = request == null || request.restock() == null || request.restock();
        checkReceipt(given, restockByDefault);
        UUID id = resolveId(idOrNumber);
        Rma unlocked = store.find(id.toString()).orElseThrow(() -> OrdoException.notFound("Return", idOrNumber));
        // requests of this order take turns with receipts: what may still be returned must not change under them
        store.lockOrder(unlocked.orderId);
        Rma rma = lock(idOrNumber, ifMatch);
        rma.status.requireCanMoveTo(ReturnStatus.RECEIVED, rma.number);

        List<FieldViolation> rules = new ArrayList<>();
        List<Rma.Receipt> placed = placed(rma, received(rma, given, restockByDefault, rules), rules);
        if (!rules.isEmpty()) {
            throw OrdoException.rule("invalid-receipt", "The receipt does not fit return " + rma.number + ".", rules);
        }

        Rma.State before = rma.state();
        ReturnStatus from = rma.moveTo(ReturnStatus.RECEIVED);
        rma.receivedAt = now();
        book(rma, placed);
        String summary = placed.stream()
                .map(r -> r.quantity() + " × line " + r.lineNumber()
                        + (r.restock() ? " restocked in " + r.warehouse() : " scrapped"))
                .collect(Collectors.joining("; "));
        return save(rma, before, "RECEIVED", List.of(transition(rma, from, cut(summary))));
    }

    /** The received lines by themselves, before anything is locked; every problem at once. */
    private static void checkReceipt(List<ReceiveLine> given, boolean restockByDefault) {
        if (given == null) {
            return;
        }
        List<FieldViolation> invalid = new ArrayList<>();
        if (given.isEmpty()) {
            invalid.add(new FieldViolation(
                    "lines", "must contain at least one line, or be left out to receive everything"));
        } else if (given.size() > MAX_LINES) {
            invalid.add(new FieldViolation("lines", "must contain at most " + MAX_LINES + " lines"));
        }
        for (int i = 0; i < given.size() && i < MAX_LINES; i++) {
            ReceiveLine line = given.get(i);
            String field = "lines[" + i + "]";
            if (line == null || line.lineNumber() == null) {
                invalid.add(new FieldViolation(field + ".lineNumber", "is required"));
            }
            if (line == null || line.quantity() == null) {
                invalid.add(new FieldViolation(field + ".quantity", "is required"));
            } else if (line.quantity() <= 0) {
                invalid.add(new FieldViolation(field + ".quantity", "must be greater than 0"));
            }
            if (line != null
                    && line.warehouse() != null
                    && !(line.restock() == null ? restockByDefault : line.restock())) {
                invalid.add(new FieldViolation(field + ".warehouse", "is only for restocked units (restock: true)"));
            }
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
    }

    /** A receipt of one line as asked for, and the field a problem with its warehouse is reported at. */
    private record Received(Rma.Receipt receipt, String field) {}

    /**
     * What arrived per line (without {@code given}: everything requested), each within what the return requested of the line;
     * problems are added to {@code rules}.
     */
    private static List<Received> received(
            Rma rma, List<ReceiveLine> given, boolean restockByDefault, List<FieldViolation> rules) {
        List<Received> received = new ArrayList<>();
        if (given == null) {
            for (Rma.Line line : rma.lines) {
                received.add(
                        new Received(new Rma.Receipt(line.lineNumber, line.quantity, restockByDefault, null), "lines"));
            }
            return received;
        }
        Map<Integer, Long> sums = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            ReceiveLine wanted = given.get(i);
            Rma.Line line = rma.line(wanted.lineNumber());
            if (line == null) {
                rules.add(new FieldViolation(
                        "lines[" + i + "].lineNumber", rma.number + " has no line " + wanted.lineNumber()));
                continue;
            }
            long sum = sums.merge(line.lineNumber, wanted.quantity(), Long::sum);
            if (sum > line.quantity) {
                rules.add(new FieldViolation(
                        "lines[" + i + "].quantity",
                        "line " + line.lineNumber + " was requested with " + line.quantity + "; " + sum
                                + " cannot be received"));
                continue;
            }
            boolean restock = wanted.restock() == null ? restockByDefault : wanted.restock();
            received.add(new Received(
                    new Rma.Receipt(
                            line.lineNumber,
                            wanted.quantity(),
                            restock,
                            restock ? blankToNull(wanted.warehouse()) : null),
                    "lines[" + i + "].warehouse"));
        }
        return received;
    }

    /**
     * The receipts with the warehouse where restocked units go: the one given, else the one the line shipped most from; it
     * must be known and active. Problems are added to {@code rules}.
     */
    private List<Rma.Receipt> placed(Rma rma, List<Received> received, List<FieldViolation> rules) {
        List<Rma.Receipt> placed = new ArrayList<>();
        for (Received each : received) {
            Rma.Receipt r = each.receipt();
            if (!r.restock()) {
                placed.add(r);
                continue;
            }
            String warehouse = r.warehouse() != null ? r.warehouse() : defaultWarehouse(rma.orderId, r.lineNumber());
            if (warehouse == null) {
                rules.add(new FieldViolation(
                        each.field(), "line " + r.lineNumber() + " has no warehouse it shipped from: name one"));
                continue;
            }
            WarehouseView view = inventory.warehouse(warehouse).orElse(null);
            if (view == null || !view.active()) {
                rules.add(new FieldViolation(each.field(), "warehouse " + warehouse + " is unknown or not active"));
                continue;
            }
            placed.add(new Rma.Receipt(r.lineNumber(), r.quantity(), true, warehouse));
        }
        return placed;
    }

    /**
     * Books checked receipts: the return's lines count them, the order's lines count what came back, restocked units go back
     * on hand (stock levels in the global lock order: by warehouse, then SKU), and the receipts are stored.
     */
    private void book(Rma rma, List<Rma.Receipt> placed) {
        for (Rma.Receipt r : placed) {
            Rma.Line line = rma.line(r.lineNumber());
            line.received += r.quantity();
            if (r.restock()) {
                line.restocked += r.quantity();
            } else {
                line.scrapped += r.quantity();
            }
        }
        for (Rma.Line line : rma.lines) {
            if (line.received > 0) {
                fulfillment.recordReturn(
                        rma.orderId, line.lineNumber, line.received, "return " + rma.number + " (" + line.reason + ")");
            }
        }
        Map<List<String>, Long> restock = new java.util.TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (Rma.Receipt r : placed) {
            if (r.restock()) {
                restock.merge(List.of(r.warehouse(), rma.line(r.lineNumber()).sku), r.quantity(), Long::sum);
            }
        }
        restock.forEach((key, quantity) -> inventory.restock(key.get(1), key.get(0), quantity, rma.number));
        rma.receipts.addAll(placed);
        store.insertReceipts(rma.id, placed);
    }

    @Transactional
    Rma inspect(String idOrNumber, String ifMatch, Inspect request) {
        List<FieldViolation> invalid = new ArrayList<>();
        text(invalid, "notes", request == null ? null : request.notes(), MAX_NOTE, false);
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        Rma rma = lock(idOrNumber, ifMatch);
        Rma.State before = rma.state();
        ReturnStatus from = rma.moveTo(ReturnStatus.INSPECTED);
        rma.inspectedAt = now();
        rma.inspectionNotes = request == null ? null : blankToNull(request.notes());
        return save(rma, before, "INSPECTED", List.of(transition(rma, from, rma.inspectionNotes)));
    }

    /**
     * Carries out the resolution for what was received. REFUND: credit notes against the invoices that billed the goods and
     * a refund of their amount, due until recorded ({@link #refund}). CREDIT: credit notes that stay on the customer's
     * account, then CLOSED. REPLACE: a free replacement order for the same SKUs and quantities, then CLOSED.
     */
    @Transactional
    Rma resolve(String idOrNumber, String ifMatch) {
        Rma rma = lock(idOrNumber, ifMatch);
        ReturnStatus target = rma.resolution.outcome();
        rma.status.requireCanMoveTo(target, rma.number);
        Rma.State before = rma.state();
        List<Rma.Line> received = rma.lines.stream().filter(l -> l.received > 0).toList();
        List<ReturnStore.HistoryEntry> history = new ArrayList<>();
        Instant now = now();
        String note;
        if (received.isEmpty()) {
            note = "nothing was received: nothing to " + rma.resolution.name().toLowerCase();
        } else if (rma.resolution == Resolution.REPLACE) {
            note = replace(rma, received);
        } else {
            note = credit(rma, received);
        }
        ReturnStatus from = rma.moveTo(target);
        rma.resolvedAt = now;
        history.add(transition(rma, from, note));
        boolean refundDue = rma.refundStatus == Rma.RefundStatus.DUE
                && rma.refundAmount.amount().signum() > 0;
        if (!refundDue) {
            // nothing is left to wait for: a replacement ships as an order of its own, a credit stays on the account
            ReturnStatus resolved = rma.moveTo(ReturnStatus.CLOSED);
            rma.closedAt = now;
            if (rma.refundStatus == Rma.RefundStatus.DUE) {
                rma.refundStatus = Rma.RefundStatus.REFUNDED;
            }
            history.add(transition(rma, resolved, null));
        }
        Rma saved = save(rma, before, target.name(), history);
        if (refundDue) {
            events.publishEvent(new ReturnRefundDue(
                    rma.id,
                    rma.number,
                    rma.orderId,
                    rma.orderNumber,
                    rma.customerId,
                    rma.refundAmount.amount(),
                    rma.currency,
                    rma.creditNotes.stream().map(Rma.CreditNote::number).toList()));
        }
        return saved;
    }

    /** Places a free replacement order for what was received; the history's note. */
    private String replace(Rma rma, List<Rma.Line> received) {
        OrderSnapshot replacement = replacements.place(
                rma.orderId,
                rma.number,
                received.stream()
                        .map(l -> new ReplacementOrders.Line(l.sku, l.received))
                        .toList());
        rma.replacementOrderId = replacement.id();
        rma.replacementOrderNumber = replacement.number();
        return "replacement order " + replacement.number();
    }

    /** Credits what was received and, for a REFUND, makes due what the credit freed of money already paid; the history's note. */
    private String credit(Rma rma, List<Rma.Line> received) {
        String reason = cut(
                "Return " + rma.number + ": "
                        + received.stream().map(l -> l.reason.name()).distinct().collect(Collectors.joining(", ")),
                MAX_REASON);
        Money onAccountBefore = onAccount(rma);
        List<CreditNotes.IssuedCreditNote> notes = creditNotes.creditReturnedLines(
                rma.orderId,
                received.stream()
                        .map(l -> new CreditNotes.ReturnedLine(l.lineNumber, l.received))
                        .toList(),
                reason);
        List<Rma.CreditNote> issued = notes.stream()
                .map(n -> new Rma.CreditNote(n.id(), n.number(), n.invoiceNumber(), n.total()))
                .toList();
        rma.creditNotes.addAll(issued);
        store.insertCreditNotes(rma.id, issued);
        Money zero = Money.zero(Money.currency(rma.currency));
        Money credited = issued.stream().map(Rma.CreditNote::total).reduce(zero, Money::plus);
        String note =
                "credit notes " + issued.stream().map(Rma.CreditNote::number).collect(Collectors.joining(", "))
                        + " over " + zero.minus(credited);
        if (rma.resolution != Resolution.REFUND) {
            return note;
        }
        // what the credit freed of money already paid is the customer's to get back; on an unpaid invoice the credit
        // note
        // simply lowers what is owed
        Money freed = onAccount(rma).minus(onAccountBefore);
        if (freed.amount().signum() > 0) {
            rma.refundAmount = freed;
            rma.refundStatus = Rma.RefundStatus.DUE;
            return note + "; refund of " + freed + " due";
        }
        return note + "; the invoice was not paid: the credit lowers what is owed, nothing to pay back";
    }

    /** Records that a due refund has been paid back ({@code reference} names the payment); the return is CLOSED. */
    @Transactional
    Rma refund(String idOrNumber, String ifMatch, Refund request) {
        List<FieldViolation> invalid = new ArrayList<>();
        text(invalid, "reference", request == null ? null : request.reference(), 200, true);
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        Rma rma = lock(idOrNumber, ifMatch);
        if (rma.refundStatus != Rma.RefundStatus.DUE) {
            throw new OrdoException(
                    OrdoException.Kind.CONFLICT,
                    "no-refund-due",
                    "Return " + rma.number + " is " + rma.status + " and has no refund due.",
                    List.of(),
                    Map.of(
                            "currentState",
                            rma.status.name(),
                            "allowedStates",
                            rma.status.allowedNext().stream().map(Enum::name).toList()));
        }
        Rma.State before = rma.state();
        ReturnStatus from = rma.moveTo(ReturnStatus.CLOSED);
        Money refunded = accounts.refundOnAccount(
                rma.customerId,
                rma.refundAmount,
                cut("Return " + rma.number + ": " + request.reference().trim(), MAX_REASON));
        if (refunded.compareTo(rma.refundAmount) < 0) {
            throw OrdoException.conflict(
                    "refund-not-on-account",
                    "Only " + refunded + " of the " + rma.refundAmount + " due for return " + rma.number
                            + " is still on the customer's account (it was allocated meanwhile).");
        }
        rma.refundStatus = Rma.RefundStatus.REFUNDED;
        rma.refundReference = request.reference().trim();
        rma.refundedAt = now();
        rma.closedAt = rma.refundedAt;
        return save(
                rma,
                before,
                "REFUND_RECORDED",
                List.of(transition(rma, from, "refunded " + rma.refundAmount + ", " + rma.refundReference)));
    }

    private Money onAccount(Rma rma) {
        return accounts.balances(rma.customerId).stream()
                .filter(b -> b.currency().equals(rma.currency))
                .map(CustomerAccounts.Balance::onAccount)
                .findFirst()
                .orElse(Money.zero(Money.currency(rma.currency)));
    }

    /** The warehouse a line shipped most units from (ties: the first by code), or null if none is known. */
    private String defaultWarehouse(UUID orderId, int lineNumber) {
        return inventory.shippedFrom(orderId, lineNumber).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private UUID resolveId(String idOrNumber) {
        UUID id = ReturnStore.parseUuid(idOrNumber);
        if (id != null) {
            return id;
        }
        return store.find(idOrNumber).map(r -> r.id).orElseThrow(() -> OrdoException.notFound("Return", idOrNumber));
    }

    private Rma lock(String idOrNumber, String ifMatch) {
        Rma rma = store.lock(resolveId(idOrNumber)).orElseThrow(() -> OrdoException.notFound("Return", idOrNumber));
        ETags.requireMatch(ifMatch, rma.version, "Return " + rma.number);
        return rma;
    }

    private Rma save(Rma rma, Rma.State before, String action, List<ReturnStore.HistoryEntry> history) {
        store.update(rma);
        store.appendHistory(history);
        audit.record(AUDIT_ENTITY, rma.id.toString(), action, before, rma.state());
        for (ReturnStore.HistoryEntry h : history) {
            events.publishEvent(new ReturnStatusChanged(
                    rma.id, rma.number, rma.orderId, rma.orderNumber, rma.customerId, h.from(), h.to(), h.note()));
        }
        return rma;
    }

    private static ReturnStore.HistoryEntry transition(Rma rma, ReturnStatus from, String note) {
        return new ReturnStore.HistoryEntry(
                rma.id, Instant.now(), Actor.current().username(), from, rma.status, note);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void text(List<FieldViolation> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldViolation(field, "must not be blank"));
            }
        } else if (value.length() > max) {
            problems.add(new FieldViolation(field, "must be at most " + max + " characters"));
        } else if (value.indexOf('\0') >= 0) {
            problems.add(new FieldViolation(field, "must not contain NUL characters"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String cut(String s) {
        return cut(s, MAX_NOTE);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
