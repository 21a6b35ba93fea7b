package org.ordo.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ordo.orders.OrderStatus;
import org.ordo.shared.Money;

/**
 * The figures of the dashboard, from the same queries as {@code GET /api/reports/kpis}, {@code /api/reports/sales} and
 * {@code /api/reports/ar-aging}. Periods are whole UTC days, {@code to} included.
 *
 * @throws org.ordo.shared.OrdoException invalid (400, fields {@code from} and {@code to}) for a reversed or too long period
 */
public interface KeyFigures {

    /** The key figures of docs/domain.md for orders placed, shipped or delivered in the period. */
    Summary summary(LocalDate from, LocalDate to);

    /** Orders, units and net revenue per day the orders were placed on and currency; days without orders are absent. */
    List<DaySales> salesByDay(LocalDate from, LocalDate to);

    /** Orders placed in the period, per current status (statuses without orders are absent). */
    Map<OrderStatus, Long> ordersByStatus(LocalDate from, LocalDate to);

    /** What open backorders wait for right now. */
    Backorders backorders();

    /** Receivables past their due date at the end of {@code asOf}, per currency (AR aging, all buckets past due). */
    List<Overdue> overdue(LocalDate asOf);

    /**
     * The key figures of {@code GET /api/reports/kpis} (slow movers after 90 days) as CSV: one row per figure with its
     * name, value, unit and period; a figure without a value (nothing to compute it from) has an empty value.
     */
    Csv csv(LocalDate from, LocalDate to);

    /** How customer service kept up with the cases opened in the period. */
    ServiceFigures service(LocalDate from, LocalDate to);

    /**
     * Medians in hours from opening to the first staff reply and to the (last) resolution, null without such cases; the
     * reopen rate is reopened cases ÷ cases resolved at least once.
     */
    record ServiceFigures(BigDecimal medianFirstResponseHours, BigDecimal medianResolutionHours, Rate reopenRate) {}

    /**
     * How quotations fared: the conversion rate is the quotations accepted ÷ those decided (accepted, declined or
     * expired) in the period; the open value is that of the quotations sent and still valid today, per currency.
     */
    QuotationFigures quotations(LocalDate from, LocalDate to);

    record QuotationFigures(Rate conversion, long open, List<Money> openValue) {}

    /** A CSV file and the name to save it under. */
    record Csv(String fileName, String text) {}

    /** {@code value} = numerator ÷ denominator, null when the denominator is 0. */
    record Rate(BigDecimal value, long numerator, long denominator) {}

    /**
     * Cycle time: placed → delivered in hours (median and 90th percentile, null without deliveries) over {@code deliveredOrders};
     * average order value per currency; inventory turnover per cost currency (its value null without inventory value).
     */
    record Summary(
            LocalDate from,
            LocalDate to,
            BigDecimal cycleTimeMedianHours,
            BigDecimal cycleTimeP90Hours,
            long deliveredOrders,
            Rate onTimeDelivery,
            Rate backorderRate,
            List<Money> averageOrderValue,
            Rate repeatPurchase,
            List<Turnover> inventoryTurnover) {}

    record Turnover(String currency, BigDecimal value, BigDecimal perYear) {}

    record DaySales(LocalDate day, String currency, long orders, long units, Money netRevenue) {}

    record Backorders(long orders, long lines, long units) {}

    record Overdue(String currency, long invoices, Money amount) {}
}
