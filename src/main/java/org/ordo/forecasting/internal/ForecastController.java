package org.ordo.forecasting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.Inventory;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Forecasts of one SKU, the overview of every SKU's backtest, and running the backtest on request. */
@RestController
class ForecastController {

    private static final String READERS = "hasAnyRole('ADMIN','PURCHASING','SALES','WAREHOUSE')";
    private static final int DEFAULT_WEEKS = 12;
    private static final int MOST_WEEKS = 104;

    record Week(LocalDate weekStart, double quantity) {}

    record BacktestView(
            Double mase,
            Double wape,
            Double seasonalNaiveWape,
            Boolean beatsSeasonalNaive,
            int historyWeeks,
            int evaluatedForecasts,
            Instant computedAt) {}

    record ForecastView(
            String sku,
            String warehouse,
            String method,
            List<Week> history,
            List<Week> forecast,
            BacktestView backtest) {}

    record SkuBacktest(String sku, String method, Double mase, Double wape, Double seasonalNaiveWape) {}

    record Overview(
            String warehouse,
            Instant computedAt,
            int skus,
            int beatingSeasonalNaive,
            Double wape,
            Double seasonalNaiveWape,
            List<SkuBacktest> items) {}

    private final ForecastService forecasts;
    private final ForecastRunService runs;
    private final ForecastStore store;
    private final Catalog catalog;
    private final Inventory inventory;

    ForecastController(
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

    @GetMapping("/api/forecasts/{sku}")
    @PreAuthorize(READERS)
    ForecastView forecast(
            @PathVariable String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer weeks) {
        int horizon = weeks == null ? DEFAULT_WEEKS : weeks;
        if (horizon <= 0) {
            throw OrdoException.invalid(List.of(CommonRule.GREATER_THAN_ZERO.at("weeks")));
        }
        if (horizon > MOST_WEEKS) {
            throw OrdoException.invalid(List.of(CommonRule.AT_MOST.at("weeks", MOST_WEEKS)));
        }
        catalog.find(sku).orElseThrow(() -> OrdoException.notFound("Product", sku));
        if (warehouse != null) {
            inventory.warehouse(warehouse).orElseThrow(() -> OrdoException.notFound("Warehouse", warehouse));
        }
        ForecastService.Forecast f =
                forecasts.forecast(sku, warehouse == null ? ForecastService.ALL : warehouse, horizon);
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
                beats(r.wape(), r.seasonalNaiveWape()),
                r.weeks(),
                r.evaluatedForecasts(),
                f.computedAt());
        return new ForecastView(sku, warehouse, r.method(), history, ahead, backtest);
    }

    /** Every SKU's stored backtest in one warehouse (or all together), and the WAPE over all of them. */
    @GetMapping("/api/forecasts")
    @PreAuthorize(READERS)
    Overview overview(@RequestParam(required = false) String warehouse) {
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
            if (Boolean.TRUE.equals(beats(r.wape(), r.seasonalNaiveWape()))) {
                beating++;
            }
            items.add(new SkuBacktest(s.sku(), r.method(), r.mase(), r.wape(), r.seasonalNaiveWape()));
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

    /** Runs the backtest of every SKU now; 409 while another run is under way. */
    @PostMapping("/api/forecasts/runs")
    @PreAuthorize("hasAnyRole('ADMIN','PURCHASING')")
    ResponseEntity<ForecastStore.Run> run() {
        ForecastStore.Run run = runs.run()
                .orElseThrow(() -> OrdoException.conflict(
                        "forecast-run-busy", "Another forecast run is under way; try again when it has finished."));
        return ResponseEntity.ok(run);
    }

    /** Null when either is unknown: a SKU too new to be backtested neither beats nor trails. */
    private static Boolean beats(Double wape, Double seasonalNaiveWape) {
        return wape == null || seasonalNaiveWape == null ? null : wape < seasonalNaiveWape;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
