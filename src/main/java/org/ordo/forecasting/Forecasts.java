package org.ordo.forecasting;

/**
 * Expected demand, for the modules that plan stock (reorder points, replenishment proposals). Implemented by this
 * module from the weekly demand of order lines, with the method its own backtest chose per SKU.
 */
public interface Forecasts {

    /**
     * Demand of {@code sku} expected over the next {@code days} days in {@code warehouse} (null: all warehouses), and
     * the standard deviation of the forecast error over that horizon. A SKU without history expects zero.
     */
    DemandOutlook outlook(String sku, String warehouse, int days);

    /** Expected units over the horizon, the spread of the error around them, and the method that produced them. */
    record DemandOutlook(
            String sku, String warehouse, int days, double expected, double standardDeviation, String method) {}
}
