package org.ordo.purchasing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Sql;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.purchasing.PurchasingDesk;
import org.ordo.purchasing.PurchasingRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a supplier performed over a period of whole company days ({@code to} included; default the last 90 days): deliveries
 * (receipt lines) on time against the line's confirmed date, the fill rate of its finished purchase orders sent in the
 * period (received, at most ordered, ÷ ordered, over RECEIVED and CLOSED orders), the lead time from sending to each
 * delivery (mean and population standard deviation, in days), and the price changes of its offers.
 */
@Component
class SupplierScorecardQueries {

    static final int MAX_DAYS = 3660;
    private static final String FINISHED = Sql.list(List.of(PurchaseOrderStatus.RECEIVED, PurchaseOrderStatus.CLOSED));

    record Scorecard(
            UUID supplierId,
            String supplierName,
            LocalDate from,
            LocalDate to,
            int deliveries,
            int deliveriesWithConfirmedDate,
            int onTimeDeliveries,
            BigDecimal onTimeRate,
            long orderedOnFinishedOrders,
            long receivedOnFinishedOrders,
            BigDecimal fillRate,
            BigDecimal leadTimeMeanDays,
            BigDecimal leadTimeStandardDeviationDays,
            List<PriceChange> priceChanges) {}

    /** An offer's new price; {@code previousPrice} null for its first. */
    record PriceChange(String sku, Money previousPrice, Money unitPrice, Instant changedAt, String actor) {}

    private record Delivery(Instant receivedAt, Instant sentAt, LocalDate confirmedDate) {}

    private final JdbcClient jdbc;
    private final CompanyCalendar calendar;
    private final SupplierStore suppliers;

    SupplierScorecardQueries(JdbcClient jdbc, SupplierStore suppliers, CompanyCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.suppliers = suppliers;
    }

    Scorecard scorecard(UUID supplierId, String fromText, String toText) {
        LocalDate[] period = period(fromText, toText);
        SupplierStore.Supplier supplier =
                suppliers.find(supplierId).orElseThrow(() -> OrdoException.notFound("Supplier", supplierId));
        Instant start = calendar.startOf(period[0]);
        Instant end = calendar.endOf(period[1]);
        List<Delivery> deliveries = deliveries(supplierId, start, end);
        List<Delivery> confirmed =
                deliveries.stream().filter(d -> d.confirmedDate() != null).toList();
        long onTime = confirmed.stream()
                .filter(d -> !calendar.dayOf(d.receivedAt()).isAfter(d.confirmedDate()))
                .count();
        long[] fill = fill(supplierId, start, end);
        double[] leadDays = deliveries.stream()
                .mapToDouble(d -> Duration.between(d.sentAt(), d.receivedAt()).toMinutes() / 1440.0)
                .toArray();
        return new Scorecard(
                supplierId,
                supplier.name(),
                period[0],
                period[1],
                deliveries.size(),
                confirmed.size(),
                (int) onTime,
                ratio(onTime, confirmed.size()),
                fill[0],
                fill[1],
                ratio(fill[1], fill[0]),
                leadDays.length == 0 ? null : scaled(mean(leadDays)),
                leadDays.length == 0 ? null : scaled(standardDeviation(leadDays)),
                priceChanges(supplierId, supplier.currency(), start, end));
    }

    private List<Delivery> deliveries(UUID supplierId, Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT r.received_at, p.sent_at, l.confirmed_date FROM purchase_receipt r
                        JOIN purchase_receipt_line rl ON rl.receipt_id = r.id
                        JOIN purchase_order p ON p.id = r.purchase_order_id
                        JOIN purchase_order_line l ON l.purchase_order_id = p.id AND l.line_number = rl.line_number
                        WHERE p.supplier_id = ? AND r.received_at >= ? AND r.received_at < ?""")
                .params(supplierId, Timestamp.from(start), Timestamp.from(end))
                .query((rs, n) -> new Delivery(
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("sent_at").toInstant(),
                        PurchaseOrderStore.localDate(rs.getDate("confirmed_date"))))
                .list();
    }

    /** Ordered and received (at most ordered) on the finished purchase orders sent in the period. */
    private long[] fill(UUID supplierId, Instant start, Instant end) {
        return jdbc.sql("SELECT COALESCE(SUM(l.quantity), 0) AS ordered, "
                        + "COALESCE(SUM(LEAST(l.received_quantity, l.quantity)), 0) AS received "
                        + "FROM purchase_order p JOIN purchase_order_line l ON l.purchase_order_id = p.id "
                        + "WHERE p.supplier_id = ? AND p.status IN " + FINISHED
                        + " AND p.sent_at >= ? AND p.sent_at < ?")
                .params(supplierId, Timestamp.from(start), Timestamp.from(end))
                .query((rs, n) -> new long[] {rs.getLong("ordered"), rs.getLong("received")})
                .single();
    }

    private List<PriceChange> priceChanges(UUID supplierId, String currency, Instant start, Instant end) {
        Map<String, Money> last = new HashMap<>();
        List<PriceChange> changes = new ArrayList<>();
        for (SupplierStore.PriceChange c : suppliers.priceChanges(supplierId, currency, Instant.EPOCH, end)) {
            Money previous = last.put(c.sku(), c.unitPrice());
            if (!c.changedAt().isBefore(start)) {
                changes.add(new PriceChange(c.sku(), previous, c.unitPrice(), c.changedAt(), c.actor()));
            }
        }
        return changes;
    }

    private LocalDate[] period(String fromText, String toText) {
        List<FieldViolation> problems = new ArrayList<>();
        LocalDate to = toText == null ? calendar.today() : date(problems, "to", toText);
        LocalDate from = fromText == null ? (to == null ? null : to.minusDays(89)) : date(problems, "from", fromText);
        if (problems.isEmpty() && to.isBefore(from)) {
            problems.add(new FieldViolation("to", "must not be before from"));
        } else if (problems.isEmpty() && from.plusDays(MAX_DAYS).isBefore(to)) {
            problems.add(new FieldViolation("to", "the period may span at most " + MAX_DAYS + " days"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(List<FieldViolation> problems, String field, String text) {
        try {
            if (text.length() <= 10) {
                return LocalDate.parse(text.trim());
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        problems.add(PurchasingRule.NOT_A_DATE.at(field));
        return null;
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0
                ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal scaled(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    /** The scorecard as CSV, one row per figure and then one per price change: what the API and the page offer. */
    static PurchasingDesk.ScorecardCsv csv(Scorecard s) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("deliveries", s.deliveries()));
        rows.add(row("deliveriesWithConfirmedDate", s.deliveriesWithConfirmedDate()));
        rows.add(row("onTimeDeliveries", s.onTimeDeliveries()));
        rows.add(row("onTimeRate", s.onTimeRate()));
        rows.add(row("orderedOnFinishedOrders", s.orderedOnFinishedOrders()));
        rows.add(row("receivedOnFinishedOrders", s.receivedOnFinishedOrders()));
        rows.add(row("fillRate", s.fillRate()));
        rows.add(row("leadTimeMeanDays", s.leadTimeMeanDays()));
        rows.add(row("leadTimeStandardDeviationDays", s.leadTimeStandardDeviationDays()));
        for (PriceChange c : s.priceChanges()) {
            rows.add(row(
                    "priceChange " + c.sku() + " " + c.changedAt(),
                    (c.previousPrice() == null ? "" : c.previousPrice() + " → ") + c.unitPrice()));
        }
        String filename = "scorecard-" + s.supplierId() + "-" + s.from() + "-" + s.to() + ".csv";
        return new PurchasingDesk.ScorecardCsv(filename, List.of("figure", "value"), rows);
    }

    private static List<Object> row(String figure, Object value) {
        return java.util.Arrays.asList(figure, value == null ? "" : value);
    }
}
