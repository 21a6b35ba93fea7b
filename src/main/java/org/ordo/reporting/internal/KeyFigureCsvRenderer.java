package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ordo.platform.Csv;

/**
 * The key figures as CSV, one row per figure: its name (as in the JSON, a currency appended where there is one per
 * currency), its value (empty when there was nothing to compute it from), its unit and the period as from/to.
 */
final class KeyFigureCsvRenderer {

    static final List<String> HEADER = List.of("name", "value", "unit", "period");

    private KeyFigureCsvRenderer() {}

    static String fileName(Period period) {
        return "key-figures-" + period.from() + "-" + period.to() + ".csv";
    }

    static String csv(Kpis k) {
        String period = k.period().from() + "/" + k.period().to();
        List<List<Object>> rows = new ArrayList<>();
        durations(rows, "orderCycleTime", k.orderCycleTime(), period);
        durations(rows, "orderProcessingTime", k.orderProcessingTime(), period);
        rows.add(row("onTimeDeliveryRate", k.onTimeDeliveryRate().value(), "ratio", period));
        rows.add(row("backorderRate", k.backorderRate().value(), "ratio", period));
        for (KeyFigureQueries.CurrencyAmount a : k.averageOrderValue()) {
            rows.add(row("averageOrderValue." + a.currency(), a.value(), a.currency(), period));
        }
        rows.add(row("repeatPurchaseRate", k.repeatPurchaseRate().value(), "ratio", period));
        rows.add(row("slowMovers", k.slowMovers().size(), "SKUs", period));
        rows.add(row("fulfilmentAccuracy", k.fulfilmentAccuracy().value(), "ratio", period));
        for (KeyFigureQueries.Turnover t : k.inventoryTurnover().byCurrency()) {
            rows.add(row("inventoryTurnover." + t.currency(), t.value(), "turns", period));
            rows.add(row("inventoryTurnoverPerYear." + t.currency(), t.perYear(), "turns a year", period));
        }
        for (KeyFigureQueries.SalesOutstanding d : k.daysSalesOutstanding()) {
            rows.add(row("daysSalesOutstanding." + d.currency(), d.value(), "days", period));
        }
        return Csv.of(HEADER, rows);
    }

    private static void durations(List<List<Object>> rows, String name, KeyFigureQueries.Durations d, String period) {
        rows.add(row(name + ".medianHours", d.medianHours(), "hours", period));
        rows.add(row(name + ".p90Hours", d.p90Hours(), "hours", period));
        rows.add(row(name + ".orders", d.count(), "orders", period));
    }

    private static List<Object> row(String name, Object value, String unit, String period) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.add(value instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : value);
        row.add(unit);
        row.add(period);
        return row;
    }
}
