package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.ordo.orders.OrderStatus;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * The order aggregate. Its state changes only through the intent methods below: the status through {@link #moveTo}, which
 * checks the state table; line quantities through the line methods, which keep reserved + backordered + cancelled +
 * shipped = quantity (invariant 4); and every change of a line reprices the order (invariants 6 and 7).
 */
final class Order {

    /** Why an order is on hold: a failed credit check is released only by someone else than who placed the order. */
    enum HoldKind {
        CREDIT,
        /** A manual discount beyond the placer's limit: released only by a manager (ADMIN). */
        DISCOUNT,
        MANUAL
    }

    /** What never changes once an order is placed. */
    record Identity(
            UUID id,
            String number,
            UUID customerId,
            String channel,
            String externalReference,
            Currency currency,
            Instant placedAt,
            String placedBy) {}

    /** Where, how and by when the goods go; the customer may change it until fulfilment starts. */
    record Delivery(Address shippingAddress, LocalDate requestedDeliveryDate, String shippingMethod, String notes) {}

    /** The header as stored, for {@link #restore}. */
    record Stored(
            OrderStatus status,
            LocalDate promisedDate,
            HoldKind holdKind,
            String holdReason,
            Money subtotal,
            Money discount,
            Money shipping,
            Money shippingTax,
            Money tax,
            Money total,
            long version,
            Instant shippedAt,
            Instant deliveredAt,
            Instant completedAt) {}

    /** Final but for the number, which a new order gets when it is stored ({@link #numbered}). */
    private Identity identity;

    private final List<OrderLine> lines = new ArrayList<>();
    private OrderStatus status;
    private Delivery delivery;
    private LocalDate promisedDate;
    private HoldKind holdKind;
    private String holdReason;
    private Money subtotal;
    private Money discount;
    private Money shipping;
    /** The VAT on {@link #shipping}, part of {@link #tax}. */
    private Money shippingTax;

    private Money tax;
    private Money total;
    private long version;
    private Instant shippedAt;
    private Instant deliveredAt;
    private Instant completedAt;
    /** What the credit check saw at placement (null for free replacements). */
    private BigDecimal creditExposure;

    private BigDecimal creditLimit;

    private Order(Identity identity, OrderStatus status, Delivery delivery) {
        this.identity = identity;
        this.status = status;
        this.delivery = delivery;
    }

    /** A new order in PLACED with its lines (not yet sourced), priced. */
    static Order place(Identity identity, Delivery delivery, List<OrderLine> lines) {
        Order order = new Order(identity, OrderStatus.PLACED, delivery);
        order.lines.addAll(lines);
        order.recomputeTotals();
        return order;
    }

    /** An order as the store holds it. */
    static Order restore(Identity identity, Delivery delivery, Stored stored) {
        Order order = new Order(identity, stored.status(), delivery);
        order.promisedDate = stored.promisedDate();
        order.holdKind = stored.holdKind();
        order.holdReason = stored.holdReason();
        order.subtotal = stored.subtotal();
        order.discount = stored.discount();
        order.shipping = stored.shipping();
        order.shippingTax = stored.shippingTax();
        order.tax = stored.tax();
        order.total = stored.total();
        order.version = stored.version();
        order.shippedAt = stored.shippedAt();
        order.deliveredAt = stored.deliveredAt();
        order.completedAt = stored.completedAt();
        return order;
    }

    /** Adds a stored line while restoring, in line number order. */
    void restoreLine(OrderLine line) {
        lines.add(line);
    }

    /** Moves to {@code target} if the state table allows it; returns the state it left. */
    OrderStatus moveTo(OrderStatus target) {
        status.requireCanMoveTo(target, number());
        OrderStatus from = status;
        status = target;
        return from;
    }

    /** Puts the order on hold; returns the state it left. */
    OrderStatus hold(HoldKind kind, String reason) {
        OrderStatus from = moveTo(OrderStatus.ON_HOLD);
        holdKind = kind;
        holdReason = reason;
        return from;
    }

    /** Releases the hold back to PLACED; returns the state it left. */
    OrderStatus release() {
        OrderStatus from = moveTo(OrderStatus.PLACED);
        holdKind = null;
        holdReason = null;
        return from;
    }

    void recordCreditCheck(BigDecimal exposure, BigDecimal limit) {
        creditExposure = exposure;
        creditLimit = limit;
    }

    void promise(LocalDate date) {
        promisedDate = date;
    }

    void changeDelivery(Delivery changed) {
        delivery = changed;
    }

    /** Adds a line (a change of the order), sourced as {@code plan} says; reprices. */
    void addLine(OrderLine line, long reserved, long backordered, String backorderWarehouse) {
        line.source(reserved, backordered, backorderWarehouse, false);
        lines.add(line);
        recomputeTotals();
    }

    /** Sources a line at placement: what is reserved now and what waits for stock. */
    void sourceAtPlacement(OrderLine line, long reserved, long backordered, String backorderWarehouse) {
        line.source(reserved, backordered, backorderWarehouse, true);
    }

    void increase(OrderLine line, long reserved, long backordered, String backorderWarehouse) {
        line.increase(reserved, backordered, backorderWarehouse);
        recomputeTotals();
    }

    OrderLine.Reduction reduce(OrderLine line, long target) {
        OrderLine.Reduction reduction = line.reduceTo(target);
        recomputeTotals();
        return reduction;
    }

    /** Cancels {@code units} of a line's open quantity; returns the reserved units to give back to stock. */
    long cancel(OrderLine line, long units) {
        long released = line.cancel(units);
        recomputeTotals();
        return released;
    }

    void fillBackorder(OrderLine line, long units) {
        line.fillBackorder(units);
    }

    void ship(OrderLine line, long units) {
        line.ship(units);
    }

    void recordReturn(OrderLine line, long units) {
        line.recordReturn(units);
    }

    void retax(OrderLine line, BigDecimal rate, String vatCategory) {
        line.retax(rate, vatCategory);
        recomputeTotals();
    }

    /** Charges {@code charge} (net) for shipping, taxed like the goods (see {@link ShippingChargePolicy}). */
    void chargeShipping(Money charge) {
        shipping = charge;
        recomputeTotals();
    }

    void markShipped(Instant at) {
        shippedAt = at;
    }

    /** DELIVERED, and every shipped line that came not back with it. */
    OrderStatus deliver(Instant at) {
        OrderStatus from = moveTo(OrderStatus.DELIVERED);
        deliveredAt = at;
        lines.forEach(OrderLine::markDelivered);
        return from;
    }

    OrderStatus complete(Instant at) {
        OrderStatus from = moveTo(OrderStatus.COMPLETED);
        completedAt = at;
        return from;
    }

    /** The store saved a new version. */
    void saved() {
        version++;
    }

    OrderLine line(int lineNumber) {
        return lines.stream()
                .filter(l -> l.lineNumber() == lineNumber)
                .findFirst()
                .orElse(null);
    }

    int nextLineNumber() {
        return lines.stream().mapToInt(OrderLine::lineNumber).max().orElse(0) + 1;
    }

    boolean anythingShipped() {
        return lines.stream().anyMatch(l -> l.shipped() > 0);
    }

    boolean anythingBackordered() {
        return lines.stream().anyMatch(l -> l.backordered() > 0);
    }

    /**
     * The lines that wait for more than {@code before} (units backordered by line number; a line not in it waited for
     * none), as the news of it; null when none does.
     */
    org.ordo.orders.OrderBackordered backorderedSince(java.util.Map<Integer, Long> before, boolean atPlacement) {
        List<org.ordo.orders.OrderBackordered.Line> grown = new ArrayList<>();
        for (OrderLine l : lines) {
            long more = l.backordered() - before.getOrDefault(l.lineNumber(), 0L);
            if (more > 0) {
                grown.add(new org.ordo.orders.OrderBackordered.Line(
                        l.lineNumber(), l.sku(), more, l.backordered(), l.backorderWarehouse(), l.promisedDate()));
            }
        }
        return grown.isEmpty()
                ? null
                : new org.ordo.orders.OrderBackordered(id(), number(), customerId(), atPlacement, promisedDate, grown);
    }

    boolean everythingShipped() {
        return lines.stream().allMatch(OrderLine::fullyShipped);
    }

    boolean everythingCancelled() {
        return lines.stream().allMatch(OrderLine::fullyCancelled);
    }

    List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    UUID id() {
        return identity.id();
    }

    String number() {
        return identity.number();
    }

    /** The number the store gave a new order. */
    void numbered(String number) {
        if (identity.number() != null) {
            throw new IllegalStateException("Order " + identity.number() + " is numbered already");
        }
        identity = new Identity(
                identity.id(),
                number,
                identity.customerId(),
                identity.channel(),
                identity.externalReference(),
                identity.currency(),
                identity.placedAt(),
                identity.placedBy());
    }

    UUID customerId() {
        return identity.customerId();
    }

    String channel() {
        return identity.channel();
    }

    String externalReference() {
        return identity.externalReference();
    }

    Currency currency() {
        return identity.currency();
    }

    Instant placedAt() {
        return identity.placedAt();
    }

    String placedBy() {
        return identity.placedBy();
    }

    OrderStatus status() {
        return status;
    }

    Delivery delivery() {
        return delivery;
    }

    Address shippingAddress() {
        return delivery.shippingAddress();
    }

    LocalDate requestedDeliveryDate() {
        return delivery.requestedDeliveryDate();
    }

    String shippingMethod() {
        return delivery.shippingMethod();
    }

    String notes() {
        return delivery.notes();
    }

    LocalDate promisedDate() {
        return promisedDate;
    }

    HoldKind holdKind() {
        return holdKind;
    }

    String holdReason() {
        return holdReason;
    }

    Money subtotal() {
        return subtotal;
    }

    Money discount() {
        return discount;
    }

    Money shipping() {
        return shipping;
    }

    Money shippingTax() {
        return shippingTax;
    }

    Money tax() {
        return tax;
    }

    Money total() {
        return total;
    }

    long version() {
        return version;
    }

    Instant shippedAt() {
        return shippedAt;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    BigDecimal creditExposure() {
        return creditExposure;
    }

    BigDecimal creditLimit() {
        return creditLimit;
    }

    /**
     * Totals are sums of the rounded lines (invariant 6) plus the shipping charge's tax, which follows the goods;
     * total = subtotal − discount + shipping + tax (invariant 7).
     */
    private void recomputeTotals() {
        Money sub = Money.zero(currency());
        Money taxes = Money.zero(currency());
        List<ShippingChargePolicy.Goods> goods = new ArrayList<>();
        for (OrderLine line : lines) {
            sub = sub.plus(line.lineNet());
            taxes = taxes.plus(line.tax());
            goods.add(new ShippingChargePolicy.Goods(line.vatCategory(), line.taxRate(), line.lineNet()));
        }
        subtotal = sub;
        if (discount == null) {
            discount = Money.zero(currency());
        }
        if (shipping == null) {
            shipping = Money.zero(currency());
        }
        shippingTax = ShippingChargePolicy.taxOf(shipping, goods);
        tax = taxes.plus(shippingTax);
        total = subtotal.minus(discount).plus(shipping).plus(tax);
    }
}
