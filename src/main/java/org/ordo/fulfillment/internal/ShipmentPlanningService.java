package org.ordo.fulfillment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.Inventory;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.ordo.shared.RecordedTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans shipments from what an order has reserved and not yet put on another open shipment: one shipment per
 * warehouse the stock lies in. The order is locked first ({@link OrderFulfillment#beginFulfillment}), so two
 * planners of one order take turns and can never plan the same units twice.
 */
@Component
class ShipmentPlanningService {

    /** {@code lines} absent: everything reserved and unplanned; {@code warehouse} absent: every warehouse. */
    record PlanRequest(String warehouse, List<PlanLine> lines) {}

    record PlanLine(Integer lineNumber, Long quantity) {}

    private final Orders orders;
    private final OrderFulfillment fulfillment;
    private final Inventory inventory;
    private final ShipmentStore store;
    private final ShipmentViewQueries queries;
    private final AuditTrail audit;

    ShipmentPlanningService(
            Orders orders,
            OrderFulfillment fulfillment,
            Inventory inventory,
            ShipmentStore store,
            ShipmentViewQueries queries,
            AuditTrail audit) {
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.inventory = inventory;
        this.store = store;
        this.queries = queries;
        this.audit = audit;
    }

    @Transactional
    ShipmentViews.PlannedShipments plan(String orderIdOrNumber, PlanRequest request) {
        PlanRequest plan = request == null ? new PlanRequest(null, null) : request;
        checkShape(plan);
        // an id needs no look-up: locking the order finds it, or answers 404
        UUID id = ShipmentStore.parseUuid(orderIdOrNumber);
        UUID orderId = id != null
                ? id
                : orders.find(orderIdOrNumber)
                        .map(OrderSnapshot::id)
                        .orElseThrow(() -> OrdoException.notFound("Order", orderIdOrNumber));
        if (plan.warehouse() != null && inventory.warehouse(plan.warehouse()).isEmpty()) {
            throw OrdoException.rule(
                    "unknown-warehouse",
                    "Warehouse " + plan.warehouse() + " does not exist.",
                    List.of(new FieldViolation("warehouse", "is not a known warehouse")));
        }
        OrderSnapshot order = fulfillment.beginFulfillment(orderId);
        Map<Integer, Map<String, Long>> onOpenShipments = store.openQuantities(orderId);
        Map<String, Map<Integer, Long>> perWarehouse = plan.lines() == null
                ? everythingUnplanned(order, onOpenShipments, plan.warehouse())
                : linesAskedFor(order, onOpenShipments, plan);
        if (perWarehouse.isEmpty()) {
            throw OrdoException.conflict(
                    "nothing-to-plan",
                    "Order " + order.number() + " has no reserved quantity that is not already on a shipment"
                            + (plan.warehouse() == null ? "" : " in " + plan.warehouse()) + ".");
        }
        Instant now = RecordedTime.now();
        String actor = Actor.current().username();
        List<ShipmentViews.ShipmentView> created = new ArrayList<>();
        perWarehouse.forEach(
                (warehouse, lines) -> created.add(queries.view(createShipment(order, warehouse, lines, now, actor))));
        return new ShipmentViews.PlannedShipments(order.id(), order.number(), created);
    }

    /**
     * Everything the order has reserved and not yet on a shipment (in {@code onlyIn}, if given): warehouse → (line number →
     * quantity), warehouses in code order so that shipments are numbered predictably.
     */
    private static Map<String, Map<Integer, Long>> everythingUnplanned(
            OrderSnapshot order, Map<Integer, Map<String, Long>> onOpenShipments, String onlyIn) {
        Map<String, Map<Integer, Long>> perWarehouse = new TreeMap<>();
        for (OrderSnapshot.Line line : order.lines()) {
            unplanned(line, onOpenShipments, onlyIn)
                    .forEach((warehouse, free) -> perWarehouse
                            .computeIfAbsent(warehouse, w -> new TreeMap<>())
                            .put(line.lineNumber(), free));
        }
        return perWarehouse;
    }

    /**
     * The quantities asked for per line, taken from the warehouses in code order, each within what the line has reserved and
     * not yet on a shipment: warehouse → (line number → quantity).
     */
    private static Map<String, Map<Integer, Long>> linesAskedFor(
            OrderSnapshot order, Map<Integer, Map<String, Long>> onOpenShipments, PlanRequest plan) {
        Map<String, Map<Integer, Long>> perWarehouse = new TreeMap<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < plan.lines().size(); i++) {
            PlanLine wanted = plan.lines().get(i);
            OrderSnapshot.Line line = order.line(wanted.lineNumber());
            if (line == null) {
                problems.add(new FieldViolation(
                        "lines[" + i + "].lineNumber",
                        "order " + order.number() + " has no line " + wanted.lineNumber()));
                continue;
            }
            Map<String, Long> free = unplanned(line, onOpenShipments, plan.warehouse());
            long available = free.values().stream().mapToLong(Long::longValue).sum();
            if (wanted.quantity() > available) {
                problems.add(new FieldViolation(
                        "lines[" + i + "].quantity",
                        "line " + line.lineNumber() + " (" + line.sku() + ") has "
                                + available + " reserved and not yet on a shipment"
                                + (plan.warehouse() == null ? "" : " in " + plan.warehouse())
                                + "; " + wanted.quantity() + " cannot be planned"));
                continue;
            }
            long needed = wanted.quantity();
            for (Map.Entry<String, Long> e : free.entrySet()) {
                long take = Math.min(needed, e.getValue());
                if (take > 0) {
                    perWarehouse
                            .computeIfAbsent(e.getKey(), w -> new TreeMap<>())
                            .put(line.lineNumber(), take);
                    needed -= take;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw OrdoException.rule(
                    "exceeds-reserved",
                    "The shipment asks for more than order " + order.number() + " has reserved and not yet planned.",
                    problems);
        }
        return perWarehouse;
    }

    /** A PLANNED shipment of these lines (line number → quantity) from one warehouse, stored with its event and audit entry. */
    private Shipment createShipment(
            OrderSnapshot order, String warehouse, Map<Integer, Long> lines, Instant now, String actor) {
        Shipment shipment = new Shipment(
                UUID.randomUUID(),
                store.nextNumber(now),
                order.id(),
                order.number(),
                order.customerId(),
                warehouse,
                order.shippingAddress(),
                ShipmentStatus.PLANNED,
                now,
                actor);
        lines.forEach((lineNumber, quantity) -> {
            OrderSnapshot.Line line = order.line(lineNumber);
            shipment.lines.add(new Shipment.Line(lineNumber, line.sku(), line.name(), quantity));
        });
        store.insert(shipment);
        store.appendEvent(new ShipmentStore.Event(
                shipment.id, "PLANNED", now, warehouse, null, null, ShipmentStatus.PLANNED, actor));
        audit.record("SHIPMENT", shipment.id.toString(), "PLANNED", null, shipment.state());
        return shipment;
    }

    /** Per warehouse (in code order), what the line has reserved there minus what open shipments already hold. */
    private static Map<String, Long> unplanned(
            OrderSnapshot.Line line, Map<Integer, Map<String, Long>> onOpenShipments, String onlyIn) {
        Map<String, Long> free = new TreeMap<>();
        Map<String, Long> planned = onOpenShipments.getOrDefault(line.lineNumber(), Map.of());
        for (Map.Entry<String, Long> reserved : line.reservedByWarehouse().entrySet()) {
            if (onlyIn != null && !onlyIn.equals(reserved.getKey())) {
                continue;
            }
            long left = reserved.getValue() - planned.getOrDefault(reserved.getKey(), 0L);
            if (left > 0) {
                free.put(reserved.getKey(), left);
            }
        }
        return free;
    }

    private static void checkShape(PlanRequest plan) {
        List<FieldViolation> problems = new ArrayList<>();
        if (plan.warehouse() != null
                && (plan.warehouse().isBlank() || plan.warehouse().length() > 32)) {
            problems.add(new FieldViolation("warehouse", "must be a warehouse code"));
        }
        if (plan.lines() != null) {
            if (plan.lines().isEmpty()) {
                problems.add(new FieldViolation(
                        "lines", "must not be empty when given (leave it out to plan every reserved line)"));
            }
            if (plan.lines().size() > 1000) {
                problems.add(new FieldViolation("lines", "must have at most 1000 entries"));
            }
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < plan.lines().size(); i++) {
                PlanLine line = plan.lines().get(i);
                if (line == null) {
                    problems.add(new FieldViolation("lines[" + i + "]", "must not be null"));
                    continue;
                }
                if (line.lineNumber() == null) {
                    problems.add(new FieldViolation("lines[" + i + "].lineNumber", "is required"));
                } else if (!seen.add(line.lineNumber())) {
                    problems.add(new FieldViolation("lines[" + i + "].lineNumber", "appears more than once"));
                }
                if (line.quantity() == null || line.quantity() <= 0) {
                    problems.add(new FieldViolation("lines[" + i + "].quantity", "must be greater than 0"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
    }
}
