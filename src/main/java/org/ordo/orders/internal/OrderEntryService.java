package org.ordo.orders.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderQuote;
import org.ordo.orders.OrderSnapshot;
import org.ordo.platform.ETags;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link OrderEntry} on top of {@link OrderPlacementService} and {@link OrderService}, which own the rules. */
@Component
class OrderEntryService implements OrderEntry {

    private final OrderPlacementService placement;
    private final OrderService operations;
    private final OrderQueries queries;
    private final OrderProperties properties;

    OrderEntryService(
            OrderPlacementService placement,
            OrderService operations,
            OrderQueries queries,
            OrderProperties properties) {
        this.placement = placement;
        this.operations = operations;
        this.queries = queries;
        this.properties = properties;
    }

    @Override
    @Transactional
    public OrderSnapshot place(NewOrder order) {
        if (order == null) {
            throw OrdoException.invalid("body", "is required");
        }
        List<OrderRequests.PlaceLine> lines = order.lines() == null
                ? null
                : order.lines().stream()
                        .map(l -> new OrderRequests.PlaceLine(
                                l.sku(),
                                l.quantity(),
                                l.agreedUnitPrice(),
                                l.agreedUnitPrice() == null ? l.discount() : null))
                        .toList();
        boolean pricesAgreed = lines != null && lines.stream().anyMatch(l -> l.unitPrice() != null);
        UUID id = placement
                .place(
                        new OrderRequests.PlaceOrder(
                                order.customerId(),
                                order.channel(),
                                order.externalReference(),
                                null,
                                order.shippingAddress(),
                                order.requestedDeliveryDate(),
                                order.shippingMethod(),
                                order.notes(),
                                lines),
                        false,
                        pricesAgreed)
                .id();
        return snapshot(id);
    }

    @Override
    @Transactional(readOnly = true)
    public OrderQuote quote(NewOrder order) {
        if (order == null) {
            throw OrdoException.invalid("body", "is required");
        }
        return placement.quote(order);
    }

    @Override
    public List<String> shippingMethods() {
        List<String> methods = new java.util.ArrayList<>(
                new java.util.TreeSet<>(properties.transitDays().keySet()));
        if (methods.remove("STANDARD")) {
            methods.add(0, "STANDARD");
        }
        return methods;
    }

    @Override
    @Transactional
    public OrderSnapshot change(UUID orderId, List<LineChange> lines, String reason) {
        List<OrderRequests.ChangeLine> changes = lines.stream()
                .map(l -> new OrderRequests.ChangeLine(
                        l.lineNumber(), l.lineNumber() == null ? l.sku() : null, l.quantity(), null))
                .toList();
        operations.change(
                orderId.toString(), null, new OrderRequests.ChangeOrder(null, null, null, null, changes, reason));
        return snapshot(orderId);
    }

    @Override
    @Transactional
    public OrderSnapshot change(UUID orderId, OrderChange change) {
        List<OrderRequests.ChangeLine> changes = change.lines() == null
                ? null
                : change.lines().stream()
                        .map(l -> new OrderRequests.ChangeLine(
                                l.lineNumber(), l.lineNumber() == null ? l.sku() : null, l.quantity(), null))
                        .toList();
        String ifMatch = change.madeOnVersion() == null ? null : ETags.of(change.madeOnVersion());
        operations.change(
                orderId.toString(),
                ifMatch,
                new OrderRequests.ChangeOrder(
                        change.shippingAddress(),
                        change.requestedDeliveryDate(),
                        change.shippingMethod(),
                        null,
                        changes,
                        change.reason()));
        return snapshot(orderId);
    }

    @Override
    @Transactional
    public OrderSnapshot cancel(UUID orderId, String reason) {
        operations.cancel(orderId.toString(), null, new OrderRequests.Cancel(reason, null));
        return snapshot(orderId);
    }

    @Override
    @Transactional
    public OrderSnapshot cancelLine(UUID orderId, int lineNumber, long quantity, String reason) {
        operations.cancel(
                orderId.toString(),
                null,
                new OrderRequests.Cancel(reason, List.of(new OrderRequests.CancelLine(lineNumber, quantity))));
        return snapshot(orderId);
    }

    @Override
    @Transactional
    public OrderSnapshot hold(UUID orderId, String reason) {
        operations.hold(orderId.toString(), null, reason);
        return snapshot(orderId);
    }

    @Override
    @Transactional
    public OrderSnapshot release(UUID orderId, String reason) {
        operations.release(orderId.toString(), null, reason);
        return snapshot(orderId);
    }

    @Override
    @Transactional
    public OrderSnapshot backdate(UUID orderId, Instant placedAt) {
        operations.backdate(orderId, placedAt, null, null);
        return snapshot(orderId);
    }

    @Override
    @Transactional
    public OrderSnapshot backdate(
            UUID orderId, Instant placedAt, java.time.Duration toShip, java.time.Duration toDeliver) {
        operations.backdate(orderId, placedAt, toShip, toDeliver);
        return snapshot(orderId);
    }

    private OrderSnapshot snapshot(UUID id) {
        return queries.find(id).orElseThrow(() -> OrdoException.notFound("Order", id));
    }
}
