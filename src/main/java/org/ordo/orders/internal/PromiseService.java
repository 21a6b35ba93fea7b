package org.ordo.orders.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.inventory.IncomingSupply;
import org.ordo.orders.OrderPromiseChanged;
import org.ordo.platform.CompanyCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every line's promise by {@link PromisePolicy}: when an order is placed or changed (in its transaction), and
 * again after stock on its way in, stock on hand or the backorder queue of a SKU changed. Without a module that knows
 * what is on its way in, a backorder is promised by the company's backorder lead days, as it always was.
 */
@Component
class PromiseService {

    static final String HISTORY_KIND = "PROMISE";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final OrderStore store;
    private final ObjectProvider<IncomingSupply> supply;
    private final OrderProperties properties;
    private final TransactionTemplate ownTransaction;
    private final CompanyCalendar calendar;
    private final ApplicationEventPublisher events;

    PromiseService(
            OrderStore store,
            CompanyCalendar calendar,
            ObjectProvider<IncomingSupply> supply,
            OrderProperties properties,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.store = store;
        this.calendar = calendar;
        this.events = events;
        this.supply = supply;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Processing and transit days of a shipping method. */
    int shipDays(String shippingMethod) {
        return properties.processingDays() + properties.transitDays().getOrDefault(shippingMethod, 3);
    }

    PromisePolicy.Days days() {
        return new PromisePolicy.Days(properties.receivingHandlingDays(), properties.backorderLeadDays());
    }

    /**
     * Promises the lines of an order being placed or changed and the order the latest of them. Lines from stock are
     * promised from the placement day (kept as they are unless {@code deliveryChanged}); backordered lines join their
     * SKU's queue. Reads nothing when nothing is backordered.
     */
    void promise(Order order, boolean deliveryChanged) {
        LocalDate placedOn = day(order.placedAt());
        LocalDate today = day(Instant.now());
        int shipDays = shipDays(order.shippingMethod());
        Map<Integer, PromisePolicy.Promise> backorders = backorderPromises(order, today);
        for (OrderLine line : order.lines()) {
            PromisePolicy.Promise promise = backorders.get(line.lineNumber());
            if (promise != null) {
                line.promise(promise);
            } else if (line.promiseSource() == null || deliveryChanged) {
                line.promise(PromisePolicy.fromStock(placedOn, shipDays, order.requestedDeliveryDate()));
            } else if (!PromisePolicy.STOCK.equals(line.promiseSource())) {
                // filled since it was promised: ready now
                line.promise(PromisePolicy.fromStock(today, shipDays, order.requestedDeliveryDate()));
            }
        }
        order.promise(latest(order, order.promisedDate()));
    }

    /** What a new line would be promised now: from stock, or behind the backorders of its SKU waiting today. */
    PromisePolicy.Promise quote(
            String sku, long backordered, String warehouse, String shippingMethod, LocalDate requested) {
        Instant now = Instant.now();
        if (backordered == 0) {
            return PromisePolicy.fromStock(day(now), shipDays(shippingMethod), requested);
        }
        IncomingSupply incoming = supply.getIfAvailable();
        List<OrderStore.QueuedLine> queue = new ArrayList<>(incoming == null ? List.of() : store.backorderQueue(sku));
        UUID quoted = new UUID(0, 0);
        queue.add(new OrderStore.QueuedLine(
                quoted, 0, now, warehouse, backordered, now, shippingMethod, requested, null, null));
        List<IncomingSupply.Arrival> arrivals = incoming == null ? List.of() : incoming.arrivals(Set.of(sku));
        return promiseQueue(sku, queue, arrivals, incoming, day(now)).get(key(quoted, 0));
    }

    /** The promises of this order's backordered lines, each behind the older backorders of its SKU. */
    private Map<Integer, PromisePolicy.Promise> backorderPromises(Order order, LocalDate today) {
        Map<Integer, PromisePolicy.Promise> promises = new HashMap<>();
        List<OrderLine> waiting =
                order.lines().stream().filter(l -> l.backordered() > 0).toList();
        if (waiting.isEmpty()) {
            return promises;
        }
        IncomingSupply incoming = supply.getIfAvailable();
        Set<String> skus = new TreeSet<>();
        waiting.forEach(l -> skus.add(l.sku()));
        List<IncomingSupply.Arrival> arrivals = incoming == null ? List.of() : incoming.arrivals(skus);
        for (String sku : skus) {
            List<OrderStore.QueuedLine> queue = new ArrayList<>();
            if (incoming != null) {
                store.backorderQueue(sku).stream()
                        .filter(q -> !q.orderId().equals(order.id()))
                        .forEach(queue::add);
            }
            waiting.stream().filter(l -> l.sku().equals(sku)).forEach(l -> queue.add(queued(order, l)));
            queue.sort(QUEUE_ORDER);
            Map<String, PromisePolicy.Promise> bySku = promiseQueue(sku, queue, arrivals, incoming, today);
            waiting.stream()
                    .filter(l -> l.sku().equals(sku))
                    .forEach(l -> promises.put(l.lineNumber(), bySku.get(key(order.id(), l.lineNumber()))));
        }
        return promises;
    }

    private static final Comparator<OrderStore.QueuedLine> QUEUE_ORDER = Comparator.comparing(
                    OrderStore.QueuedLine::placedAt)
            .thenComparing(OrderStore.QueuedLine::orderId)
            .thenComparingInt(OrderStore.QueuedLine::lineNumber);

    private static OrderStore.QueuedLine queued(Order order, OrderLine line) {
        return new OrderStore.QueuedLine(
                order.id(),
                line.lineNumber(),
                line.placedAt(),
                line.backorderWarehouse(),
                line.backordered(),
                order.placedAt(),
                order.shippingMethod(),
                order.requestedDeliveryDate(),
                line.promisedDate(),
                line.promiseSource());
    }

    /** The rule applied to one SKU's queue: the promise of each queued line by its key. */
    private Map<String, PromisePolicy.Promise> promiseQueue(
            String sku,
            List<OrderStore.QueuedLine> queue,
            List<IncomingSupply.Arrival> arrivals,
            IncomingSupply incoming,
            LocalDate today) {
        List<PromisePolicy.Waiting> waiting = queue.stream()
                .map(q -> new PromisePolicy.Waiting(
                        q.warehouse(),
                        q.backordered(),
                        day(q.orderPlacedAt()),
                        shipDays(q.shippingMethod()),
                        q.requested()))
                .toList();
        List<PromisePolicy.Promise> promises = PromisePolicy.backorders(
                waiting,
                arrivals.stream().filter(a -> a.sku().equals(sku)).toList(),
                incoming == null ? OptionalInt.empty() : incoming.bestLeadTimeDays(sku),
                today,
                days());
        Map<String, PromisePolicy.Promise> byKey = new HashMap<>();
        for (int i = 0; i < queue.size(); i++) {
            byKey.put(key(queue.get(i).orderId(), queue.get(i).lineNumber()), promises.get(i));
        }
        return byKey;
    }

    /**
     * After the commit of a change to what is on its way in, to stock or to the backorder queue of {@code skus}: the
     * waiting lines of these SKUs are promised again, and the lines of {@code filledOrders} that stock has filled since.
     * Each order whose promise moves in a short transaction of its own, with one timeline entry.
     */
    void renew(Collection<String> skus, Collection<UUID> filledOrders) {
        IncomingSupply incoming = supply.getIfAvailable();
        LocalDate today = day(Instant.now());
        List<IncomingSupply.Arrival> arrivals =
                incoming == null || skus.isEmpty() ? List.of() : incoming.arrivals(Set.copyOf(skus));
        Map<String, PromisePolicy.Promise> promises = new HashMap<>();
        Set<UUID> orders = new LinkedHashSet<>();
        for (String sku : new TreeSet<>(skus)) {
            List<OrderStore.QueuedLine> queue = store.backorderQueue(sku);
            Map<String, PromisePolicy.Promise> bySku = promiseQueue(sku, queue, arrivals, incoming, today);
            for (OrderStore.QueuedLine q : queue) {
                PromisePolicy.Promise promise = bySku.get(key(q.orderId(), q.lineNumber()));
                // only the orders whose promise moves are locked: a long queue is read, not written
                if (!promise.date().equals(q.promisedDate())
                        || !promise.source().equals(q.promiseSource())) {
                    orders.add(q.orderId());
                }
            }
            promises.putAll(bySku);
        }
        orders.addAll(filledOrders);
        for (UUID orderId : orders) {
            ownTransaction.executeWithoutResult(tx -> renewOrder(orderId, promises, today));
        }
    }

    /** One order promised again with what {@link #renew} worked out; its timeline tells if the promise changed. */
    private void renewOrder(UUID orderId, Map<String, PromisePolicy.Promise> promises, LocalDate today) {
        Order order = store.lock(orderId).orElse(null);
        if (order == null || !order.status().isOpen()) {
            return;
        }
        LocalDate before = order.promisedDate();
        int shipDays = shipDays(order.shippingMethod());
        List<OrderLine> changed = new ArrayList<>();
        boolean madePromiseMoved = false;
        for (OrderLine line : order.lines()) {
            PromisePolicy.Promise promise = line.backordered() > 0
                    ? promises.get(key(orderId, line.lineNumber()))
                    : filledSincePromised(line)
                            ? PromisePolicy.fromStock(today, shipDays, order.requestedDeliveryDate())
                            : null;
            boolean hadOne = line.promisedDate() != null;
            if (promise != null && line.promise(promise)) {
                changed.add(line);
                madePromiseMoved |= hadOne;
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        store.updateLines(orderId, changed);
        order.promise(latest(order, before));
        boolean orderMoved = !Objects.equals(before, order.promisedDate());
        if (orderMoved) {
            store.updateHeader(order);
        }
        if (orderMoved && before != null) {
            events.publishEvent(new OrderPromiseChanged(
                    order.id(), order.number(), order.customerId(), before, order.promisedDate(), source(order)));
        }
        // a line promised for the first time (placed before lines had promises) at the order's date is no news
        if (orderMoved || madePromiseMoved) {
            store.appendHistory(List.of(historyEntry(order, before, changed)));
        }
    }

    /** A line reserved in full whose promise still rests on what was to arrive. */
    private static boolean filledSincePromised(OrderLine line) {
        return line.reserved() > 0 && line.promiseSource() != null && !PromisePolicy.STOCK.equals(line.promiseSource());
    }

    /** The latest promise of the lines still wanted; {@code stored} stands for lines promised before lines had one. */
    static LocalDate latest(Order order, LocalDate stored) {
        LocalDate latest = null;
        for (OrderLine line : order.lines()) {
            if (line.fullyCancelled()) {
                continue;
            }
            LocalDate date = line.promisedDate() != null ? line.promisedDate() : stored;
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
        }
        return latest == null ? stored : latest;
    }

    /** "promised date changed from 16 Dec 2026 to 21 Dec 2026 (PO-000013/1)", the lines in the details. */
    private static OrderStore.HistoryEntry historyEntry(Order order, LocalDate before, List<OrderLine> changed) {
        String source = source(order);
        String reason = Objects.equals(before, order.promisedDate())
                ? "line promises changed, promised date " + format(order.promisedDate()) + " kept"
                : "promised date changed from " + format(before) + " to " + format(order.promisedDate())
                        + (source == null ? "" : " (" + source + ")");
        List<String> details = new ArrayList<>();
        for (OrderLine l : changed) {
            details.add("line " + l.lineNumber() + ": " + format(l.promisedDate()) + " (" + l.promiseSource() + ")");
        }
        return new OrderStore.HistoryEntry(
                order.id(),
                Instant.now(),
                Actor.current().username(),
                HISTORY_KIND,
                null,
                null,
                reason,
                String.join("; ", details));
    }

    /** What the order's promised date rests on: the source of a line promised that day. */
    private static String source(Order order) {
        return order.lines().stream()
                .filter(l -> !l.fullyCancelled() && Objects.equals(l.promisedDate(), order.promisedDate()))
                .map(OrderLine::promiseSource)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    static String format(LocalDate date) {
        return date == null ? "none" : DAY.format(date);
    }

    private static String key(UUID orderId, int lineNumber) {
        return orderId + "/" + lineNumber;
    }

    LocalDate day(Instant at) {
        return calendar.dayOf(at);
    }
}
