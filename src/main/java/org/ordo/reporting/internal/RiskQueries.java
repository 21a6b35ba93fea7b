package org.ordo.reporting.internal;

import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.ordo.forecasting.Forecasts;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.fulfillment.Shipments;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Sql;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.reporting.RiskAlerts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk alerts of docs/domain.md (Risks), each kind one set-based query over the owners' tables: purchase order
 * lines with the backorders that wait for them, SKUs against their best lead time, orders near or past their promised
 * date, shipments in trouble or unheard of, customers over their limit or long overdue.
 */
@Component
class RiskQueries implements RiskAlerts {

    private static final String OPEN_ORDERS = Sql.list(
            List.of(OrderStatus.values()).stream().filter(OrderStatus::isOpen).toList());
    private static final String OPEN_PURCHASES = Sql.list(
            List.of(PurchaseOrderStatus.SENT, PurchaseOrderStatus.CONFIRMED, PurchaseOrderStatus.PARTIALLY_RECEIVED));
    private static final String OPEN_INVOICES = Sql.list(InvoiceStatus.openStates());
    /**
     * A promise that rests on no purchase order line (orders' PromisePolicy: STOCK, LEAD_TIME, DEFAULT, or none yet): a
     * line promised on another, earlier arrival does not wait for this one.
     */
    private static final String NOT_ON_A_PURCHASE = "(w.promise_source IS NULL OR w.promise_source NOT LIKE 'PO-%')";
    /** Units picked on shipments still in the warehouse count as on their way out. */
    private static final String PICKING_SHIPMENTS = Sql.list(List.of(ShipmentStatus.PICKING, ShipmentStatus.PACKED));

    private static final String HAS_LEFT = Sql.list(ShipmentStatus.shippedStates());
    /** On the way as far as anyone knows: the carrier has not reported a problem or the delivery. */
    private static final String UNDERWAY = Sql.list(List.of(ShipmentStatus.SHIPPED, ShipmentStatus.IN_TRANSIT));

    private final JdbcClient jdbc;
    private final Shipments shipments;
    private final ObjectProvider<Forecasts> forecasts;
    private final int overdueDays;
    private final int promiseDays;
    private final CompanyCalendar calendar;

    RiskQueries(
            JdbcClient jdbc,
            CompanyCalendar calendar,
            Shipments shipments,
            ObjectProvider<Forecasts> forecasts,
            @Value("${ordo.risks.overdue-days:30}") int overdueDays,
            @Value("${ordo.risks.promise-days:1}") int promiseDays) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.shipments = shipments;
        this.forecasts = forecasts;
        this.overdueDays = overdueDays;
        this.promiseDays = promiseDays;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Alert> alerts(Set<Type> types, Severity severity) {
        LocalDate today = calendar.today();
        List<Alert> alerts = new ArrayList<>();
        if (wanted(types, Type.PURCHASE_ORDER_LATE) || wanted(types, Type.PURCHASE_ORDER_AFTER_PROMISE)) {
            alerts.addAll(purchaseOrderLines(today));
        }
        if (wanted(types, Type.STOCKOUT)) {
            alerts.addAll(stockouts(today));
        }
        if (wanted(types, Type.ORDER_PROMISE_AT_RISK)) {
            alerts.addAll(ordersAtRisk(today));
        }
        if (wanted(types, Type.ORDER_LATE_UNSHIPPED)) {
            alerts.addAll(lateUnshipped(today));
        }
        if (wanted(types, Type.SHIPMENT_SILENT)) {
            alerts.addAll(silentShipments(today));
        }
        if (wanted(types, Type.DELIVERY_EXCEPTION)) {
            alerts.addAll(deliveryExceptions());
        }
        if (wanted(types, Type.CREDIT_LIMIT_EXCEEDED)) {
            alerts.addAll(overCreditLimit());
        }
        if (wanted(types, Type.INVOICES_OVERDUE)) {
            alerts.addAll(overdueCustomers(today));
        }
        return alerts.stream()
                .filter(a -> types.isEmpty() || types.contains(a.type()))
                .filter(a -> severity == null || a.severity() == severity)
                .sorted(Comparator.comparing(Alert::severity).thenComparing(Alert::type))
                .toList();
    }

    private static boolean wanted(Set<Type> types, Type type) {
        return types.isEmpty() || types.contains(type);
    }

    private record PoLine(UUID id, String reference, String sku, long open, LocalDate expected, boolean confirmed) {}

    /**
     * Open purchase order lines with the backorders that wait for them: the lines promised on them, and the lines of
     * their SKU (at their warehouse or any) promised before they arrive on no purchase order at all (an estimate the
     * supplier's date does not keep). Late when the expected date has passed.
     */
    private List<Alert> purchaseOrderLines(LocalDate today) {
        Map<PoLine, List<Affected>> lines = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT po.id, po.number, pl.line_number, pl.sku, pl.quantity - pl.received_quantity AS open_quantity, "
                                + "pl.expected_date, pl.confirmed_date, w.order_id, w.order_number, w.customer_id, "
                                + "w.customer_name, w.order_line, w.promised_date, w.promise_source "
                                + "FROM purchase_order po JOIN purchase_order_line pl ON pl.purchase_order_id = po.id "
                                + "LEFT JOIN (SELECT l.sku, l.backorder_warehouse, o.id AS order_id, o.number AS order_number, "
                                + "  o.customer_id, c.name AS customer_name, l.line_number AS order_line, l.promised_date, "
                                + "  l.promise_source, l.placed_at "
                                + "  FROM order_line l JOIN sales_order o ON o.id = l.order_id "
                                + "  JOIN customer c ON c.id = o.customer_id "
                                + "  WHERE l.backordered_quantity > 0 AND o.status IN " + OPEN_ORDERS + ") w "
                                + "ON w.sku = pl.sku AND (w.promise_source = po.number || '/' || CAST(pl.line_number AS VARCHAR(10)) "
                                + "  OR (w.promised_date < pl.expected_date AND " + NOT_ON_A_PURCHASE + " "
                                + "      AND (w.backorder_warehouse IS NULL OR w.backorder_warehouse = po.warehouse))) "
                                + "WHERE po.status IN " + OPEN_PURCHASES + " AND pl.quantity > pl.received_quantity "
                                + "AND pl.expected_date IS NOT NULL "
                                + "ORDER BY pl.expected_date, po.number, pl.line_number, w.placed_at, w.order_number, w.order_line")
                .query(rs -> {
                    PoLine line = new PoLine(
                            rs.getObject("id", UUID.class),
                            rs.getString("number") + "/" + rs.getInt("line_number"),
                            rs.getString("sku"),
                            rs.getLong("open_quantity"),
                            rs.getDate("expected_date").toLocalDate(),
                            rs.getDate("confirmed_date") != null);
                    List<Affected> waiting = lines.computeIfAbsent(line, l -> new ArrayList<>());
                    if (rs.getObject("order_id") != null) {
                        waiting.add(affected(rs, "order_line"));
                    }
                });
        List<Alert> alerts = new ArrayList<>();
        lines.forEach((line, waiting) -> {
            Alert alert = purchaseOrderAlert(line, waiting, today);
            if (alert != null) {
                alerts.add(alert);
            }
        });
        return alerts;
    }

    private static Alert purchaseOrderAlert(PoLine line, List<Affected> waiting, LocalDate today) {
        boolean late = line.expected().isBefore(today);
        boolean promisedEarlier = waiting.stream()
                .anyMatch(a -> a.promisedDate() != null && a.promisedDate().isBefore(line.expected()));
        if (!late && !promisedEarlier) {
            return null;
        }
        String when = (line.confirmed() ? "confirmed for " : "expected on ") + line.expected();
        String detail = line.open() + " × " + line.sku() + " " + when + "; " + waiting.size()
                + " backordered order line(s) wait for it";
        Action action = new Action(
                "Open the purchase order",
                "/purchasing/orders/"
                        + line.reference().substring(0, line.reference().indexOf('/')));
        Subject subject = new Subject("PURCHASE_ORDER_LINE", line.id(), line.reference());
        if (late) {
            return new Alert(
                    Type.PURCHASE_ORDER_LATE,
                    Severity.HIGH,
                    line.reference() + " is late",
                    detail,
                    subject,
                    waiting,
                    action);
        }
        return new Alert(
                Type.PURCHASE_ORDER_AFTER_PROMISE,
                Severity.MEDIUM,
                line.reference() + " arrives after promises made to customers",
                detail,
                subject,
                waiting,
                action);
    }

    /**
     * Per SKU over all active warehouses: projected = on hand − reserved − backordered + what arrives within the best
     * lead time of an active supplier, against the demand forecast over that lead time (the forecast is asked only for
     * SKUs ordered in the last 13 weeks; for others it expects nothing), else against the safety stock.
     */
    private List<Alert> stockouts(LocalDate today) {
        record Position(String sku, String name, long projected, long safety, int leadDays, boolean demanded) {}
        List<Position> positions = jdbc.sql("SELECT s.sku, p.name, s.on_hand - s.reserved - COALESCE(b.backordered, 0) "
                        + "  + COALESCE((SELECT SUM(pl.quantity - pl.received_quantity) FROM purchase_order_line pl "
                        + "    JOIN purchase_order po ON po.id = pl.purchase_order_id WHERE pl.sku = s.sku "
                        + "    AND po.status IN " + OPEN_PURCHASES + " AND pl.quantity > pl.received_quantity "
                        + "    AND pl.expected_date <= CAST(:today AS DATE) + lt.lead_days), 0) AS projected, "
                        + "s.safety_stock, lt.lead_days, EXISTS (SELECT 1 FROM order_line d WHERE d.sku = s.sku "
                        + "  AND d.placed_at >= :since) AS demanded "
                        + "FROM (SELECT sl.sku, SUM(sl.on_hand) AS on_hand, SUM(sl.reserved) AS reserved, "
                        + "  SUM(sl.safety_stock) AS safety_stock FROM stock_level sl "
                        + "  JOIN warehouse w ON w.code = sl.warehouse AND w.active GROUP BY sl.sku) s "
                        + "JOIN product p ON p.sku = s.sku AND p.active "
                        + "JOIN (SELECT si.sku, MIN(si.lead_time_days) AS lead_days FROM supplier_item si "
                        + "  JOIN supplier su ON su.id = si.supplier_id AND su.active GROUP BY si.sku) lt ON lt.sku = s.sku "
                        + "LEFT JOIN (SELECT sku, SUM(backordered_quantity) AS backordered FROM order_line "
                        + "  WHERE backordered_quantity > 0 GROUP BY sku) b ON b.sku = s.sku "
                        + "ORDER BY s.sku")
                .param("today", Date.valueOf(today))
                .param("since", Timestamp.from(calendar.startOf(today.minusWeeks(13))))
                .query((rs, n) -> new Position(
                        rs.getString("sku"),
                        rs.getString("name"),
                        rs.getLong("projected"),
                        rs.getLong("safety_stock"),
                        rs.getInt("lead_days"),
                        rs.getBoolean("demanded")))
                .list();
        Forecasts forecast = forecasts.getIfAvailable();
        List<Alert> alerts = new ArrayList<>();
        for (Position p : positions) {
            long demand = p.demanded() && forecast != null && p.projected() > p.safety()
                    ? Math.round(Math.ceil(
                            forecast.outlook(p.sku(), null, p.leadDays()).expected()))
                    : 0;
            long needed = demand > 0 ? demand : p.safety();
            if (p.projected() >= needed) {
                continue;
            }
            String against = demand > 0 ? "expected demand " + demand : "safety stock " + p.safety();
            alerts.add(new Alert(
                    Type.STOCKOUT,
                    p.projected() <= 0 ? Severity.HIGH : Severity.MEDIUM,
                    p.sku() + " runs out within its lead time of " + p.leadDays() + " days",
                    p.name() + ": projected " + p.projected() + " against " + against,
                    new Subject("SKU", null, p.sku()),
                    List.of(),
                    new Action("Run replenishment", "/purchasing")));
        }
        return alerts;
    }

    /**
     * Open orders with a line promised within {@code ordo.risks.promise-days} working days (or before today) that
     * still has units backordered, or reserved and not yet picked.
     */
    private List<Alert> ordersAtRisk(LocalDate today) {
        Map<UUID, List<Affected>> orders = new LinkedHashMap<>();
        Map<UUID, long[]> units = new LinkedHashMap<>();
        jdbc.sql("SELECT o.id AS order_id, o.number AS order_number, o.customer_id, c.name AS customer_name, "
                        + "l.line_number, COALESCE(l.promised_date, o.promised_date) AS promised_date, "
                        + "l.backordered_quantity, l.reserved_quantity - COALESCE(p.picked, 0) AS unpicked "
                        + "FROM sales_order o JOIN customer c ON c.id = o.customer_id "
                        + "JOIN order_line l ON l.order_id = o.id "
                        + "LEFT JOIN (SELECT s.order_id, sl.line_number, SUM(sl.picked_quantity) AS picked "
                        + "  FROM shipment s JOIN shipment_line sl ON sl.shipment_id = s.id "
                        + "  WHERE s.status IN " + PICKING_SHIPMENTS + " GROUP BY s.order_id, sl.line_number) p "
                        + "  ON p.order_id = l.order_id AND p.line_number = l.line_number "
                        + "WHERE o.status IN " + OPEN_ORDERS
                        + " AND COALESCE(l.promised_date, o.promised_date) <= :horizon "
                        + "AND (l.backordered_quantity > 0 OR l.reserved_quantity > COALESCE(p.picked, 0)) "
                        + "ORDER BY COALESCE(l.promised_date, o.promised_date), o.number, l.line_number")
                .param("horizon", Date.valueOf(workingDaysAfter(today, promiseDays)))
                .query(rs -> {
                    Affected line = affected(rs, "line_number");
                    orders.computeIfAbsent(line.orderId(), id -> new ArrayList<>())
                            .add(line);
                    long[] sum = units.computeIfAbsent(line.orderId(), id -> new long[2]);
                    sum[0] += rs.getLong("backordered_quantity");
                    sum[1] += Math.max(0, rs.getLong("unpicked"));
                });
        List<Alert> alerts = new ArrayList<>();
        orders.forEach((id, lines) -> {
            Affected first = lines.get(0);
            long[] sum = units.get(id);
            boolean passed = first.promisedDate().isBefore(today);
            alerts.add(new Alert(
                    Type.ORDER_PROMISE_AT_RISK,
                    passed ? Severity.HIGH : Severity.MEDIUM,
                    first.orderNumber()
                            + (passed ? " missed its promised date " : " may miss its promised date ")
                            + first.promisedDate(),
                    sum[0] + " unit(s) backordered, " + sum[1] + " reserved and not picked",
                    new Subject("ORDER", id, first.orderNumber()),
                    lines,
                    new Action("Open the order", "/orders/" + id)));
        });
        return alerts;
    }

    /** Open orders whose promised date has passed while nothing of them has left a warehouse. */
    private List<Alert> lateUnshipped(LocalDate today) {
        return jdbc.sql("SELECT o.id AS order_id, o.number AS order_number, o.customer_id, c.name AS customer_name, "
                        + "o.promised_date FROM sales_order o JOIN customer c ON c.id = o.customer_id "
                        + "WHERE o.status IN " + OPEN_ORDERS + " AND o.promised_date < :today "
                        + "AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = o.id AND s.status IN " + HAS_LEFT
                        + ") ORDER BY o.promised_date, o.number")
                .param("today", Date.valueOf(today))
                .query((rs, n) -> {
                    Affected order = affected(rs);
                    return new Alert(
                            Type.ORDER_LATE_UNSHIPPED,
                            Severity.HIGH,
                            order.orderNumber() + " was promised for " + order.promisedDate() + " and has not shipped",
                            "nothing of it has left a warehouse",
                            new Subject("ORDER", order.orderId(), order.orderNumber()),
                            List.of(order),
                            new Action("Open the order", "/orders/" + order.orderId()));
                })
                .list();
    }

    /** A shipment on its way, its last news and what its carrier's service promises. */
    private record Underway(
            UUID id, String number, String carrier, String service, LocalDate lastNews, Affected order) {}

    /**
     * Shipments on their way with no news (no tracking event) for longer than their service's transit days plus a day
     * of grace, in working days.
     */
    private List<Alert> silentShipments(LocalDate today) {
        List<Underway> underway = jdbc.sql("SELECT s.id, s.number, s.carrier, s.service, "
                        + "(SELECT MAX(e.at) FROM shipment_event e WHERE e.shipment_id = s.id) AS last_news, "
                        + "o.id AS order_id, o.number AS order_number, o.customer_id, c.name AS customer_name, "
                        + "o.promised_date FROM shipment s JOIN sales_order o ON o.id = s.order_id "
                        + "JOIN customer c ON c.id = o.customer_id WHERE s.status IN " + UNDERWAY
                        + " ORDER BY s.shipped_at, s.number")
                .query((rs, n) -> new Underway(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getString("carrier"),
                        rs.getString("service"),
                        calendar.dayOf(rs.getTimestamp("last_news").toInstant()),
                        affected(rs)))
                .list();
        List<Alert> alerts = new ArrayList<>();
        for (Underway u : underway) {
            OptionalInt transit = shipments.transitDays(u.carrier(), u.service());
            if (transit.isPresent() && silent(u.lastNews(), transit.getAsInt(), today)) {
                alerts.add(new Alert(
                        Type.SHIPMENT_SILENT,
                        Severity.MEDIUM,
                        u.number() + " has had no news since " + u.lastNews(),
                        u.carrier() + " " + u.service() + " takes " + transit.getAsInt()
                                + " working day(s); ask the carrier where it is",
                        new Subject("SHIPMENT", u.id(), u.number()),
                        List.of(u.order()),
                        new Action("Open the delivery desk", "/deliveries")));
            }
        }
        return alerts;
    }

    /** No tracking event for more than the service's transit days and a day of grace, in working days. */
    static boolean silent(LocalDate lastNews, int transitDays, LocalDate today) {
        return workingDaysAfter(lastNews, transitDays + 1).isBefore(today);
    }

    /** Shipments the carrier reported a problem with (damaged, lost, a failed attempt, an address problem, a delay). */
    private List<Alert> deliveryExceptions() {
        return jdbc.sql("SELECT s.id, s.number, s.carrier, "
                        + "(SELECT e.type FROM shipment_event e WHERE e.shipment_id = s.id ORDER BY e.id DESC "
                        + "  FETCH FIRST 1 ROW ONLY) AS kind, "
                        + "o.id AS order_id, o.number AS order_number, o.customer_id, c.name AS customer_name, "
                        + "o.promised_date FROM shipment s JOIN sales_order o ON o.id = s.order_id "
                        + "JOIN customer c ON c.id = o.customer_id WHERE s.status = 'EXCEPTION' "
                        + "ORDER BY s.shipped_at, s.number")
                .query((rs, n) -> new Alert(
                        Type.DELIVERY_EXCEPTION,
                        Severity.HIGH,
                        rs.getString("number") + ": " + rs.getString("kind") + " reported by "
                                + rs.getString("carrier"),
                        "the parcel needs the service desk: correct the address, reschedule, re-ship or refund",
                        new Subject("SHIPMENT", rs.getObject("id", UUID.class), rs.getString("number")),
                        List.of(affected(rs)),
                        new Action("Open the delivery desk", "/deliveries")))
                .list();
    }

    private static Affected affected(ResultSet rs) throws SQLException {
        Date promised = rs.getDate("promised_date");
        return new Affected(
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                null,
                promised == null ? null : promised.toLocalDate());
    }

    /** Customers whose open receivables and open orders exceed their credit limit (the credit check's exposure). */
    private List<Alert> overCreditLimit() {
        return jdbc.sql("SELECT c.id, c.name, c.currency, c.credit_limit, COALESCE(r.amount, 0) AS receivable, "
                        + "COALESCE(oo.amount, 0) AS open_orders FROM customer c "
                        + "LEFT JOIN (SELECT customer_id, SUM(total - amount_credited - amount_paid) AS amount FROM invoice "
                        + "  WHERE type = 'INVOICE' AND status IN " + OPEN_INVOICES + " GROUP BY customer_id) r "
                        + "  ON r.customer_id = c.id "
                        + "LEFT JOIN (SELECT customer_id, SUM(total) AS amount FROM sales_order WHERE status IN "
                        + OPEN_ORDERS + " GROUP BY customer_id) oo ON oo.customer_id = c.id "
                        + "WHERE c.active AND COALESCE(r.amount, 0) + COALESCE(oo.amount, 0) > c.credit_limit "
                        + "ORDER BY c.name, c.id")
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String currency = rs.getString("currency").trim();
                    return new Alert(
                            Type.CREDIT_LIMIT_EXCEEDED,
                            Severity.MEDIUM,
                            rs.getString("name") + " is over the credit limit",
                            "receivables " + plain(rs, "receivable") + " + open orders " + plain(rs, "open_orders")
                                    + " > limit " + plain(rs, "credit_limit") + " " + currency,
                            new Subject("CUSTOMER", id, rs.getString("name")),
                            List.of(),
                            new Action("Open the customer", "/admin/customers/" + id));
                })
                .list();
    }

    /** Customers with invoices due more than {@code ordo.risks.overdue-days} days ago and something still open on them. */
    private List<Alert> overdueCustomers(LocalDate today) {
        return jdbc.sql("SELECT c.id, c.name, i.currency, COUNT(*) AS invoices, MIN(i.due_date) AS oldest, "
                        + "SUM(i.total - i.amount_credited - i.amount_paid) AS amount "
                        + "FROM invoice i JOIN customer c ON c.id = i.customer_id "
                        + "WHERE i.type = 'INVOICE' AND i.status IN " + OPEN_INVOICES + " AND i.due_date < :cutoff "
                        + "AND i.total - i.amount_credited - i.amount_paid > 0 "
                        + "GROUP BY c.id, c.name, i.currency ORDER BY MIN(i.due_date), c.name")
                .param("cutoff", Date.valueOf(today.minusDays(overdueDays)))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Alert(
                            Type.INVOICES_OVERDUE,
                            Severity.HIGH,
                            rs.getString("name") + " has invoices overdue more than " + overdueDays + " days",
                            rs.getLong("invoices") + " invoice(s), " + plain(rs, "amount") + " "
                                    + rs.getString("currency").trim() + " open, the oldest due "
                                    + rs.getDate("oldest").toLocalDate(),
                            new Subject("CUSTOMER", id, rs.getString("name")),
                            List.of(),
                            new Action("Open the customer", "/admin/customers/" + id));
                })
                .list();
    }

    private static String plain(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code days} working days after {@code from}, weekends skipped (as promises count them). */
    static LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate date = from;
        for (int i = 0; i < days; i++) {
            date = date.plusDays(1);
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
        }
        return date;
    }

    private static Affected affected(ResultSet rs, String lineColumn) throws SQLException {
        Date promised = rs.getDate("promised_date");
        return new Affected(
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                rs.getInt(lineColumn),
                promised == null ? null : promised.toLocalDate());
    }
}
