package org.ordo.orders;

import java.time.LocalDate;
import java.util.List;

/**
 * What customers asked for, week by week: the quantity of order lines less what was cancelled, for the module that
 * forecasts demand. Draft orders do not count. A week is an ISO week, Monday to Sunday in UTC, of the line's placement.
 */
public interface DemandHistory {

    /**
     * Weekly demand of {@code sku} in the weeks starting on or after {@code from} and before {@code to} (both Mondays),
     * per warehouse, weeks without demand absent. A line counts in the warehouses its units were reserved in (or
     * shipped from), unit for unit; units never reserved (still backordered) count in its backorder warehouse. A
     * null warehouse holds units with neither, which count only in the total.
     */
    List<WeeklyDemand> weeklyDemand(String sku, LocalDate from, LocalDate to);

    /** The SKUs with demand in the weeks starting on or after {@code from}, in SKU order. */
    List<String> skusWithDemandSince(LocalDate from);

    /** Units of one SKU asked for in one week in one warehouse (null: none known). */
    record WeeklyDemand(String warehouse, LocalDate weekStart, long quantity) {}
}
