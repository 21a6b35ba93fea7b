package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ordo.platform.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-day facts of the key figures (report_order_day, report_timing_day): recomputed for a run of days from the
 * orders and their lines, and read back. Days are the company's, in the zone each method is given.
 */
@Component
class DayFactStore {

    /** The facts of one day and currency, by the day its orders were placed on; cancelled orders only in their count. */
    record OrderDay(
            LocalDate day,
            String currency,
            long orders,
            long cancelledOrders,
            BigDecimal orderTotal,
            long lines,
            long backorderedLines,
            long units,
            BigDecimal netRevenue) {}

    /** The two durations kept per day: placed → shipped (everything) and placed → delivered. */
    enum Timing {
        SHIPPED("shipped_at"),
        DELIVERED("delivered_at");

        final String column;

        Timing(String column) {
            this.column = column;
        }
    }

    /** A duration histogram of a period, with the orders among it that got there by their promised date. */
    record Timings(DurationHistogram histogram, long byPromisedDate) {}

    private final JdbcClient jdbc;
    private final boolean postgres;

    DayFactStore(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.postgres = database.isPostgres();
    }

    /** Recomputes the facts of the days {@code from} to {@code to} (both included) from the orders. */
    void recompute(LocalDate from, LocalDate to, ZoneId zone) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        jdbc.sql("DELETE FROM report_order_day WHERE fact_day >= ? AND fact_day <= ?")
                .params(Date.valueOf(from), Date.valueOf(to))
                .update();
        jdbc.sql("DELETE FROM report_timing_day WHERE fact_day >= ? AND fact_day <= ?")
                .params(Date.valueOf(from), Date.valueOf(to))
                .update();
        // per order first (its lines summed), then per day: an order's total counts once however many lines it has
        jdbc.sql(
                        "INSERT INTO report_order_day (fact_day, currency, orders, cancelled_orders, order_total, order_lines, "
                                + "backordered_lines, units, net_revenue) "
                                + "SELECT x.fact_day, x.currency, COUNT(CASE WHEN x.cancelled = 0 THEN 1 END), SUM(x.cancelled), "
                                + "COALESCE(SUM(CASE WHEN x.cancelled = 0 THEN x.total END), 0), SUM(x.order_lines), "
                                + "SUM(x.backordered_lines), COALESCE(SUM(CASE WHEN x.cancelled = 0 THEN x.units END), 0), "
                                + "COALESCE(SUM(CASE WHEN x.cancelled = 0 THEN x.net END), 0) "
                                + "FROM (SELECT " + day("o.placed_at", zone) + " AS fact_day, o.currency, o.total, "
                                + "CASE WHEN o.status = 'CANCELLED' THEN 1 ELSE 0 END AS cancelled, COUNT(l.line_number) AS order_lines, "
                                + "COUNT(CASE WHEN l.backordered_at_placement > 0 THEN 1 END) AS backordered_lines, "
                                + "COALESCE(SUM(l.quantity - l.cancelled_quantity), 0) AS units, COALESCE(SUM(l.line_net), 0) AS net "
                                + "FROM sales_order o LEFT JOIN order_line l ON l.order_id = o.id "
                                + "WHERE o.placed_at >= ? AND o.placed_at < ? "
                                + "GROUP BY o.id, o.placed_at, o.currency, o.total, o.status) x "
                                + "GROUP BY x.fact_day, x.currency")
                .params(start, end)
                .update();
        for (Timing timing : Timing.values()) {
            recompute(timing, start, end, zone);
        }
    }

    private void recompute(Timing timing, Timestamp start, Timestamp end, ZoneId zone) {
        String until = timing.column;
        // whole seconds as the figures from the raw rows count them (KeyFigureQueries.timing)
        String seconds = postgres
                ? "FLOOR(date_part('epoch', " + until + " - placed_at))"
                : "FLOOR(EXTRACT(EPOCH FROM " + until + ") - EXTRACT(EPOCH FROM placed_at))";
        jdbc.sql(
                        "INSERT INTO report_timing_day (fact_day, kind, bucket, orders, min_seconds, max_seconds, by_promised_date) "
                                + "SELECT x.fact_day, '" + timing.name()
                                + "', x.bucket, COUNT(*), MIN(x.seconds), MAX(x.seconds), "
                                + "SUM(x.on_time) "
                                + "FROM (SELECT y.fact_day, y.seconds, y.on_time, "
                                + DurationHistogram.bucketSql("y.seconds")
                                + " AS bucket "
                                + "FROM (SELECT " + day(until, zone) + " AS fact_day, CAST(" + seconds
                                + " AS BIGINT) AS seconds, "
                                + "CASE WHEN promised_date IS NULL OR CAST(" + until
                                + " AT TIME ZONE 'UTC' AS DATE) <= promised_date "
                                + "THEN 1 ELSE 0 END AS on_time "
                                + "FROM sales_order WHERE " + until + " >= ? AND " + until + " < ?) y) x "
                                + "GROUP BY x.fact_day, x.bucket")
                .params(start, end)
                .update();
    }

    /** Removes every fact. */
    void clear() {
        jdbc.sql("DELETE FROM report_order_day").update();
        jdbc.sql("DELETE FROM report_timing_day").update();
    }

    /** The first and last company day any order counts on (placed, shipped or delivered), null without orders. */
    LocalDate[] span(ZoneId zone) {
        return jdbc.sql("SELECT MIN(placed_at) AS first_at, MAX(placed_at) AS placed, MAX(shipped_at) AS shipped, "
                        + "MAX(delivered_at) AS delivered FROM sales_order")
                .query((rs, n) -> {
                    Timestamp first = rs.getTimestamp("first_at");
                    if (first == null) {
                        return null;
                    }
                    Instant last = first.toInstant();
                    for (String column : List.of("placed", "shipped", "delivered")) {
                        Timestamp at = rs.getTimestamp(column);
                        if (at != null && at.toInstant().isAfter(last)) {
                            last = at.toInstant();
                        }
                    }
                    return new LocalDate[] {
                        first.toInstant().atZone(zone).toLocalDate(),
                        last.atZone(zone).toLocalDate()
                    };
                })
                .list()
                .get(0); // one row, with nulls when there are no orders
    }

    List<OrderDay> orderDays(LocalDate from, LocalDate to) {
        return jdbc.sql(
                        "SELECT fact_day, currency, orders, cancelled_orders, order_total, order_lines, backordered_lines, "
                                + "units, net_revenue FROM report_order_day WHERE fact_day >= ? AND fact_day <= ? "
                                + "ORDER BY fact_day, currency")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new OrderDay(
                        rs.getDate("fact_day").toLocalDate(),
                        rs.getString("currency").trim(),
                        rs.getLong("orders"),
                        rs.getLong("cancelled_orders"),
                        rs.getBigDecimal("order_total"),
                        rs.getLong("order_lines"),
                        rs.getLong("backordered_lines"),
                        rs.getLong("units"),
                        rs.getBigDecimal("net_revenue")))
                .list();
    }

    Timings timings(Timing timing, LocalDate from, LocalDate to) {
        long[] onTime = {0};
        List<DurationHistogram.Bucket> buckets = jdbc.sql(
                        "SELECT bucket, SUM(orders) AS orders, MIN(min_seconds) AS min_seconds, MAX(max_seconds) AS max_seconds, "
                                + "SUM(by_promised_date) AS by_promised_date FROM report_timing_day "
                                + "WHERE kind = ? AND fact_day >= ? AND fact_day <= ? GROUP BY bucket ORDER BY bucket")
                .params(timing.name(), Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> {
                    onTime[0] += rs.getLong("by_promised_date");
                    return new DurationHistogram.Bucket(
                            rs.getInt("bucket"),
                            rs.getLong("orders"),
                            rs.getLong("min_seconds"),
                            rs.getLong("max_seconds"));
                })
                .list();
        return new Timings(new DurationHistogram(buckets), onTime[0]);
    }

    /** The company day of a timestamp column in SQL ({@code zone} is a ZoneId, never user input). */
    private static String day(String column, ZoneId zone) {
        return "CAST(" + column + " AT TIME ZONE '" + zone.getId() + "' AS DATE)";
    }
}
