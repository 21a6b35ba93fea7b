package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.orders.LineStatus;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.Orders;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Database;
import org.ordo.platform.MultiRowInsert;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.platform.Sql;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** Orders, lines and history in tables sales_order, order_line, order_history. */
@Component
class OrderStore {

    record HistoryEntry(
            UUID orderId,
            Instant at,
            String actor,
            String kind,
            OrderStatus from,
            OrderStatus to,
            String reason,
            String details) {}

    record Summary(
            UUID id,
            String number,
            UUID customerId,
            String channel,
            String externalReference,
            OrderStatus status,
            Money total,
            Instant placedAt) {}

    record SearchFilter(
            Set<OrderStatus> statuses,
            UUID customerId,
            String channel,
            Instant placedFrom,
            Instant placedTo,
            String text) {}

    private static final String LINE_COLUMNS =
            "order_id, line_number, sku, product_name, quantity, unit_price, price_overridden, "
                    + "tax_category, tax_rate, line_net, tax, reserved_quantity, backordered_quantity, cancelled_quantity, shipped_quantity, "
                    + "backordered_at_placement, backorder_warehouse, status, placed_at, returned_quantity, promised_date, promise_source, "
                    + "vat_category, list_price, price_rule, discounts";

    private static final int LINE_COLUMN_COUNT = LINE_COLUMNS.split(",").length;

    /** An order line's discounts as stored: a JSON array of {@link org.ordo.pricing.Pricing.Discount}. */
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String insertOrder;
    private final Customers customers;

    /** The order search by text looks at the orders of at most this many customers whose name or e-mail matches. */
    static final int TEXT_CUSTOMERS = 500;

    /** Orders looked up by id in one query at most: a bounded IN list whatever the caller asks for. */
    static final int BATCH = 1000;

    private static final String SELECT_SUMMARY =
            "SELECT id, number, customer_id, channel, external_reference, status, total, currency, "
                    + "placed_at FROM sales_order";

    private final CompanyCalendar calendar;

    OrderStore(
            JdbcClient jdbc, JdbcTemplate template, Database database, Customers customers, CompanyCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.template = template;
        this.customers = customers;
        this.insertOrder = insertOrder(database.nextValue("order_number_seq"));
    }

    /** The header columns an order's life changes, in the order {@link #changing} gives their values. */
    private static final List<String> CHANGING = List.of(
            "status",
            "ship_name",
            "ship_line1",
            "ship_line2",
            "ship_city",
            "ship_region",
            "ship_postal_code",
            "ship_country",
            "requested_delivery_date",
            "promised_date",
            "shipping_method",
            "notes",
            "subtotal",
            "discount",
            "shipping",
            "shipping_tax",
            "tax",
            "total",
            "hold_kind",
            "hold_reason");

    /** The order's insert; it numbers the order ({@link #number}). */
    private static String insertOrder(String nextValue) {
        return "INSERT INTO sales_order (id, number, customer_id, channel, external_reference, "
                + "currency, " + String.join(", ", CHANGING)
                + ", placed_at, placed_by, version, updated_at, credit_exposure, "
                + "credit_limit) VALUES (?, " + number(nextValue) + ", "
                + String.join(", ", java.util.Collections.nCopies(CHANGING.size() + 10, "?")) + ")";
    }

    /**
     * A human order number, {@code SO-2026-000123}: the prefix with the company's year (the expression's parameter), then
     * at least six digits from a sequence, so never a lock on the hot path; taken in the order's insert, so no statement
     * of its own. The same SQL on PostgreSQL and H2.
     */
    static String number(String nextValue) {
        return "? || (SELECT CASE WHEN n.v < 1000000 THEN LPAD(CAST(n.v AS VARCHAR(19)), 6, '0') "
                + "ELSE CAST(n.v AS VARCHAR(19)) END FROM (SELECT " + nextValue + " AS v) n)";
    }

    private static final String UPDATE_HEADER = "UPDATE sales_order SET " + String.join(" = ?, ", CHANGING)
            + " = ?, shipped_at = ?, delivered_at = ?, completed_at = ?, version = version + 1, updated_at = ? WHERE id = ?";

    /** The values of {@link #CHANGING}. */
    private static List<Object> changing(Order o) {
        Address to = o.shippingAddress();
        return java.util.Arrays.asList(
                o.status().name(),
                to.name(),
                to.line1(),
                to.line2(),
                to.city(),
                to.region(),
                to.postalCode(),
                to.country(),
                date(o.requestedDeliveryDate()),
                date(o.promisedDate()),
                o.shippingMethod(),
                o.notes(),
                o.subtotal().amount(),
                o.discount().amount(),
                o.shipping().amount(),
                o.shippingTax().amount(),
                o.tax().amount(),
                o.total().amount(),
                holdKind(o),
                o.holdReason());
    }

    /** Inserts a new order and its lines; the order gets its number from the insert. */
    void insert(Order o) {
        List<Object> values = new ArrayList<>(java.util.Arrays.asList(
                o.id(),
                "SO-" + calendar.yearOf(o.placedAt()) + "-",
                o.customerId(),
                o.channel(),
                o.externalReference(),
                o.currency().getCurrencyCode()));
        values.addAll(changing(o));
        values.addAll(java.util.Arrays.asList(
                Timestamp.from(o.placedAt()),
                o.placedBy(),
                o.version(),
                Timestamp.from(Instant.now()),
                o.creditExposure(),
                o.creditLimit()));
        KeyHolder number = new GeneratedKeyHolder();
        jdbc.sql(insertOrder).params(values).update(number, "number");
        o.numbered(number.getKeyAs(String.class));
        insertLines(o.lines().stream().map(l -> new Object[] {o.id(), l}).toList());
    }

    void insertLines(List<Object[]> orderIdAndLine) {
        MultiRowInsert.insert(
                template,
                "INSERT INTO order_line (" + LINE_COLUMNS + ")",
                LINE_COLUMN_COUNT,
                orderIdAndLine,
                (ps, n, pair) -> {
                    OrderLine l = (OrderLine) pair[1];
                    ps.setObject(n, pair[0]);
                    ps.setInt(n + 1, l.lineNumber());
                    ps.setString(n + 2, l.sku());
                    ps.setString(n + 3, l.productName());
                    ps.setLong(n + 4, l.quantity());
                    ps.setBigDecimal(n + 5, l.unitPrice().amount());
                    ps.setBoolean(n + 6, l.priceOverridden());
                    ps.setString(n + 7, l.taxCategory());
                    ps.setBigDecimal(n + 8, l.taxRate());
                    ps.setBigDecimal(n + 9, l.lineNet().amount());
                    ps.setBigDecimal(n + 10, l.tax().amount());
                    ps.setLong(n + 11, l.reserved());
                    ps.setLong(n + 12, l.backordered());
                    ps.setLong(n + 13, l.cancelled());
                    ps.setLong(n + 14, l.shipped());
                    ps.setLong(n + 15, l.backorderedAtPlacement());
                    ps.setString(n + 16, l.backorderWarehouse());
                    ps.setString(n + 17, l.status().name());
                    ps.setTimestamp(n + 18, Timestamp.from(l.placedAt()));
                    ps.setLong(n + 19, l.returned());
                    ps.setDate(n + 20, date(l.promisedDate()));
                    ps.setString(n + 21, l.promiseSource());
                    ps.setString(n + 22, l.vatCategory());
                    OrderLine.LinePricing pricing = l.pricing();
                    ps.setBigDecimal(
                            n + 23, pricing == null ? null : pricing.listPrice().amount());
                    ps.setString(n + 24, pricing == null ? null : pricing.priceRule());
                    ps.setString(
                            n + 25,
                            pricing == null || pricing.discounts().isEmpty()
                                    ? null
                                    : JSON.writeValueAsString(pricing.discounts()));
                });
    }

    /** Saves the header; bumps the version. */
    void updateHeader(Order o) {
        List<Object> values = new ArrayList<>(changing(o));
        values.addAll(java.util.Arrays.asList(
                timestamp(o.shippedAt()),
                timestamp(o.deliveredAt()),
                timestamp(o.completedAt()),
                Timestamp.from(Instant.now()),
                o.id()));
        jdbc.sql(UPDATE_HEADER).params(values).update();
        o.saved();
    }

    void updateLines(UUID orderId, Collection<OrderLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<OrderLine> list = List.copyOf(lines);
        template.batchUpdate(
                "UPDATE order_line SET quantity = ?, line_net = ?, tax = ?, tax_rate = ?, reserved_quantity = ?, backordered_quantity = ?, "
                        + "cancelled_quantity = ?, shipped_quantity = ?, backorder_warehouse = ?, status = ?, returned_quantity = ?, "
                        + "promised_date = ?, promise_source = ?, vat_category = ? WHERE order_id = ? AND line_number = ?",
                list,
                list.size(),
                (ps, l) -> {
                    ps.setLong(1, l.quantity());
                    ps.setBigDecimal(2, l.lineNet().amount());
                    ps.setBigDecimal(3, l.tax().amount());
                    ps.setBigDecimal(4, l.taxRate());
                    ps.setLong(5, l.reserved());
                    ps.setLong(6, l.backordered());
                    ps.setLong(7, l.cancelled());
                    ps.setLong(8, l.shipped());
                    ps.setString(9, l.backorderWarehouse());
                    ps.setString(10, l.status().name());
                    ps.setLong(11, l.returned());
                    ps.setDate(12, date(l.promisedDate()));
                    ps.setString(13, l.promiseSource());
                    ps.setString(14, l.vatCategory());
                    ps.setObject(15, orderId);
                    ps.setInt(16, l.lineNumber());
                });
    }

    /**
     * Moves every time of one order's own timeline earlier by {@code shift} (data import): placement, line placement
     * (the backorder queue order), history, shipped/delivered/completed, and the requested and promised dates by
     * the same number of whole days. Bumps the version. The caller holds the order's lock.
     */
    void shiftTimeline(UUID orderId, java.time.Duration shift) {
        long days = shift.toDays();
        Map<String, Object> header = jdbc.sql(
                        "SELECT placed_at, shipped_at, delivered_at, completed_at, requested_delivery_date, "
                                + "promised_date FROM sales_order WHERE id = ?")
                .param(orderId)
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("placed", instant(rs.getTimestamp("placed_at")));
                    row.put("shipped", instant(rs.getTimestamp("shipped_at")));
                    row.put("delivered", instant(rs.getTimestamp("delivered_at")));
                    row.put("completed", instant(rs.getTimestamp("completed_at")));
                    row.put("requested", localDate(rs.getDate("requested_delivery_date")));
                    row.put("promised", localDate(rs.getDate("promised_date")));
                    return row;
                })
                .single();
        jdbc.sql(
                        "UPDATE sales_order SET placed_at = ?, shipped_at = ?, delivered_at = ?, completed_at = ?, requested_delivery_date = ?, "
                                + "promised_date = ?, version = version + 1, updated_at = ? WHERE id = ?")
                .params(
                        timestamp(minus((Instant) header.get("placed"), shift)),
                        timestamp(minus((Instant) header.get("shipped"), shift)),
                        timestamp(minus((Instant) header.get("delivered"), shift)),
                        timestamp(minus((Instant) header.get("completed"), shift)),
                        date(
                                header.get("requested") == null
                                        ? null
                                        : ((LocalDate) header.get("requested")).minusDays(days)),
                        date(
                                header.get("promised") == null
                                        ? null
                                        : ((LocalDate) header.get("promised")).minusDays(days)),
                        Timestamp.from(Instant.now()),
                        orderId)
                .update();
        List<Object[]> lines = jdbc.sql(
                        "SELECT line_number, placed_at, promised_date FROM order_line WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> new Object[] {
                    Timestamp.from(rs.getTimestamp("placed_at").toInstant().minus(shift)),
                    date(
                            rs.getDate("promised_date") == null
                                    ? null
                                    : rs.getDate("promised_date").toLocalDate().minusDays(days)),
                    orderId,
                    rs.getInt("line_number")
                })
                .list();
        template.batchUpdate(
                "UPDATE order_line SET placed_at = ?, promised_date = ? WHERE order_id = ? AND line_number = ?", lines);
        List<Object[]> history = jdbc.sql("SELECT id, at FROM order_history WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> new Object[] {
                    Timestamp.from(rs.getTimestamp("at").toInstant().minus(shift)), rs.getLong("id")
                })
                .list();
        template.batchUpdate("UPDATE order_history SET at = ? WHERE id = ?", history);
    }

    /** The transitions of an imported order's timeline that happen when it ships, and when it is delivered. */
    private static final String SHIPPING_STATES =
            Sql.list(List.of(OrderStatus.IN_FULFILLMENT, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED));

    private static final String DELIVERED_STATES = Sql.list(List.of(OrderStatus.DELIVERED, OrderStatus.COMPLETED));

    /**
     * After {@link #shiftTimeline}: fulfilment and shipping entries (and shipped_at) at {@code placedAt + toShip},
     * delivery and completion (and delivered_at, completed_at) {@code toDeliver} later.
     */
    void spaceFulfilment(UUID orderId, Instant placedAt, java.time.Duration toShip, java.time.Duration toDeliver) {
        Timestamp shipped = Timestamp.from(placedAt.plus(toShip));
        Timestamp delivered = Timestamp.from(placedAt.plus(toShip).plus(toDeliver));
        jdbc.sql(
                        "UPDATE sales_order SET shipped_at = CASE WHEN shipped_at IS NULL THEN NULL ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END, "
                                + "delivered_at = CASE WHEN delivered_at IS NULL THEN NULL ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END, "
                                + "completed_at = CASE WHEN completed_at IS NULL THEN NULL ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END WHERE id = ?")
                .params(shipped, delivered, delivered, orderId)
                .update();
        jdbc.sql("UPDATE order_history SET at = ? WHERE order_id = ? AND (kind = 'SHIPMENT' OR to_status IN "
                        + SHIPPING_STATES + ")")
                .params(shipped, orderId)
                .update();
        jdbc.sql("UPDATE order_history SET at = ? WHERE order_id = ? AND (kind = 'DELIVERY' OR to_status IN "
                        + DELIVERED_STATES + ")")
                .params(delivered, orderId)
                .update();
    }

    private static Instant minus(Instant instant, java.time.Duration shift) {
        return instant == null ? null : instant.minus(shift);
    }

    /** Loads an order and locks it and its lines until the transaction ends (lock order: order, then its lines). */
    Optional<Order> lock(UUID id) {
        Optional<Order> order = jdbc.sql("SELECT * FROM sales_order WHERE id = ? FOR UPDATE")
                .param(id)
                .query(OrderStore::mapOrder)
                .optional();
        order.ifPresent(o -> jdbc.sql("SELECT " + LINE_COLUMNS
                        + " FROM order_line WHERE order_id = ? ORDER BY line_number FOR UPDATE")
                .param(id)
                .query((rs, n) -> mapLine(rs, o.currency()))
                .list()
                .forEach(o::restoreLine));
        return order;
    }

    /** Finds an order by id or by number. */
    Optional<Order> find(String idOrNumber) {
        UUID id = idOrNumber == null ? null : parseUuid(idOrNumber);
        Optional<Order> order = id != null
                ? jdbc.sql("SELECT * FROM sales_order WHERE id = ?")
                        .param(id)
                        .query(OrderStore::mapOrder)
                        .optional()
                : jdbc.sql("SELECT * FROM sales_order WHERE number = ?")
                        .param(idOrNumber)
                        .query(OrderStore::mapOrder)
                        .optional();
        order.ifPresent(
                o -> jdbc.sql("SELECT " + LINE_COLUMNS + " FROM order_line WHERE order_id = ? ORDER BY line_number")
                        .param(o.id())
                        .query((rs, n) -> mapLine(rs, o.currency()))
                        .list()
                        .forEach(o::restoreLine));
        return order;
    }

    /** Resolves an id or number to the id, without loading the order. */
    Optional<UUID> resolveId(String idOrNumber) {
        UUID id = parseUuid(idOrNumber);
        if (id != null) {
            return Optional.of(id);
        }
        return jdbc.sql("SELECT id FROM sales_order WHERE number = ?")
                .param(idOrNumber)
                .query(UUID.class)
                .optional();
    }

    void appendHistory(List<HistoryEntry> entries) {
        MultiRowInsert.insert(
                template,
                "INSERT INTO order_history (order_id, at, actor, kind, from_status, to_status, reason, details)",
                8,
                entries,
                (PreparedStatement ps, int n, HistoryEntry h) -> {
                    ps.setObject(n, h.orderId());
                    ps.setTimestamp(n + 1, Timestamp.from(h.at()));
                    ps.setString(n + 2, h.actor());
                    ps.setString(n + 3, h.kind());
                    ps.setString(n + 4, h.from() == null ? null : h.from().name());
                    ps.setString(n + 5, h.to() == null ? null : h.to().name());
                    ps.setString(n + 6, h.reason());
                    ps.setString(n + 7, h.details());
                });
    }

    List<HistoryEntry> history(UUID orderId) {
        return jdbc.sql("SELECT * FROM order_history WHERE order_id = ? ORDER BY id")
                .param(orderId)
                .query((rs, n) -> new HistoryEntry(
                        rs.getObject("order_id", UUID.class),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("kind"),
                        status(rs.getString("from_status")),
                        status(rs.getString("to_status")),
                        rs.getString("reason"),
                        rs.getString("details")))
                .list();
    }

    PageResult<Summary> search(SearchFilter filter, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" AND status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.customerId() != null) {
            where.append(" AND customer_id = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.channel() != null) {
            where.append(" AND channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.placedFrom() != null) {
            where.append(" AND placed_at >= :placedFrom");
            params.put("placedFrom", Timestamp.from(filter.placedFrom()));
        }
        if (filter.placedTo() != null) {
            where.append(" AND placed_at < :placedTo");
            params.put("placedTo", Timestamp.from(filter.placedTo()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // the customer's name is found among the customers (thousands), then their orders by index: a name matched
            // in a million orders' text would read them all
            List<UUID> named = customers.search(filter.text().trim(), TEXT_CUSTOMERS).stream()
                    .map(CustomerSnapshot::id)
                    .toList();
            where.append(" AND (number = :text OR external_reference = :text")
                    .append(named.isEmpty() ? "" : " OR customer_id IN (:namedCustomers)")
                    .append(")");
            params.put("text", filter.text().trim());
            if (!named.isEmpty()) {
                params.put("namedCustomers", named);
            }
        }
        long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM sales_order" + where + " LIMIT "
                        + (PageResult.COUNT_LIMIT + 1) + ") c")
                .params(params)
                .query(Long.class)
                .single();
        List<Summary> items = jdbc.sql(
                        SELECT_SUMMARY + where + " ORDER BY placed_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(OrderStore::mapSummary)
                .list();
        return PageResult.boundedCount(items, paging, counted);
    }

    /** The orders of these ids that exist, in no particular order: one query per {@link #BATCH} ids. */
    List<Summary> summaries(Collection<UUID> orderIds) {
        List<Summary> summaries = new ArrayList<>();
        for (List<UUID> batch : batches(orderIds)) {
            summaries.addAll(jdbc.sql(SELECT_SUMMARY + " WHERE id IN (:ids)")
                    .param("ids", batch)
                    .query(OrderStore::mapSummary)
                    .list());
        }
        return summaries;
    }

    /** The quantities of every line of these orders, in no particular order: one query per {@link #BATCH} orders. */
    List<Orders.LineQuantities> lineQuantities(Collection<UUID> orderIds) {
        List<Orders.LineQuantities> lines = new ArrayList<>();
        for (List<UUID> batch : batches(orderIds)) {
            lines.addAll(jdbc.sql(
                            "SELECT l.order_id, o.number, l.line_number, l.quantity, l.cancelled_quantity, l.shipped_quantity, "
                                    + "l.returned_quantity FROM order_line l JOIN sales_order o ON o.id = l.order_id WHERE l.order_id IN (:ids)")
                    .param("ids", batch)
                    .query((rs, n) -> new Orders.LineQuantities(
                            rs.getObject("order_id", UUID.class),
                            rs.getString("number"),
                            rs.getInt("line_number"),
                            rs.getLong("quantity"),
                            rs.getLong("cancelled_quantity"),
                            rs.getLong("shipped_quantity"),
                            rs.getLong("returned_quantity")))
                    .list());
        }
        return lines;
    }

    /** {@code ids} without repeats, cut into lists of at most {@link #BATCH}. */
    static List<List<UUID>> batches(Collection<UUID> ids) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<UUID>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            batches.add(distinct.subList(from, Math.min(from + BATCH, distinct.size())));
        }
        return batches;
    }

    private static Summary mapSummary(ResultSet rs, int row) throws SQLException {
        return new Summary(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("channel"),
                rs.getString("external_reference"),
                OrderStatus.valueOf(rs.getString("status")),
                Money.of(rs.getBigDecimal("total"), rs.getString("currency").trim()),
                rs.getTimestamp("placed_at").toInstant());
    }

    /** Value of the customer's accepted, unshipped orders (credit exposure, invariant 11). */
    BigDecimal openOrderValue(UUID customerId) {
        BigDecimal value = jdbc.sql(
                        "SELECT COALESCE(SUM(total), 0) FROM sales_order WHERE customer_id = :customer AND status IN (:open)")
                .param("customer", customerId)
                .param(
                        "open",
                        List.of(OrderStatus.values()).stream()
                                .filter(OrderStatus::isOpen)
                                .map(Enum::name)
                                .toList())
                .query(BigDecimal.class)
                .single();
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Per SKU, the quantity open backorders wait for: stock that newer orders may not take. */
    Map<String, Long> backorderedPerSku(Collection<String> skus) {
        Map<String, Long> result = new HashMap<>();
        if (skus.isEmpty()) {
            return result;
        }
        jdbc.sql(
                        "SELECT sku, SUM(backordered_quantity) AS backordered FROM order_line WHERE sku IN (:skus) AND backordered_quantity > 0 GROUP BY sku")
                .param("skus", Set.copyOf(skus))
                .query(rs -> {
                    result.put(rs.getString("sku"), rs.getLong("backordered"));
                });
        return result;
    }

    /** A backordered line in its SKU's queue, with what its promise needs of its order. */
    record QueuedLine(
            UUID orderId,
            int lineNumber,
            Instant placedAt,
            String warehouse,
            long backordered,
            Instant orderPlacedAt,
            String shippingMethod,
            LocalDate requested,
            LocalDate promisedDate,
            String promiseSource) {}

    /** The backordered lines of live orders waiting for {@code sku}, oldest first (the order they are filled in). */
    List<QueuedLine> backorderQueue(String sku) {
        return jdbc.sql("SELECT l.order_id, l.line_number, l.placed_at, l.backorder_warehouse, l.backordered_quantity, "
                        + "l.promised_date, l.promise_source, o.placed_at AS order_placed_at, o.shipping_method, "
                        + "o.requested_delivery_date "
                        + "FROM order_line l JOIN sales_order o ON o.id = l.order_id "
                        + "WHERE l.sku = ? AND l.backordered_quantity > 0 AND o.status <> ? "
                        + "ORDER BY l.placed_at, l.order_id, l.line_number")
                .params(sku, OrderStatus.CANCELLED.name())
                .query((rs, n) -> new QueuedLine(
                        rs.getObject("order_id", UUID.class),
                        rs.getInt("line_number"),
                        rs.getTimestamp("placed_at").toInstant(),
                        rs.getString("backorder_warehouse"),
                        rs.getLong("backordered_quantity"),
                        rs.getTimestamp("order_placed_at").toInstant(),
                        rs.getString("shipping_method"),
                        localDate(rs.getDate("requested_delivery_date")),
                        localDate(rs.getDate("promised_date")),
                        rs.getString("promise_source")))
                .list();
    }

    private static Order mapOrder(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        Order.Identity identity = new Order.Identity(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("channel"),
                rs.getString("external_reference"),
                currency,
                rs.getTimestamp("placed_at").toInstant(),
                rs.getString("placed_by"));
        Address shipTo = new Address(
                rs.getString("ship_name"),
                rs.getString("ship_line1"),
                rs.getString("ship_line2"),
                rs.getString("ship_city"),
                rs.getString("ship_region"),
                rs.getString("ship_postal_code"),
                trim(rs.getString("ship_country")));
        Order.Delivery delivery = new Order.Delivery(
                shipTo,
                localDate(rs.getDate("requested_delivery_date")),
                rs.getString("shipping_method"),
                rs.getString("notes"));
        String holdKind = rs.getString("hold_kind");
        Order.Stored stored = new Order.Stored(
                OrderStatus.valueOf(rs.getString("status")),
                localDate(rs.getDate("promised_date")),
                holdKind == null ? null : Order.HoldKind.valueOf(holdKind),
                rs.getString("hold_reason"),
                money(rs.getBigDecimal("subtotal"), currency),
                money(rs.getBigDecimal("discount"), currency),
                money(rs.getBigDecimal("shipping"), currency),
                money(rs.getBigDecimal("shipping_tax"), currency),
                money(rs.getBigDecimal("tax"), currency),
                money(rs.getBigDecimal("total"), currency),
                rs.getLong("version"),
                instant(rs.getTimestamp("shipped_at")),
                instant(rs.getTimestamp("delivered_at")),
                instant(rs.getTimestamp("completed_at")));
        return Order.restore(identity, delivery, stored);
    }

    private static OrderLine mapLine(ResultSet rs, Currency currency) throws SQLException {
        OrderLine priced = new OrderLine(
                rs.getInt("line_number"),
                rs.getString("sku"),
                rs.getString("product_name"),
                rs.getLong("quantity"),
                money(rs.getBigDecimal("unit_price"), currency),
                rs.getBoolean("price_overridden"),
                rs.getString("tax_category"),
                rs.getBigDecimal("tax_rate").stripTrailingZeros(),
                rs.getString("vat_category"),
                rs.getTimestamp("placed_at").toInstant());
        OrderLine.Quantities quantities = new OrderLine.Quantities(
                rs.getLong("quantity"),
                rs.getLong("reserved_quantity"),
                rs.getLong("backordered_quantity"),
                rs.getLong("cancelled_quantity"),
                rs.getLong("shipped_quantity"),
                rs.getLong("returned_quantity"),
                rs.getLong("backordered_at_placement"));
        return OrderLine.restore(
                        priced,
                        quantities,
                        rs.getString("backorder_warehouse"),
                        money(rs.getBigDecimal("line_net"), currency),
                        money(rs.getBigDecimal("tax"), currency),
                        LineStatus.valueOf(rs.getString("status")))
                .withPromise(localDate(rs.getDate("promised_date")), rs.getString("promise_source"))
                .withPricing(pricing(rs, currency));
    }

    /** How a stored line was priced; null for lines placed before lines kept it. */
    private static OrderLine.LinePricing pricing(ResultSet rs, Currency currency) throws SQLException {
        BigDecimal listPrice = rs.getBigDecimal("list_price");
        if (listPrice == null) {
            return null;
        }
        String discounts = rs.getString("discounts");
        return new OrderLine.LinePricing(
                money(listPrice, currency),
                rs.getString("price_rule"),
                discounts == null
                        ? List.of()
                        : List.of(JSON.readValue(discounts, org.ordo.pricing.Pricing.Discount[].class)));
    }

    /** Stored NUMERIC(19,4) back to the currency's scale (or finer, for unit prices). */
    static Money money(BigDecimal amount, Currency currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return new Money(stripped.scale() < 0 ? stripped.setScale(0) : stripped, currency);
    }

    private static String holdKind(Order o) {
        return o.holdKind() == null ? null : o.holdKind().name();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OrderStatus status(String s) {
        return s == null ? null : OrderStatus.valueOf(s);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    static UUID parseUuid(String text) {
        try {
            return text != null && text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
