package org.ordo.orders.internal;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

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
class BackorderFilling implements BackorderDemand {

    private static final Logger log = LoggerFactory.getLogger(BackorderFilling.class);
    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final OrderStore store;
    private final Inventory inventory;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    BackorderFilling(JdbcClient jdbc, OrderStore store, Inventory inventory, AuditTrail audit, TransactionTemplate transactions) {
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
    @Scheduled(initialDelayString = "${ordo.orders.backorder-sweep-ms:60000}", fixedDelayString = "${ordo.orders.backorder-sweep-ms:60000}")
    void sweep() {
        List<String> skus = jdbc.sql("SELECT DISTINCT sku FROM order_line WHERE backordered_quantity > 0 ORDER BY sku").query(String.class).list();
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
        List<UUID> orderIds = jdbc.sql("SELECT DISTINCT order_id, placed_at FROM order_line WHERE sku = ? AND backordered_quantity > 0 "
                        + "ORDER BY placed_at, order_id LIMIT " + BATCH)
                .param(sku)
                .query((rs, n) -> rs.getObject(1, UUID.class))
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
        List<Sourcing.Demand> demands = new ArrayList<>();
        Map<Integer, OrderLine> byDemand = new HashMap<>();
        Map<OrderLine, Order> owner = new LinkedHashMap<>();
        List<OrderLine> waiting = new ArrayList<>();
        for (Order o : orders) {
            if (o.status == OrderStatus.CANCELLED) {
                continue;
            }
            for (OrderLine l : o.lines) {
                if (l.sku.equals(sku) && l.backordered > 0) {
                    waiting.add(l);
                    owner.put(l, o);
                }
            }
        }
        waiting.sort(java.util.Comparator.comparing((OrderLine l) -> l.placedAt).thenComparing(l -> owner.get(l).id)
                .thenComparingInt(l -> l.lineNumber));
        for (int i = 0; i < waiting.size(); i++) {
            OrderLine l = waiting.get(i);
            demands.add(new Sourcing.Demand(i, sku, l.backordered));
            byDemand.put(i, l);
        }
        // no claims: these are the claimants, served strictly in this order
        Sourcing sourcing = new Sourcing(positions, Map.of(), null);
        List<ReservationRequest> reservations = new ArrayList<>();
        Map<Order, List<String>> changes = new LinkedHashMap<>();
        Map<Order, OrderViews.OrderView> before = new LinkedHashMap<>();
        for (Sourcing.LinePlan plan : sourcing.plan(demands)) {
            if (plan.reserved() == 0) {
                break; // strictly oldest first: a younger backorder never overtakes an older one
            }
            OrderLine line = byDemand.get(plan.lineNumber());
            Order order = owner.get(line);
            before.computeIfAbsent(order, o -> OrderViews.view(o, OrderViews.byLine(inventory.activeReservations(o.id))));
            for (Sourcing.Allocation a : plan.allocations()) {
                reservations.add(new ReservationRequest(order.id, line.lineNumber, sku, a.warehouse(), a.quantity()));
            }
            line.reserved += plan.reserved();
            line.backordered -= plan.reserved();
            line.deriveStatus();
            changes.computeIfAbsent(order, o -> new ArrayList<>()).add("line " + line.lineNumber + ": " + plan.reserved() + " × " + sku
                    + " reserved from backorder" + (line.backordered > 0 ? ", " + line.backordered + " still backordered" : ""));
            if (line.backordered > 0) {
                break;
            }
        }
        inventory.reserve(reservations);
        Instant now = Instant.now();
        String actor = Actor.current().username();
        for (Map.Entry<Order, List<String>> e : changes.entrySet()) {
            Order order = e.getKey();
            store.updateHeader(order);
            store.updateLines(order.id, order.lines.stream().filter(l -> l.sku.equals(sku)).toList());
            store.appendHistory(List.of(new OrderStore.HistoryEntry(order.id, now, actor, "BACKORDER_FILLED", null, null,
                    "stock arrived", String.join("; ", e.getValue()))));
            audit.record("ORDER", order.id.toString(), "BACKORDER_FILLED", before.get(order),
                    OrderViews.view(order, OrderViews.byLine(inventory.activeReservations(order.id))));
        }
        if (!changes.isEmpty()) {
            log.info("filled backorders of {} on {} orders", sku, changes.size());
        }
        return orderIds.size();
    }

    @Override
    public Map<String, Long> backordered(Collection<String> skus) {
        Map<String, Long> result = new HashMap<>();
        jdbc.sql("SELECT sku, backorder_warehouse, SUM(backordered_quantity) FROM order_line WHERE sku IN (:skus) "
                        + "AND backordered_quantity > 0 GROUP BY sku, backorder_warehouse")
                .param("skus", Set.copyOf(skus))
                .query(rs -> {
                    result.merge(rs.getString(1) + "@" + rs.getString(2), rs.getLong(3), Long::sum);
                });
        return result;
    }
}
