package org.ordo.orders.internal;

import org.ordo.orders.OrderStatus;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * The order aggregate. State changes go through {@link #moveTo}, which checks the state table; quantities through
 * the line methods, which keep reserved + backordered + cancelled + shipped = quantity (invariant 4).
 */
final class Order {

    final UUID id;
    final String number;
    final UUID customerId;
    final String channel;
    final String externalReference;
    final Currency currency;
    final Instant placedAt;
    final String placedBy;
    OrderStatus status;
    Address shippingAddress;
    LocalDate requestedDeliveryDate;
    LocalDate promisedDate;
    String shippingMethod;
    String notes;
    String holdReason;
    Money subtotal;
    Money discount;
    Money shipping;
    Money tax;
    Money total;
    long version;
    Instant shippedAt;
    Instant deliveredAt;
    Instant completedAt;
    /** What the credit check saw at placement (null for free replacements). */
    BigDecimal creditExposure;
    BigDecimal creditLimit;
    final List<OrderLine> lines = new ArrayList<>();

    Order(UUID id, String number, UUID customerId, String channel, String externalReference, Currency currency, Instant placedAt,
            String placedBy, OrderStatus status) {
        this.id = id;
        this.number = number;
        this.customerId = customerId;
        this.channel = channel;
        this.externalReference = externalReference;
        this.currency = currency;
        this.placedAt = placedAt;
        this.placedBy = placedBy;
        this.status = status;
    }

    /** Moves to {@code target} if the state table allows it; returns the state it left. */
    OrderStatus moveTo(OrderStatus target) {
        status.requireCanMoveTo(target);
        OrderStatus from = status;
        status = target;
        return from;
    }

    /** Totals are sums of the rounded lines (invariant 6): total = subtotal − discount + shipping + tax (invariant 7). */
    void recomputeTotals() {
        Money sub = Money.zero(currency);
        Money taxes = Money.zero(currency);
        for (OrderLine line : lines) {
            sub = sub.plus(line.lineNet);
            taxes = taxes.plus(line.tax);
        }
        subtotal = sub;
        tax = taxes;
        if (discount == null) {
            discount = Money.zero(currency);
        }
        if (shipping == null) {
            shipping = Money.zero(currency);
        }
        total = subtotal.minus(discount).plus(shipping).plus(tax);
    }

    OrderLine line(int lineNumber) {
        return lines.stream().filter(l -> l.lineNumber == lineNumber).findFirst().orElse(null);
    }

    int nextLineNumber() {
        return lines.stream().mapToInt(l -> l.lineNumber).max().orElse(0) + 1;
    }

    boolean anythingShipped() {
        return lines.stream().anyMatch(l -> l.shipped > 0);
    }

    BigDecimal totalAmount() {
        return total.amount();
    }
}
