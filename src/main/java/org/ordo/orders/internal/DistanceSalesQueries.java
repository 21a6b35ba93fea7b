package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Set;
import org.ordo.catalog.DistanceSales;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.CompanyCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Distance sales as the orders hold them: the net of the ordered and not cancelled units of consumer lines (S, Z; a
 * business with a VAT id buys at K) shipped to the given countries, placed in the company's calendar year. Only orders
 * in euros count: Ordo keeps no exchange rates, so a seller selling to consumers in other currencies too must register
 * for OSS ({@code ordo.tax.oss-registered}) rather than rely on the count.
 */
@Component
class DistanceSalesQueries implements DistanceSales {

    /** The VAT categories of a consumer's line abroad: K, G and E are business, export and exempt sales. */
    private static final Set<String> CONSUMER_CATEGORIES = Set.of("S", "Z");

    private final JdbcClient jdbc;
    private final CompanyCalendar calendar;

    DistanceSalesQueries(JdbcClient jdbc, CompanyCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @Override
    public BigDecimal netInEuros(Set<String> countries, int year) {
        if (countries.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("""
                        SELECT COALESCE(SUM(l.unit_price * (l.quantity - l.cancelled_quantity)), 0) FROM order_line l
                          JOIN sales_order o ON o.id = l.order_id
                         WHERE o.currency = 'EUR' AND o.ship_country IN (:countries) AND l.vat_category IN (:consumer)
                           AND o.placed_at >= :start AND o.placed_at < :end AND o.status <> :cancelled""")
                .param("countries", countries)
                .param("consumer", CONSUMER_CATEGORIES)
                .param("start", Timestamp.from(calendar.startOf(LocalDate.of(year, 1, 1))))
                .param("end", Timestamp.from(calendar.startOf(LocalDate.of(year + 1, 1, 1))))
                .param("cancelled", OrderStatus.CANCELLED.name())
                .query(BigDecimal.class)
                .single();
    }
}
