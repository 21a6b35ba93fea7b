package org.ordo.forecasting.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backtest of every SKU with demand, daily and on request. One node runs it: the run takes the row of
 * {@code forecast_lock} with FOR UPDATE SKIP LOCKED and holds it until it commits; a run that finds it taken skips. A
 * SKU's backtests are replaced at once, and those of SKUs without demand in the window are forgotten.
 */
@Component
class ForecastRunService {

    private static final Logger log = LoggerFactory.getLogger(ForecastRunService.class);

    private final ForecastService forecasts;
    private final ForecastStore store;
    private final TransactionTemplate tx;

    ForecastRunService(ForecastService forecasts, ForecastStore store, TransactionTemplate tx) {
        this.forecasts = forecasts;
        this.store = store;
        this.tx = tx;
    }

    @Scheduled(cron = "${ordo.forecasting.backtest.cron:0 15 3 * * *}", zone = "UTC")
    void daily() {
        run().ifPresentOrElse(
                        r -> log.info("forecast backtest: {} SKUs, {} series", r.skus(), r.series()),
                        () -> log.info("forecast backtest: another node is running it"));
    }

    /** Runs the backtest now; empty when another run holds the lock. */
    Optional<ForecastStore.Run> run() {
        return tx.execute(status -> {
            if (!store.lockRun()) {
                return Optional.empty();
            }
            Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<String> skus = forecasts.skusWithDemand();
            int series = 0;
            for (String sku : skus) {
                List<ForecastStore.Stored> backtests = forecasts.backtestAll(sku, started);
                store.replace(sku, backtests);
                series += backtests.size();
            }
            store.deleteOlderThan(started);
            Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return Optional.of(store.saveRun(started, finished, skus.size(), series, node()));
        });
    }

    private static String node() {
        return System.getenv().getOrDefault("HOSTNAME", "node") + "/"
                + ProcessHandle.current().pid();
    }
}
