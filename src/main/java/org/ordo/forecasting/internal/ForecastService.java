package org.ordo.forecasting.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ordo.forecasting.Forecasts;
import org.ordo.orders.DemandHistory;
import org.springframework.stereotype.Component;

/**
 * Weekly demand series, their forecasts and backtests. A series runs from the first week with demand (at most
 * {@link #HISTORY_WEEKS} back) to the last complete week: the week under way is not history yet, a forecast starts
 * with it. The backtest of a series is the stored one of the last run, or, for a series the run has not seen yet,
 * one computed on the spot.
 */
@Component
class ForecastService implements Forecasts {

    /** The warehouse key of the series of all warehouses together. */
    static final String ALL = "*";

    static final int HISTORY_WEEKS = 156;

    /** Weekly demand of one SKU in one warehouse (or {@link #ALL}), {@code quantities[i]} in week {@code firstWeek + i}. */
    record Series(String sku, String warehouse, LocalDate firstWeek, double[] quantities) {

        LocalDate week(int index) {
            return firstWeek.plusWeeks(index);
        }
    }

    /** A series with the method its backtest chose and what that method forecasts for the next weeks. */
    record Forecast(Series series, Backtest.Result backtest, Instant computedAt, double[] weeks) {}

    private final DemandHistory demand;
    private final ForecastStore store;
    private final Backtest backtest = Backtest.standard();
    private final Clock clock = Clock.systemUTC();

    ForecastService(DemandHistory demand, ForecastStore store) {
        this.demand = demand;
        this.store = store;
    }

    /** The Monday of the week under way, UTC. */
    LocalDate currentWeek() {
        return LocalDate.now(clock).with(DayOfWeek.MONDAY);
    }

    /** The series of one SKU: all warehouses together under {@link #ALL}, then each warehouse with demand. */
    Map<String, Series> seriesOf(String sku) {
        LocalDate to = currentWeek();
        Map<String, Map<LocalDate, Long>> perWarehouse = new TreeMap<>();
        for (DemandHistory.WeeklyDemand d : demand.weeklyDemand(sku, to.minusWeeks(HISTORY_WEEKS), to)) {
            perWarehouse.computeIfAbsent(ALL, k -> new TreeMap<>()).merge(d.weekStart(), d.quantity(), Long::sum);
            if (d.warehouse() != null) {
                perWarehouse
                        .computeIfAbsent(d.warehouse(), k -> new TreeMap<>())
                        .merge(d.weekStart(), d.quantity(), Long::sum);
            }
        }
        Map<String, Series> series = new TreeMap<>();
        perWarehouse.forEach((warehouse, weeks) -> series.put(warehouse, series(sku, warehouse, weeks, to)));
        return series;
    }

    Series series(String sku, String warehouse) {
        Series found = seriesOf(sku).get(warehouse);
        return found != null ? found : new Series(sku, warehouse, currentWeek(), new double[0]);
    }

    private static Series series(String sku, String warehouse, Map<LocalDate, Long> weeks, LocalDate to) {
        LocalDate first = weeks.keySet().iterator().next();
        int length = (int) ChronoUnit.WEEKS.between(first, to);
        double[] quantities = new double[length];
        weeks.forEach((week, quantity) -> quantities[(int) ChronoUnit.WEEKS.between(first, week)] = quantity);
        return new Series(sku, warehouse, first, quantities);
    }

    Backtest.Result backtest(Series series) {
        return backtest.run(series.quantities());
    }

    /** The forecast of the next {@code weeks} weeks of one series, by the method its backtest chose. */
    Forecast forecast(String sku, String warehouse, int weeks) {
        Series series = series(sku, warehouse);
        ForecastStore.Stored stored = store.find(sku, warehouse).orElse(null);
        Backtest.Result result = stored != null ? stored.result() : backtest(series);
        double[] ahead = Backtest.forecast(backtest.method(result.method()), series.quantities(), weeks);
        return new Forecast(series, result, stored != null ? stored.computedAt() : null, ahead);
    }

    /**
     * Expected demand over {@code days}: the weekly forecast summed over whole weeks and a share of the last; its
     * standard deviation is the one-week-ahead error's, times the square root of the horizon in weeks (errors of
     * successive weeks taken as independent).
     */
    @Override
    public DemandOutlook outlook(String sku, String warehouse, int days) {
        double horizon = Math.max(0, days) / 7.0;
        Forecast forecast = forecast(sku, warehouse == null ? ALL : warehouse, (int) Math.ceil(horizon));
        double expected = 0;
        for (int week = 0; week < forecast.weeks().length; week++) {
            expected += forecast.weeks()[week] * Math.min(1, horizon - week);
        }
        double deviation = forecast.backtest().errorDeviation() * Math.sqrt(horizon);
        return new DemandOutlook(
                sku, warehouse, days, expected, deviation, forecast.backtest().method());
    }

    /** Backtests every series of one SKU, as a run stores them. */
    List<ForecastStore.Stored> backtestAll(String sku, Instant computedAt) {
        List<ForecastStore.Stored> out = new ArrayList<>();
        seriesOf(sku)
                .forEach((warehouse, series) ->
                        out.add(new ForecastStore.Stored(sku, warehouse, backtest(series), computedAt)));
        return out;
    }

    List<String> skusWithDemand() {
        return demand.skusWithDemandSince(currentWeek().minusWeeks(HISTORY_WEEKS));
    }
}
