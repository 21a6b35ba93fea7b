package org.ordo.inventory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.ordo.inventory.StockLow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells {@link StockLow} when a level falls to or below its reorder point, once per fall: the level's
 * {@code low_reported} remembers that it was told and is cleared when available stock rises above the point again.
 * Called by every change of on hand, reserved or the reorder point, in its transaction, after the level's row is locked
 * by that change.
 */
@Component
class LowStockService {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LowStockService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Looks at the level as the change left it. */
    void recheck(String sku, String warehouse) {
        Optional<Level> found = jdbc.sql("SELECT on_hand, reserved, reorder_point, safety_stock, low_reported "
                        + "FROM stock_level WHERE sku = ? AND warehouse = ?")
                .params(sku, warehouse)
                .query((rs, n) -> new Level(
                        rs.getLong("on_hand"),
                        rs.getLong("reserved"),
                        rs.getLong("reorder_point"),
                        rs.getLong("safety_stock"),
                        rs.getBoolean("low_reported")))
                .optional();
        if (found.isEmpty()) {
            return;
        }
        Level level = found.get();
        long available = level.onHand() - level.reserved();
        boolean low = isLow(available, level.reorderPoint());
        if (low == level.reported()) {
            return;
        }
        jdbc.sql("UPDATE stock_level SET low_reported = ? WHERE sku = ? AND warehouse = ?")
                .params(low, sku, warehouse)
                .update();
        if (low) {
            events.publishEvent(new StockLow(
                    sku,
                    warehouse,
                    level.onHand(),
                    level.reserved(),
                    available,
                    level.reorderPoint(),
                    level.safetyStock()));
        }
    }

    /**
     * After a reservation, which only lowers what is available: one statement finds the levels ({warehouse, sku}) that
     * have just fallen to their reorder point, usually none, so the hot path pays one read rather than one per line.
     */
    void recheckAfterReserving(Collection<String[]> levels) {
        if (levels.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        StringJoiner which = new StringJoiner(" OR ", "(", ")");
        for (String[] level : levels) {
            which.add("(warehouse = ? AND sku = ?)");
            params.add(level[0]);
            params.add(level[1]);
        }
        List<String[]> fallen = jdbc.sql("SELECT warehouse, sku FROM stock_level WHERE " + which
                        + " AND reorder_point > 0 AND on_hand - reserved <= reorder_point AND low_reported = FALSE")
                .params(params)
                .query((rs, n) -> new String[] {rs.getString("warehouse"), rs.getString("sku")})
                .list();
        fallen.forEach(level -> recheck(level[1], level[0]));
    }

    /** A level without a reorder point (zero) is not planned, as replenishment does not plan it: never low. */
    static boolean isLow(long available, long reorderPoint) {
        return reorderPoint > 0 && available <= reorderPoint;
    }

    private record Level(long onHand, long reserved, long reorderPoint, long safetyStock, boolean reported) {}
}
