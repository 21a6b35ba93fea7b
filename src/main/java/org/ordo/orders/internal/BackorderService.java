package org.ordo.orders.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.BackorderDemand;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.ReservationRequest;
import org.ordo.inventory.StockAvailable;
import org.ordo.inventory.StockPosition;
import org.ordo.orders.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills backorders oldest first (invariant 5) whenever stock of their SKU becomes available.
 *
 * <p>Runs right after the transaction that made stock available commits (the event is kept in the event
 * publication registry until this succeeds, so a crash in between loses nothing), and as a periodic sweep.
 * Placement never takes stock that older backorders wait for, so newer orders cannot jump the queue in between.
 *
 * <p>Lock order: the orders (oldest first), then their lines, then stock levels — the same order as changes and
 * cancellations take, so fills never deadlock with them.
 */
@Component
class BackorderService implements BackorderDemand {

    private static final Logger log = LoggerFactory.getLogger(BackorderService.class);
    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final OrderStore store;
    private final Inventory inventory;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    BackorderService(
            JdbcClient jdbc,
            OrderStore store,
            Inventory inventory,
            AuditTrail audit,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.store = store;
        this.inventory = inventory;
        this.audit = audit;
        this.transactions = transactions;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(StockAvailable event) {
        for (String sku : new TreeSet<>(event.skus())) {
            fillAll(sku);
        }
    }

    /** Catches up on anything a lost event or a failed fill left behind. */
    @Scheduled(
            initialDelayString = "${ordo.orders.backorder-sweep-ms:60000}",
            fixedDelayString = "${ordo.orders.backorder-sweep-ms:60000}")
    void sweep() {
        List<String> skus = jdbc.sql("SELECT DISTINCT sku FROM order_line WHERE backordered_quantity > 0 ORDER BY sku")
                .query(String.class)
                .list();
        if (skus.isEmpty()) {
            return;
        }
        Set<String> withStock = new TreeSet<>();
        for (StockPosition p : inventory.positions(skus)) {
            if (p.available() > 0) {
                withStock.add(p.sku());
            }
        }
        withStock.forEach(this::fillAll);
    }

    /** Fills in batches of the oldest backorders until the stock or the backorders run out. */
    void fillAll(String sku) {
        while (true) {
            Integer filled = transactions.execute(tx -> fillBatch(sku));
            if (filled == null || filled < BATCH) {
                return;
            }
        }
    }

    /** One transaction: returns how many backordered lines it looked at (a full batch means there may be more). */
    int fillBatch(String sku) {
        List<UUID> orderIds = jdbc.sql(
                        "SELECT DISTINCT order_id, placed_at FROM order_line WHERE sku = ? AND backordered_quantity > 0 "
                                + "ORDER BY placed_at, order_id LIMIT " + BATCH)
                .param(sku)
                .query((rs, n) -> rs.getObject("order_id", UUID.class))
                .list();
        if (orderIds.isEmpty()) {
            return 0;
        }
        List<Order> orders = new ArrayList<>();
        for (UUID id : orderIds) {
            store.lock(id).ifPresent(orders::add);
        }
        List<StockPosition> positions = inventory.lockPositions(List.of(sku));
        if (positions.stream().noneMatch(p -> p.available() > 0)) {
            return 0;
        }
        Map<Order, Filled> filled = fill(sku, waiting(sku, orders), positions);
        Instant now = Instant.now();
        String actor = Actor.current().username();
        for (Map.Entry<Order, Filled> e : filled.entrySet()) {
            Order order = e.getKey();
            store.updateHeader(order);
            store.updateLines(
                    order.id(),
                    order.lines().stream().filter(l -> l.sku().equals(sku)).toList());
            store.appendHistory(List.of(new OrderStore.HistoryEntry(
                    order.id(),
                    now,
                    actor,
                    "BACKORDER_FILLED",
                    null,
                    null,
                    "stock arrived",
                    String.join("; ", e.getValue().changes()))));
            audit.record(
                    "ORDER",
                    order.id().toString(),
                    "BACKORDER_FILLED",
                    e.getValue().before(),
                    OrderViews.view(order, OrderViews.byLine(inventory.activeReservations(order.id()))));
        }
        if (!filled.isEmpty()) {
            log.info("filled backorders of {} on {} orders", sku, filled.size());
            Set<UUID> filledOrders = new java.util.HashSet<>();
            filled.keySet().forEach(o -> filledOrders.add(o.id()));
            events.publishEvent(new BackorderQueueChanged(Set.of(sku), filledOrders));
        }
        return orderIds.size();
    }

    /** A backordered line of {@code order}, in the queue. */
    private record Waiting(Order order, OrderLine line) {}

    /** What filling did to one order: the order as it was, and a sentence per line. */
    private record Filled(OrderViews.OrderView before, List<String> changes) {}

    /** The live orders' lines waiting for {@code sku}, oldest first (then by order and line, so the queue is total). */
    private static List<Waiting> waiting(String sku, List<Order> orders) {
        List<Waiting> waiting = new ArrayList<>();
        for (Order o : orders) {
            if (o.status() == OrderStatus.CANCELLED) {
                continue;
            }
            for (OrderLine l : o.lines()) {
                if (l.sku().equals(sku) && l.backordered() > 0) {
                    waiting.add(new Waiting(o, l));
                }
            }
        }
        waiting.sort(java.util.Comparator.comparing((Waiting w) -> w.line().placedAt())
                .thenComparing(w -> w.order().id())
                .thenComparingInt(w -> w.line().lineNumber()));
        return waiting;
    }

    /** Reserves the free stock for the queue, strictly in its order; returns what changed per order. */
    private Map<Order, Filled> fill(String sku, List<Waiting> waiting, List<StockPosition> positions) {
        List<Sourcing.Demand> demands = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            demands.add(new Sourcing.Demand(i, sku, waiting.get(i).line().backordered()));
        }
        // no claims: these are the claimants, served strictly in this order
        Sourcing sourcing = new Sourcing(positions, Map.of(), null);
        List<ReservationRequest> reservations = new ArrayList<>();
        Map<Order, Filled> filled = new LinkedHashMap<>();
        for (Sourcing.LinePlan plan : sourcing.plan(demands)) {
            if (plan.reserved() == 0) {
                break; // strictly oldest first: a younger backorder never overtakes an older one
            }
            Order order = waiting.get(plan.lineNumber()).order();
            OrderLine line = waiting.get(plan.lineNumber()).line();
            Filled changes = filled.computeIfAbsent(
                    order,
                    o -> new Filled(
                            OrderViews.view(o, OrderViews.byLine(inventory.activeReservations(o.id()))),
                            new ArrayList<>()));
            for (Sourcing.Allocation a : plan.allocations()) {
                reservations.add(
                        new ReservationRequest(order.id(), line.lineNumber(), sku, a.warehouse(), a.quantity()));
            }
            order.fillBackorder(line, plan.reserved());
            changes.changes()
                    .add("line " + line.lineNumber() + ": " + plan.reserved() + " × " + sku + " reserved from backorder"
                            + (line.backordered() > 0 ? ", " + line.backordered() + " still backordered" : ""));
            if (line.backordered() > 0) {
                break;
            }
        }
        inventory.reserve(reservations);
        return filled;
    }

    @Override
    public List<BackorderDemand.Waiting> backordered(Collection<String> skus) {
        return jdbc.sql(
                        "SELECT sku, backorder_warehouse, SUM(backordered_quantity) AS backordered FROM order_line WHERE sku IN (:skus) "
                                + "AND backordered_quantity > 0 GROUP BY sku, backorder_warehouse")
                .param("skus", Set.copyOf(skus))
                .query((rs, n) -> new BackorderDemand.Waiting(
                        rs.getString("sku"), rs.getString("backorder_warehouse"), rs.getLong("backordered")))
                .list();
    }
}
