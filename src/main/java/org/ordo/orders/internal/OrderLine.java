package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.ordo.orders.LineStatus;
import org.ordo.shared.Money;

/**
 * One line of an order. Its quantities change only through the methods below, called by {@link Order}, each of which
 * leaves reserved + backordered + cancelled + shipped = quantity (invariant 4), the line priced (invariant 6) and its
 * status derived from its quantities.
 */
final class OrderLine {

    /** A line's quantities as stored. */
    record Quantities(
            long ordered,
            long reserved,
            long backordered,
            long cancelled,
            long shipped,
            long returned,
            long backorderedAtPlacement) {}

    /** What reducing a line did: how much reserved stock it gave back, and whether the line is cancelled as a whole. */
    record Reduction(long releasedFromStock, boolean lineCancelled) {}

    private final int lineNumber;
    private final String sku;
    private final String productName;
    private final Money unitPrice;
    private final boolean priceOverridden;
    private final String taxCategory;
    private final Instant placedAt;
    private BigDecimal taxRate;
    /** The EN 16931 VAT category the rate comes with: S, Z, K (intra-community), G (export) or E (exempt). */
    private String vatCategory;

    private long quantity;
    private long reserved;
    private long backordered;
    private long cancelled;
    private long shipped;
    private long returned;
    private long backorderedAtPlacement;
    private String backorderWarehouse;
    private java.time.LocalDate promisedDate;
    private String promiseSource;
    private Money lineNet;
    private Money tax;
    private LineStatus status = LineStatus.OPEN;
    /** What the line was priced from when placed: fixed, a later change of prices never touches it. */
    private LinePricing pricing;

    /**
     * How the unit price came about: the catalog's {@code listPrice}, {@code priceRule} naming the price list (and break)
     * that gave the base price (null: the list price), and the discounts taken off it, each with its rule.
     */
    record LinePricing(Money listPrice, String priceRule, java.util.List<org.ordo.pricing.Pricing.Discount> discounts) {

        LinePricing {
            discounts = discounts == null ? java.util.List.of() : java.util.List.copyOf(discounts);
        }
    }

    /** A new line of {@code quantity} units, priced, not yet sourced: see {@link #source}. */
    OrderLine(
            int lineNumber,
            String sku,
            String productName,
            long quantity,
            Money unitPrice,
            boolean priceOverridden,
            String taxCategory,
            BigDecimal taxRate,
            String vatCategory,
            Instant placedAt) {
        this.lineNumber = lineNumber;
        this.sku = sku;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.priceOverridden = priceOverridden;
        this.taxCategory = taxCategory;
        this.taxRate = taxRate;
        this.vatCategory = vatCategory;
        this.placedAt = placedAt;
        reprice();
    }

    /** A line as the store holds it; net and tax are taken as stored. */
    static OrderLine restore(
            OrderLine priced, Quantities q, String backorderWarehouse, Money lineNet, Money tax, LineStatus status) {
        priced.quantity = q.ordered();
        priced.reserved = q.reserved();
        priced.backordered = q.backordered();
        priced.cancelled = q.cancelled();
        priced.shipped = q.shipped();
        priced.returned = q.returned();
        priced.backorderedAtPlacement = q.backorderedAtPlacement();
        priced.backorderWarehouse = backorderWarehouse;
        priced.lineNet = lineNet;
        priced.tax = tax;
        priced.status = status;
        return priced;
    }

    /** The line with how its price came about (null for lines priced before pricing had rules). */
    OrderLine withPricing(LinePricing pricing) {
        this.pricing = pricing;
        return this;
    }

    LinePricing pricing() {
        return pricing;
    }

    /** The price before the line's discounts: what EN 16931 calls the gross price (BT-148). */
    Money grossPrice() {
        Money gross = unitPrice;
        if (pricing != null) {
            for (org.ordo.pricing.Pricing.Discount d : pricing.discounts()) {
                gross = gross.plus(d.perUnit());
            }
        }
        return gross;
    }

    /** A stored line's promise (none for lines placed before lines had their own). */
    OrderLine withPromise(java.time.LocalDate date, String source) {
        promisedDate = date;
        promiseSource = source;
        return this;
    }

    /** Promised for {@code date} on the strength of {@code source} (see {@link PromisePolicy}); true if that changed it. */
    boolean promise(PromisePolicy.Promise promise) {
        boolean changed =
                !promise.date().equals(promisedDate) || !promise.source().equals(promiseSource);
        promisedDate = promise.date();
        promiseSource = promise.source();
        return changed;
    }

    java.time.LocalDate promisedDate() {
        return promisedDate;
    }

    String promiseSource() {
        return promiseSource;
    }

    /**
     * Sources a new line: {@code reserved} units held in stock, {@code backordered} waiting, expected from
     * {@code backorderWarehouse}. At placement the backordered part is kept as what the customer was told at once.
     */
    void source(long reserved, long backordered, String backorderWarehouse, boolean atPlacement) {
        if (this.reserved + this.backordered + cancelled + shipped != 0 || reserved + backordered != quantity) {
            throw new IllegalStateException("line " + lineNumber + " is sourced already or the plan does not cover it");
        }
        this.reserved = reserved;
        this.backordered = backordered;
        if (atPlacement) {
            backorderedAtPlacement = backordered;
        }
        expectBackorderFrom(backorderWarehouse);
        settle();
    }

    /** More units wanted: {@code reserved} of them held in stock, {@code backordered} waiting. */
    void increase(long reserved, long backordered, String backorderWarehouse) {
        requireNotNegative(reserved + backordered, reserved, backordered);
        quantity += reserved + backordered;
        this.reserved += reserved;
        this.backordered += backordered;
        expectBackorderFrom(backorderWarehouse);
        settle();
    }

    /**
     * Fewer units wanted: the backorder goes first, then reserved stock. A line reduced to nothing before anything shipped
     * is cancelled (and stays visible as such); otherwise its quantity shrinks.
     */
    Reduction reduceTo(long target) {
        long decrease = activeQuantity() - target;
        if (decrease <= 0 || target < shipped) {
            throw new IllegalStateException(
                    "line " + lineNumber + " cannot be reduced from " + activeQuantity() + " to " + target);
        }
        long released = takeOpen(decrease);
        boolean lineCancelled = target == 0 && shipped == 0;
        if (lineCancelled) {
            cancelled += decrease;
        } else {
            quantity -= decrease;
        }
        settle();
        return new Reduction(released, lineCancelled);
    }

    /** Cancels {@code units} of what is still open, the backorder first; returns the reserved units to give back to stock. */
    long cancel(long units) {
        long released = takeOpen(units);
        cancelled += units;
        settle();
        return released;
    }

    /** Stock arrived for the backorder: {@code units} move from backordered to reserved. */
    void fillBackorder(long units) {
        requireNotNegative(units, backordered - units);
        backordered -= units;
        reserved += units;
        settle();
    }

    /** {@code units} of the reserved stock left on a shipment. */
    void ship(long units) {
        requireNotNegative(units, reserved - units);
        reserved -= units;
        shipped += units;
        settle();
    }

    /** {@code units} shipped came back. */
    void recordReturn(long units) {
        requireNotNegative(units, shipped - returned - units);
        returned += units;
        settle();
    }

    /** The shipped goods reached the customer (a returned line stays returned). */
    void markDelivered() {
        if (shipped > 0 && returned == 0) {
            status = LineStatus.DELIVERED;
        }
    }

    /** Taxed again at {@code rate} in {@code vatCategory}, e.g. for a new destination. */
    void retax(BigDecimal rate, String vatCategory) {
        taxRate = rate;
        this.vatCategory = vatCategory;
        reprice();
    }

    /** The quantity still wanted: ordered minus cancelled. */
    long activeQuantity() {
        return quantity - cancelled;
    }

    /** What is neither shipped nor cancelled: reserved or backordered. */
    long open() {
        return reserved + backordered;
    }

    boolean quantitiesAddUp() {
        return reserved + backordered + cancelled + shipped == quantity;
    }

    boolean fullyShipped() {
        return shipped == activeQuantity();
    }

    boolean fullyCancelled() {
        return cancelled == quantity;
    }

    int lineNumber() {
        return lineNumber;
    }

    String sku() {
        return sku;
    }

    String productName() {
        return productName;
    }

    Money unitPrice() {
        return unitPrice;
    }

    boolean priceOverridden() {
        return priceOverridden;
    }

    String taxCategory() {
        return taxCategory;
    }

    BigDecimal taxRate() {
        return taxRate;
    }

    String vatCategory() {
        return vatCategory;
    }

    Instant placedAt() {
        return placedAt;
    }

    long quantity() {
        return quantity;
    }

    long reserved() {
        return reserved;
    }

    long backordered() {
        return backordered;
    }

    long cancelled() {
        return cancelled;
    }

    long shipped() {
        return shipped;
    }

    long returned() {
        return returned;
    }

    long backorderedAtPlacement() {
        return backorderedAtPlacement;
    }

    String backorderWarehouse() {
        return backorderWarehouse;
    }

    Money lineNet() {
        return lineNet;
    }

    Money tax() {
        return tax;
    }

    LineStatus status() {
        return status;
    }

    /** Takes {@code units} from the open quantity, backorder first; returns how many were reserved. */
    private long takeOpen(long units) {
        requireNotNegative(units, open() - units);
        long fromBackorder = Math.min(units, backordered);
        backordered -= fromBackorder;
        long fromReserved = units - fromBackorder;
        reserved -= fromReserved;
        return fromReserved;
    }

    private void expectBackorderFrom(String warehouse) {
        if (backordered > 0 && backorderWarehouse == null) {
            backorderWarehouse = warehouse;
        }
    }

    /** After every change: priced for what is still wanted, status from the quantities, invariant 4 kept. */
    private void settle() {
        reprice();
        deriveStatus();
        if (!quantitiesAddUp()) {
            throw new IllegalStateException(
                    "line " + lineNumber + ": reserved " + reserved + " + backordered " + backordered + " + cancelled "
                            + cancelled + " + shipped " + shipped + " is not the quantity " + quantity);
        }
    }

    /** Net and tax of the active quantity, each rounded half-even to the minor unit (invariant 6). */
    private void reprice() {
        lineNet = unitPrice.times(activeQuantity());
        tax = lineNet.timesRate(taxRate);
    }

    private void deriveStatus() {
        if (cancelled == quantity) {
            status = LineStatus.CANCELLED;
        } else if (returned > 0) {
            status = LineStatus.RETURNED;
        } else if (shipped > 0 && shipped == activeQuantity()) {
            status = status == LineStatus.DELIVERED ? LineStatus.DELIVERED : LineStatus.SHIPPED;
        } else if (backordered > 0) {
            status = LineStatus.BACKORDERED;
        } else if (reserved > 0) {
            status = LineStatus.RESERVED;
        } else {
            status = LineStatus.OPEN;
        }
    }

    private void requireNotNegative(long... values) {
        for (long value : values) {
            if (value < 0) {
                throw new IllegalStateException("line " + lineNumber + ": the change would make a quantity negative");
            }
        }
    }
}
