package org.ordo.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;

/**
 * What placing an order would give now ({@link OrderEntry#quote}): priced and taxed lines, totals, the promised date and
 * the credit check, computed by the placement rules but written nowhere and holding no stock.
 *
 * <p>{@code currency} and the amounts are null when no known, active customer is given (prices are in the customer's
 * currency). {@code lines} holds only the lines that could be priced, each with its {@code index} in the request; the
 * others are named in {@code problems} ({@code lines[i].sku}, {@code lines[i].quantity}, {@code customerId},
 * {@code shippingAddress.*}, {@code requestedDeliveryDate}, ...). {@code shipping}: the net shipping charge the order
 * would be placed with; {@code tax} includes its VAT; total = subtotal + shipping + tax. {@code discountHold}: why the
 * order would be held for a manager's approval of its manual discounts, null when it would not.
 */
public record OrderQuote(
        UUID customerId,
        String currency,
        List<Line> lines,
        Money subtotal,
        Money shipping,
        Money tax,
        Money total,
        LocalDate promisedDate,
        Credit credit,
        String discountHold,
        List<FieldViolation> problems) {

    /**
     * One priced line: {@code listPrice} the catalog's, {@code priceRule} the price list (and break) that gave the base
     * price (null: the list price), {@code discounts} what was taken off it and by which rule, {@code unitPrice} the net
     * price the line would be placed at. {@code available}: what new orders may still take of the SKU across warehouses (older backorders
     * come first); {@code availableByWarehouse}: on hand − reserved per warehouse code. {@code backordered}: what of this
     * line would wait for stock; {@code promisedDate}: the date this line alone would be promised, {@code promiseSource}
     * what it rests on (STOCK, a purchase order line, LEAD_TIME or DEFAULT), {@code promiseEstimated} for the last two.
     */
    public record Line(
            int index,
            String sku,
            String name,
            long quantity,
            Money listPrice,
            String priceRule,
            List<org.ordo.pricing.Pricing.Discount> discounts,
            Money unitPrice,
            BigDecimal taxRate,
            Money lineNet,
            Money tax,
            long available,
            Map<String, Long> availableByWarehouse,
            long backordered,
            LocalDate promisedDate,
            String promiseSource,
            boolean promiseEstimated) {

        public boolean isBackordered() {
            return backordered > 0;
        }
    }

    /**
     * The credit check as it would run: {@code exposure} = open receivables + open orders before this one;
     * {@code available} = limit − exposure (may be negative); {@code hold} when this order's total does not fit.
     */
    public record Credit(Money limit, Money exposure, Money available, boolean hold) {}

    public Line line(int index) {
        return lines.stream().filter(l -> l.index() == index).findFirst().orElse(null);
    }

    public boolean anyBackordered() {
        return lines.stream().anyMatch(Line::isBackordered);
    }
}
