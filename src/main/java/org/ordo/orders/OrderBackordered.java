package org.ordo.orders;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Lines of an order were backordered: at placement ({@code atPlacement}), or by a change that wanted more than free stock
 * covers. Published in that transaction; {@code promisedDate} is the order's promise after it.
 */
public record OrderBackordered(
        UUID orderId, String number, UUID customerId, boolean atPlacement, LocalDate promisedDate, List<Line> lines) {

    /**
     * {@code quantity} units of the line newly backordered, {@code backordered} the line's units waiting now, expected
     * from {@code warehouse} by {@code promisedDate}.
     */
    public record Line(
            int lineNumber, String sku, long quantity, long backordered, String warehouse, LocalDate promisedDate) {}
}
