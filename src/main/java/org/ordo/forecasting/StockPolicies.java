package org.ordo.forecasting;

/**
 * A SKU's stock policy in one warehouse, set by hand or computed from the forecast at a service level over the lead
 * time; the service of the stock policy endpoint of docs/forecasting.md, with its rules and refusals.
 */
public interface StockPolicies {

    PolicyView set(String sku, String warehouse, PolicyRequest request);

    /** By hand: {@code safetyStock} and {@code reorderPoint}; computed: {@code computed}, {@code serviceLevel}, lead time. */
    record PolicyRequest(
            Long safetyStock, Long reorderPoint, Boolean computed, Double serviceLevel, Integer leadTimeDays) {}

    /** How a computed policy came about; {@code leadTimeFrom} is REQUEST or SUPPLIER. */
    record Computation(
            double serviceLevel,
            double z,
            int leadTimeDays,
            String leadTimeFrom,
            double expectedDemand,
            double standardDeviation,
            String method) {}

    /** {@code computation} is null for a policy set by hand. */
    record PolicyView(String sku, String warehouse, long safetyStock, long reorderPoint, Computation computation) {}
}
