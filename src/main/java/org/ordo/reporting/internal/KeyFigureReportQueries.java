package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.CompanyCalendar;
import org.ordo.quotations.QuotationStatus;
import org.ordo.reporting.KeyFigures;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link KeyFigures} on the queries of the report API. */
@Component
class KeyFigureReportQueries implements KeyFigures {

    private final KeyFigureQueries figures;
    private final SalesReportQueries sales;
    private final OpenInvoiceQueries openInvoices;
    private final JdbcClient jdbc;
    private final Figures parallel;
    private final CompanyCalendar calendar;
    private final DayFactService facts;
    private final DayFactQueries dayFigures;

    KeyFigureReportQueries(
            KeyFigureQueries figures,
            SalesReportQueries sales,
            OpenInvoiceQueries openInvoices,
            JdbcClient jdbc,
            Figures parallel,
            CompanyCalendar calendar,
            DayFactService facts,
            DayFactQueries dayFigures) {
        this.figures = figures;
        this.facts = facts;
        this.dayFigures = dayFigures;
        this.calendar = calendar;
        this.parallel = parallel;
        this.sales = sales;
        this.openInvoices = openInvoices;
        this.jdbc = jdbc;
    }

    /** Every key figure; SKUs with stock that have not shipped for {@code slowMoverDays} count as slow movers. */
    Kpis kpis(Period period, int slowMoverDays) {
        if (slowMoverDays < 1 || slowMoverDays > 3650) {
            throw OrdoException.invalid("slowMoverDays", "must be between 1 and 3650");
        }
        // the raw-row figures start while the facts catch up, the slowest first, so that they overlap the most
        var repeat = parallel.start(() -> figures.repeatPurchaseRate(period));
        var accuracy = parallel.start(() -> figures.fulfilmentAccuracy(period));
        facts.catchUp();
        var turnover = parallel.start(() -> dayFigures.inventoryTurnover(period));
        var slowMovers = parallel.start(() -> dayFigures.slowMovers(period, slowMoverDays, 50));
        var outstanding = parallel.start(() -> dayFigures.daysSalesOutstanding(period));
        var deliveries = parallel.start(() -> dayFigures.deliveries(period));
        var processing = parallel.start(() -> dayFigures.orderProcessingTime(period));
        var backorders = parallel.start(() -> dayFigures.backorderRate(period));
        var orderValue = parallel.start(() -> dayFigures.averageOrderValue(period));
        return new Kpis(
                period,
                Figures.value(deliveries).cycleTime(),
                Figures.value(processing),
                Figures.value(deliveries).onTime(),
                Figures.value(backorders),
                Figures.value(orderValue),
                Figures.value(repeat),
                Figures.value(slowMovers),
                Figures.value(accuracy),
                Figures.value(turnover),
                Figures.value(outstanding));
    }

    @Override
    public Csv csv(LocalDate from, LocalDate to) {
        Kpis kpis = kpis(period(from, to), 90);
        return new Csv(KeyFigureCsvRenderer.fileName(kpis.period()), KeyFigureCsvRenderer.csv(kpis));
    }

    @Override
    public Summary summary(LocalDate from, LocalDate to) {
        Period p = period(from, to);
        var repeat = parallel.start(() -> figures.repeatPurchaseRate(p));
        facts.catchUp();
        var turnover = parallel.start(() -> dayFigures.inventoryTurnover(p));
        var deliveries = parallel.start(() -> dayFigures.deliveries(p));
        var backorders = parallel.start(() -> dayFigures.backorderRate(p));
        var orderValue = parallel.start(() -> dayFigures.averageOrderValue(p));
        KeyFigureQueries.Durations cycle = Figures.value(deliveries).cycleTime();
        return new Summary(
                p.from(),
                p.to(),
                cycle.medianHours(),
                cycle.p90Hours(),
                cycle.count(),
                rate(Figures.value(deliveries).onTime()),
                rate(Figures.value(backorders)),
                Figures.value(orderValue).stream()
                        .map(a -> Money.of(a.value(), a.currency()))
                        .toList(),
                rate(Figures.value(repeat)),
                Figures.value(turnover).byCurrency().stream()
                        .map(t -> new Turnover(t.currency(), t.value(), t.perYear()))
                        .toList());
    }

    @Override
    @Transactional(readOnly = true)
    public List<DaySales> salesByDay(LocalDate from, LocalDate to) {
        return salesRows(period(from, to), SalesReportQueries.GroupBy.DAY).stream()
                .map(r -> new DaySales(
                        LocalDate.parse(r.key()),
                        r.currency(),
                        r.orders(),
                        r.units(),
                        Money.of(r.netRevenue(), r.currency())))
                .toList();
    }

    /** Sales by day, week or month from the per-day facts (caught up first); by product, customer or channel from the orders. */
    List<SalesReportQueries.Row> salesRows(Period period, SalesReportQueries.GroupBy groupBy) {
        return switch (groupBy) {
            case DAY, WEEK, MONTH -> {
                facts.catchUp();
                yield dayFigures.sales(period, groupBy);
            }
            default -> sales.rows(period, groupBy);
        };
    }

    @Override
    @Transactional(readOnly = true)
    public Map<OrderStatus, Long> ordersByStatus(LocalDate from, LocalDate to) {
        Period p = period(from, to);
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        jdbc.sql(
                        "SELECT status, COUNT(*) AS orders FROM sales_order WHERE placed_at >= ? AND placed_at < ? GROUP BY status")
                .params(Timestamp.from(p.start()), Timestamp.from(p.end()))
                .query(rs -> {
                    counts.put(OrderStatus.valueOf(rs.getString("status")), rs.getLong("orders"));
                });
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Backorders backorders() {
        return jdbc.sql("SELECT COUNT(DISTINCT order_id) AS orders, COUNT(*) AS lines, "
                        + "COALESCE(SUM(backordered_quantity), 0) AS units FROM order_line "
                        + "WHERE backordered_quantity > 0")
                .query((rs, n) -> new Backorders(rs.getLong("orders"), rs.getLong("lines"), rs.getLong("units")))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Overdue> overdue(LocalDate asOf) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (OpenInvoiceQueries.Open open : openInvoices.asOf(asOf, null)) {
            if (open.dueDate().isBefore(asOf)) {
                amounts.merge(open.currency(), open.amount(), BigDecimal::add);
                counts.merge(open.currency(), 1L, Long::sum);
            }
        }
        return amounts.entrySet().stream()
                .map(e -> new Overdue(
                        e.getKey(),
                        counts.get(e.getKey()),
                        Money.of(e.getValue(), e.getKey()).rounded()))
                .toList();
    }

    @Override
    public ServiceFigures service(LocalDate from, LocalDate to) {
        Period p = period(from, to);
        java.util.List<Long> firstResponse = new java.util.ArrayList<>();
        java.util.List<Long> resolution = new java.util.ArrayList<>();
        long[] reopened = {0, 0};
        jdbc.sql("SELECT created_at, first_responded_at, resolved_at, reopen_count FROM service_case "
                        + "WHERE created_at >= :start AND created_at < :end")
                .param("start", java.sql.Timestamp.from(p.start()))
                .param("end", java.sql.Timestamp.from(p.end()))
                .query(rs -> {
                    long created = rs.getTimestamp("created_at").getTime();
                    java.sql.Timestamp answered = rs.getTimestamp("first_responded_at");
                    java.sql.Timestamp resolved = rs.getTimestamp("resolved_at");
                    int reopens = rs.getInt("reopen_count");
                    if (answered != null) {
                        firstResponse.add(answered.getTime() - created);
                    }
                    if (resolved != null) {
                        resolution.add(resolved.getTime() - created);
                    }
                    reopened[0] += reopens > 0 ? 1 : 0;
                    reopened[1] += resolved != null || reopens > 0 ? 1 : 0;
                });
        BigDecimal rate = reopened[1] == 0
                ? null
                : BigDecimal.valueOf(reopened[0]).divide(BigDecimal.valueOf(reopened[1]), 4, RoundingMode.HALF_UP);
        return new ServiceFigures(
                medianHours(firstResponse), medianHours(resolution), new Rate(rate, reopened[0], reopened[1]));
    }

    private static final List<String> DECIDED_QUOTATIONS = Stream.of(
                    QuotationStatus.ACCEPTED, QuotationStatus.DECLINED, QuotationStatus.EXPIRED)
            .map(Enum::name)
            .toList();

    @Override
    public QuotationFigures quotations(LocalDate from, LocalDate to) {
        Period p = period(from, to);
        long[] decided = {0, 0};
        jdbc.sql("SELECT status, COUNT(*) AS quotations FROM quotation WHERE decided_at >= :start AND decided_at < :end"
                        + " AND status IN (:decided) GROUP BY status")
                .param("decided", DECIDED_QUOTATIONS)
                .param("start", Timestamp.from(p.start()))
                .param("end", Timestamp.from(p.end()))
                .query(rs -> {
                    long n = rs.getLong("quotations");
                    decided[0] += "ACCEPTED".equals(rs.getString("status")) ? n : 0;
                    decided[1] += n;
                });
        BigDecimal rate = decided[1] == 0
                ? null
                : BigDecimal.valueOf(decided[0]).divide(BigDecimal.valueOf(decided[1]), 4, RoundingMode.HALF_UP);
        long[] open = {0};
        Map<String, BigDecimal> values = new TreeMap<>();
        jdbc.sql("SELECT currency, COUNT(*) AS quotations, SUM(total) AS total FROM quotation"
                        + " WHERE status = 'SENT' AND valid_until >= :today GROUP BY currency")
                .param("today", calendar.today())
                .query(rs -> {
                    open[0] += rs.getLong("quotations");
                    values.put(rs.getString("currency"), rs.getBigDecimal("total"));
                });
        List<Money> openValue = values.entrySet().stream()
                .map(e -> Money.of(e.getValue(), e.getKey()).rounded())
                .toList();
        return new QuotationFigures(new Rate(rate, decided[0], decided[1]), open[0], openValue);
    }

    private static BigDecimal medianHours(java.util.List<Long> millis) {
        if (millis.isEmpty()) {
            return null;
        }
        java.util.Collections.sort(millis);
        int n = millis.size();
        double median = n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2.0;
        return BigDecimal.valueOf(median / 3_600_000d).setScale(1, RoundingMode.HALF_UP);
    }

    private Period period(LocalDate from, LocalDate to) {
        return Period.parse(from == null ? null : from.toString(), to == null ? null : to.toString(), calendar.zone());
    }

    private static Rate rate(KeyFigureQueries.Rate r) {
        return new Rate(r.value(), r.numerator(), r.denominator());
    }
}
