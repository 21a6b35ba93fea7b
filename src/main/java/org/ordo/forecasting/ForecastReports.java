package org.ordo.forecasting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The forecasts as people read them: one SKU's weekly history and forecast with its backtest error, the overview of
 * every SKU's backtest, and running the backtest on request. The same answers as {@code /api/forecasts}.
 */
public interface ForecastReports {

    /**
     * {@code sku}'s history and the {@code weeks} weeks ahead (1 to 104) in {@code warehouse} (null: all warehouses);
     * a 400 naming {@code weeks} outside that range, a 404 for an unknown SKU or warehouse.
     */
    ForecastView forecast(String sku, String warehouse, int weeks);

    /** Every SKU's stored backtest in one warehouse (null: all together), and the WAPE over all of them. */
    Overview overview(String warehouse);

    /** Runs the backtest of every SKU now; empty while another run is under way. */
    Optional<Run> run();

    record Week(LocalDate weekStart, double quantity) {}

    /** Error figures are null when unknown; {@code beatsSeasonalNaive} then too. */
    record BacktestView(
            Double mase,
            Double wape,
            Double seasonalNaiveWape,
            Boolean beatsSeasonalNaive,
            int historyWeeks,
            int evaluatedForecasts,
            Instant computedAt) {}

    /** {@code method} is the chosen method's stored name, e.g. {@code SEASONAL_NAIVE}, {@code SES}, {@code TSB}. */
    record ForecastView(
            String sku,
            String warehouse,
            String method,
            List<Week> history,
            List<Week> forecast,
            BacktestView backtest) {}

    record SkuBacktest(String sku, String method, Double mase, Double wape, Double seasonalNaiveWape) {

        /** Null when either error is unknown: a SKU too new to be backtested neither beats nor trails. */
        public Boolean beatsSeasonalNaive() {
            return wape == null || seasonalNaiveWape == null ? null : wape < seasonalNaiveWape;
        }
    }

    record Overview(
            String warehouse,
            Instant computedAt,
            int skus,
            int beatingSeasonalNaive,
            Double wape,
            Double seasonalNaiveWape,
            List<SkuBacktest> items) {}

    record Run(long id, Instant startedAt, Instant finishedAt, int skus, int series, String runBy) {}
}
