package org.ordo.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stock ledger per SKU and company month (report_stock_month): the movements up to the watermark's settled id,
 * added as they settle (movements never change), and the queries of inventory turnover and slow movers over them. A
 * period's units are the months before its boundary months, the movements after the settled id before them (by the
 * primary key) and the boundary months' movements up to the boundary (by time): every movement once, so the figures are
 * the ledger's exactly, whatever their position against the watermark.
 */
@Component
class StockFactStore {

    static final String SOURCE = "stock_movement";
    private static final String SETTLED =
            "(SELECT settled_id FROM report_fact_watermark WHERE source = '" + SOURCE + "')";

    /** One SKU's movements in one month. */
    private record Month(String sku, int month, long net, long shipped, Timestamp lastShipped) {}

    private final JdbcClient jdbc;

    StockFactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The month of a company day as kept: year × 100 + month. */
    static int month(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }

    /** Replaces every month by the movements up to {@code settledId}. */
    void rebuild(long settledId, ZoneId zone) {
        jdbc.sql("DELETE FROM report_stock_month").update();
        jdbc.sql("INSERT INTO report_stock_month (sku, fact_month, net_units, shipped_units, last_shipped_at) "
                        + grouped(zone))
                .params(0L, settledId)
                .update();
    }

    /** Adds the movements after {@code afterId} up to {@code settledId} to their months. */
    void add(long afterId, long settledId, ZoneId zone) {
        List<Month> months = jdbc.sql(grouped(zone))
                .params(afterId, settledId)
                .query((rs, n) -> new Month(
                        rs.getString("sku"),
                        rs.getInt("fact_month"),
                        rs.getLong("net_units"),
                        rs.getLong("shipped_units"),
                        rs.getTimestamp("last_shipped_at")))
                .list();
        for (Month m : months) {
            int updated = jdbc.sql("UPDATE report_stock_month SET net_units = net_units + ?, "
                            + "shipped_units = shipped_units + ? WHERE sku = ? AND fact_month = ?")
                    .params(m.net(), m.shipped(), m.sku(), m.month())
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO report_stock_month (sku, fact_month, net_units, shipped_units, last_shipped_at) "
                                + "VALUES (?, ?, ?, ?, ?)")
                        .params(m.sku(), m.month(), m.net(), m.shipped(), m.lastShipped())
                        .update();
            } else if (m.lastShipped() != null) {
                jdbc.sql("UPDATE report_stock_month SET last_shipped_at = ? WHERE sku = ? AND fact_month = ? "
                                + "AND (last_shipped_at IS NULL OR last_shipped_at < ?)")
                        .params(m.lastShipped(), m.sku(), m.month(), m.lastShipped())
                        .update();
            }
        }
    }

    /** The movements with ids after the first parameter up to the second, per SKU and company month. */
    private static String grouped(ZoneId zone) {
        String day = "CAST(created_at AT TIME ZONE '" + zone.getId() + "' AS DATE)";
        return "SELECT sku, fact_month, SUM(quantity) AS net_units, "
                + "SUM(CASE WHEN type = 'SHIPMENT' THEN -quantity ELSE 0 END) AS shipped_units, "
                + "MAX(CASE WHEN type = 'SHIPMENT' THEN created_at END) AS last_shipped_at "
                + "FROM (SELECT sku, type, quantity, created_at, CAST(EXTRACT(YEAR FROM " + day
                + ") * 100 + EXTRACT(MONTH FROM "
                + day + ") AS INTEGER) AS fact_month FROM stock_movement WHERE id > ? AND id <= ?) m "
                + "GROUP BY sku, fact_month";
    }

    /** A query of the units per SKU of {@link KeyFigureQueries#inventoryTurnover(Period, String, Map)}, with its parameters. */
    Query unitsPerSku(Period p) {
        // opening: before the period's first day; closing: before the day after its last; shipped: in between
        String sql = "SELECT sku, SUM(opening) AS opening, SUM(closing) AS closing, SUM(shipped) AS shipped FROM ("
                + "SELECT sku, CASE WHEN fact_month < :startMonth THEN net_units ELSE 0 END AS opening, net_units AS closing, "
                + "CASE WHEN fact_month >= :startMonth THEN shipped_units ELSE 0 END AS shipped "
                + "FROM report_stock_month WHERE fact_month < :endMonth "
                + "UNION ALL "
                + movements(":startMonthAt", ":endMonthAt", "id > " + SETTLED + " AND created_at < :endMonthAt")
                + " UNION ALL SELECT sku, " + inWindow("start", "quantity") + ", " + inWindow("end", "quantity") + ", "
                + inWindow("end", SHIPPED) + " - " + inWindow("start", SHIPPED) + " FROM stock_movement "
                + "WHERE (created_at >= :startMonthAt AND created_at < :start) OR (created_at >= :endMonthAt AND created_at < :end)"
                + ") u GROUP BY sku";
        return new Query(sql, boundaries(p));
    }

    private static final String SHIPPED = "CASE WHEN type = 'SHIPMENT' THEN -quantity ELSE 0 END";

    /** {@code value} for a movement from the start of the month of the boundary :{@code boundary} up to it, else 0. */
    private static String inWindow(String boundary, String value) {
        return "CASE WHEN created_at >= :" + boundary + "MonthAt AND created_at < :" + boundary + " THEN " + value
                + " ELSE 0 END";
    }

    /**
     * Movements as units of {@link #unitsPerSku}: opening before {@code opening}, closing before {@code closing}, shipped
     * in between, for the movements {@code where} selects.
     */
    private static String movements(String opening, String closing, String where) {
        return "SELECT sku, CASE WHEN created_at < " + opening + " THEN quantity ELSE 0 END, "
                + "CASE WHEN created_at < " + closing + " THEN quantity ELSE 0 END, "
                + "CASE WHEN type = 'SHIPMENT' AND created_at >= " + opening + " AND created_at < " + closing
                + " THEN -quantity ELSE 0 END FROM stock_movement WHERE " + where;
    }

    /** A join of each SKU's last shipment before the period's end, for {@link KeyFigureQueries#slowMovers}. */
    Query lastShipped(Period p) {
        String sql = "LEFT JOIN (SELECT sku, MAX(at) AS last_shipped FROM ("
                + "SELECT sku, last_shipped_at AS at FROM report_stock_month WHERE fact_month < :endMonth "
                + "AND last_shipped_at IS NOT NULL "
                + "UNION ALL SELECT sku, created_at FROM stock_movement WHERE type = 'SHIPMENT' AND id > " + SETTLED
                + " AND created_at < :endMonthAt "
                + "UNION ALL SELECT sku, created_at FROM stock_movement WHERE type = 'SHIPMENT' "
                + "AND created_at >= :endMonthAt AND created_at < :end) t GROUP BY sku) l ON l.sku = s.sku";
        return new Query(sql, boundaries(p));
    }

    /** SQL with its named parameters. */
    record Query(String sql, Map<String, Object> params) {}

    private static Map<String, Object> boundaries(Period p) {
        LocalDate first = p.from().withDayOfMonth(1);
        LocalDate last = p.to().plusDays(1).withDayOfMonth(1);
        return Map.of(
                "start", Timestamp.from(p.start()),
                "end", Timestamp.from(p.end()),
                "startMonth", month(first),
                "endMonth", month(last),
                "startMonthAt", at(first, p.zone()),
                "endMonthAt", at(last, p.zone()));
    }

    private static Timestamp at(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    /** The highest movement id at or above {@code current} all lower ones of which have committed by {@code before}. */
    long settledId(long current, Instant before) {
        long settled = jdbc.sql("SELECT COALESCE(MAX(id), 0) AS settled FROM stock_movement WHERE created_at < ?")
                .param(Timestamp.from(before))
                .query((rs, n) -> rs.getLong("settled"))
                .single();
        return Math.max(current, settled);
    }
}
