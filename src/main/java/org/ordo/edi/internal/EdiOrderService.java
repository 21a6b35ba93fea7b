package org.ordo.edi.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.edi.EdiInterchanges;
import org.ordo.edi.TradingPartners;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderQuote;
import org.ordo.orders.OrderSnapshot;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Service;

/**
 * Places one purchase order through the same placement as the order API (channel EDI, the PO number as external
 * reference), or keeps it for a person: an unknown partner, an inactive customer, an unknown item or anything the
 * placement refuses leaves the order unplaced, the lines at fault REJECTED and the others HELD.
 */
@Service
class EdiOrderService {

    static final String CHANNEL = "EDI";

    /** What became of the purchase order: PLACED, ATTENTION or REJECTED, with its lines. */
    record Outcome(String status, UUID orderId, List<String> errors, List<OrderResponseRenderer.LineOutcome> lines) {

        boolean placed() {
            return "PLACED".equals(status);
        }

        List<EdiInterchanges.Line> rows() {
            List<EdiInterchanges.Line> rows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                OrderResponseRenderer.LineOutcome l = lines.get(i);
                List<PurchaseOrder.ItemCode> codes = l.line().codes();
                PurchaseOrder.ItemCode shown = codes.stream()
                        .filter(c -> c.code().equals(ItemCodePolicy.mappable(codes)))
                        .findFirst()
                        .orElse(null);
                rows.add(new EdiInterchanges.Line(
                        i + 1,
                        l.line().partnerLine(),
                        shown == null ? null : shown.qualifier(),
                        shown == null ? null : shown.code(),
                        l.quantity(),
                        l.sku(),
                        l.status(),
                        l.error()));
            }
            return rows;
        }
    }

    private final OrderEntry orders;
    private final Customers customers;
    private final ItemCodePolicy items;
    private final InterchangeStore interchanges;

    EdiOrderService(OrderEntry orders, Customers customers, ItemCodePolicy items, InterchangeStore interchanges) {
        this.orders = orders;
        this.customers = customers;
        this.items = items;
        this.interchanges = interchanges;
    }

    Outcome process(PurchaseOrder po, Optional<TradingPartners.Partner> partner, Map<String, String> partnerItems) {
        List<String> errors = new ArrayList<>(po.problems());
        if (po.number().isBlank()) {
            errors.add("The purchase order has no number (BEG03, BGM 1004).");
        }
        if (po.lines().isEmpty()) {
            errors.add("The purchase order has no lines.");
        }
        if (partner.isEmpty()) {
            errors.add("No trading partner sends with this sender id: create the partner, then process again.");
        } else {
            customerProblem(partner.get().customerId()).ifPresent(errors::add);
            if (errors.isEmpty() && interchanges.placedBefore(partner.get().id(), po.number())) {
                return new Outcome(
                        "REJECTED",
                        null,
                        List.of("Purchase order " + po.number() + " has been placed before."),
                        everyLine(po, "REJECTED"));
            }
        }
        List<OrderResponseRenderer.LineOutcome> lines = mapLines(po, partnerItems);
        boolean linesFine = lines.stream().noneMatch(l -> l.status().equals("REJECTED"));
        if (!errors.isEmpty() || !linesFine) {
            return new Outcome("ATTENTION", null, errors, held(lines));
        }
        return place(po, partner.get(), lines);
    }

    private Optional<String> customerProblem(UUID customerId) {
        Optional<CustomerSnapshot> customer = customers.find(customerId);
        if (customer.isEmpty()) {
            return Optional.of("The partner's customer does not exist.");
        }
        return customer.get().active()
                ? Optional.empty()
                : Optional.of("Customer " + customer.get().name() + " is inactive.");
    }

    private List<OrderResponseRenderer.LineOutcome> mapLines(PurchaseOrder po, Map<String, String> partnerItems) {
        List<OrderResponseRenderer.LineOutcome> lines = new ArrayList<>();
        for (PurchaseOrder.Line line : po.lines()) {
            long quantity = quantity(line.quantity());
            Optional<String> sku = items.sku(line.codes(), partnerItems);
            String error = quantity <= 0
                    ? "Quantity \"" + line.quantity() + "\" is not a whole number above 0."
                    : sku.isEmpty()
                            ? "Unknown item: " + (line.codes().isEmpty() ? "no item code" : line.codes())
                            : null;
            lines.add(new OrderResponseRenderer.LineOutcome(
                    line, sku.orElse(null), Math.max(0, quantity), 0, error == null ? "ACCEPTED" : "REJECTED", error));
        }
        return lines;
    }

    private static long quantity(String text) {
        try {
            return new java.math.BigDecimal(text.trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }

    private Outcome place(
            PurchaseOrder po, TradingPartners.Partner partner, List<OrderResponseRenderer.LineOutcome> lines) {
        List<OrderEntry.NewLine> newLines = lines.stream()
                .map(l -> new OrderEntry.NewLine(l.sku(), l.quantity()))
                .toList();
        LocalDate requested =
                po.requestedDate() != null && po.requestedDate().isAfter(LocalDate.now()) ? po.requestedDate() : null;
        OrderEntry.NewOrder order = new OrderEntry.NewOrder(
                partner.customerId(),
                CHANNEL,
                po.number(),
                null,
                "EDI purchase order " + po.number() + " from " + partner.name(),
                newLines,
                po.shipTo(),
                requested);
        List<String> errors = new ArrayList<>();
        List<OrderResponseRenderer.LineOutcome> quoted = quoted(orders.quote(order), lines, errors);
        if (!errors.isEmpty() || quoted.stream().anyMatch(l -> l.status().equals("REJECTED"))) {
            return new Outcome("ATTENTION", null, errors, held(quoted));
        }
        try {
            OrderSnapshot placed = orders.place(order);
            return new Outcome("PLACED", placed.id(), List.of(), placedLines(placed, lines));
        } catch (OrdoException e) {
            errors.add(e.getMessage());
            e.violations().forEach(v -> errors.add(v.field() + " " + v.message()));
            return new Outcome("ATTENTION", null, errors, held(lines));
        }
    }

    /** The quote's problems: those of a line reject the line, the others the order. */
    private static List<OrderResponseRenderer.LineOutcome> quoted(
            OrderQuote quote, List<OrderResponseRenderer.LineOutcome> lines, List<String> errors) {
        List<OrderResponseRenderer.LineOutcome> result = new ArrayList<>(lines);
        for (FieldViolation problem : quote.problems()) {
            String field = problem.field() == null ? "" : problem.field();
            if (field.startsWith("lines[")) {
                int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
                OrderResponseRenderer.LineOutcome l = result.get(index);
                result.set(index, l.rejected(field.substring(field.indexOf(']') + 2) + " " + problem.message()));
            } else {
                errors.add((field.isEmpty() ? "" : field + " ") + problem.message());
            }
        }
        return result;
    }

    private static List<OrderResponseRenderer.LineOutcome> placedLines(
            OrderSnapshot placed, List<OrderResponseRenderer.LineOutcome> lines) {
        List<OrderResponseRenderer.LineOutcome> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderSnapshot.Line line = placed.lines().get(i);
            OrderResponseRenderer.LineOutcome l = lines.get(i);
            String status = line.backordered() > 0 ? "BACKORDERED" : "ACCEPTED";
            result.add(new OrderResponseRenderer.LineOutcome(
                    l.line(), l.sku(), l.quantity(), line.backordered(), status, null));
        }
        return result;
    }

    /** Lines of an order that is not placed: those at fault stay REJECTED, the good ones wait with it. */
    private static List<OrderResponseRenderer.LineOutcome> held(List<OrderResponseRenderer.LineOutcome> lines) {
        return lines.stream()
                .map(l -> l.status().equals("REJECTED")
                        ? l
                        : new OrderResponseRenderer.LineOutcome(l.line(), l.sku(), l.quantity(), 0, "HELD", null))
                .toList();
    }

    private List<OrderResponseRenderer.LineOutcome> everyLine(PurchaseOrder po, String status) {
        return mapLines(po, Map.of()).stream()
                .map(l -> new OrderResponseRenderer.LineOutcome(l.line(), l.sku(), l.quantity(), 0, status, null))
                .toList();
    }
}
