package org.ordo.forecasting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored backtests and runs ({@code forecast_backtest}, {@code forecast_run}, {@code forecast_lock}). */
@Component
class ForecastStore {

    /** A backtest as stored, with the SKU and warehouse ({@link ForecastService#ALL} for all) it is of. */
    record Stored(String sku, String warehouse, Backtest.Result result, Instant computedAt) {}

    /** One run of the backtest over every SKU with demand. */
    record Run(long id, Instant startedAt, Instant finishedAt, int skus, int series, String runBy) {}

    private final JdbcClient jdbc;

    ForecastStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the run's lock row until the transaction ends; false when another run holds it. */
    boolean lockRun() {
        return jdbc.sql("SELECT name FROM forecast_lock WHERE name = 'backtest' FOR UPDATE SKIP LOCKED")
                .query(String.class)
                .optional()
                .isPresent();
    }

    void replace(String sku, List<Stored> backtests) {
        jdbc.sql("DELETE FROM forecast_backtest WHERE sku = ?").param(sku).update();
        for (Stored s : backtests) {
            Backtest.Result r = s.result();
            jdbc.sql("""
                    INSERT INTO forecast_backtest (sku, warehouse, method, history_weeks, evaluated_forecasts, mase, wape,
                        seasonal_naive_wape, absolute_error, seasonal_naive_absolute_error, tested_demand, error_deviation,
                        computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            sku,
                            s.warehouse(),
                            r.method(),
                            r.weeks(),
                            r.evaluatedForecasts(),
                            r.mase(),
                            r.wape(),
                            r.seasonalNaiveWape(),
                            r.absoluteError(),
                            r.seasonalNaiveAbsoluteError(),
                            r.testedDemand(),
                            r.errorDeviation(),
                            Timestamp.from(s.computedAt()))
                    .update();
        }
    }

    /** Forgets the backtests of SKUs the run did not reach (no demand in the window any more). */
    void deleteOlderThan(Instant computedAt) {
        jdbc.sql("DELETE FROM forecast_backtest WHERE computed_at < ?")
                .param(Timestamp.from(computedAt))
                .update();
    }

    Optional<Stored> find(String sku, String warehouse) {
        return jdbc.sql("SELECT * FROM forecast_backtest WHERE sku = ? AND warehouse = ?")
                .params(sku, warehouse)
                .query(ForecastStore::stored)
                .optional();
    }

    /** Every stored backtest of one warehouse (or of all together), by SKU. */
    List<Stored> all(String warehouse) {
        return jdbc.sql("SELECT * FROM forecast_backtest WHERE warehouse = ? ORDER BY sku")
                .param(warehouse)
                .query(ForecastStore::stored)
                .list();
    }

    Run saveRun(Instant startedAt, Instant finishedAt, int skus, int series, String runBy) {
        jdbc.sql("INSERT INTO forecast_run (started_at, finished_at, skus, series, run_by) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(startedAt), Timestamp.from(finishedAt), skus, series, runBy)
                .update();
        return lastRun().orElseThrow();
    }

    Optional<Run> lastRun() {
        return jdbc.sql("SELECT * FROM forecast_run ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Run(
                        rs.getLong("id"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at").toInstant(),
                        rs.getInt("skus"),
                        rs.getInt("series"),
                        rs.getString("run_by")))
                .optional();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getString("sku"),
                rs.getString("warehouse"),
                new Backtest.Result(
                        rs.getString("method"),
                        nullable(rs, "mase"),
                        nullable(rs, "wape"),
                        nullable(rs, "seasonal_naive_wape"),
                        rs.getDouble("error_deviation"),
                        rs.getInt("history_weeks"),
                        rs.getInt("evaluated_forecasts"),
                        rs.getDouble("absolute_error"),
                        rs.getDouble("seasonal_naive_absolute_error"),
                        rs.getDouble("tested_demand")),
                rs.getTimestamp("computed_at").toInstant());
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
