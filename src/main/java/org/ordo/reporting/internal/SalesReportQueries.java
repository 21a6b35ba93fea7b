package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sales trends: net revenue (Σ line nets of the ordered, not cancelled quantities), units and orders, grouped by
 * time (UTC day, ISO week starting Monday, month), product, customer or channel, per currency. Orders count on
 * the day they were placed; cancelled orders do not count.
 */
@Component
class SalesReportQueries {

    enum GroupBy {
        DAY,
        WEEK,
        MONTH,
        PRODUCT,
        CUSTOMER,
        CHANNEL
    }

    record Row(String key, String label, String currency, long orders, long units, BigDecimal netRevenue) {}

    private final JdbcClient jdbc;

    SalesReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static GroupBy groupBy(String value) {
        try {
            return GroupBy.valueOf((value == null ? "day" : value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw OrdoException.invalid("groupBy", "must be one of day, week, month, product, customer, channel");
        }
    }

    List<Row> rows(Period period, GroupBy groupBy) {
        String key;
        String label;
        String join = "";
        switch (groupBy) {
            case DAY, WEEK, MONTH -> {
                key = "DATE_TRUNC('" + groupBy.name().toLowerCase(Locale.ROOT) + "', o.placed_at)";
                label = key;
            }
            case PRODUCT -> {
                key = "l.sku";
                label = "MAX(l.product_name)";
            }
            case CUSTOMER -> {
                key = "CAST(o.customer_id AS VARCHAR(36))";
                label = "MAX(c.name)";
                join = " JOIN customer c ON c.id = o.customer_id";
            }
            default -> {
                key = "o.channel";
                label = "o.channel";
            }
        }
        boolean byTime = groupBy == GroupBy.DAY || groupBy == GroupBy.WEEK || groupBy == GroupBy.MONTH;
        String sql = "SELECT " + key + " AS k, " + (byTime ? key : label)
                + " AS label, o.currency, COUNT(DISTINCT o.id) AS orders, "
                + "SUM(l.quantity - l.cancelled_quantity) AS units, SUM(l.line_net) AS net_revenue FROM sales_order o JOIN order_line l ON l.order_id = o.id"
                + join
                + " WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'CANCELLED' GROUP BY " + key
                + ", o.currency ORDER BY " + (byTime ? "1" : "6 DESC, 1") + ", 3";
        return jdbc.sql(sql)
                .params(Timestamp.from(period.start()), Timestamp.from(period.end()))
                .query((rs, n) -> {
                    String k;
                    String l;
                    if (byTime) {
                        k = rs.getTimestamp("k")
                                .toInstant()
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString();
                        l = k;
                    } else {
                        k = rs.getString("k");
                        l = rs.getString("label");
                    }
                    String currency = rs.getString("currency").trim();
                    int minor =
                            Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
                    return new Row(
                            k,
                            l,
                            currency,
                            rs.getLong("orders"),
                            rs.getLong("units"),
                            rs.getBigDecimal("net_revenue").setScale(minor, java.math.RoundingMode.HALF_EVEN));
                })
                .list();
    }
}
