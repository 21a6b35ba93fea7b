package org.ordo.inventory.internal;

import java.util.ArrayList;
import java.util.List;
import org.ordo.inventory.StockLevel;
import org.ordo.platform.Paging;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety stock, reorder point and bin location of one SKU in one warehouse: the one place their rules live, for the
 * API's {@code PUT /api/inventory/levels/...} and for whoever computes a policy through {@code InventoryAdmin}.
 */
@Component
class StockPolicyService {

    private final JdbcClient jdbc;
    private final StockLevelQueries levels;

    StockPolicyService(JdbcClient jdbc, StockLevelQueries levels) {
        this.jdbc = jdbc;
        this.levels = levels;
    }

    /**
     * Sets both figures (each required, 0 or greater) and, unless {@code binLocation} is null, the bin location (an
     * empty one clears it).
     *
     * @throws OrdoException invalid fields (400), or no stock level for that SKU there yet (404)
     */
    @Transactional
    StockLevel update(String sku, String warehouse, Long safetyStock, Long reorderPoint, String binLocation) {
        List<FieldViolation> problems = new ArrayList<>();
        if (safetyStock == null || safetyStock < 0) {
            problems.add(new FieldViolation("safetyStock", "is required and must be 0 or greater"));
        }
        if (reorderPoint == null || reorderPoint < 0) {
            problems.add(new FieldViolation("reorderPoint", "is required and must be 0 or greater"));
        }
        String bin = binLocation == null ? null : binLocation.trim();
        if (bin != null && bin.length() > 32) {
            problems.add(new FieldViolation("binLocation", "must be at most 32 characters"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        int updated = bin == null
                ? jdbc.sql("UPDATE stock_level SET safety_stock = ?, reorder_point = ? WHERE sku = ? AND warehouse = ?")
                        .params(safetyStock, reorderPoint, sku, warehouse)
                        .update()
                : jdbc.sql(
                                "UPDATE stock_level SET safety_stock = ?, reorder_point = ?, bin_location = ? WHERE sku = ? AND warehouse = ?")
                        .params(safetyStock, reorderPoint, bin.isEmpty() ? null : bin, sku, warehouse)
                        .update();
        if (updated == 0) {
            throw OrdoException.notFound("Stock level", sku + "@" + warehouse + " (record a movement first)");
        }
        return levels.levels(sku, warehouse, false, Paging.of(0, 1)).items().get(0);
    }
}
