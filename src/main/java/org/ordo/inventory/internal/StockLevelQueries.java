package org.ordo.inventory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordo.inventory.BackorderDemand;
import org.ordo.inventory.StockLevel;
import org.ordo.inventory.StockLevelSearch;
import org.ordo.platform.LikePattern;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stock levels with their backorders, for {@code GET /api/inventory} and the pages. */
@Component
class StockLevelQueries implements StockLevelSearch {

    private final JdbcClient jdbc;
    private final ObjectProvider<BackorderDemand> backorders;

    StockLevelQueries(JdbcClient jdbc, ObjectProvider<BackorderDemand> backorders) {
        this.jdbc = jdbc;
        this.backorders = backorders;
    }

    @Override
    public PageResult<StockLevel> levels(String sku, String warehouse, boolean belowReorderPoint, Paging paging) {
        return levels(sku, null, null, warehouse, belowReorderPoint, paging);
    }

    /**
     * Levels of {@code sku} exactly, or those whose SKU starts with {@code skuPrefix} (any case) or is {@code orSku}; nulls
     * match any.
     */
    PageResult<StockLevel> levels(
            String sku, String skuPrefix, String orSku, String warehouse, boolean belowReorderPoint, Paging paging) {
        Filter filter = filter(sku, skuPrefix, orSku, warehouse, belowReorderPoint);
        long total = jdbc.sql("SELECT COUNT(*) FROM stock_level" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
        return new PageResult<>(withBackorders(rows(filter, paging)), paging.page(), paging.size(), total);
    }

    /** A WHERE clause on stock_level and its named parameters. */
    private record Filter(String where, Map<String, Object> params) {}

    /** A stock_level row as stored. */
    private record Row(
            String sku,
            String warehouse,
            long onHand,
            long reserved,
            long safetyStock,
            long reorderPoint,
            String binLocation) {}

    private static Filter filter(
            String sku, String skuPrefix, String orSku, String warehouse, boolean belowReorderPoint) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (sku != null) {
            where.append(" AND sku = :sku");
            params.put("sku", sku);
        }
        if (skuPrefix != null) {
            String like = LikePattern.startingWith(skuPrefix.toLowerCase(java.util.Locale.ROOT));
            where.append(
                    orSku == null
                            ? " AND LOWER(sku) LIKE :prefix ESCAPE '\\'"
                            : " AND (LOWER(sku) LIKE :prefix ESCAPE '\\' OR sku = :orSku)");
            params.put("prefix", like);
            if (orSku != null) {
                params.put("orSku", orSku);
            }
        }
        if (warehouse != null) {
            where.append(" AND warehouse = :warehouse");
            params.put("warehouse", warehouse);
        }
        if (belowReorderPoint) {
            where.append(" AND on_hand - reserved <= reorder_point");
        }
        return new Filter(where.toString(), params);
    }

    private List<Row> rows(Filter filter, Paging paging) {
        return jdbc.sql(
                        "SELECT sku, warehouse, on_hand, reserved, safety_stock, reorder_point, bin_location FROM stock_level"
                                + filter.where() + " ORDER BY sku, warehouse LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> new Row(
                        rs.getString("sku"),
                        rs.getString("warehouse"),
                        rs.getLong("on_hand"),
                        rs.getLong("reserved"),
                        rs.getLong("safety_stock"),
                        rs.getLong("reorder_point"),
                        rs.getString("bin_location")))
                .list();
    }

    /**
     * The rows as stock levels, each with the quantity backordered at its warehouse and what waits for its SKU without a
     * level to show it (when orders are there to ask).
     */
    private List<StockLevel> withBackorders(List<Row> rows) {
        Set<String> skus = new HashSet<>();
        rows.forEach(r -> skus.add(r.sku()));
        BackorderDemand demand = backorders.getIfAvailable();
        List<BackorderDemand.Waiting> waiting = demand == null || skus.isEmpty() ? List.of() : demand.backordered(skus);
        Set<String> levelKeys = waiting.isEmpty() ? Set.of() : levelKeys(skus);
        Map<String, Long> backordered = new HashMap<>();
        Map<String, Long> unassigned = new HashMap<>();
        for (BackorderDemand.Waiting w : waiting) {
            String key = w.sku() + "@" + w.warehouse();
            if (w.warehouse() != null && levelKeys.contains(key)) {
                backordered.merge(key, w.quantity(), Long::sum);
            } else {
                unassigned.merge(w.sku(), w.quantity(), Long::sum);
            }
        }
        List<StockLevel> items = new ArrayList<>();
        for (Row r : rows) {
            long available = r.onHand() - r.reserved();
            items.add(new StockLevel(
                    r.sku(),
                    r.warehouse(),
                    r.onHand(),
                    r.reserved(),
                    available,
                    backordered.getOrDefault(r.sku() + "@" + r.warehouse(), 0L),
                    unassigned.getOrDefault(r.sku(), 0L),
                    r.safetyStock(),
                    r.reorderPoint(),
                    available <= r.reorderPoint(),
                    r.binLocation()));
        }
        return items;
    }

    /** {@code sku@warehouse} of every level these SKUs have, in any warehouse. */
    private Set<String> levelKeys(Set<String> skus) {
        return new HashSet<>(jdbc.sql("SELECT sku, warehouse FROM stock_level WHERE sku IN (:skus)")
                .param("skus", skus)
                .query((rs, n) -> rs.getString("sku") + "@" + rs.getString("warehouse"))
                .list());
    }
}
