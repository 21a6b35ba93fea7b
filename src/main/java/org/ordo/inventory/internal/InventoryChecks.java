package org.ordo.inventory.internal;

import static org.ordo.platform.InvariantCheck.row;

import java.util.List;
import java.util.Map;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Re-derives stock levels from the ledger and the reservations (invariants 1–3) and bounds write-offs (20). */
@Component
class InventoryChecks implements ConsistencyCheck {

    private final JdbcClient jdbc;

    InventoryChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<InvariantCheck> check() {
        List<Map<String, Object>> ledger = jdbc.sql("""
                SELECT s.sku, s.warehouse, s.on_hand, COALESCE(m.total, 0) AS ledger_total
                FROM stock_level s
                LEFT JOIN (SELECT sku, warehouse, SUM(quantity) AS total FROM stock_movement GROUP BY sku, warehouse) m
                  ON m.sku = s.sku AND m.warehouse = s.warehouse
                WHERE s.on_hand <> COALESCE(m.total, 0)
                ORDER BY s.sku, s.warehouse""")
                .query((rs, n) -> row(
                        "sku",
                        rs.getString("sku"),
                        "warehouse",
                        rs.getString("warehouse"),
                        "onHand",
                        rs.getLong("on_hand"),
                        "ledgerSum",
                        rs.getLong("ledger_total")))
                .list();
        List<Map<String, Object>> reserved = jdbc.sql("""
                SELECT s.sku, s.warehouse, s.reserved, COALESCE(r.total, 0) AS active_total
                FROM stock_level s
                LEFT JOIN (SELECT sku, warehouse, SUM(quantity) AS total FROM reservation WHERE status = 'ACTIVE' GROUP BY sku, warehouse) r
                  ON r.sku = s.sku AND r.warehouse = s.warehouse
                WHERE s.reserved <> COALESCE(r.total, 0)
                ORDER BY s.sku, s.warehouse""")
                .query((rs, n) -> row(
                        "sku",
                        rs.getString("sku"),
                        "warehouse",
                        rs.getString("warehouse"),
                        "reserved",
                        rs.getLong("reserved"),
                        "activeReservations",
                        rs.getLong("active_total")))
                .list();
        List<Map<String, Object>> oversold = jdbc.sql(
                        "SELECT sku, warehouse, on_hand, reserved FROM stock_level WHERE on_hand - reserved < 0 OR reserved < 0 ORDER BY sku, warehouse")
                .query((rs, n) -> row(
                        "sku",
                        rs.getString("sku"),
                        "warehouse",
                        rs.getString("warehouse"),
                        "onHand",
                        rs.getLong("on_hand"),
                        "reserved",
                        rs.getLong("reserved")))
                .list();
        return List.of(
                InvariantCheck.of(1, "on hand equals the sum of the stock ledger", ledger),
                InvariantCheck.of(2, "reserved equals the sum of active reservations", reserved),
                InvariantCheck.of(3, "no oversell: available is never negative", oversold),
                InvariantCheck.of(20, "units written off never exceed what their shipment took", overWrittenOff()));
    }

    private List<Map<String, Object>> overWrittenOff() {
        return jdbc.sql("""
                SELECT w.reference, w.sku, w.warehouse, w.lost, COALESCE(m.shipped, 0) AS shipped
                FROM (SELECT reference, sku, warehouse, SUM(quantity) AS lost FROM stock_write_off
                      GROUP BY reference, sku, warehouse) w
                LEFT JOIN (SELECT reference, sku, warehouse, -SUM(quantity) AS shipped FROM stock_movement
                           WHERE type = 'SHIPMENT' GROUP BY reference, sku, warehouse) m
                  ON m.reference = w.reference AND m.sku = w.sku AND m.warehouse = w.warehouse
                WHERE w.lost > COALESCE(m.shipped, 0)
                ORDER BY w.reference, w.sku, w.warehouse""")
                .query((rs, n) -> row(
                        "reference",
                        rs.getString("reference"),
                        "sku",
                        rs.getString("sku"),
                        "warehouse",
                        rs.getString("warehouse"),
                        "writtenOff",
                        rs.getLong("lost"),
                        "shipped",
                        rs.getLong("shipped")))
                .list();
    }
}
