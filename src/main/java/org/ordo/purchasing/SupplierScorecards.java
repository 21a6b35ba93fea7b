package org.ordo.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.shared.Money;

/**
 * How a supplier performed over a period of whole UTC days: the answer of the scorecard endpoint of the suppliers API,
 * for pages. Rates are fractions (0.95), null when nothing was measured; lead times in days.
 */
public interface SupplierScorecards {

    /**
     * The scorecard from {@code from} to {@code to} (ISO dates, {@code to} included; null: the last 90 days); a 400
     * naming a malformed date, a 404 for an unknown supplier.
     */
    Scorecard scorecard(UUID supplierId, String from, String to);

    record Scorecard(
            UUID supplierId,
            String supplierName,
            LocalDate from,
            LocalDate to,
            int deliveries,
            int deliveriesWithConfirmedDate,
            int onTimeDeliveries,
            BigDecimal onTimeRate,
            long orderedOnFinishedOrders,
            long receivedOnFinishedOrders,
            BigDecimal fillRate,
            BigDecimal leadTimeMeanDays,
            BigDecimal leadTimeStandardDeviationDays,
            List<PriceChange> priceChanges) {}

    /** An offer's new price; {@code previousPrice} null for its first. */
    record PriceChange(String sku, Money previousPrice, Money unitPrice, Instant changedAt, String actor) {}
}
