package org.ordo.forecasting.internal;

import org.ordo.forecasting.ForecastReports;
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

    private final ForecastReports reports;

    ForecastController(ForecastReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/forecasts/{sku}")
    @PreAuthorize(READERS)
    ForecastReports.ForecastView forecast(
            @PathVariable String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer weeks) {
        return reports.forecast(sku, warehouse, weeks == null ? DEFAULT_WEEKS : weeks);
    }

    /** Every SKU's stored backtest in one warehouse (or all together), and the WAPE over all of them. */
    @GetMapping("/api/forecasts")
    @PreAuthorize(READERS)
    ForecastReports.Overview overview(@RequestParam(required = false) String warehouse) {
        return reports.overview(warehouse);
    }

    /** Runs the backtest of every SKU now; 409 while another run is under way. */
    @PostMapping("/api/forecasts/runs")
    @PreAuthorize("hasAnyRole('ADMIN','PURCHASING')")
    ResponseEntity<ForecastReports.Run> run() {
        ForecastReports.Run run = reports.run().orElseThrow(ForecastController::busy);
        return ResponseEntity.ok(run);
    }

    static OrdoException busy() {
        return OrdoException.conflict(
                "forecast-run-busy", "Another forecast run is under way; try again when it has finished.");
    }
}
