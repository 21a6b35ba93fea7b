package org.ordo.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * An order as other modules see it. Amounts are per line rounded (invariant 6); {@code total} = subtotal −
 * discount + shipping + tax (invariant 7).
 */
public record OrderSnapshot(
        UUID id,
        String number,
        UUID customerId,
        String channel,
        String externalReference,
        String currency,
        OrderStatus status,
        Address shippingAddress,
        LocalDate requestedDeliveryDate,
        LocalDate promisedDate,
        String shippingMethod,
        Instant placedAt,
        Money subtotal,
        Money discount,
        Money shipping,
        Money tax,
        Money total,
        List<Line> lines,
        long version) {

    /**
     * One line. {@code reservedByWarehouse}: active reservations per warehouse code, summing to {@code reserved}.
     * {@code returned} ≤ {@code shipped} ≤ {@code quantity − cancelled}. {@code grossPrice}: the unit price before the
     * line's discounts (promotions, manual), equal to {@code unitPrice} without any; {@code discounts} what was
     * taken off it and by which rule.
     */
    public record Line(
            int lineNumber,
            String sku,
            String name,
            long quantity,
            long reserved,
            long backordered,
            long cancelled,
            long shipped,
            long returned,
            LineStatus status,
            Money unitPrice,
            String taxCategory,
            BigDecimal taxRate,
            Money lineNet,
            Money tax,
            Map<String, Long> reservedByWarehouse,
            LocalDate promisedDate,
            String promiseSource,
            boolean promiseEstimated,
            Money grossPrice,
            List<org.ordo.pricing.Pricing.Discount> discounts) {}

    public Line line(int lineNumber) {
        return lines.stream()
                .filter(l -> l.lineNumber() == lineNumber)
                .findFirst()
                .orElse(null);
    }
}
