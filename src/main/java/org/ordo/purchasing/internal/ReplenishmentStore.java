package org.ordo.purchasing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Replenishment runs and their proposals in tables replenishment_run and replenishment_proposal. */
@Component
class ReplenishmentStore {

    static final String JOB = "replenishment";

    /** A run; {@code checked} SKU × warehouse positions looked at so far, {@code proposed} proposals made. */
    record ReplenishmentRun(
            UUID id,
            String trigger,
            String status,
            Instant startedAt,
            Instant finishedAt,
            String actor,
            int checked,
            int proposed,
            String message) {}

    /** What a run proposes to buy, with the figures it decided by; OPEN until ORDERED (or SUPERSEDED by a later run). */
    record ReplenishmentProposal(
            UUID id,
            UUID runId,
            String sku,
            String warehouse,
            UUID supplierId,
            String supplierName,
            long quantity,
            Money unitPrice,
            long onHand,
            long reserved,
            long backordered,
            long incoming,
            long drafted,
            long reorderPoint,
            long expectedDemand,
            String status,
            UUID purchaseOrderId) {}

    private final JdbcClient jdbc;

    ReplenishmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the job's row until the transaction ends; false when another run holds it. */
    boolean claimJob() {
        return jdbc.sql("SELECT name FROM purchasing_job_lock WHERE name = ? FOR UPDATE SKIP LOCKED")
                .param(JOB)
                .query(String.class)
                .optional()
                .isPresent();
    }

    void jobRan(Instant at, String node) {
        jdbc.sql("UPDATE purchasing_job_lock SET last_run_at = ?, last_run_by = ? WHERE name = ?")
                .params(Timestamp.from(at), node, JOB)
                .update();
    }

    void insertRun(ReplenishmentRun run) {
        jdbc.sql("INSERT INTO replenishment_run (id, trigger_kind, status, started_at, actor) VALUES (?, ?, ?, ?, ?)")
                .params(run.id(), run.trigger(), run.status(), Timestamp.from(run.startedAt()), run.actor())
                .update();
    }

    void finishRun(UUID id, String status, int checked, int proposed, String message, Instant at) {
        jdbc.sql("UPDATE replenishment_run SET status = ?, checked = ?, proposed = ?, message = ?, finished_at = ? "
                        + "WHERE id = ?")
                .params(status, checked, proposed, message, Timestamp.from(at), id)
                .update();
    }

    Optional<ReplenishmentRun> run(UUID id) {
        return jdbc.sql("SELECT * FROM replenishment_run WHERE id = ?")
                .param(id)
                .query(ReplenishmentStore::run)
                .optional();
    }

    Optional<ReplenishmentRun> latestRun() {
        return jdbc.sql("SELECT * FROM replenishment_run WHERE status = 'DONE' ORDER BY started_at DESC, id LIMIT 1")
                .query(ReplenishmentStore::run)
                .optional();
    }

    void insertProposal(ReplenishmentProposal p) {
        jdbc.sql("""
                        INSERT INTO replenishment_proposal (id, run_id, sku, warehouse, supplier_id, quantity, unit_price,
                          currency, on_hand, reserved, backordered, incoming, drafted, reorder_point, expected_demand,
                          status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        p.id(),
                        p.runId(),
                        p.sku(),
                        p.warehouse(),
                        p.supplierId(),
                        p.quantity(),
                        p.unitPrice().amount(),
                        p.unitPrice().currencyCode(),
                        p.onHand(),
                        p.reserved(),
                        p.backordered(),
                        p.incoming(),
                        p.drafted(),
                        p.reorderPoint(),
                        p.expectedDemand(),
                        p.status())
                .update();
    }

    /** The open proposals of runs before {@code runId} make way for its own. */
    void supersedeOpenBefore(UUID runId) {
        jdbc.sql("UPDATE replenishment_proposal SET status = 'SUPERSEDED' WHERE status = 'OPEN' AND run_id <> ?")
                .param(runId)
                .update();
    }

    List<ReplenishmentProposal> proposals(UUID runId, String status) {
        return jdbc.sql(SELECT + "WHERE p.run_id = ? AND p.status = ? ORDER BY p.sku, p.warehouse")
                .params(runId, status)
                .query(ReplenishmentStore::proposal)
                .list();
    }

    /** Open proposals, locked until the transaction ends: these ids, or (null) all of them. */
    List<ReplenishmentProposal> lockOpen(Collection<UUID> ids) {
        List<UUID> locked = ids == null
                ? jdbc.sql("SELECT id FROM replenishment_proposal WHERE status = 'OPEN' ORDER BY id FOR UPDATE")
                        .query(UUID.class)
                        .list()
                : ids.isEmpty()
                        ? List.of()
                        : jdbc.sql("SELECT id FROM replenishment_proposal WHERE status = 'OPEN' AND id IN (:ids) "
                                        + "ORDER BY id FOR UPDATE")
                                .param("ids", ids)
                                .query(UUID.class)
                                .list();
        if (locked.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE p.id IN (:ids) ORDER BY p.supplier_id, p.warehouse, p.sku")
                .param("ids", locked)
                .query(ReplenishmentStore::proposal)
                .list();
    }

    void ordered(UUID proposalId, UUID purchaseOrderId) {
        jdbc.sql("UPDATE replenishment_proposal SET status = 'ORDERED', purchase_order_id = ? WHERE id = ?")
                .params(purchaseOrderId, proposalId)
                .update();
    }

    private static final String SELECT = "SELECT p.*, s.name AS supplier_name FROM replenishment_proposal p "
            + "JOIN supplier s ON s.id = p.supplier_id ";

    private static ReplenishmentRun run(ResultSet rs, int row) throws SQLException {
        return new ReplenishmentRun(
                rs.getObject("id", UUID.class),
                rs.getString("trigger_kind"),
                rs.getString("status"),
                rs.getTimestamp("started_at").toInstant(),
                PurchaseOrderStore.instant(rs.getTimestamp("finished_at")),
                rs.getString("actor"),
                rs.getInt("checked"),
                rs.getInt("proposed"),
                rs.getString("message"));
    }

    private static ReplenishmentProposal proposal(ResultSet rs, int row) throws SQLException {
        return new ReplenishmentProposal(
                rs.getObject("id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getString("sku"),
                rs.getString("warehouse"),
                rs.getObject("supplier_id", UUID.class),
                rs.getString("supplier_name"),
                rs.getLong("quantity"),
                Money.of(rs.getBigDecimal("unit_price"), rs.getString("currency")),
                rs.getLong("on_hand"),
                rs.getLong("reserved"),
                rs.getLong("backordered"),
                rs.getLong("incoming"),
                rs.getLong("drafted"),
                rs.getLong("reorder_point"),
                rs.getLong("expected_demand"),
                rs.getString("status"),
                rs.getObject("purchase_order_id", UUID.class));
    }
}
