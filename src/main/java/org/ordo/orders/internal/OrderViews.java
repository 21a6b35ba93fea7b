package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.inventory.ReservationView;
import org.ordo.orders.LineStatus;
import org.ordo.orders.OrderStatus;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/** The JSON shapes of orders (docs/api.md). */
final class OrderViews {

    private OrderViews() {}

    record OrderView(
            UUID id,
            String number,
            UUID customerId,
            String channel,
            String externalReference,
            String currency,
            OrderStatus status,
            Address shippingAddress,
            LocalDate requestedDeliveryDate,
            LocalDate promisedDate,
            String shippingMethod,
            String notes,
            String holdReason,
            List<LineView> lines,
            Totals totals,
            Instant placedAt,
            String placedBy,
            long version,
            List<String> allowedActions) {}

    record LineView(
            int lineNumber,
            String sku,
            String name,
            long quantity,
            long reservedQuantity,
            long backorderedQuantity,
            long cancelledQuantity,
            long shippedQuantity,
            long returnedQuantity,
            LineStatus status,
            Money listPrice,
            String priceRule,
            List<org.ordo.pricing.Pricing.Discount> discounts,
            Money unitPrice,
            boolean priceOverridden,
            String taxCategory,
            BigDecimal taxRate,
            String vatCategory,
            Money lineNet,
            Money tax,
            List<Reserved> reservations,
            LocalDate promisedDate,
            String promiseSource,
            boolean promiseEstimated) {}

    record Reserved(String warehouse, long quantity) {}

    record Totals(Money subtotal, Money discount, Money shipping, Money tax, Money total) {}

    record HistoryView(
            Instant at,
            String actor,
            String kind,
            OrderStatus fromStatus,
            OrderStatus toStatus,
            String reason,
            String details) {}

    static OrderView view(Order o, Map<Integer, List<Reserved>> reservations) {
        List<LineView> lines = new ArrayList<>(o.lines().size());
        for (OrderLine l : o.lines()) {
            lines.add(new LineView(
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
                    l.pricing() == null ? null : l.pricing().listPrice(),
                    l.pricing() == null ? null : l.pricing().priceRule(),
                    l.pricing() == null ? List.of() : l.pricing().discounts(),
                    l.unitPrice(),
                    l.priceOverridden(),
                    l.taxCategory(),
                    l.taxRate(),
                    l.vatCategory(),
                    l.lineNet(),
                    l.tax(),
                    reservations.getOrDefault(l.lineNumber(), List.of()),
                    l.promisedDate(),
                    l.promiseSource(),
                    PromisePolicy.isEstimate(l.promiseSource())));
        }
        return new OrderView(
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
                o.notes(),
                o.holdReason(),
                lines,
                new Totals(o.subtotal(), o.discount(), o.shipping(), o.tax(), o.total()),
                o.placedAt(),
                o.placedBy(),
                o.version(),
                actions(o.status()));
    }

    static Map<Integer, List<Reserved>> byLine(List<ReservationView> reservations) {
        Map<Integer, List<Reserved>> result = new java.util.TreeMap<>();
        for (ReservationView r : reservations) {
            result.computeIfAbsent(r.lineNumber(), k -> new ArrayList<>())
                    .add(new Reserved(r.warehouse(), r.quantity()));
        }
        return result;
    }

    /** What may be done to an order in this state: what a client or page should offer. */
    static List<String> actions(OrderStatus status) {
        List<String> actions = new ArrayList<>();
        if (status.allowsChanges()) {
            actions.add("change");
        }
        if (status.canMoveTo(OrderStatus.CONFIRMED)) {
            actions.add("confirm");
        }
        if (status.canMoveTo(OrderStatus.ON_HOLD)) {
            actions.add("hold");
        }
        if (status == OrderStatus.ON_HOLD) {
            actions.add("release");
        }
        if (status.canMoveTo(OrderStatus.CANCELLED)) {
            actions.add("cancel");
        }
        return actions;
    }

    static HistoryView history(OrderStore.HistoryEntry h) {
        return new HistoryView(h.at(), h.actor(), h.kind(), h.from(), h.to(), h.reason(), h.details());
    }
}
