package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The key figures that add up per day, from the per-day facts: the same definitions as {@link KeyFigureQueries} and
 * {@link SalesReportQueries} (which compute them from the raw rows), read from about 365 rows a year (the stock ledger:
 * one row per SKU and month, and the movements of the period's two part-months). Percentiles are
 * within 1 % of the exact ones ({@link DurationHistogram}); counts and sums are exact. Callers catch up first
 * ({@link DayFactService#catchUp()}).
 */
@Component
class DayFactQueries {

    private final DayFactStore store;
    private final InvoiceFactStore invoices;
    private final StockFactStore stock;
    private final KeyFigureQueries rows;

    DayFactQueries(DayFactStore store, InvoiceFactStore invoices, StockFactStore stock, KeyFigureQueries rows) {
        this.store = store;
        this.invoices = invoices;
        this.stock = stock;
        this.rows = rows;
    }

    /** Days sales outstanding with the credit sales from the per-day facts; the receivables as {@link KeyFigureQueries}. */
    List<KeyFigureQueries.SalesOutstanding> daysSalesOutstanding(Period p) {
        return rows.salesOutstanding(p, invoices.creditSales(p.from(), p.to()));
    }

    /** Inventory turnover with the units per SKU from the stock ledger per month, valued as {@link KeyFigureQueries}. */
    KeyFigureQueries.InventoryTurnover inventoryTurnover(Period p) {
        StockFactStore.Query units = stock.unitsPerSku(p);
        return rows.inventoryTurnover(p, units.sql(), units.params());
    }

    /** Slow movers with each SKU's last shipment from the stock ledger per month. */
    List<KeyFigureQueries.SlowMover> slowMovers(Period p, int days, int limit) {
        StockFactStore.Query lastShipped = stock.lastShipped(p);
        return rows.slowMovers(p, days, limit, "MAX(l.last_shipped)", lastShipped.sql(), lastShipped.params());
    }

    KeyFigureQueries.Deliveries deliveries(Period p) {
        DayFactStore.Timings delivered = store.timings(DayFactStore.Timing.DELIVERED, p.from(), p.to());
        KeyFigureQueries.Durations durations = durations(delivered.histogram());
        return new KeyFigureQueries.Deliveries(
                durations, KeyFigureQueries.Rate.of(delivered.byPromisedDate(), durations.count()));
    }

    KeyFigureQueries.Durations orderProcessingTime(Period p) {
        return durations(
                store.timings(DayFactStore.Timing.SHIPPED, p.from(), p.to()).histogram());
    }

    KeyFigureQueries.Rate backorderRate(Period p) {
        long backordered = 0;
        long lines = 0;
        for (DayFactStore.OrderDay day : store.orderDays(p.from(), p.to())) {
            backordered += day.backorderedLines();
            lines += day.lines();
        }
        return KeyFigureQueries.Rate.of(backordered, lines);
    }

    List<KeyFigureQueries.CurrencyAmount> averageOrderValue(Period p) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        Map<String, Long> orders = new TreeMap<>();
        for (DayFactStore.OrderDay day : store.orderDays(p.from(), p.to())) {
            if (day.orders() > 0) {
                totals.merge(day.currency(), day.orderTotal(), BigDecimal::add);
                orders.merge(day.currency(), day.orders(), Long::sum);
            }
        }
        return totals.entrySet().stream()
                .map(e -> new KeyFigureQueries.CurrencyAmount(
                        e.getKey(),
                        e.getValue().divide(BigDecimal.valueOf(orders.get(e.getKey())), 2, RoundingMode.HALF_EVEN),
                        orders.get(e.getKey())))
                .toList();
    }

    /** Sales per day, ISO week (from Monday) or month the orders were placed in, and currency; cancelled orders left out. */
    List<SalesReportQueries.Row> sales(Period p, SalesReportQueries.GroupBy groupBy) {
        Map<String, SalesReportQueries.Row> rows = new TreeMap<>();
        for (DayFactStore.OrderDay day : store.orderDays(p.from(), p.to())) {
            if (day.orders() == 0) {
                continue;
            }
            String key = start(day.day(), groupBy).toString();
            rows.merge(
                    key + " " + day.currency(),
                    new SalesReportQueries.Row(key, key, day.currency(), day.orders(), day.units(), day.netRevenue()),
                    (a, b) -> new SalesReportQueries.Row(
                            a.key(),
                            a.label(),
                            a.currency(),
                            a.orders() + b.orders(),
                            a.units() + b.units(),
                            a.netRevenue().add(b.netRevenue())));
        }
        List<SalesReportQueries.Row> result = new ArrayList<>();
        for (SalesReportQueries.Row r : rows.values()) {
            int minor = Math.max(0, Currency.getInstance(r.currency()).getDefaultFractionDigits());
            result.add(new SalesReportQueries.Row(
                    r.key(),
                    r.label(),
                    r.currency(),
                    r.orders(),
                    r.units(),
                    r.netRevenue().setScale(minor, RoundingMode.HALF_EVEN)));
        }
        return result;
    }

    private static LocalDate start(LocalDate day, SalesReportQueries.GroupBy groupBy) {
        return switch (groupBy) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    private static KeyFigureQueries.Durations durations(DurationHistogram histogram) {
        return new KeyFigureQueries.Durations(
                histogram.percentileHours(0.5), histogram.percentileHours(0.9), histogram.count());
    }
}
