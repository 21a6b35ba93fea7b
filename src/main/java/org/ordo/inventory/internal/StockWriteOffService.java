package org.ordo.inventory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.StockWriteOffs;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.ordo.shared.RecordedTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link StockWriteOffs} on the table {@code stock_write_off}; the shipped units are read from the ledger. */
@Component
class StockWriteOffService implements StockWriteOffs {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final AuditTrail audit;

    StockWriteOffService(JdbcClient jdbc, Catalog catalog, AuditTrail audit) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public WriteOff writeOffShipped(String sku, String warehouse, long quantity, String reason, String reference) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        // the level's lock keeps two desks from writing off the same units at once
        jdbc.sql("SELECT on_hand FROM stock_level WHERE sku = ? AND warehouse = ? FOR UPDATE")
                .params(sku, warehouse)
                .query((rs, n) -> rs.getLong("on_hand"))
                .optional();
        long left = shipped(sku, warehouse, reference) - writtenOff(sku, warehouse, reference);
        if (quantity > left) {
            throw OrdoException.conflict(
                    "write-off-exceeds-shipped",
                    reference + " shipped " + left + " more of " + sku + " from " + warehouse + " than is written off; "
                            + quantity + " cannot be written off.");
        }
        Money unitCost = catalog.find(sku).map(ProductSnapshot::unitCost).orElse(null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO stock_write_off (sku, warehouse, quantity, unit_cost, cost_currency, reason, reference, "
                        + "actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        sku,
                        warehouse,
                        quantity,
                        unitCost == null ? null : unitCost.amount(),
                        unitCost == null ? null : unitCost.currency().getCurrencyCode(),
                        reason,
                        reference,
                        Actor.current().username(),
                        Timestamp.from(RecordedTime.now()))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        WriteOff written = jdbc.sql("SELECT * FROM stock_write_off WHERE id = ?")
                .param(id)
                .query(StockWriteOffService::writeOff)
                .single();
        audit.record("STOCK", sku + "@" + warehouse, "WRITTEN_OFF", null, written);
        return written;
    }

    @Override
    public List<WriteOff> ofReference(String reference) {
        return jdbc.sql("SELECT * FROM stock_write_off WHERE reference = ? ORDER BY id")
                .param(reference)
                .query(StockWriteOffService::writeOff)
                .list();
    }

    private long shipped(String sku, String warehouse, String reference) {
        return jdbc.sql("SELECT COALESCE(-SUM(quantity), 0) AS shipped FROM stock_movement "
                        + "WHERE sku = ? AND warehouse = ? AND reference = ? AND type = 'SHIPMENT'")
                .params(sku, warehouse, reference)
                .query((rs, n) -> rs.getLong("shipped"))
                .single();
    }

    private long writtenOff(String sku, String warehouse, String reference) {
        return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) AS lost FROM stock_write_off "
                        + "WHERE sku = ? AND warehouse = ? AND reference = ?")
                .params(sku, warehouse, reference)
                .query((rs, n) -> rs.getLong("lost"))
                .single();
    }

    private static WriteOff writeOff(ResultSet rs, int row) throws SQLException {
        BigDecimal cost = rs.getBigDecimal("unit_cost");
        String currency = rs.getString("cost_currency");
        long quantity = rs.getLong("quantity");
        Money unitCost = cost == null || currency == null ? null : Money.of(cost, currency);
        return new WriteOff(
                rs.getLong("id"),
                rs.getString("sku"),
                rs.getString("warehouse"),
                quantity,
                unitCost,
                unitCost == null ? null : unitCost.times(quantity),
                rs.getString("reason"),
                rs.getString("reference"),
                rs.getString("actor"),
                rs.getTimestamp("created_at").toInstant());
    }
}
