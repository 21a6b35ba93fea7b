package org.ordo.orders.internal;

import java.util.List;
import java.util.UUID;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.orders.ReplacementOrders;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Places replacement orders through {@link OrderPlacementService}, so they reserve stock and queue for backorders like any other. */
@Component
class ReplacementOrderService implements ReplacementOrders {

    private final OrderStore store;
    private final OrderPlacementService placement;
    private final Orders orders;

    ReplacementOrderService(OrderStore store, OrderPlacementService placement, Orders orders) {
        this.store = store;
        this.placement = placement;
        this.orders = orders;
    }

    @Override
    @Transactional
    public OrderSnapshot place(UUID originalOrderId, String externalReference, List<Line> lines) {
        Order original = store.find(originalOrderId.toString())
                .orElseThrow(() -> OrdoException.notFound("Order", originalOrderId));
        Money free = Money.zero(original.currency());
        List<OrderRequests.PlaceLine> placeLines = lines.stream()
                .map(l -> new OrderRequests.PlaceLine(l.sku(), l.quantity(), free))
                .toList();
        OrderRequests.PlaceOrder request = new OrderRequests.PlaceOrder(
                original.customerId(),
                Orders.REPLACEMENT,
                externalReference,
                original.currency().getCurrencyCode(),
                original.shippingAddress(),
                null,
                original.shippingMethod(),
                "Replacement for order " + original.number() + " (" + externalReference + ")",
                placeLines);
        OrderViews.OrderView placed = placement.place(request, true);
        return orders.find(placed.id()).orElseThrow();
    }
}
