package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.catalog.TaxRates;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.ReservationRequest;
import org.ordo.inventory.StockPosition;
import org.ordo.orders.OrderChanged;
import org.ordo.orders.OrderRule;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.OrderStatusChanged;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.ETags;
import org.ordo.shared.Address;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything done to a placed order: hold, release, confirm, change, cancel. Each runs in one transaction that
 * locks the order (then its lines, then stock levels in lock order), checks the state table, applies the
 * reservation delta, and records history and audit.
 */
@Component
class OrderService {

    private final OrderStore store;
    private final OrderPlacementService placement;
    private final Customers customers;
    private final Inventory inventory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final OrderProperties properties;
    private final PromiseService promises;
    private final CompanyCalendar calendar;
    private final TaxRates taxRates;
    private final Catalog catalog;
    private final OrderPolicy policy;
    private final ShippingChargePolicy shippingCharges;

    OrderService(
            OrderStore store,
            OrderPlacementService placement,
            Customers customers,
            Inventory inventory,
            AuditTrail audit,
            ApplicationEventPublisher events,
            OrderProperties properties,
            TaxRates taxRates,
            Catalog catalog,
            OrderPolicy policy,
            PromiseService promises,
            ShippingChargePolicy shippingCharges,
            CompanyCalendar calendar) {
        this.promises = promises;
        this.shippingCharges = shippingCharges;
        this.calendar = calendar;
        this.policy = policy;
        this.taxRates = taxRates;
        this.catalog = catalog;
        this.store = store;
        this.placement = placement;
        this.customers = customers;
        this.inventory = inventory;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
    }

    @Transactional
    OrderViews.OrderView hold(String idOrNumber, String ifMatch, String reason) {
        requireReason(reason);
        Locked locked = lock(idOrNumber, ifMatch);
        Order order = locked.order();
        OrderStatus from = order.hold(Order.HoldKind.MANUAL, reason.trim());
        return save(locked, List.of(transition(order, from, reason.trim())), "HELD");
    }

    /**
     * Releases a hold. A credit hold is released by another person than who placed the order (separation of duties, unless
     * {@code ordo.orders.credit-release-by-placer} allows it); a discount hold only by a manager (ADMIN). The release names
     * who released it in history and audit.
     */
    @Transactional
    OrderViews.OrderView release(String idOrNumber, String ifMatch, String reason) {
        Locked locked = lock(idOrNumber, ifMatch);
        Order order = locked.order();
        Actor actor = Actor.current();
        if (order.status() == OrderStatus.ON_HOLD
                && order.holdKind() == Order.HoldKind.CREDIT
                && !properties.creditReleaseByPlacer()
                && actor.username().equals(order.placedBy())) {
            throw OrdoException.forbidden(
                    "Order " + order.number() + " was placed by " + actor.username()
                            + ", whose credit hold someone else must release.",
                    List.of(OrderRule.OWN_CREDIT_HOLD.at("actor", actor.username())));
        }
        if (order.status() == OrderStatus.ON_HOLD
                && order.holdKind() == Order.HoldKind.DISCOUNT
                && !actor.hasRole(org.ordo.identity.Role.ADMIN)) {
            throw OrdoException.forbidden(
                    "Order " + order.number() + " waits for a manager's approval of its discounts.",
                    List.of(OrderRule.DISCOUNT_APPROVAL.at("actor")));
        }
        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        OrderStatus from = order.release();
        history.add(transition(order, from, reason == null || reason.isBlank() ? "released" : reason.trim()));
        if (properties.autoConfirm()) {
            history.add(transition(order, order.moveTo(OrderStatus.CONFIRMED), "confirmed on release"));
        }
        return save(locked, history, "RELEASED");
    }

    @Transactional
    OrderViews.OrderView confirm(String idOrNumber, String ifMatch) {
        Locked locked = lock(idOrNumber, ifMatch);
        Order order = locked.order();
        OrderStatus from = order.moveTo(OrderStatus.CONFIRMED);
        return save(locked, List.of(transition(order, from, "confirmed")), "CONFIRMED");
    }

    /** Cancels the whole order, or the given lines (partly or wholly). Every affected reservation is released. */
    @Transactional
    OrderViews.OrderView cancel(String idOrNumber, String ifMatch, OrderRequests.Cancel request) {
        String reason = request == null ? null : request.reason();
        requireReason(reason);
        Locked locked = lock(idOrNumber, ifMatch);
        Order order = locked.order();
        Map<OrderLine, Long> toCancel =
                request.lines() == null || request.lines().isEmpty()
                        ? wholeOrder(order)
                        : linesToCancel(order, request.lines());
        lockStock(toCancel.keySet());
        List<String> details = new ArrayList<>();
        for (Map.Entry<OrderLine, Long> e : toCancel.entrySet()) {
            OrderLine line = e.getKey();
            long quantity = e.getValue();
            if (quantity == 0) {
                continue;
            }
            long released = order.cancel(line, quantity);
            if (released > 0) {
                inventory.release(order.id(), line.lineNumber(), released);
            }
            details.add("line " + line.lineNumber() + ": cancelled " + quantity + " × " + line.sku());
        }
        shippingCharges.price(order);
        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        history.add(new OrderStore.HistoryEntry(
                order.id(),
                Instant.now(),
                Actor.current().username(),
                "CANCEL",
                null,
                null,
                reason.trim(),
                String.join("; ", details)));
        if (order.everythingCancelled()) {
            history.add(transition(order, order.moveTo(OrderStatus.CANCELLED), reason.trim()));
        } else if (order.status() == OrderStatus.PARTIALLY_SHIPPED && order.everythingShipped()) {
            history.add(transition(order, order.moveTo(OrderStatus.SHIPPED), "rest cancelled"));
        }
        return save(locked, history, "CANCELLED");
    }

    /** Everything open of every line, if the state table and the shipped lines allow cancelling the order. */
    private static Map<OrderLine, Long> wholeOrder(Order order) {
        order.status().requireCanMoveTo(OrderStatus.CANCELLED, order.number());
        if (order.anythingShipped()) {
            throw OrdoException.conflict(
                    "already-shipped", "Order " + order.number() + " has shipped lines and cannot be cancelled.");
        }
        Map<OrderLine, Long> toCancel = new LinkedHashMap<>();
        order.lines().forEach(l -> toCancel.put(l, l.open()));
        return toCancel;
    }

    /** The quantities of the named lines; once fulfilment has started only backorders can go. */
    private static Map<OrderLine, Long> linesToCancel(Order order, List<OrderRequests.CancelLine> lines) {
        boolean onlyBackorders =
                order.status() == OrderStatus.IN_FULFILLMENT || order.status() == OrderStatus.PARTIALLY_SHIPPED;
        if (!onlyBackorders) {
            requireChangeable(order);
        }
        Map<OrderLine, Long> toCancel = new LinkedHashMap<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderRequests.CancelLine c = lines.get(i);
            OrderLine line = c == null || c.lineNumber() == null ? null : order.line(c.lineNumber());
            // once fulfilment has started, reserved stock may be on a shipment: only backorders can go
            long open = line == null ? 0 : onlyBackorders ? line.backordered() : line.open();
            if (line == null) {
                problems.add(OrderRule.NO_SUCH_LINE.at("lines[" + i + "].lineNumber"));
            } else if (c.quantity() != null && (c.quantity() <= 0 || c.quantity() > open)) {
                problems.add(OrderRule.CANCEL_RANGE.at("lines[" + i + "].quantity", open));
            } else if (toCancel.containsKey(line)) {
                problems.add(CommonRule.LISTED_TWICE.at("lines[" + i + "].lineNumber"));
            } else {
                toCancel.put(line, c.quantity() == null ? open : c.quantity());
            }
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return toCancel;
    }

    /** What a change asks of the order's lines, checked against the order: new quantities, and lines to add. */
    private record LineChanges(Map<OrderLine, Long> quantities, List<OrderPlacementService.LineInput> added) {}

    /** Changes address, dates, notes and line quantities of an unshipped order; reservations follow in the same transaction. */
    @Transactional
    OrderViews.OrderView change(String idOrNumber, String ifMatch, OrderRequests.ChangeOrder request) {
        List<OrderRequests.ChangeLine> lineChanges = checkChange(request);
        Actor actor = Actor.current();
        UUID orderId = store.resolveId(idOrNumber).orElseThrow(() -> OrdoException.notFound("Order", idOrNumber));
        // lock order: customer (credit), order, lines, stock
        CustomerSnapshot customer = lineChanges.isEmpty() ? null : lockCustomerOf(orderId);
        Locked locked = lock(orderId.toString(), ifMatch);
        Order order = locked.order();
        requireChangeable(order);
        List<String> details = changeDelivery(order, request, customer);
        LineChanges changes = lineChanges(order, lineChanges);
        List<OrderPlacementService.PricedLine> pricedNew = changes.added().isEmpty()
                ? List.of()
                : placement.priceLines(
                        changes.added(),
                        new OrderPlacementService.PricingFor(
                                order.customerId(), order.currency(), calendar.today(), actor),
                        destination(order, customer));
        Instant now = Instant.now();
        List<OrderLine> newLines = OrderPlacementService.newLines(pricedNew, order.nextLineNumber(), now);
        Set<String> skus = new LinkedHashSet<>();
        changes.quantities().keySet().forEach(l -> skus.add(l.sku()));
        newLines.forEach(l -> skus.add(l.sku()));
        List<StockPosition> positions = inventory.lockPositions(skus);
        // decreases first, so their released stock can serve increases of the same SKU
        List<Sourcing.Demand> increases = applyDecreases(order, changes.quantities(), details);
        Map<Integer, OrderLine> added = new LinkedHashMap<>();
        for (OrderLine line : newLines) {
            added.put(line.lineNumber(), line);
            increases.add(new Sourcing.Demand(line.lineNumber(), line.sku(), line.quantity()));
            details.add("line " + line.lineNumber() + " added: " + line.quantity() + " × " + line.sku());
        }
        if (!increases.isEmpty()) {
            sourceIncreases(
                    order, increases, added, skus, positions, customer == null ? null : customer.preferredWarehouse());
        }
        promises.promise(
                order,
                !java.util.Objects.equals(
                                order.requestedDeliveryDate(), locked.before().requestedDeliveryDate())
                        || !order.shippingMethod().equals(locked.before().shippingMethod()));
        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        history.add(changeEntry(order, now, actor, request.reason(), details));
        promiseEntry(order, locked.before(), now, actor).ifPresent(history::add);
        shippingCharges.price(order);
        recheckCredit(order, locked, customer, history);
        store.insertLines(
                newLines.stream().map(l -> new Object[] {order.id(), l}).toList());
        List<OrderLine> changed = new ArrayList<>(order.lines());
        changed.removeAll(newLines);
        return save(locked, history, "CHANGED", changed);
    }

    /** A change that moved the promised date says so on the timeline. */
    private static java.util.Optional<OrderStore.HistoryEntry> promiseEntry(
            Order order, OrderViews.OrderView before, Instant now, Actor actor) {
        if (java.util.Objects.equals(order.promisedDate(), before.promisedDate())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new OrderStore.HistoryEntry(
                order.id(),
                now,
                actor.username(),
                PromiseService.HISTORY_KIND,
                null,
                null,
                "promised date changed from " + PromiseService.format(before.promisedDate()) + " to "
                        + PromiseService.format(order.promisedDate()),
                null));
    }

    /** The customer of an order whose lines change, locked for the credit check before the order (the lock order). */
    private CustomerSnapshot lockCustomerOf(UUID orderId) {
        UUID customerId = store.find(orderId.toString())
                .map(Order::customerId)
                .orElseThrow(() -> OrdoException.notFound("Order", orderId));
        return customers.lockForCreditCheck(customerId);
    }

    /** The history entry of a change: why (the reason given, else "changed") and what changed. */
    private static OrderStore.HistoryEntry changeEntry(
            Order order, Instant now, Actor actor, String reason, List<String> details) {
        return new OrderStore.HistoryEntry(
                order.id(),
                now,
                actor.username(),
                "CHANGE",
                null,
                null,
                reason == null || reason.isBlank() ? "changed" : reason.trim(),
                details.isEmpty() ? "no change" : String.join("; ", details));
    }

    /** The rule book's checks of a change request (400 for a malformed one); returns its line changes. */
    private List<OrderRequests.ChangeLine> checkChange(OrderRequests.ChangeOrder request) {
        if (request == null) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("body")));
        }
        List<FieldViolation> invalid = new ArrayList<>();
        policy.checkHeader(
                new OrderPolicy.Header(
                        null,
                        request.notes(),
                        request.requestedDeliveryDate(),
                        request.shippingAddress(),
                        request.shippingMethod()),
                invalid);
        policy.checkReason(request.reason(), false, invalid);
        List<OrderRequests.ChangeLine> lineChanges = request.lines() == null ? List.of() : request.lines();
        policy.checkAtMostLines(lineChanges.size(), invalid);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lineChanges.size(); i++) {
            OrderRequests.ChangeLine c = lineChanges.get(i);
            String field = "lines[" + i + "]";
            if (c == null) {
                invalid.add(OrderRule.LINE_MISSING.at(field));
            } else if (c.lineNumber() == null) {
                policy.checkNewLine(field, c.sku(), c.quantity(), c.unitPrice(), invalid);
            } else {
                if (!seen.add(c.lineNumber())) {
                    invalid.add(CommonRule.LISTED_TWICE.at(field + ".lineNumber"));
                }
                if (c.sku() != null || c.unitPrice() != null) {
                    invalid.add(OrderRule.EXISTING_LINE_QUANTITY_ONLY.at(field));
                }
                policy.checkChangedQuantity(field, c.quantity(), invalid);
            }
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        return lineChanges;
    }

    /** Applies the change's address, dates, method and notes; a new country taxes every line anew. */
    private List<String> changeDelivery(Order order, OrderRequests.ChangeOrder request, CustomerSnapshot customer) {
        List<String> details = new ArrayList<>();
        Order.Delivery was = order.delivery();
        Address address = request.shippingAddress() != null ? request.shippingAddress() : was.shippingAddress();
        LocalDate requested =
                request.requestedDeliveryDate() != null ? request.requestedDeliveryDate() : was.requestedDeliveryDate();
        String method = request.shippingMethod() != null ? request.shippingMethod() : was.shippingMethod();
        String notes = request.notes() == null ? was.notes() : request.notes().isBlank() ? null : request.notes();
        order.changeDelivery(new Order.Delivery(address, requested, method, notes));
        if (!address.equals(was.shippingAddress())) {
            details.add("shipping address changed");
            if (!address.country().equals(was.shippingAddress().country())) {
                retax(
                        order,
                        customer != null
                                ? customer
                                : customers.find(order.customerId()).orElseThrow());
                details.add("taxed for " + address.country());
            }
        }
        if (!java.util.Objects.equals(requested, was.requestedDeliveryDate())) {
            details.add("requested delivery date " + requested);
        }
        if (!method.equals(was.shippingMethod())) {
            details.add("shipping method " + method);
        }
        if (request.notes() != null) {
            details.add("notes changed");
        }
        return details;
    }

    /** The line changes against the order: quantities not below what shipped, line numbers that exist (422 otherwise). */
    private static LineChanges lineChanges(Order order, List<OrderRequests.ChangeLine> lineChanges) {
        List<FieldViolation> rules = new ArrayList<>();
        Map<OrderLine, Long> quantities = new LinkedHashMap<>();
        List<OrderPlacementService.LineInput> added = new ArrayList<>();
        for (int i = 0; i < lineChanges.size(); i++) {
            OrderRequests.ChangeLine c = lineChanges.get(i);
            if (c.lineNumber() == null) {
                added.add(
                        new OrderPlacementService.LineInput("lines[" + i + "]", c.sku(), c.quantity(), c.unitPrice()));
                continue;
            }
            OrderLine line = order.line(c.lineNumber());
            if (line == null) {
                rules.add(OrderRule.NO_SUCH_LINE.at("lines[" + i + "].lineNumber"));
            } else if (c.quantity() < line.shipped()) {
                rules.add(OrderRule.BELOW_SHIPPED.at("lines[" + i + "].quantity", line.shipped()));
            } else {
                quantities.put(line, c.quantity());
            }
        }
        if (!rules.isEmpty()) {
            throw OrdoException.rule("invalid-lines", "Some line changes are not possible.", rules);
        }
        return new LineChanges(quantities, added);
    }

    /** Applies the decreases (their stock given back) and returns the increases still to source. */
    private List<Sourcing.Demand> applyDecreases(Order order, Map<OrderLine, Long> quantities, List<String> details) {
        List<Sourcing.Demand> increases = new ArrayList<>();
        for (Map.Entry<OrderLine, Long> e : quantities.entrySet()) {
            OrderLine line = e.getKey();
            long target = e.getValue();
            long active = line.activeQuantity();
            if (target > active) {
                increases.add(new Sourcing.Demand(line.lineNumber(), line.sku(), target - active));
                details.add("line " + line.lineNumber() + " quantity " + active + " → " + target);
            } else if (target < active) {
                OrderLine.Reduction reduction = order.reduce(line, target);
                if (reduction.releasedFromStock() > 0) {
                    inventory.release(order.id(), line.lineNumber(), reduction.releasedFromStock());
                }
                details.add(
                        reduction.lineCancelled()
                                ? "line " + line.lineNumber() + " cancelled"
                                : "line " + line.lineNumber() + " quantity " + active + " → " + target);
            }
        }
        return increases;
    }

    /** Sources increases and added lines from the stock levels (locked already), behind older backorders. */
    private void sourceIncreases(
            Order order,
            List<Sourcing.Demand> increases,
            Map<Integer, OrderLine> added,
            Set<String> skus,
            List<StockPosition> positions,
            String preferredWarehouse) {
        List<StockPosition> current = inventory.lockPositions(skus);
        Sourcing sourcing = new Sourcing(current, store.backorderedPerSku(skus), preferredWarehouse);
        List<ReservationRequest> reservations = new ArrayList<>();
        for (Sourcing.LinePlan plan : sourcing.plan(increases)) {
            String backorderWarehouse = plan.backordered() > 0
                    ? OrderPlacementService.backorderWarehouse(preferredWarehouse, plan, positions)
                    : null;
            OrderLine newLine = added.get(plan.lineNumber());
            if (newLine != null) {
                order.addLine(newLine, plan.reserved(), plan.backordered(), backorderWarehouse);
            } else {
                order.increase(order.line(plan.lineNumber()), plan.reserved(), plan.backordered(), backorderWarehouse);
            }
            for (Sourcing.Allocation a : plan.allocations()) {
                reservations.add(
                        new ReservationRequest(order.id(), plan.lineNumber(), plan.sku(), a.warehouse(), a.quantity()));
            }
        }
        inventory.reserve(reservations);
    }

    /** A change that raised the order's value is credit-checked again with the new total in place of the old one. */
    private void recheckCredit(
            Order order, Locked locked, CustomerSnapshot customer, List<OrderStore.HistoryEntry> history) {
        if (customer == null || (order.status() != OrderStatus.PLACED && order.status() != OrderStatus.CONFIRMED)) {
            return;
        }
        BigDecimal previous = locked.before().totals().total().amount();
        String problem =
                placement.creditProblem(customer, order.total().amount().subtract(previous));
        if (problem != null && order.total().amount().compareTo(previous) > 0) {
            history.add(transition(order, order.hold(Order.HoldKind.CREDIT, problem), problem));
        }
    }

    /** Taxes every line again as the (new) destination taxes it. */
    private void retax(Order order, CustomerSnapshot customer) {
        TaxRates.Destination destination = destination(order, customer);
        Set<String> skus = new LinkedHashSet<>();
        order.lines().forEach(l -> skus.add(l.sku()));
        Map<String, ProductSnapshot> products = catalog.find(skus);
        for (OrderLine line : order.lines()) {
            ProductSnapshot product = products.get(line.sku());
            BigDecimal categoryRate = product != null ? product.taxRate() : line.taxRate();
            TaxRates.Treatment treatment = destination.of(line.taxCategory(), categoryRate);
            order.retax(line, treatment.rate(), treatment.vatCategory());
        }
    }

    private TaxRates.Destination destination(Order order, CustomerSnapshot customer) {
        // at the rates of the placement date: a rate changed since does not reach a placed order
        return taxRates.forSale(
                order.shippingAddress().country(),
                customer == null ? null : customer.vatId(),
                customer != null && customer.taxExempt(),
                calendar.dayOf(order.placedAt()));
    }

    /** See {@link org.ordo.orders.OrderEntry#backdate}: shifts the order's whole timeline back to {@code placedAt}. */
    @Transactional
    OrderViews.OrderView backdate(
            UUID orderId, Instant placedAt, java.time.Duration toShip, java.time.Duration toDeliver) {
        Locked locked = lock(orderId.toString(), null);
        Order order = locked.order();
        Instant now = Instant.now();
        if (placedAt == null) {
            throw OrdoException.invalid("placedAt", "is required");
        }
        placedAt = placedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (placedAt.isAfter(now) || placedAt.isAfter(order.placedAt())) {
            throw OrdoException.invalid(
                    "placedAt", "must be in the past and not after the current placement " + order.placedAt());
        }
        if (calendar.yearOf(placedAt) != calendar.yearOf(order.placedAt())) {
            throw OrdoException.invalid("placedAt", "must be in the year of the order number " + order.number());
        }
        if (toShip != null
                && (toShip.isNegative()
                        || toDeliver == null
                        || toDeliver.isNegative()
                        || placedAt.plus(toShip).plus(toDeliver).isAfter(now))) {
            throw OrdoException.invalid("toShip", "shipping and delivery times must be positive and end before now");
        }
        java.time.Duration shift = java.time.Duration.between(placedAt, order.placedAt());
        store.shiftTimeline(order.id(), shift);
        if (toShip != null) {
            store.spaceFulfilment(order.id(), placedAt, toShip, toDeliver);
        }
        store.appendHistory(List.of(new OrderStore.HistoryEntry(
                order.id(),
                now,
                Actor.current().username(),
                "BACKDATED",
                null,
                null,
                "data import",
                "placed at " + order.placedAt() + " → " + placedAt)));
        Order after = store.lock(order.id()).orElseThrow();
        OrderViews.OrderView view = OrderViews.view(after, OrderViews.byLine(inventory.activeReservations(order.id())));
        audit.record("ORDER", order.id().toString(), "BACKDATED", locked.before(), view);
        return view;
    }

    record Locked(Order order, OrderViews.OrderView before) {}

    private Locked lock(String idOrNumber, String ifMatch) {
        UUID id = store.resolveId(idOrNumber).orElseThrow(() -> OrdoException.notFound("Order", idOrNumber));
        Order order = store.lock(id).orElseThrow(() -> OrdoException.notFound("Order", idOrNumber));
        Actor actor = Actor.current();
        if (actor.isCustomer() && !order.customerId().equals(actor.customerId())) {
            throw OrdoException.notFound("Order", idOrNumber);
        }
        ETags.requireMatch(ifMatch, order.version(), "Order " + order.number());
        return new Locked(order, OrderViews.view(order, OrderViews.byLine(inventory.activeReservations(order.id()))));
    }

    private OrderViews.OrderView save(Locked locked, List<OrderStore.HistoryEntry> history, String action) {
        return save(locked, history, action, locked.order().lines());
    }

    private OrderViews.OrderView save(
            Locked locked, List<OrderStore.HistoryEntry> history, String action, List<OrderLine> linesToUpdate) {
        Order order = locked.order();
        store.updateHeader(order);
        store.updateLines(order.id(), linesToUpdate);
        store.appendHistory(history);
        OrderViews.OrderView after =
                OrderViews.view(order, OrderViews.byLine(inventory.activeReservations(order.id())));
        audit.record("ORDER", order.id().toString(), action, locked.before(), after);
        Set<String> shorterQueues = shorterBackorderQueues(locked.before(), after);
        if (!shorterQueues.isEmpty()) {
            events.publishEvent(new BackorderQueueChanged(shorterQueues, Set.of()));
        }
        for (OrderStore.HistoryEntry h : history) {
            if (h.to() != null) {
                events.publishEvent(new OrderStatusChanged(order.id(), order.number(), h.from(), h.to(), h.reason()));
            }
        }
        if (action.equals("CHANGED")) {
            events.publishEvent(new OrderChanged(order.id(), order.number(), order.customerId(), order.status()));
        }
        Map<Integer, Long> waited = new java.util.HashMap<>();
        locked.before().lines().forEach(l -> waited.put(l.lineNumber(), l.backorderedQuantity()));
        org.ordo.orders.OrderBackordered backordered = order.backorderedSince(waited, false);
        if (backordered != null) {
            events.publishEvent(backordered);
        }
        return after;
    }

    /** The SKUs of which this order now waits for less: the younger backorders of them may be promised earlier. */
    private static Set<String> shorterBackorderQueues(OrderViews.OrderView before, OrderViews.OrderView after) {
        Map<Integer, Long> was = new java.util.HashMap<>();
        before.lines().forEach(l -> was.put(l.lineNumber(), l.backorderedQuantity()));
        Set<String> skus = new java.util.TreeSet<>();
        for (OrderViews.LineView l : after.lines()) {
            if (l.backorderedQuantity() < was.getOrDefault(l.lineNumber(), 0L)) {
                skus.add(l.sku());
            }
        }
        return skus;
    }

    /** Locks the stock levels of the lines' SKUs in the global lock order before any of them changes. */
    private void lockStock(Iterable<OrderLine> lines) {
        Set<String> skus = new LinkedHashSet<>();
        lines.forEach(l -> {
            if (l.reserved() > 0) {
                skus.add(l.sku());
            }
        });
        inventory.lockPositions(skus);
    }

    private static void requireChangeable(Order order) {
        if (!order.status().allowsChanges()) {
            throw OrdoException.conflict(
                    "not-changeable",
                    "Order " + order.number() + " is " + order.status()
                            + "; lines can change only while it is DRAFT, PLACED, CONFIRMED or ON_HOLD.");
        }
    }

    private void requireReason(String reason) {
        List<FieldViolation> problems = new ArrayList<>();
        policy.checkReason(reason, true, problems);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
    }

    private static OrderStore.HistoryEntry transition(Order order, OrderStatus from, String reason) {
        return new OrderStore.HistoryEntry(
                order.id(), Instant.now(), Actor.current().username(), "STATUS", from, order.status(), reason, null);
    }
}
