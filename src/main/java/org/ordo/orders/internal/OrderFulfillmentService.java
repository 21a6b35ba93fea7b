package org.ordo.orders.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.ReservationView;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.OrderSettlement;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.OrderStatusChanged;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.IllegalTransitionException;
import org.ordo.shared.OrdoException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Moves orders through fulfilment, delivery, returns and completion on behalf of the modules that do that work. */
@Component
class OrderFulfillmentService implements OrderFulfillment {

    private final OrderStore store;
    private final Inventory inventory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<OrderSettlement> settlement;

    OrderFulfillmentService(
            OrderStore store,
            Inventory inventory,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ObjectProvider<OrderSettlement> settlement) {
        this.store = store;
        this.inventory = inventory;
        this.audit = audit;
        this.events = events;
        this.settlement = settlement;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderSnapshot beginFulfillment(UUID orderId) {
        Order order = lock(orderId);
        // starting changes the order's state only: its lines and reservations stay as read here
        List<ReservationView> reserved = inventory.activeReservations(order.id());
        OrderSnapshot before = OrderQueries.snapshot(order, reserved);
        if (order.status() == OrderStatus.IN_FULFILLMENT || order.status() == OrderStatus.PARTIALLY_SHIPPED) {
            return before;
        }
        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        history.add(transition(order, order.moveTo(OrderStatus.IN_FULFILLMENT), "fulfilment started"));
        return save(order, before, history, "FULFILLMENT_STARTED", List.of(), reserved);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderSnapshot recordShipment(UUID orderId, String shipmentNumber, List<ShippedQuantity> quantities) {
        Order order = lock(orderId);
        if (order.status() != OrderStatus.IN_FULFILLMENT && order.status() != OrderStatus.PARTIALLY_SHIPPED) {
            throw new IllegalTransitionException(
                    "Order",
                    order.number(),
                    order.status(),
                    OrderStatus.SHIPPED,
                    order.status().allowedNext());
        }
        OrderSnapshot before = snapshot(order);
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            ShippedQuantity q = quantities.get(i);
            OrderLine line = order.line(q.lineNumber());
            if (line == null) {
                problems.add(new FieldViolation(
                        "lines[" + i + "].lineNumber", "order " + order.number() + " has no line " + q.lineNumber()));
            } else if (q.quantity() <= 0) {
                problems.add(new FieldViolation("lines[" + i + "].quantity", "must be greater than 0"));
            }
        }
        if (!problems.isEmpty()) {
            throw OrdoException.rule(
                    "invalid-shipment", "The shipment does not fit order " + order.number() + ".", problems);
        }
        // what is not reserved is refused (409) before the lines change; the stock levels are locked there, after the
        // order and its lines (the lock order)
        inventory.consumeAll(order.id(), consumptions(order, quantities), shipmentNumber);
        List<String> details = new ArrayList<>();
        for (ShippedQuantity q : quantities) {
            OrderLine line = order.line(q.lineNumber());
            order.ship(line, q.quantity());
            details.add(
                    "line " + line.lineNumber() + ": " + q.quantity() + " × " + line.sku() + " from " + q.warehouse());
        }
        Instant now = Instant.now();
        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        history.add(new OrderStore.HistoryEntry(
                order.id(),
                now,
                Actor.current().username(),
                "SHIPMENT",
                null,
                null,
                "shipment " + shipmentNumber,
                String.join("; ", details)));
        boolean everythingShipped = order.everythingShipped();
        OrderStatus target = everythingShipped ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
        if (order.status() != target) {
            history.add(transition(order, order.moveTo(target), "shipment " + shipmentNumber));
        }
        if (everythingShipped) {
            order.markShipped(now);
        }
        return save(order, before, history, "SHIPPED", order.lines());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderSnapshot recordDelivery(UUID orderId, Instant deliveredAt) {
        Order order = lock(orderId);
        if (order.status() == OrderStatus.DELIVERED || order.status() == OrderStatus.COMPLETED) {
            return snapshot(order); // delivered already: repeated tracking events change nothing
        }
        OrderSnapshot before = snapshot(order);
        List<OrderStore.HistoryEntry> history = new ArrayList<>();
        if (order.status() == OrderStatus.PARTIALLY_SHIPPED) {
            history.add(new OrderStore.HistoryEntry(
                    order.id(),
                    Instant.now(),
                    Actor.current().username(),
                    "DELIVERY",
                    null,
                    null,
                    "shipped part delivered",
                    null));
            return save(order, before, history, "PARTLY_DELIVERED", List.of());
        }
        history.add(transition(order, order.deliver(deliveredAt == null ? Instant.now() : deliveredAt), "delivered"));
        OrderStatusAndHistory completion = completion(order);
        history.addAll(completion.history());
        return save(order, before, history, "DELIVERED", order.lines());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderSnapshot recordReturn(UUID orderId, int lineNumber, long quantity, String reason) {
        Order order = lock(orderId);
        OrderLine line = order.line(lineNumber);
        if (line == null) {
            throw OrdoException.rule(
                    "no-such-line",
                    "Order " + order.number() + " has no line " + lineNumber + ".",
                    List.of(new FieldViolation("lineNumber", "no such line")));
        }
        if (quantity <= 0 || line.returned() + quantity > line.shipped()) {
            throw OrdoException.conflict(
                    "return-exceeds-shipped",
                    "Line " + lineNumber + " of order " + order.number() + " shipped " + line.shipped() + " and has "
                            + line.returned() + " returned already; " + quantity + " more cannot be returned.");
        }
        OrderSnapshot before = snapshot(order);
        order.recordReturn(line, quantity);
        List<OrderStore.HistoryEntry> history = List.of(new OrderStore.HistoryEntry(
                order.id(),
                Instant.now(),
                Actor.current().username(),
                "RETURN",
                null,
                null,
                reason,
                "line " + lineNumber + ": " + quantity + " × " + line.sku() + " returned"));
        return save(order, before, history, "RETURNED", List.of(line));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean completeIfSettled(UUID orderId) {
        Order order = lock(orderId);
        if (order.status() != OrderStatus.DELIVERED) {
            return false;
        }
        OrderSnapshot before = snapshot(order);
        OrderStatusAndHistory completion = completion(order);
        if (completion.history().isEmpty()) {
            return false;
        }
        save(order, before, completion.history(), "COMPLETED", List.of());
        return true;
    }

    private record OrderStatusAndHistory(List<OrderStore.HistoryEntry> history) {}

    private OrderStatusAndHistory completion(Order order) {
        OrderSettlement settled = settlement.getIfAvailable();
        if (order.status() == OrderStatus.DELIVERED && settled != null && settled.isSettled(order.id())) {
            OrderStore.HistoryEntry entry =
                    transition(order, order.complete(Instant.now()), "delivered, invoiced and paid");
            return new OrderStatusAndHistory(List.of(entry));
        }
        return new OrderStatusAndHistory(List.of());
    }

    private static List<Inventory.Consumption> consumptions(Order order, List<ShippedQuantity> quantities) {
        return quantities.stream()
                .map(q -> new Inventory.Consumption(
                        q.lineNumber(), order.line(q.lineNumber()).sku(), q.warehouse(), q.quantity()))
                .toList();
    }

    private Order lock(UUID orderId) {
        return store.lock(orderId).orElseThrow(() -> OrdoException.notFound("Order", orderId));
    }

    private OrderSnapshot snapshot(Order order) {
        return OrderQueries.snapshot(order, inventory.activeReservations(order.id()));
    }

    private OrderSnapshot save(
            Order order,
            OrderSnapshot before,
            List<OrderStore.HistoryEntry> history,
            String action,
            List<OrderLine> lines) {
        return save(order, before, history, action, lines, null);
    }

    /** Saves the header, these lines and the history; {@code reserved}: the active reservations, null to read them. */
    private OrderSnapshot save(
            Order order,
            OrderSnapshot before,
            List<OrderStore.HistoryEntry> history,
            String action,
            List<OrderLine> lines,
            List<ReservationView> reserved) {
        store.updateHeader(order);
        store.updateLines(order.id(), lines);
        store.appendHistory(history);
        OrderSnapshot after = reserved == null ? snapshot(order) : OrderQueries.snapshot(order, reserved);
        audit.record("ORDER", order.id().toString(), action, before, after);
        for (OrderStore.HistoryEntry h : history) {
            if (h.to() != null) {
                events.publishEvent(new OrderStatusChanged(order.id(), order.number(), h.from(), h.to(), h.reason()));
            }
        }
        return after;
    }

    private static OrderStore.HistoryEntry transition(Order order, OrderStatus from, String reason) {
        return new OrderStore.HistoryEntry(
                order.id(), Instant.now(), Actor.current().username(), "STATUS", from, order.status(), reason, null);
    }
}
