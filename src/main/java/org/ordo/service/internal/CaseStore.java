package org.ordo.service.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Database;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.service.CaseMessageKind;
import org.ordo.service.CasePriority;
import org.ordo.service.CaseStatus;
import org.ordo.service.CaseType;
import org.ordo.service.ServiceDesk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cases in tables service_case and service_case_message. */
@Component
class CaseStore {

    private final JdbcClient jdbc;
    private final String nextValue;
    private final CompanyCalendar calendar;

    CaseStore(JdbcClient jdbc, Database database, CompanyCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.nextValue = database.nextValueSql("service_case_number_seq");
    }

    /** A human case number, {@code CASE-2026-000123}. */
    String nextNumber(Instant at) {
        long n = jdbc.sql(nextValue).query(Long.class).single();
        return String.format("CASE-%d-%06d", calendar.yearOf(at), n);
    }

    void insert(ServiceCase c) {
        jdbc.sql(
                        "INSERT INTO service_case (id, number, customer_id, order_id, order_number, shipment_id, shipment_number, "
                                + "invoice_id, invoice_number, return_id, return_number, type, status, priority, subject, assignee, origin, "
                                + "origin_key, created_by, created_at, first_response_due, resolution_due, due_at, updated_at, version) "
                                + "VALUES (:id, :number, :customer, :orderId, :orderNumber, :shipmentId, :shipmentNumber, :invoiceId, "
                                + ":invoiceNumber, :returnId, :returnNumber, :type, :status, :priority, :subject, :assignee, :origin, "
                                + ":originKey, :createdBy, :createdAt, :firstResponseDue, :resolutionDue, :dueAt, :updatedAt, 0)")
                .param("id", c.id)
                .param("number", c.number)
                .param("customer", c.customerId)
                .param("orderId", c.orderId)
                .param("orderNumber", c.orderNumber)
                .param("shipmentId", c.shipmentId)
                .param("shipmentNumber", c.shipmentNumber)
                .param("invoiceId", c.invoiceId)
                .param("invoiceNumber", c.invoiceNumber)
                .param("returnId", c.returnId)
                .param("returnNumber", c.returnNumber)
                .param("type", c.type.name())
                .param("status", c.status.name())
                .param("priority", c.priority.name())
                .param("subject", c.subject)
                .param("assignee", c.assignee)
                .param("origin", c.origin)
                .param("originKey", c.originKey)
                .param("createdBy", c.createdBy)
                .param("createdAt", ts(c.createdAt))
                .param("firstResponseDue", ts(c.firstResponseDue))
                .param("resolutionDue", ts(c.resolutionDue))
                .param("dueAt", ts(c.dueAt()))
                .param("updatedAt", ts(c.updatedAt))
                .update();
    }

    /** Writes the changeable fields back and counts the version up. */
    void update(ServiceCase c) {
        jdbc.sql("UPDATE service_case SET status = :status, priority = :priority, assignee = :assignee, "
                        + "first_responded_at = :firstRespondedAt, resolved_at = :resolvedAt, closed_at = :closedAt, "
                        + "resolution_due = :resolutionDue, reopen_count = :reopenCount, due_at = :dueAt, updated_at = :updatedAt, "
                        + "version = version + 1 WHERE id = :id")
                .param("status", c.status.name())
                .param("priority", c.priority.name())
                .param("assignee", c.assignee)
                .param("firstRespondedAt", ts(c.firstRespondedAt))
                .param("resolvedAt", ts(c.resolvedAt))
                .param("closedAt", ts(c.closedAt))
                .param("resolutionDue", ts(c.resolutionDue))
                .param("reopenCount", c.reopenCount)
                .param("dueAt", ts(c.dueAt()))
                .param("updatedAt", ts(c.updatedAt))
                .param("id", c.id)
                .update();
        c.version++;
    }

    void insertMessage(UUID caseId, ServiceDesk.Message m) {
        jdbc.sql(
                        "INSERT INTO service_case_message (id, case_id, kind, body, author, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(m.id(), caseId, m.kind().name(), m.body(), m.author(), ts(m.at()))
                .update();
    }

    List<ServiceDesk.Message> messages(UUID caseId) {
        return jdbc.sql("SELECT id, kind, body, author, created_at FROM service_case_message WHERE case_id = ? "
                        + "ORDER BY created_at, id")
                .param(caseId)
                .query((rs, n) -> new ServiceDesk.Message(
                        rs.getObject("id", UUID.class),
                        CaseMessageKind.valueOf(rs.getString("kind")),
                        rs.getString("body"),
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** By id or number (any case). */
    Optional<ServiceCase> find(String idOrNumber) {
        return select(idOrNumber, "");
    }

    /** By id or number, locked until the transaction ends. */
    Optional<ServiceCase> lock(String idOrNumber) {
        return select(idOrNumber, " FOR UPDATE");
    }

    private Optional<ServiceCase> select(String idOrNumber, String lock) {
        UUID id = uuid(idOrNumber);
        return id != null
                ? jdbc.sql("SELECT * FROM service_case WHERE id = ?" + lock)
                        .param(id)
                        .query(CaseStore::map)
                        .optional()
                : jdbc.sql("SELECT * FROM service_case WHERE number = ?" + lock)
                        .param(idOrNumber.trim().toUpperCase(java.util.Locale.ROOT))
                        .query(CaseStore::map)
                        .optional();
    }

    boolean hasOrigin(String originKey) {
        return jdbc.sql("SELECT COUNT(*) FROM service_case WHERE origin_key = ?")
                        .param(originKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The open delivery problem case of a shipment, locked, if there is one. */
    Optional<ServiceCase> lockOpenDeliveryProblem(UUID shipmentId) {
        return jdbc.sql("SELECT * FROM service_case WHERE shipment_id = :shipment AND type = :type "
                        + "AND status IN (:open) ORDER BY created_at LIMIT 1 FOR UPDATE")
                .param("shipment", shipmentId)
                .param("type", CaseType.DELIVERY_PROBLEM.name())
                .param("open", CaseStatus.openStates().stream().map(Enum::name).toList())
                .query(CaseStore::map)
                .optional();
    }

    PageResult<ServiceCase> search(ServiceDesk.Search filter, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" AND status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.type() != null) {
            where.append(" AND type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.customerId() != null) {
            where.append(" AND customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.assignee() != null) {
            where.append(" AND assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.orderId() != null) {
            where.append(" AND order_id = :orderId");
            params.put("orderId", filter.orderId());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM service_case" + where)
                .params(params)
                .query(Long.class)
                .single();
        // the most urgent target first; resolved and closed ones (no target) after them, newest first
        List<ServiceCase> items = jdbc.sql("SELECT * FROM service_case" + where
                        + " ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, created_at DESC, number DESC "
                        + "LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(CaseStore::map)
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private static ServiceCase map(ResultSet rs, int row) throws SQLException {
        ServiceCase c = new ServiceCase();
        c.id = rs.getObject("id", UUID.class);
        c.number = rs.getString("number");
        c.customerId = rs.getObject("customer_id", UUID.class);
        c.orderId = rs.getObject("order_id", UUID.class);
        c.orderNumber = rs.getString("order_number");
        c.shipmentId = rs.getObject("shipment_id", UUID.class);
        c.shipmentNumber = rs.getString("shipment_number");
        c.invoiceId = rs.getObject("invoice_id", UUID.class);
        c.invoiceNumber = rs.getString("invoice_number");
        c.returnId = rs.getObject("return_id", UUID.class);
        c.returnNumber = rs.getString("return_number");
        c.type = CaseType.valueOf(rs.getString("type"));
        c.status = CaseStatus.valueOf(rs.getString("status"));
        c.priority = CasePriority.valueOf(rs.getString("priority"));
        c.subject = rs.getString("subject");
        c.assignee = rs.getString("assignee");
        c.origin = rs.getString("origin");
        c.originKey = rs.getString("origin_key");
        c.createdBy = rs.getString("created_by");
        c.createdAt = instant(rs.getTimestamp("created_at"));
        c.firstResponseDue = instant(rs.getTimestamp("first_response_due"));
        c.resolutionDue = instant(rs.getTimestamp("resolution_due"));
        c.firstRespondedAt = instant(rs.getTimestamp("first_responded_at"));
        c.resolvedAt = instant(rs.getTimestamp("resolved_at"));
        c.closedAt = instant(rs.getTimestamp("closed_at"));
        c.reopenCount = rs.getInt("reopen_count");
        c.updatedAt = instant(rs.getTimestamp("updated_at"));
        c.version = rs.getLong("version");
        return c;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static UUID uuid(String s) {
        try {
            return s != null && s.length() == 36 ? UUID.fromString(s) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
