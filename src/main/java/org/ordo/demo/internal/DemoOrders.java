package org.ordo.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.ordo.fulfillment.Shipping;
import org.ordo.identity.Role;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.Orders;
import org.ordo.shared.OrdoException;
import org.ordo.shared.RecordedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * About 200 orders placed one after the other in placement-time order over the past 90 days, each taken through its
 * life right away — credit holds released or not, changes, cancellations, fulfilment, delivery — with the recorded
 * time set back to the day each step happened: placed, then hours to two days later picked, packed and handed to the
 * carrier, one to five days after that delivered. The stock ledger, the shipments and their invoices' dates of supply
 * carry these times as written; the order is then backdated with its whole timeline to the same times. Older orders
 * are mostly delivered, recent ones open. Supplier deliveries come about every ten days (see {@link DemoSupply}); the
 * last one, today, covers everything still backordered of the scarce products.
 */
@Component
class DemoOrders {

    static final int ORDERS = 200;
    static final int DAYS = 90;
    /** A supplier delivery comes after every so many orders: about every ten days. */
    static final int DELIVERY_EVERY = ORDERS / 9;

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);
    private static final List<String> CHANNELS = List.of("API", "WEB", "WEB", "PHONE", "EMAIL", "PORTAL", "EDI");
    private static final List<String> CANCEL_REASONS = List.of(
            "customer ordered by mistake",
            "customer found a cheaper offer",
            "duplicate order",
            "delivery date no longer needed");
    private static final List<String> HOLD_REASONS = List.of(
            "delivery address to be confirmed",
            "customer asked to wait for approval",
            "suspected duplicate, checking with customer");

    /** A demo customer as created. */
    record Buyer(UUID id, DemoCustomers.DemoCustomer demo) {}

    /** An order as the demo left it: who placed it and when its goods left the warehouse (null: they did not). */
    record Placed(UUID orderId, Buyer buyer, Instant shippedAt) {}

    /** How many orders ended in each status, and each order. */
    record Outcome(Map<String, Long> statuses, List<Placed> orders) {}

    /** When an order is placed, handed to the carrier and delivered (the latter two whatever its fate). */
    private record Timing(Instant placed, Instant shipped, Instant delivered) {}

    /** What is meant to become of an order; what it ends up as also depends on credit and stock. */
    enum Fate {
        OPEN,
        HOLD,
        CANCEL,
        IN_FULFILLMENT,
        PARTLY_SHIPPED,
        SHIPPED,
        DELIVERED
    }

    private final OrderEntry entry;
    private final Shipping shipping;
    private final Orders orders;
    private final DemoSupply supply;
    private final TransactionTemplate transactions;

    DemoOrders(
            OrderEntry entry, Shipping shipping, Orders orders, DemoSupply supply, TransactionTemplate transactions) {
        this.shipping = shipping;
        this.entry = entry;
        this.orders = orders;
        this.supply = supply;
        this.transactions = transactions;
    }

    /** Places and progresses the orders, each on its own days; returns how they ended. */
    Outcome placeOrders(Random random, List<Buyer> buyers, Instant now) {
        List<Instant> times = placementTimes(random, now);
        Map<String, Long> statuses = new TreeMap<>();
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            Instant at = times.get(i);
            if (i > 0 && i % DELIVERY_EVERY == 0) {
                boolean scarce = i == 2 * DELIVERY_EVERY || i == 6 * DELIVERY_EVERY;
                RecordedTime.runAt(at.minusSeconds(60), () -> supply.delivery(scarce));
            }
            Buyer buyer = pick(random, buyers);
            Timing timing = timing(random, at, now);
            OrderSnapshot order =
                    lifecycle(random, buyer, Duration.between(at, now).toDays(), timing);
            if (order != null) {
                order = backdate(order, timing);
                statuses.merge(order.status().name(), 1L, Long::sum);
                boolean shipped = order.lines().stream().anyMatch(l -> l.shipped() > 0);
                placed.add(new Placed(order.id(), buyer, shipped ? timing.shipped() : null));
            }
        }
        supply.lastDelivery();
        return new Outcome(statuses, placed);
    }

    /**
     * The days an order's steps take: 4–48 hours to leave the warehouse and one to five days in transit, squeezed to
     * fit for orders placed only hours ago.
     */
    private static Timing timing(Random random, Instant placedAt, Instant now) {
        Duration toShip = Duration.ofMinutes(240 + random.nextInt(44 * 60));
        Duration toDeliver = Duration.ofMinutes(24 * 60 + random.nextInt(4 * 24 * 60));
        Duration available = Duration.between(placedAt, now).minusMinutes(5);
        Duration wanted = toShip.plus(toDeliver);
        if (wanted.compareTo(available) > 0) {
            double factor = Math.max(0, (double) available.toMinutes() / wanted.toMinutes());
            toShip = Duration.ofMinutes((long) (toShip.toMinutes() * factor));
            toDeliver = Duration.ofMinutes((long) (toDeliver.toMinutes() * factor));
        }
        Instant shipped = placedAt.plus(toShip);
        return new Timing(placedAt, shipped, shipped.plus(toDeliver));
    }

    /** Moves the order's own timeline back to the times its steps were recorded at elsewhere. */
    private OrderSnapshot backdate(OrderSnapshot order, Timing timing) {
        boolean fulfilment = order.status() == OrderStatus.PARTIALLY_SHIPPED
                || order.status() == OrderStatus.SHIPPED
                || order.status() == OrderStatus.DELIVERED
                || order.status() == OrderStatus.IN_FULFILLMENT;
        if (!fulfilment) {
            return entry.backdate(order.id(), timing.placed());
        }
        return entry.backdate(
                order.id(),
                timing.placed(),
                Duration.between(timing.placed(), timing.shipped()),
                Duration.between(timing.shipped(), timing.delivered()));
    }

    /** One order's life, up to now. Null if it could not be placed (which the demo data does not provoke). */
    private OrderSnapshot lifecycle(Random random, Buyer buyer, long ageDays, Timing timing) {
        OrderSnapshot order = RecordedTime.at(timing.placed(), () -> place(random, buyer));
        if (order == null) {
            return null;
        }
        UUID id = order.id();
        Fate fate = fate(random, ageDays);
        if (!RecordedTime.at(timing.placed(), () -> firstDays(random, id, fate, ageDays))) {
            return current(id);
        }
        switch (fate) {
            case OPEN -> {}
            case HOLD ->
                RecordedTime.at(
                        timing.placed(),
                        () -> attempt(() -> entry.hold(id, HOLD_REASONS.get(random.nextInt(HOLD_REASONS.size())))));
            case CANCEL ->
                RecordedTime.at(
                        timing.placed(),
                        () -> attempt(
                                () -> entry.cancel(id, CANCEL_REASONS.get(random.nextInt(CANCEL_REASONS.size())))));
            case IN_FULFILLMENT ->
                RecordedTime.at(timing.shipped(), () -> attempt(() -> shipping.plan(id, null, null)));
            case PARTLY_SHIPPED, SHIPPED, DELIVERED -> attempt(() -> ship(random, id, fate, timing));
        }
        return current(id);
    }

    private OrderSnapshot place(Random random, Buyer buyer) {
        try {
            return entry.place(new OrderEntry.NewOrder(
                    buyer.id(),
                    CHANNELS.get(random.nextInt(CHANNELS.size())),
                    buyer.demo().business() ? "PO-" + (4500000 + random.nextInt(99999)) : null,
                    random.nextInt(6) == 0 ? "EXPRESS" : "STANDARD",
                    null,
                    lines(random, buyer)));
        } catch (OrdoException e) {
            log.warn("Demo order for {} not placed: {}", buyer.demo().customer().name(), e.getMessage());
            return null;
        }
    }

    /** Credit review, a change and a cancelled part, around the placement; false if the order stops there. */
    private boolean firstDays(Random random, UUID id, Fate fate, long ageDays) {
        boolean change = random.nextInt(100) < 12;
        boolean cancelPart = random.nextInt(100) < 10;
        if (current(id).status() == OrderStatus.ON_HOLD && !creditReview(random, id, ageDays)) {
            return false;
        }
        if (change && fate != Fate.CANCEL) {
            OrderSnapshot order = attempt(() -> change(random, current(id)));
            if (order != null && order.status() == OrderStatus.ON_HOLD && !creditReview(random, id, ageDays)) {
                return false;
            }
        }
        if (cancelPart && fate != Fate.CANCEL) {
            attempt(() -> cancelPart(random, current(id)));
        }
        return true;
    }

    /** A credit hold: accounting releases older ones (most of the time) or cancels; recent ones still wait. */
    private boolean creditReview(Random random, UUID id, long ageDays) {
        if (ageDays < 10) {
            return false;
        }
        if (random.nextInt(4) == 0) {
            attempt(() -> entry.cancel(id, "credit not approved"));
            return false;
        }
        // another person than who placed the order releases a credit hold: the demo's accountant
        return attempt(() -> asAccounting(() -> entry.release(id, "credit approved by accounting"))) != null;
    }

    private static <T> T asAccounting(Supplier<T> step) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext accounting = SecurityContextHolder.createEmptyContext();
        accounting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "accounting", null, List.of(new SimpleGrantedAuthority(Role.ACCOUNTING.authority()))));
        SecurityContextHolder.setContext(accounting);
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static Fate fate(Random random, long ageDays) {
        int p = random.nextInt(100);
        if (ageDays >= 21) {
            return p < 8 ? Fate.CANCEL : p < 12 ? Fate.SHIPPED : Fate.DELIVERED;
        }
        if (ageDays >= 7) {
            return p < 8
                    ? Fate.CANCEL
                    : p < 13
                            ? Fate.HOLD
                            : p < 53
                                    ? Fate.DELIVERED
                                    : p < 73
                                            ? Fate.SHIPPED
                                            : p < 80 ? Fate.PARTLY_SHIPPED : p < 90 ? Fate.IN_FULFILLMENT : Fate.OPEN;
        }
        return p < 8
                ? Fate.CANCEL
                : p < 33 ? Fate.HOLD : p < 53 ? Fate.IN_FULFILLMENT : p < 58 ? Fate.PARTLY_SHIPPED : Fate.OPEN;
    }

    private OrderSnapshot change(Random random, OrderSnapshot order) {
        OrderSnapshot.Line first = order.lines().get(0);
        List<OrderEntry.LineChange> changes = new ArrayList<>();
        if (random.nextBoolean()) {
            long quantity = Math.max(1, first.quantity() + (random.nextBoolean() ? 2 : -1));
            changes.add(new OrderEntry.LineChange(first.lineNumber(), null, quantity));
        } else {
            String sku = pickSku(
                    random, order.lines().stream().map(OrderSnapshot.Line::sku).toList());
            changes.add(new OrderEntry.LineChange(null, sku, 1 + random.nextInt(3)));
        }
        return entry.change(order.id(), changes, "customer called to change the order");
    }

    private OrderSnapshot cancelPart(Random random, OrderSnapshot order) {
        for (OrderSnapshot.Line line : order.lines()) {
            long open = line.reserved() + line.backordered();
            if (open >= 2) {
                return entry.cancelLine(
                        order.id(),
                        line.lineNumber(),
                        1 + random.nextInt((int) Math.min(open - 1, 5)),
                        "customer reduced the quantity");
            }
        }
        return order;
    }

    /**
     * Ships what is reserved through the warehouse's own steps (plan, pick, scan every unit, pack, ship, deliver),
     * one shipment per warehouse; invoicing then bills each shipment. A partly shipped order ships only its first
     * shipment (one unit held back when everything sits in one warehouse); backordered quantities stay open.
     */
    private OrderSnapshot ship(Random random, UUID id, Fate fate, Timing timing) {
        OrderSnapshot order = current(id);
        if (order.status() != OrderStatus.CONFIRMED || order.lines().stream().allMatch(l -> l.reserved() == 0)) {
            return order; // held, or nothing in stock yet: it waits
        }
        Set<String> warehouses = new java.util.TreeSet<>();
        order.lines().forEach(l -> warehouses.addAll(l.reservedByWarehouse().keySet()));
        List<String> planned;
        if (fate == Fate.PARTLY_SHIPPED && warehouses.size() == 1) {
            Map<Integer, Long> quantities = new TreeMap<>();
            order.lines().stream()
                    .filter(l -> l.reserved() > 0)
                    .forEach(l -> quantities.put(l.lineNumber(), l.reserved()));
            Integer first = quantities.keySet().iterator().next();
            if (quantities.get(first) > 1) {
                quantities.put(first, quantities.get(first) - 1);
            } else if (quantities.size() > 1) {
                quantities.remove(first);
            }
            planned = RecordedTime.at(timing.shipped(), () -> shipping.plan(id, null, quantities));
        } else {
            planned = RecordedTime.at(timing.shipped(), () -> shipping.plan(id, null, null));
        }
        List<String> toShip = fate == Fate.PARTLY_SHIPPED ? planned.subList(0, 1) : planned;
        RecordedTime.runAt(timing.shipped(), () -> toShip.forEach(shipping::pickPackAndShip));
        if (fate == Fate.DELIVERED) {
            RecordedTime.runAt(timing.delivered(), () -> toShip.forEach(shipping::deliver));
        }
        return current(id);
    }

    /**
     * 1–3 lines for consumers, 1–5 for businesses, of different products, weighted by popularity; businesses buy more
     * of what is cheap.
     */
    private static List<OrderEntry.NewLine> lines(Random random, Buyer buyer) {
        int count = buyer.demo().business() ? 1 + random.nextInt(5) : 1 + random.nextInt(3);
        Set<String> skus = new LinkedHashSet<>();
        while (skus.size() < count) {
            skus.add(pickSku(random, List.of()));
        }
        List<OrderEntry.NewLine> lines = new ArrayList<>();
        for (String sku : skus) {
            List<Integer> business = DemoCatalog.product(sku).businessQuantities();
            long quantity =
                    buyer.demo().business() ? business.get(random.nextInt(business.size())) : 1 + random.nextInt(3);
            lines.add(new OrderEntry.NewLine(sku, quantity));
        }
        return lines;
    }

    private static String pickSku(Random random, List<String> except) {
        int total = DemoCatalog.PRODUCTS.stream()
                .mapToInt(DemoCatalog.DemoProduct::popularity)
                .sum();
        while (true) {
            int n = random.nextInt(total);
            for (DemoCatalog.DemoProduct p : DemoCatalog.PRODUCTS) {
                n -= p.popularity();
                if (n < 0) {
                    if (!except.contains(p.product().sku())) {
                        return p.product().sku();
                    }
                    break;
                }
            }
        }
    }

    private static Buyer pick(Random random, List<Buyer> buyers) {
        int n = random.nextInt(buyers.stream().mapToInt(b -> b.demo().weight()).sum());
        for (Buyer b : buyers) {
            n -= b.demo().weight();
            if (n < 0) {
                return b;
            }
        }
        return buyers.get(buyers.size() - 1);
    }

    /**
     * Working-hour times over the past {@value #DAYS} days, oldest first, within this year (an order number carries
     * the year of its placement, and backdating keeps it).
     */
    private static List<Instant> placementTimes(Random random, Instant now) {
        Instant yearStart = LocalDate.now(ZoneOffset.UTC)
                .withDayOfYear(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant from =
                now.minus(Duration.ofDays(DAYS)).isBefore(yearStart) ? yearStart : now.minus(Duration.ofDays(DAYS));
        long span = Duration.between(from, now).toMinutes();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Instant t = from.plus(random.nextLong(Math.max(span, 1)), ChronoUnit.MINUTES);
            int hour = t.atZone(ZoneOffset.UTC).getHour();
            if (hour < 7 || hour > 18) {
                Instant daytime = t.plus(Duration.ofHours(12));
                t = daytime.isBefore(now) ? daytime : t;
            }
            times.add(t.truncatedTo(ChronoUnit.SECONDS));
        }
        times.sort(null);
        return times;
    }

    private OrderSnapshot current(UUID id) {
        return orders.find(id).orElseThrow();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(tx -> work.get());
    }

    /** Runs a step of an order's life; a step the rules refuse (e.g. a change pushing it over its credit) is skipped. */
    private <T> T attempt(Supplier<T> step) {
        try {
            return step.get();
        } catch (OrdoException e) {
            log.debug("Demo step skipped: {}", e.getMessage());
            return null;
        }
    }
}
