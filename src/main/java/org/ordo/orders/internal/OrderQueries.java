package org.ordo.orders.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.ReservationView;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.stereotype.Component;

@Component
class OrderQueries implements Orders {

    private final OrderStore store;
    private final Inventory inventory;

    OrderQueries(OrderStore store, Inventory inventory) {
        this.store = store;
        this.inventory = inventory;
    }

    @Override
    public Optional<OrderSnapshot> find(String idOrNumber) {
        return store.find(idOrNumber).map(o -> snapshot(o, inventory.activeReservations(o.id())));
    }

    @Override
    public PageResult<Summary> search(Search search, Paging paging) {
        return store.search(
                        new OrderStore.SearchFilter(
                                search.statuses(),
                                search.customerId(),
                                search.channel(),
                                search.placedFrom(),
                                search.placedTo(),
                                search.text()),
                        paging)
                .map(OrderQueries::summary);
    }

    @Override
    public List<Summary> summaries(Collection<UUID> orderIds) {
        return store.summaries(orderIds).stream().map(OrderQueries::summary).toList();
    }

    @Override
    public List<LineQuantities> lineQuantities(Collection<UUID> orderIds) {
        return store.lineQuantities(orderIds);
    }

    @Override
    public List<HistoryEntry> history(UUID orderId) {
        return store.history(orderId).stream()
                .map(h -> new HistoryEntry(h.at(), h.actor(), h.kind(), h.from(), h.to(), h.reason(), h.details()))
                .toList();
    }

    private static Summary summary(OrderStore.Summary s) {
        return new Summary(
                s.id(),
                s.number(),
                s.customerId(),
                s.channel(),
                s.externalReference(),
                s.status(),
                s.total(),
                s.placedAt());
    }

    static OrderSnapshot snapshot(Order o, List<ReservationView> reservations) {
        List<OrderSnapshot.Line> lines = new ArrayList<>(o.lines().size());
        for (OrderLine l : o.lines()) {
            Map<String, Long> byWarehouse = new TreeMap<>();
            reservations.stream()
                    .filter(r -> r.lineNumber() == l.lineNumber())
                    .forEach(r -> byWarehouse.merge(r.warehouse(), r.quantity(), Long::sum));
            lines.add(new OrderSnapshot.Line(
                    l.lineNumber(),
                    l.sku(),
                    l.productName(),
                    l.quantity(),
                    l.reserved(),
                    l.backordered(),
                    l.cancelled(),
                    l.shipped(),
                    l.returned(),
                    l.status(),
                    l.unitPrice(),
                    l.taxCategory(),
                    l.taxRate(),
                    l.lineNet(),
                    l.tax(),
                    Map.copyOf(byWarehouse),
                    l.promisedDate(),
                    l.promiseSource(),
                    PromisePolicy.isEstimate(l.promiseSource()),
                    l.grossPrice(),
                    l.pricing() == null ? List.of() : l.pricing().discounts()));
        }
        return new OrderSnapshot(
                o.id(),
                o.number(),
                o.customerId(),
                o.channel(),
                o.externalReference(),
                o.currency().getCurrencyCode(),
                o.status(),
                o.shippingAddress(),
                o.requestedDeliveryDate(),
                o.promisedDate(),
                o.shippingMethod(),
                o.placedAt(),
                o.subtotal(),
                o.discount(),
                o.shipping(),
                o.tax(),
                o.total(),
                List.copyOf(lines),
                o.version());
    }
}
