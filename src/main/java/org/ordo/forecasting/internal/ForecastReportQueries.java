package org.ordo.forecasting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ordo.catalog.Catalog;
import org.ordo.forecasting.ForecastReports;
import org.ordo.inventory.Inventory;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;

/** The forecasts as the API and the pages show them, from the stored backtests and the chosen methods. */
@Component
class ForecastReportQueries implements ForecastReports {

    static final int MOST_WEEKS = 104;

    private final ForecastService forecasts;
    private final ForecastRunService runs;
    private final ForecastStore store;
    private final Catalog catalog;
    private final Inventory inventory;

    ForecastReportQueries(
            ForecastService forecasts,
            ForecastRunService runs,
            ForecastStore store,
            Catalog catalog,
            Inventory inventory) {
        this.forecasts = forecasts;
        this.runs = runs;
        this.store = store;
        this.catalog = catalog;
        this.inventory = inventory;
    }

    @Override
    public ForecastView forecast(String sku, String warehouse, int weeks) {
        if (weeks <= 0) {
            throw OrdoException.invalid(List.of(CommonRule.GREATER_THAN_ZERO.at("weeks")));
        }
        if (weeks > MOST_WEEKS) {
            throw OrdoException.invalid(List.of(CommonRule.AT_MOST.at("weeks", MOST_WEEKS)));
        }
        catalog.find(sku).orElseThrow(() -> OrdoException.notFound("Product", sku));
        if (warehouse != null) {
            inventory.warehouse(warehouse).orElseThrow(() -> OrdoException.notFound("Warehouse", warehouse));
        }
        ForecastService.Forecast f =
                forecasts.forecast(sku, warehouse == null ? ForecastService.ALL : warehouse, weeks);
        ForecastService.Series series = f.series();
        List<Week> history = new ArrayList<>();
        for (int i = 0; i < series.quantities().length; i++) {
            history.add(new Week(series.week(i), series.quantities()[i]));
        }
        List<Week> ahead = new ArrayList<>();
        LocalDate first = forecasts.currentWeek();
        for (int i = 0; i < f.weeks().length; i++) {
            ahead.add(new Week(first.plusWeeks(i), round(f.weeks()[i])));
        }
        Backtest.Result r = f.backtest();
        BacktestView backtest = new BacktestView(
                r.mase(),
                r.wape(),
                r.seasonalNaiveWape(),
                new SkuBacktest(sku, r.method(), r.mase(), r.wape(), r.seasonalNaiveWape()).beatsSeasonalNaive(),
                r.weeks(),
                r.evaluatedForecasts(),
                f.computedAt());
        return new ForecastView(sku, warehouse, r.method(), history, ahead, backtest);
    }

    @Override
    public Overview overview(String warehouse) {
        List<ForecastStore.Stored> stored = store.all(warehouse == null ? ForecastService.ALL : warehouse);
        double error = 0;
        double naiveError = 0;
        double demand = 0;
        int beating = 0;
        List<SkuBacktest> items = new ArrayList<>();
        for (ForecastStore.Stored s : stored) {
            Backtest.Result r = s.result();
            error += r.absoluteError();
            naiveError += r.seasonalNaiveAbsoluteError();
            demand += r.testedDemand();
            SkuBacktest item = new SkuBacktest(s.sku(), r.method(), r.mase(), r.wape(), r.seasonalNaiveWape());
            if (Boolean.TRUE.equals(item.beatsSeasonalNaive())) {
                beating++;
            }
            items.add(item);
        }
        Instant computedAt = store.lastRun().map(ForecastStore.Run::finishedAt).orElse(null);
        return new Overview(
                warehouse,
                computedAt,
                items.size(),
                beating,
                demand == 0 ? null : error / demand,
                demand == 0 ? null : naiveError / demand,
                items);
    }

    @Override
    public Optional<Run> run() {
        return runs.run().map(r -> new Run(r.id(), r.startedAt(), r.finishedAt(), r.skus(), r.series(), r.runBy()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
