package org.ordo.orders.internal;

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
import org.ordo.orders.OrderStatus;
import org.ordo.orders.OrderStatusChanged;
import org.ordo.platform.ETags;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything done to a placed order: hold, release, confirm, change, cancel. Each runs in one transaction that
 * locks the order (then its lines, then stock levels in lock order), checks the state table, applies the
 * reservation delta, and records history and audit.
 */
@Component
class OrderOperations {

    private final OrderStore store;
    private final OrderPlacement placement;
    private final Customers customers;
    private final Inventory inventory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final OrderProperties properties;
    private final TaxRates taxRates;
    private final Catalog catalog;

    OrderOperations(OrderStore store, OrderPlacement placement, Customers customers, Inventory inventory, AuditTrail audit,
            ApplicationEventPublisher events, OrderProperties properties, TaxRates taxRates, Catalog catalog) {
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
        OrderStatus from = order.moveTo(OrderStatus.ON_HOLD);
        order.holdReason = reason.trim();
        return save(locked, List.of(transition(order, from, reason.trim())), "HELD");
    }

    @Transactional
    OrderViews.OrderView release(String idOrNumber, String ifMatch, String reason) {
        Locked locked = lock(idOrNumber, ifMatch);
        Order order = locked.order();
        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        OrderStatus from = order.moveTo(OrderStatus.PLACED);
        String why = reason == null || reason.isBlank() ? "released" : reason.trim();
        history.add(transition(order, from, why));
        order.holdReason = null;
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
        Map<OrderLine, Long> toCancel = new LinkedHashMap<>();
        if (request.lines() == null || request.lines().isEmpty()) {
            order.status.requireCanMoveTo(OrderStatus.CANCELLED);
            if (order.anythingShipped()) {
                throw OrdoException.conflict("already-shipped", "Order " + order.number + " has shipped lines and cannot be cancelled.");
            }
            order.lines.forEach(l -> toCancel.put(l, l.reserved + l.backordered));
        } else {
            boolean onlyBackorders = order.status == OrderStatus.IN_FULFILLMENT || order.status == OrderStatus.PARTIALLY_SHIPPED;
            if (!onlyBackorders) {
                requireChangeable(order);
            }
            List<FieldViolation> problems = new ArrayList<>();
            for (int i = 0; i < request.lines().size(); i++) {
                OrderRequests.CancelLine c = request.lines().get(i);
                OrderLine line = c == null || c.lineNumber() == null ? null : order.line(c.lineNumber());
                // once fulfilment has started, reserved stock may be on a shipment: only backorders can go
                long open = line == null ? 0 : onlyBackorders ? line.backordered : line.reserved + line.backordered;
                if (line == null) {
                    problems.add(new FieldViolation("lines[" + i + "].lineNumber", "no such line"));
                } else if (c.quantity() != null && (c.quantity() <= 0 || c.quantity() > open)) {
                    problems.add(new FieldViolation("lines[" + i + "].quantity", "must be between 1 and the open quantity " + open));
                } else if (toCancel.containsKey(line)) {
                    problems.add(new FieldViolation("lines[" + i + "].lineNumber", "is listed twice"));
                } else {
                    toCancel.put(line, c.quantity() == null ? open : c.quantity());
                }
            }
            if (!problems.isEmpty()) {
                throw OrdoException.invalid(problems);
            }
        }
        lockStock(toCancel.keySet());
        List<String> details = new ArrayList<>();
        for (Map.Entry<OrderLine, Long> e : toCancel.entrySet()) {
            OrderLine line = e.getKey();
            long quantity = e.getValue();
            if (quantity == 0) {
                continue;
            }
            long fromBackorder = Math.min(quantity, line.backordered);
            line.backordered -= fromBackorder;
            long fromReserved = quantity - fromBackorder;
            if (fromReserved > 0) {
                inventory.release(order.id, line.lineNumber, fromReserved);
                line.reserved -= fromReserved;
            }
            line.cancelled += quantity;
            line.reprice();
            line.deriveStatus();
            details.add("line " + line.lineNumber + ": cancelled " + quantity + " × " + line.sku);
        }
        order.recomputeTotals();
        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        history.add(new OrderStore.HistoryEntry(order.id, Instant.now(), Actor.current().username(), "CANCEL", null, null, reason.trim(),
                String.join("; ", details)));
        if (order.lines.stream().allMatch(l -> l.cancelled == l.quantity)) {
            history.add(transition(order, order.moveTo(OrderStatus.CANCELLED), reason.trim()));
        } else if (order.status == OrderStatus.PARTIALLY_SHIPPED && order.lines.stream().allMatch(l -> l.shipped == l.activeQuantity())) {
            history.add(transition(order, order.moveTo(OrderStatus.SHIPPED), "rest cancelled"));
        }
        return save(locked, history, "CANCELLED");
    }

    /** Changes address, dates, notes and line quantities of an unshipped order; reservations follow in the same transaction. */
    @Transactional
    OrderViews.OrderView change(String idOrNumber, String ifMatch, OrderRequests.ChangeOrder request) {
        if (request == null) {
            throw OrdoException.invalid("body", "is required");
        }
        Actor actor = Actor.current();
        List<FieldViolation> invalid = new ArrayList<>();
        if (request.shippingAddress() != null) {
            invalid.addAll(request.shippingAddress().violations("shippingAddress"));
        }
        if (request.shippingMethod() != null && !properties.transitDays().containsKey(request.shippingMethod())) {
            invalid.add(new FieldViolation("shippingMethod", "must be one of " + new java.util.TreeSet<>(properties.transitDays().keySet())));
        }
        OrderPlacement.checkText(invalid, "notes", request.notes(), 2000);
        OrderPlacement.checkText(invalid, "reason", request.reason(), 500);
        if (request.requestedDeliveryDate() != null && request.requestedDeliveryDate().isBefore(LocalDate.now(ZoneOffset.UTC))) {
            invalid.add(new FieldViolation("requestedDeliveryDate", "must not be in the past"));
        }
        List<OrderRequests.ChangeLine> lineChanges = request.lines() == null ? List.of() : request.lines();
        if (lineChanges.size() > properties.maxLines()) {
            invalid.add(new FieldViolation("lines", "must contain at most " + properties.maxLines() + " lines"));
        }
        boolean mayRaiseValue = false;
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lineChanges.size(); i++) {
            OrderRequests.ChangeLine c = lineChanges.get(i);
            String field = "lines[" + i + "]";
            if (c == null) {
                invalid.add(new FieldViolation(field, "must not be null"));
            } else if (c.lineNumber() == null) {
                OrderPlacement.validateLineFormat(invalid, field, c.sku(), c.quantity(), c.unitPrice());
                mayRaiseValue = true;
            } else {
                if (!seen.add(c.lineNumber())) {
                    invalid.add(new FieldViolation(field + ".lineNumber", "is listed twice"));
                }
                if (c.sku() != null || c.unitPrice() != null) {
                    invalid.add(new FieldViolation(field, "an existing line can change only its quantity; cancel it and add a new line"));
                }
                if (c.quantity() == null || c.quantity() < 0 || c.quantity() > OrderPlacement.MAX_LINE_QUANTITY) {
                    invalid.add(new FieldViolation(field + ".quantity", "must be between 0 and " + OrderPlacement.MAX_LINE_QUANTITY));
                }
                mayRaiseValue = true;
            }
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        UUID orderId = store.resolveId(idOrNumber).orElseThrow(() -> OrdoException.notFound("Order", idOrNumber));
        // lock order: customer (credit), order, lines, stock
        CustomerSnapshot customer = null;
        if (mayRaiseValue) {
            UUID customerId = store.find(orderId.toString()).map(o -> o.customerId).orElseThrow(() -> OrdoException.notFound("Order", idOrNumber));
            customer = customers.lockForCreditCheck(customerId);
        }
        Locked locked = lock(orderId.toString(), ifMatch);
        Order order = locked.order();
        requireChangeable(order);
        List<String> details = new ArrayList<>();
        if (request.shippingAddress() != null && !request.shippingAddress().equals(order.shippingAddress)) {
            boolean newCountry = !request.shippingAddress().country().equals(order.shippingAddress.country());
            order.shippingAddress = request.shippingAddress();
            details.add("shipping address changed");
            if (newCountry) {
                retax(order, customer != null ? customer : customers.find(order.customerId).orElseThrow());
                details.add("taxed for " + order.shippingAddress.country());
            }
        }
        if (request.requestedDeliveryDate() != null && !request.requestedDeliveryDate().equals(order.requestedDeliveryDate)) {
            order.requestedDeliveryDate = request.requestedDeliveryDate();
            details.add("requested delivery date " + request.requestedDeliveryDate());
        }
        if (request.shippingMethod() != null && !request.shippingMethod().equals(order.shippingMethod)) {
            order.shippingMethod = request.shippingMethod();
            details.add("shipping method " + request.shippingMethod());
        }
        if (request.notes() != null) {
            order.notes = request.notes().isBlank() ? null : request.notes();
            details.add("notes changed");
        }

        // existing lines: check quantities against what has shipped
        List<FieldViolation> rules = new ArrayList<>();
        Map<OrderLine, Long> newQuantities = new LinkedHashMap<>();
        List<OrderPlacement.LineInput> added = new ArrayList<>();
        for (int i = 0; i < lineChanges.size(); i++) {
            OrderRequests.ChangeLine c = lineChanges.get(i);
            if (c.lineNumber() == null) {
                added.add(new OrderPlacement.LineInput("lines[" + i + "]", c.sku(), c.quantity(), c.unitPrice()));
                continue;
            }
            OrderLine line = order.line(c.lineNumber());
            if (line == null) {
                rules.add(new FieldViolation("lines[" + i + "].lineNumber", "no such line"));
            } else if (c.quantity() < line.shipped) {
                rules.add(new FieldViolation("lines[" + i + "].quantity", "must not be below the shipped quantity " + line.shipped));
            } else {
                newQuantities.put(line, c.quantity());
            }
        }
        if (!rules.isEmpty()) {
            throw OrdoException.rule("invalid-lines", "Some line changes are not possible.", rules);
        }
        List<OrderPlacement.PricedLine> pricedNew = added.isEmpty() ? List.of()
                : placement.priceLines(added, order.currency, actor, destination(order, customer));

        Set<OrderLine> touched = new LinkedHashSet<>(newQuantities.keySet());
        Instant now = Instant.now();
        List<OrderLine> newLines = new ArrayList<>();
        for (OrderPlacement.PricedLine p : pricedNew) {
            OrderLine line = new OrderLine(order.nextLineNumber() + newLines.size(), p.sku(), p.name(), p.quantity(), p.unitPrice(),
                    p.overridden(), p.taxCategory(), p.taxRate(), now);
            newLines.add(line);
        }
        Set<String> skus = new LinkedHashSet<>();
        touched.forEach(l -> skus.add(l.sku));
        newLines.forEach(l -> skus.add(l.sku));
        List<StockPosition> positions = inventory.lockPositions(skus);

        // decreases first, so their released stock can serve increases of the same SKU
        List<Sourcing.Demand> increases = new ArrayList<>();
        for (Map.Entry<OrderLine, Long> e : newQuantities.entrySet()) {
            OrderLine line = e.getKey();
            long target = e.getValue();
            long active = line.activeQuantity();
            if (target == active) {
                continue;
            }
            if (target < active) {
                long decrease = active - target;
                long fromBackorder = Math.min(decrease, line.backordered);
                line.backordered -= fromBackorder;
                long fromReserved = decrease - fromBackorder;
                if (fromReserved > 0) {
                    inventory.release(order.id, line.lineNumber, fromReserved);
                    line.reserved -= fromReserved;
                }
                if (target == line.shipped && line.shipped == 0) {
                    line.cancelled += decrease;
                    details.add("line " + line.lineNumber + " cancelled");
                } else {
                    line.quantity -= decrease;
                    details.add("line " + line.lineNumber + " quantity " + active + " → " + target);
                }
            } else {
                long increase = target - active;
                line.quantity += increase;
                increases.add(new Sourcing.Demand(line.lineNumber, line.sku, increase));
                details.add("line " + line.lineNumber + " quantity " + active + " → " + target);
            }
            line.reprice();
        }
        for (OrderLine line : newLines) {
            order.lines.add(line);
            increases.add(new Sourcing.Demand(line.lineNumber, line.sku, line.quantity));
            details.add("line " + line.lineNumber + " added: " + line.quantity + " × " + line.sku);
        }
        if (!increases.isEmpty()) {
            List<StockPosition> current = inventory.lockPositions(skus);
            Sourcing sourcing = new Sourcing(current, store.backorderedPerSku(skus), customer == null ? null : customer.preferredWarehouse());
            List<ReservationRequest> reservations = new ArrayList<>();
            for (Sourcing.LinePlan plan : sourcing.plan(increases)) {
                OrderLine line = order.line(plan.lineNumber());
                line.reserved += plan.reserved();
                line.backordered += plan.backordered();
                if (plan.backordered() > 0 && line.backorderWarehouse == null) {
                    line.backorderWarehouse = OrderPlacement.backorderWarehouse(customer == null ? null : customer.preferredWarehouse(),
                            plan, positions);
                }
                for (Sourcing.Allocation a : plan.allocations()) {
                    reservations.add(new ReservationRequest(order.id, line.lineNumber, line.sku, a.warehouse(), a.quantity()));
                }
            }
            inventory.reserve(reservations);
        }
        order.lines.forEach(OrderLine::deriveStatus);
        order.recomputeTotals();
        order.promisedDate = OrderPlacement.promisedDate(order.placedAt, order.shippingMethod,
                order.lines.stream().anyMatch(l -> l.backordered > 0), order.requestedDeliveryDate, properties);

        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        String reason = request.reason() == null || request.reason().isBlank() ? "changed" : request.reason().trim();
        history.add(new OrderStore.HistoryEntry(order.id, now, actor.username(), "CHANGE", null, null, reason,
                details.isEmpty() ? "no change" : String.join("; ", details)));
        if (customer != null && (order.status == OrderStatus.PLACED || order.status == OrderStatus.CONFIRMED)) {
            // re-check credit with this order's new total in place of its old one
            java.math.BigDecimal previous = locked.before().totals().total().amount();
            String problem = placement.creditProblem(customer, order.total.amount().subtract(previous));
            if (problem != null && order.total.amount().compareTo(previous) > 0) {
                OrderStatus from = order.moveTo(OrderStatus.ON_HOLD);
                order.holdReason = problem;
                history.add(transition(order, from, problem));
            }
        }
        store.insertLines(newLines.stream().map(l -> new Object[] {order.id, l}).toList());
        List<OrderLine> changed = new ArrayList<>(order.lines);
        changed.removeAll(newLines);
        return save(locked, history, "CHANGED", changed);
    }

    /** Taxes every line again as the (new) destination taxes it. */
    private void retax(Order order, CustomerSnapshot customer) {
        TaxRates.Destination destination = destination(order, customer);
        Set<String> skus = new LinkedHashSet<>();
        order.lines.forEach(l -> skus.add(l.sku));
        Map<String, ProductSnapshot> products = catalog.find(skus);
        for (OrderLine line : order.lines) {
            ProductSnapshot product = products.get(line.sku);
            BigDecimal categoryRate = product != null ? product.taxRate() : line.taxRate;
            line.taxRate = destination.of(line.taxCategory, categoryRate).rate();
            line.reprice();
        }
    }

    private TaxRates.Destination destination(Order order, CustomerSnapshot customer) {
        return taxRates.forDestination(order.shippingAddress.country(), customer != null && customer.taxExempt());
    }

    /** See {@link org.ordo.orders.OrderEntry#backdate}: shifts the order's whole timeline back to {@code placedAt}. */
    @Transactional
    OrderViews.OrderView backdate(UUID orderId, Instant placedAt, java.time.Duration toShip, java.time.Duration toDeliver) {
        Locked locked = lock(orderId.toString(), null);
        Order order = locked.order();
        Instant now = Instant.now();
        if (placedAt == null) {
            throw OrdoException.invalid("placedAt", "is required");
        }
        placedAt = placedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (placedAt.isAfter(now) || placedAt.isAfter(order.placedAt)) {
            throw OrdoException.invalid("placedAt", "must be in the past and not after the current placement " + order.placedAt);
        }
        if (placedAt.atZone(ZoneOffset.UTC).getYear() != order.placedAt.atZone(ZoneOffset.UTC).getYear()) {
            throw OrdoException.invalid("placedAt", "must be in the year of the order number " + order.number);
        }
        if (toShip != null && (toShip.isNegative() || toDeliver == null || toDeliver.isNegative()
                || placedAt.plus(toShip).plus(toDeliver).isAfter(now))) {
            throw OrdoException.invalid("toShip", "shipping and delivery times must be positive and end before now");
        }
        java.time.Duration shift = java.time.Duration.between(placedAt, order.placedAt);
        store.shiftTimeline(order.id, shift);
        if (toShip != null) {
            store.spaceFulfilment(order.id, placedAt, toShip, toDeliver);
        }
        store.appendHistory(List.of(new OrderStore.HistoryEntry(order.id, now, Actor.current().username(), "BACKDATED", null, null,
                "data import", "placed at " + order.placedAt + " → " + placedAt)));
        Order after = store.lock(order.id).orElseThrow();
        OrderViews.OrderView view = OrderViews.view(after, OrderViews.byLine(inventory.activeReservations(order.id)));
        audit.record("ORDER", order.id.toString(), "BACKDATED", locked.before(), view);
        return view;
    }

    record Locked(Order order, OrderViews.OrderView before) {}

    private Locked lock(String idOrNumber, String ifMatch) {
        UUID id = store.resolveId(idOrNumber).orElseThrow(() -> OrdoException.notFound("Order", idOrNumber));
        Order order = store.lock(id).orElseThrow(() -> OrdoException.notFound("Order", idOrNumber));
        Actor actor = Actor.current();
        if (actor.isCustomer() && !order.customerId.equals(actor.customerId())) {
            throw OrdoException.notFound("Order", idOrNumber);
        }
        ETags.requireMatch(ifMatch, order.version, "Order " + order.number);
        return new Locked(order, OrderViews.view(order, OrderViews.byLine(inventory.activeReservations(order.id))));
    }

    private OrderViews.OrderView save(Locked locked, List<OrderStore.HistoryEntry> history, String action) {
        return save(locked, history, action, locked.order().lines);
    }

    private OrderViews.OrderView save(Locked locked, List<OrderStore.HistoryEntry> history, String action, List<OrderLine> linesToUpdate) {
        Order order = locked.order();
        store.updateHeader(order);
        store.updateLines(order.id, linesToUpdate);
        store.appendHistory(history);
        OrderViews.OrderView after = OrderViews.view(order, OrderViews.byLine(inventory.activeReservations(order.id)));
        audit.record("ORDER", order.id.toString(), action, locked.before(), after);
        for (OrderStore.HistoryEntry h : history) {
            if (h.to() != null) {
                events.publishEvent(new OrderStatusChanged(order.id, order.number, h.from(), h.to(), h.reason()));
            }
        }
        return after;
    }

    /** Locks the stock levels of the lines' SKUs in the global lock order before any of them changes. */
    private void lockStock(Iterable<OrderLine> lines) {
        Set<String> skus = new LinkedHashSet<>();
        lines.forEach(l -> {
            if (l.reserved > 0) {
                skus.add(l.sku);
            }
        });
        inventory.lockPositions(skus);
    }

    private static void requireChangeable(Order order) {
        if (!order.status.allowsChanges()) {
            throw OrdoException.conflict("not-changeable", "Order " + order.number + " is " + order.status
                    + "; lines can change only while it is DRAFT, PLACED, CONFIRMED or ON_HOLD.");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw OrdoException.invalid("reason", "is required");
        }
        if (reason.length() > 500) {
            throw OrdoException.invalid("reason", "must be at most 500 characters");
        }
    }

    private static OrderStore.HistoryEntry transition(Order order, OrderStatus from, String reason) {
        return new OrderStore.HistoryEntry(order.id, Instant.now(), Actor.current().username(), "STATUS", from, order.status, reason, null);
    }
}
