package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ordo.platform.Database;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One query per key figure of docs/domain.md, over a period [start, end) in UTC. Rates are returned with their
 * numerator and denominator so a reader can check them; an empty denominator gives a null value, not zero.
 */
@Component
class KeyFigureQueries {

    record Rate(BigDecimal value, long numerator, long denominator) {

        static Rate of(long numerator, long denominator) {
            BigDecimal value = denominator == 0
                    ? null
                    : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN);
            return new Rate(value, numerator, denominator);
        }
    }

    /** Median and 90th percentile in hours (linear interpolation between ranks), over {@code count} orders. */
    record Durations(BigDecimal medianHours, BigDecimal p90Hours, long count) {}

    record Deliveries(Durations cycleTime, Rate onTime) {}

    record CurrencyAmount(String currency, BigDecimal value, long orders) {}

    record SlowMover(String sku, long onHand, Instant lastShipped) {}

    /**
     * Inventory turnover in one cost currency: cost of goods shipped ÷ average inventory value, with average =
     * (value on hand at the period's start + at its end) ÷ 2, each at today's unit cost. {@code skus} counts the SKUs
     * that went into it; {@code value} is null when there was no inventory value. {@code perYear} is the value at the
     * pace of the period over 365 days, the figure people compare turnover by (a month's 0.5 is 6 a year).
     */
    record Turnover(
            String currency,
            Money costOfGoodsShipped,
            Money openingValue,
            Money closingValue,
            Money averageInventoryValue,
            BigDecimal value,
            BigDecimal perYear,
            long skus) {}

    /** Turnover per cost currency; SKUs with stock or shipments in the period but no unit cost are left out and counted. */
    record InventoryTurnover(List<Turnover> byCurrency, long skusWithoutCost) {}

    /**
     * How many orders of a grouped scan cost as much as one customer probe (descending the (customer, placed) index and
     * reading up to two orders): about 10 to 13 on a million orders (docs/performance.md).
     */
    static final long ORDERS_PER_PROBE = 12;

    /** Returns with these reasons make a delivered shipment count as inaccurate. */
    static final List<String> INACCURATE_REASONS = List.of("WRONG_ITEM", "DAMAGED");

    /** Days sales outstanding in one currency, with the figures it is computed from; null when nothing was sold on credit. */
    record SalesOutstanding(
            String currency, BigDecimal value, BigDecimal receivables, BigDecimal creditSales, long days) {}

    private final JdbcClient jdbc;

    private final OpenInvoiceQueries openInvoices;
    private final boolean postgres;

    KeyFigureQueries(JdbcClient jdbc, OpenInvoiceQueries openInvoices, Database database) {
        this.jdbc = jdbc;
        this.openInvoices = openInvoices;
        this.postgres = database.isPostgres();
    }

    /**
     * The orders delivered in the period, in one pass: order cycle time (placed → delivered) and the on-time delivery rate
     * (delivered on or before the promised date ÷ delivered).
     */
    Deliveries deliveries(Period p) {
        Timing delivered = timing("delivered_at", p);
        return new Deliveries(
                delivered.durations(),
                Rate.of(delivered.byPromisedDate(), delivered.durations().count()));
    }

    /** Order processing time: placed → shipped (everything shipped), for orders shipped in the period. */
    Durations orderProcessingTime(Period p) {
        return timing("shipped_at", p).durations();
    }

    /** Backorder rate: lines that were (partly) backordered at placement ÷ lines placed in the period. */
    Rate backorderRate(Period p) {
        // a line carries its placement time: no join with a year of orders
        return jdbc.sql(
                        "SELECT COUNT(CASE WHEN backordered_at_placement > 0 THEN 1 END) AS backordered, COUNT(*) AS lines "
                                + "FROM order_line "
                                + "WHERE placed_at >= ? AND placed_at < ?")
                .params(Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query((rs, n) -> Rate.of(rs.getLong("backordered"), rs.getLong("lines")))
                .single();
    }

    /** Average order value per currency: Σ order totals ÷ orders, over orders placed in the period and not cancelled. */
    List<CurrencyAmount> averageOrderValue(Period p) {
        return jdbc.sql("SELECT currency, SUM(total) AS sales, COUNT(*) AS orders FROM sales_order "
                        + "WHERE placed_at >= ? AND placed_at < ? "
                        + "AND status <> 'CANCELLED' GROUP BY currency ORDER BY currency")
                .params(Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query((rs, n) -> new CurrencyAmount(
                        rs.getString("currency").trim(),
                        rs.getBigDecimal("sales")
                                .divide(BigDecimal.valueOf(rs.getLong("orders")), 2, RoundingMode.HALF_EVEN),
                        rs.getLong("orders")))
                .list();
    }

    /** Repeat purchase rate: customers with two or more orders in the period ÷ customers with at least one (cancelled excluded). */
    Rate repeatPurchaseRate(Period p) {
        if (!postgres) {
            // H2 does not see a customer two subqueries deep; the embedded database holds few orders anyway
            return repeatPurchaseByOrder(p);
        }
        long customers =
                jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        return customers * ORDERS_PER_PROBE < ordersPlacedAbout(p)
                ? repeatPurchaseByCustomer(p)
                : repeatPurchaseByOrder(p);
    }

    /** Every order placed in the period, grouped by customer: cheap when a period has few orders per customer. */
    Rate repeatPurchaseByOrder(Period p) {
        return jdbc.sql("SELECT COUNT(CASE WHEN n >= 2 THEN 1 END) AS repeat_customers, COUNT(*) AS customers "
                        + "FROM (SELECT customer_id, COUNT(*) AS n FROM sales_order "
                        + "WHERE placed_at >= ? AND placed_at < ? AND status <> 'CANCELLED' GROUP BY customer_id) c")
                .params(Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query((rs, n) -> Rate.of(rs.getLong("repeat_customers"), rs.getLong("customers")))
                .single();
    }

    /**
     * Per customer, at most its first two orders of the period by the (customer, placed) index: the same counts, at a
     * cost of the customers rather than of the orders (a year of a wholesaler: 20,000 customers, a million orders).
     */
    Rate repeatPurchaseByCustomer(Period p) {
        return jdbc.sql("SELECT COUNT(CASE WHEN n >= 2 THEN 1 END) AS repeat_customers, "
                        + "COUNT(CASE WHEN n >= 1 THEN 1 END) AS customers "
                        + "FROM (SELECT (SELECT COUNT(*) FROM (SELECT 1 AS one FROM sales_order o WHERE o.customer_id = c.id "
                        + "AND o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'CANCELLED' "
                        // OFFSET 0: a fence, so that the two counts read one probe per customer, not one each
                        + "ORDER BY o.placed_at FETCH FIRST 2 ROWS ONLY) f) AS n FROM customer c OFFSET 0 ROWS) x")
                .params(Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query((rs, n) -> Rate.of(rs.getLong("repeat_customers"), rs.getLong("customers")))
                .single();
    }

    /** The orders placed in the period as the per-day facts last counted them: enough to choose how to count. */
    private long ordersPlacedAbout(Period p) {
        return jdbc.sql("SELECT COALESCE(SUM(orders + cancelled_orders), 0) AS orders FROM report_order_day "
                        + "WHERE fact_day >= ? AND fact_day <= ?")
                .params(java.sql.Date.valueOf(p.from()), java.sql.Date.valueOf(p.to()))
                .query(Long.class)
                .single();
    }

    /**
     * Fulfilment accuracy: shipments delivered in the period without a return for a wrong or damaged item ÷ shipments
     * delivered in the period. A shipment counts as inaccurate when a return of its order that was not rejected has a line
     * with such a reason for an order line the shipment carried.
     */
    Rate fulfilmentAccuracy(Period p) {
        // counted from the few returns, not by asking each of a year's shipments whether it has one
        long delivered = jdbc.sql("SELECT COUNT(*) FROM shipment WHERE delivered_at >= ? AND delivered_at < ?")
                .params(Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query(Long.class)
                .single();
        long inaccurate = jdbc.sql("SELECT COUNT(DISTINCT s.id) FROM return_authorization a "
                        + "JOIN return_line rl ON rl.return_id = a.id "
                        + "JOIN shipment s ON s.order_id = a.order_id "
                        + "JOIN shipment_line sl ON sl.shipment_id = s.id AND sl.line_number = rl.line_number "
                        + "WHERE a.status <> 'REJECTED' AND rl.reason IN (:reasons) "
                        + "AND s.delivered_at >= :start AND s.delivered_at < :end")
                .param("reasons", INACCURATE_REASONS)
                .param("start", Timestamp.from(p.start()))
                .param("end", Timestamp.from(p.end()))
                .query(Long.class)
                .single();
        return Rate.of(delivered - inaccurate, delivered);
    }

    /**
     * Inventory turnover, re-derived from the stock ledger: per SKU the units shipped in the period (SHIPMENT movements) and
     * the units on hand at its start and end (all movements before each), valued at the product's unit cost and summed per
     * cost currency. SKUs without a unit cost form the group without a currency: counted, not valued.
     */
    InventoryTurnover inventoryTurnover(Period p) {
        return inventoryTurnover(
                p,
                "SELECT sku, SUM(CASE WHEN type = 'SHIPMENT' AND created_at >= :start THEN -quantity ELSE 0 END) AS shipped, "
                        + "SUM(CASE WHEN created_at < :start THEN quantity ELSE 0 END) AS opening, "
                        + "SUM(quantity) AS closing "
                        + "FROM stock_movement WHERE created_at < :end GROUP BY sku",
                Map.of("start", Timestamp.from(p.start()), "end", Timestamp.from(p.end())));
    }

    /**
     * Inventory turnover from the units per SKU of {@code unitsPerSku} (a query of the columns sku, shipped, opening and
     * closing, with the named {@code params}), valued at the products' unit cost of today and summed per cost currency.
     */
    InventoryTurnover inventoryTurnover(Period p, String unitsPerSku, Map<String, ?> params) {
        List<Turnover> byCurrency = new ArrayList<>();
        long[] withoutCost = {0};
        jdbc.sql("SELECT pr.cost_currency, COUNT(*) AS skus, SUM(x.shipped * pr.unit_cost) AS shipped_cost, "
                        + "SUM(x.opening * pr.unit_cost) AS opening_value, SUM(x.closing * pr.unit_cost) AS closing_value "
                        + "FROM (" + unitsPerSku + ") x "
                        + "JOIN product pr ON pr.sku = x.sku "
                        + "WHERE x.shipped <> 0 OR x.opening <> 0 OR x.closing <> 0 "
                        + "GROUP BY pr.cost_currency ORDER BY pr.cost_currency")
                .params(params)
                .query(rs -> {
                    if (rs.getString("cost_currency") == null) {
                        withoutCost[0] += rs.getLong("skus");
                        return;
                    }
                    byCurrency.add(turnover(
                            p,
                            rs.getString("cost_currency").trim(),
                            rs.getBigDecimal("shipped_cost"),
                            rs.getBigDecimal("opening_value"),
                            rs.getBigDecimal("closing_value"),
                            rs.getLong("skus")));
                });
        return new InventoryTurnover(List.copyOf(byCurrency), withoutCost[0]);
    }

    private static Turnover turnover(
            Period p,
            String currency,
            BigDecimal shipped,
            BigDecimal openingValue,
            BigDecimal closingValue,
            long skus) {
        Money cogs = Money.of(shipped, currency).rounded();
        Money opening = Money.of(openingValue, currency).rounded();
        Money closing = Money.of(closingValue, currency).rounded();
        Money average = Money.of(
                        opening.amount().add(closing.amount()).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_EVEN),
                        currency)
                .rounded();
        BigDecimal value = average.amount().signum() == 0
                ? null
                : cogs.amount().divide(average.amount(), 4, RoundingMode.HALF_EVEN);
        BigDecimal perYear = value == null
                ? null
                : value.multiply(BigDecimal.valueOf(365))
                        .divide(BigDecimal.valueOf(p.days()), 2, RoundingMode.HALF_EVEN);
        return new Turnover(currency, cogs, opening, closing, average, value, perYear, skus);
    }

    /** Slow movers: SKUs with stock on hand and no shipment in the {@code days} days before the period's end. */
    List<SlowMover> slowMovers(Period p, int days, int limit) {
        // per SKU in stock, its last shipment by the (type, sku, created_at) index: one probe each, not a year of
        // movements
        return slowMovers(
                p,
                days,
                limit,
                "(SELECT MAX(m.created_at) FROM stock_movement m WHERE m.type = 'SHIPMENT' AND m.sku = s.sku "
                        + "AND m.created_at < :end)",
                "",
                Map.of());
    }

    /**
     * Slow movers with {@code lastShipped}, an SQL aggregate of the last shipment of SKU {@code s.sku} before :end over the
     * stock levels joined with {@code join} (one row per SKU at most), and their named {@code params}.
     */
    List<SlowMover> slowMovers(Period p, int days, int limit, String lastShipped, String join, Map<String, ?> params) {
        Instant since = p.end().minus(Duration.ofDays(days));
        return jdbc.sql("SELECT sku, on_hand, last_shipped FROM (SELECT s.sku, SUM(s.on_hand) AS on_hand, "
                        + lastShipped + " AS last_shipped FROM stock_level s " + join
                        + " GROUP BY s.sku HAVING SUM(s.on_hand) > 0) x "
                        + "WHERE last_shipped IS NULL OR last_shipped < :since "
                        + "ORDER BY on_hand DESC, sku LIMIT " + limit)
                .params(params)
                .param("end", Timestamp.from(p.end()))
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new SlowMover(
                        rs.getString("sku"),
                        rs.getLong("on_hand"),
                        rs.getTimestamp("last_shipped") == null
                                ? null
                                : rs.getTimestamp("last_shipped").toInstant()))
                .list();
    }

    /**
     * Days sales outstanding per currency: receivables open at the end of the period ÷ credit sales invoiced in the period
     * (invoices less credit notes issued in it; every sale is on credit here) × days in the period, to one decimal, half-even.
     */
    List<SalesOutstanding> daysSalesOutstanding(Period p) {
        Map<String, BigDecimal> sales = new TreeMap<>();
        jdbc.sql("SELECT currency, SUM(total) AS sales FROM invoice WHERE status IN " + OpenInvoiceQueries.COUNTS + " "
                        + "AND issue_date >= ? AND issue_date <= ? GROUP BY currency")
                .params(java.sql.Date.valueOf(p.from()), java.sql.Date.valueOf(p.to()))
                .query(rs -> {
                    sales.put(rs.getString("currency").trim(), rs.getBigDecimal("sales"));
                });
        return salesOutstanding(p, sales);
    }

    /** Days sales outstanding per currency from the period's credit sales per currency (however they were summed). */
    List<SalesOutstanding> salesOutstanding(Period p, Map<String, BigDecimal> sales) {
        Map<String, BigDecimal> receivables = openInvoices.totalsAsOf(p.to());
        Set<String> currencies = new TreeSet<>(receivables.keySet());
        currencies.addAll(sales.keySet());
        List<SalesOutstanding> figures = new ArrayList<>();
        for (String currency : currencies) {
            BigDecimal open = receivables.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal sold = sales.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal value = sold.signum() <= 0
                    ? null
                    : open.multiply(BigDecimal.valueOf(p.days())).divide(sold, 1, RoundingMode.HALF_EVEN);
            figures.add(new SalesOutstanding(currency, value, open, sold, p.days()));
        }
        return figures;
    }

    /** How long the orders took to {@code until}, and how many got there by their promised date. */
    private record Timing(Durations durations, long byPromisedDate) {}

    /**
     * Placed → {@code until} in whole seconds, for orders whose {@code until} lies in the period: median and 90th percentile
     * computed by the database (PERCENTILE_CONT: linear interpolation between the closest ranks), so a year of orders is not
     * carried to the application; in the same pass, the orders whose {@code until} fell on or before their promised date
     * (the UTC day, as the promised date is) or that had none.
     */
    private Timing timing(String until, Period p) {
        // PostgreSQL: the interval's seconds as a double, far cheaper per row than the numeric EXTRACT of each
        // timestamp
        String seconds = postgres
                ? "FLOOR(date_part('epoch', " + until + " - placed_at))"
                : "FLOOR(EXTRACT(EPOCH FROM " + until + ") - EXTRACT(EPOCH FROM placed_at))";
        return jdbc.sql("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + seconds + ") AS median_seconds, "
                        + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + seconds
                        + ") AS p90_seconds, COUNT(*) AS orders, "
                        + "COUNT(CASE WHEN promised_date IS NULL OR CAST(" + until
                        + " AT TIME ZONE 'UTC' AS DATE) <= promised_date THEN 1 END) AS by_promised_date "
                        + "FROM sales_order WHERE " + until + " >= ? AND " + until + " < ?")
                .params(Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query((rs, n) -> {
                    long count = rs.getLong("orders");
                    return new Timing(
                            new Durations(
                                    count == 0 ? null : hours(rs.getDouble("median_seconds")),
                                    count == 0 ? null : hours(rs.getDouble("p90_seconds")),
                                    count),
                            rs.getLong("by_promised_date"));
                })
                .single();
    }

    private static BigDecimal hours(Double seconds) {
        return seconds == null
                ? null
                : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN);
    }
}
