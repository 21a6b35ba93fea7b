package org.ordo.fulfillment.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.fulfillment.Shipments;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Database;
import org.ordo.platform.MultiRowInsert;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Shipments, their lines and events in tables shipment, shipment_line, shipment_event. */
@Component
class ShipmentStore {

    /** One entry of a shipment's history: its own transitions and the carrier's tracking events. */
    record Event(
            UUID shipmentId,
            String type,
            Instant at,
            String location,
            String reason,
            ShipmentStatus from,
            ShipmentStatus to,
            String actor) {}

    record Summary(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            String warehouse,
            ShipmentStatus status,
            long quantity,
            String carrier,
            String service,
            String trackingNumber,
            LocalDate expectedDeliveryDate,
            Instant plannedAt,
            Instant shippedAt,
            Instant deliveredAt) {}

    record SearchFilter(List<ShipmentStatus> statuses, String warehouse, UUID orderId, UUID customerId) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;
    private final CompanyCalendar calendar;

    ShipmentStore(JdbcClient jdbc, JdbcTemplate template, Database database, CompanyCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.template = template;
        this.database = database;
    }

    /** A human shipment number, {@code SHP-2026-000123}. */
    String nextNumber(Instant at) {
        return String.format("SHP-%d-%06d", calendar.yearOf(at), next("shipment_number_seq"));
    }

    long nextTrackingSerial() {
        return next("tracking_serial_seq");
    }

    long nextSsccSerial() {
        return next("sscc_serial_seq");
    }

    private long next(String sequence) {
        return jdbc.sql(database.nextValueSql(sequence)).query(Long.class).single();
    }

    void insert(Shipment s) {
        Address a = s.shipTo;
        jdbc.sql(
                        "INSERT INTO shipment (id, number, order_id, order_number, customer_id, warehouse, status, ship_name, ship_line1, "
                                + "ship_line2, ship_city, ship_region, ship_postal_code, ship_country, planned_at, planned_by, version, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                .params(
                        s.id,
                        s.number,
                        s.orderId,
                        s.orderNumber,
                        s.customerId,
                        s.warehouse,
                        s.status.name(),
                        a.name(),
                        a.line1(),
                        a.line2(),
                        a.city(),
                        a.region(),
                        a.postalCode(),
                        a.country(),
                        Timestamp.from(s.plannedAt),
                        s.plannedBy,
                        Timestamp.from(Instant.now()))
                .update();
        MultiRowInsert.insert(
                template,
                "INSERT INTO shipment_line (shipment_id, line_number, sku, product_name, quantity, picked_quantity, "
                        + "packed_quantity)",
                7,
                s.lines,
                (PreparedStatement ps, int n, Shipment.Line l) -> {
                    ps.setObject(n, s.id);
                    ps.setInt(n + 1, l.lineNumber);
                    ps.setString(n + 2, l.sku);
                    ps.setString(n + 3, l.productName);
                    ps.setLong(n + 4, l.quantity);
                    ps.setLong(n + 5, 0);
                    ps.setLong(n + 6, 0);
                });
    }

    /** The corrected address of a shipment on its way (the desk's correction; the label shows it from then on). */
    void updateShipTo(UUID id, Address a) {
        jdbc.sql("UPDATE shipment SET ship_name = ?, ship_line1 = ?, ship_line2 = ?, ship_city = ?, ship_region = ?, "
                        + "ship_postal_code = ?, ship_country = ? WHERE id = ?")
                .params(a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country(), id)
                .update();
    }

    /** Saves the header and the lines' scan counts; bumps the version. */
    void update(Shipment s) {
        jdbc.sql(
                        "UPDATE shipment SET status = ?, sscc = ?, weight_grams = ?, carrier = ?, service = ?, tracking_number = ?, "
                                + "shipping_cost = ?, shipping_currency = ?, expected_delivery_date = ?, picking_started_at = ?, packed_at = ?, "
                                + "shipped_at = ?, delivered_at = ?, cancelled_at = ?, cancel_reason = ?, version = version + 1, updated_at = ? "
                                + "WHERE id = ?")
                .params(
                        s.status.name(),
                        s.sscc,
                        s.weightGrams,
                        s.carrier,
                        s.service,
                        s.trackingNumber,
                        s.shippingCost == null ? null : s.shippingCost.amount(),
                        s.shippingCost == null ? null : s.shippingCost.currencyCode(),
                        s.expectedDeliveryDate == null ? null : Date.valueOf(s.expectedDeliveryDate),
                        timestamp(s.pickingStartedAt),
                        timestamp(s.packedAt),
                        timestamp(s.shippedAt),
                        timestamp(s.deliveredAt),
                        timestamp(s.cancelledAt),
                        s.cancelReason,
                        Timestamp.from(Instant.now()),
                        s.id)
                .update();
        s.version++;
    }

    void updateLine(UUID shipmentId, Shipment.Line line) {
        jdbc.sql(
                        "UPDATE shipment_line SET picked_quantity = ?, packed_quantity = ? WHERE shipment_id = ? AND line_number = ?")
                .params(line.picked, line.packed, shipmentId, line.lineNumber)
                .update();
    }

    /** Loads a shipment and locks it until the transaction ends. */
    Optional<Shipment> lock(UUID id) {
        Optional<Shipment> shipment = jdbc.sql("SELECT * FROM shipment WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ShipmentStore::mapShipment)
                .optional();
        shipment.ifPresent(this::loadLines);
        return shipment;
    }

    /**
     * Locks every shipment of an order, in id order, so that two deliveries of one order's shipments take turns
     * and the second sees the first (lock order: shipments by id, then the order).
     */
    List<Shipment> lockAllOfOrder(UUID orderId) {
        List<Shipment> shipments = jdbc.sql("SELECT * FROM shipment WHERE order_id = ? ORDER BY id FOR UPDATE")
                .param(orderId)
                .query(ShipmentStore::mapShipment)
                .list();
        shipments.forEach(this::loadLines);
        return shipments;
    }

    List<Shipment> ofOrder(UUID orderId) {
        List<Shipment> shipments = jdbc.sql("SELECT * FROM shipment WHERE order_id = ? ORDER BY planned_at, number")
                .param(orderId)
                .query(ShipmentStore::mapShipment)
                .list();
        shipments.forEach(this::loadLines);
        return shipments;
    }

    /** Finds a shipment by id or by number. */
    Optional<Shipment> find(String idOrNumber) {
        UUID id = parseUuid(idOrNumber);
        Optional<Shipment> shipment = id != null
                ? jdbc.sql("SELECT * FROM shipment WHERE id = ?")
                        .param(id)
                        .query(ShipmentStore::mapShipment)
                        .optional()
                : jdbc.sql("SELECT * FROM shipment WHERE number = ?")
                        .param(idOrNumber)
                        .query(ShipmentStore::mapShipment)
                        .optional();
        shipment.ifPresent(this::loadLines);
        return shipment;
    }

    Optional<UUID> resolveId(String idOrNumber) {
        UUID id = parseUuid(idOrNumber);
        if (id != null) {
            return Optional.of(id);
        }
        return jdbc.sql("SELECT id FROM shipment WHERE number = ?")
                .param(idOrNumber)
                .query(UUID.class)
                .optional();
    }

    boolean trackingNumberTaken(String trackingNumber, UUID exceptShipment) {
        return jdbc.sql("SELECT COUNT(*) FROM shipment WHERE tracking_number = ? AND id <> ?")
                        .params(trackingNumber, exceptShipment)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Per order line and warehouse, the quantity on the order's open (planned, picking, packed) shipments. */
    Map<Integer, Map<String, Long>> openQuantities(UUID orderId) {
        Map<Integer, Map<String, Long>> result = new HashMap<>();
        jdbc.sql(
                        "SELECT l.line_number, s.warehouse, SUM(l.quantity) AS quantity FROM shipment_line l JOIN shipment s ON s.id = l.shipment_id "
                                + "WHERE s.order_id = :order AND s.status IN (:open) GROUP BY l.line_number, s.warehouse")
                .param("order", orderId)
                .param(
                        "open",
                        ShipmentStatus.openStates().stream().map(Enum::name).toList())
                .query(rs -> {
                    result.computeIfAbsent(rs.getInt("line_number"), k -> new HashMap<>())
                            .put(rs.getString("warehouse"), rs.getLong("quantity"));
                });
        return result;
    }

    void appendEvent(Event e) {
        appendEvent(e, null);
    }

    /** As {@link #appendEvent(Event)}, with the carrier's own id of the event when a carrier sent it. */
    void appendEvent(Event e, ShipmentService.CarrierEventId carrierId) {
        jdbc.sql(
                        "INSERT INTO shipment_event (shipment_id, type, at, location, reason, from_status, to_status, actor, recorded_at, "
                                + "carrier, carrier_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.shipmentId(),
                        e.type(),
                        Timestamp.from(e.at()),
                        e.location(),
                        e.reason(),
                        e.from() == null ? null : e.from().name(),
                        e.to() == null ? null : e.to().name(),
                        e.actor(),
                        Timestamp.from(Instant.now()),
                        carrierId == null ? null : carrierId.carrier(),
                        carrierId == null ? null : carrierId.eventId())
                .update();
    }

    /** The events of these kinds of the order's shipments, oldest first. */
    List<Shipments.TrackingEvent> trackingOfOrder(UUID orderId, List<String> kinds) {
        return jdbc.sql("SELECT e.at, e.type, e.location, e.reason, e.actor, e.carrier_event_id, s.number "
                        + "FROM shipment_event e JOIN shipment s ON s.id = e.shipment_id "
                        + "WHERE s.order_id = :order AND e.type IN (:kinds) ORDER BY e.at, e.id")
                .param("order", orderId)
                .param("kinds", kinds)
                .query((rs, n) -> new Shipments.TrackingEvent(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("number"),
                        rs.getString("type"),
                        rs.getString("location"),
                        rs.getString("reason"),
                        rs.getString("actor"),
                        rs.getString("carrier_event_id") != null))
                .list();
    }

    boolean hasCarrierEvent(String carrier, String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM shipment_event WHERE carrier = ? AND carrier_event_id = ?")
                        .params(carrier, eventId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The shipment this carrier carries under this tracking number. */
    Optional<UUID> findByTracking(String carrier, String trackingNumber) {
        return jdbc.sql("SELECT id FROM shipment WHERE carrier = ? AND tracking_number = ?")
                .params(carrier, trackingNumber)
                .query(UUID.class)
                .optional();
    }

    List<Event> events(UUID shipmentId) {
        return jdbc.sql("SELECT * FROM shipment_event WHERE shipment_id = ? ORDER BY id")
                .param(shipmentId)
                .query((rs, n) -> new Event(
                        rs.getObject("shipment_id", UUID.class),
                        rs.getString("type"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("location"),
                        rs.getString("reason"),
                        status(rs.getString("from_status")),
                        status(rs.getString("to_status")),
                        rs.getString("actor")))
                .list();
    }

    /** Whether this carrier event was recorded already (a carrier that sends the same event twice changes nothing). */
    boolean hasEvent(UUID shipmentId, String type, Instant at) {
        return jdbc.sql("SELECT COUNT(*) FROM shipment_event WHERE shipment_id = ? AND type = ? AND at = ?")
                        .params(shipmentId, type, Timestamp.from(at))
                        .query(Long.class)
                        .single()
                > 0;
    }

    PageResult<Summary> search(SearchFilter filter, Paging paging) {
        return search(filter, paging, false);
    }

    /** As {@link #search(SearchFilter, Paging)}, newest planned first or, for work queues, oldest first. */
    PageResult<Summary> search(SearchFilter filter, Paging paging, boolean oldestFirst) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" AND s.status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.warehouse() != null) {
            where.append(" AND s.warehouse = :warehouse");
            params.put("warehouse", filter.warehouse());
        }
        if (filter.orderId() != null) {
            where.append(" AND s.order_id = :orderId");
            params.put("orderId", filter.orderId());
        }
        if (filter.customerId() != null) {
            where.append(" AND s.customer_id = :customerId");
            params.put("customerId", filter.customerId());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM shipment s" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Summary> items = jdbc.sql("SELECT s.id, s.number, s.order_id, s.order_number, s.warehouse, s.status, "
                        + "(SELECT COALESCE(SUM(l.quantity), 0) FROM shipment_line l WHERE l.shipment_id = s.id) AS quantity, s.carrier, s.service, "
                        + "s.tracking_number, s.expected_delivery_date, s.planned_at, s.shipped_at, s.delivered_at FROM shipment s"
                        + where
                        + (oldestFirst
                                ? " ORDER BY s.planned_at, s.number"
                                : " ORDER BY s.planned_at DESC, s.number DESC")
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> new Summary(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        rs.getString("warehouse"),
                        ShipmentStatus.valueOf(rs.getString("status")),
                        rs.getLong("quantity"),
                        rs.getString("carrier"),
                        rs.getString("service"),
                        rs.getString("tracking_number"),
                        localDate(rs.getDate("expected_delivery_date")),
                        rs.getTimestamp("planned_at").toInstant(),
                        instant(rs.getTimestamp("shipped_at")),
                        instant(rs.getTimestamp("delivered_at"))))
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Shipments per open state, in one warehouse or (null) every one. */
    Map<ShipmentStatus, Long> openCounts(String warehouse) {
        Map<ShipmentStatus, Long> counts = new java.util.EnumMap<>(ShipmentStatus.class);
        ShipmentStatus.openStates().forEach(s -> counts.put(s, 0L));
        jdbc.sql("SELECT status, COUNT(*) AS shipments FROM shipment WHERE status IN (:open)"
                        + (warehouse == null ? "" : " AND warehouse = :warehouse") + " GROUP BY status")
                .param(
                        "open",
                        ShipmentStatus.openStates().stream().map(Enum::name).toList())
                .params(warehouse == null ? Map.of() : Map.of("warehouse", warehouse))
                .query(rs -> {
                    counts.put(ShipmentStatus.valueOf(rs.getString("status")), rs.getLong("shipments"));
                });
        return counts;
    }

    private void loadLines(Shipment s) {
        s.lines.addAll(jdbc.sql(
                        "SELECT line_number, sku, product_name, quantity, picked_quantity, packed_quantity FROM shipment_line "
                                + "WHERE shipment_id = ? ORDER BY line_number")
                .param(s.id)
                .query((rs, n) -> {
                    Shipment.Line l = new Shipment.Line(
                            rs.getInt("line_number"),
                            rs.getString("sku"),
                            rs.getString("product_name"),
                            rs.getLong("quantity"));
                    l.picked = rs.getLong("picked_quantity");
                    l.packed = rs.getLong("packed_quantity");
                    return l;
                })
                .list());
    }

    private static Shipment mapShipment(ResultSet rs, int row) throws SQLException {
        Address shipTo = new Address(
                rs.getString("ship_name"),
                rs.getString("ship_line1"),
                rs.getString("ship_line2"),
                rs.getString("ship_city"),
                rs.getString("ship_region"),
                rs.getString("ship_postal_code"),
                trim(rs.getString("ship_country")));
        Shipment s = new Shipment(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("warehouse"),
                shipTo,
                ShipmentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("planned_at").toInstant(),
                rs.getString("planned_by"));
        s.sscc = trim(rs.getString("sscc"));
        long weight = rs.getLong("weight_grams");
        s.weightGrams = rs.wasNull() ? null : weight;
        s.carrier = rs.getString("carrier");
        s.service = rs.getString("service");
        s.trackingNumber = rs.getString("tracking_number");
        if (rs.getBigDecimal("shipping_cost") != null) {
            s.shippingCost = Money.of(
                            rs.getBigDecimal("shipping_cost"),
                            rs.getString("shipping_currency").trim())
                    .rounded();
        }
        s.expectedDeliveryDate = localDate(rs.getDate("expected_delivery_date"));
        s.pickingStartedAt = instant(rs.getTimestamp("picking_started_at"));
        s.packedAt = instant(rs.getTimestamp("packed_at"));
        s.shippedAt = instant(rs.getTimestamp("shipped_at"));
        s.deliveredAt = instant(rs.getTimestamp("delivered_at"));
        s.cancelledAt = instant(rs.getTimestamp("cancelled_at"));
        s.cancelReason = rs.getString("cancel_reason");
        s.version = rs.getLong("version");
        return s;
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static ShipmentStatus status(String s) {
        return s == null ? null : ShipmentStatus.valueOf(s);
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
