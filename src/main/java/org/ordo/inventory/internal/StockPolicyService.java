package org.ordo.inventory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.identity.AuditTrail;
import org.ordo.inventory.StockLevel;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Safety stock, reorder point and bin location of one stock level: what planning and picking go by, audited. */
@Component
class StockPolicyService {

    static final int MAX_BIN_LENGTH = 32;

    private final JdbcClient jdbc;
    private final StockLevelQueries levels;
    private final AuditTrail audit;
    private final LowStockService lowStock;

    StockPolicyService(JdbcClient jdbc, StockLevelQueries levels, AuditTrail audit, LowStockService lowStock) {
        this.jdbc = jdbc;
        this.levels = levels;
        this.audit = audit;
        this.lowStock = lowStock;
    }

    /**
     * Sets the policy of a level that exists; {@code binLocation} null leaves it as it is, blank clears it.
     *
     * @throws OrdoException invalid fields, each by rule code (400), or no such level (404)
     */
    @Transactional
    StockLevel set(String warehouse, String sku, Long safetyStock, Long reorderPoint, String binLocation) {
        String bin = binLocation == null ? null : binLocation.trim();
        check(safetyStock, reorderPoint, bin);
        StockLevel before = level(warehouse, sku);
        if (before == null) {
            throw OrdoException.notFound("Stock level", sku + "@" + warehouse + " (record a movement first)");
        }
        jdbc.sql("UPDATE stock_level SET safety_stock = :safety, reorder_point = :reorder"
                        + (bin == null ? "" : ", bin_location = :bin")
                        + " WHERE sku = :sku AND warehouse = :warehouse")
                .param("safety", safetyStock)
                .param("reorder", reorderPoint)
                .params(bin == null ? Map.of() : java.util.Collections.singletonMap("bin", bin.isEmpty() ? null : bin))
                .param("sku", sku)
                .param("warehouse", warehouse)
                .update();
        lowStock.recheck(sku, warehouse);
        StockLevel after = level(warehouse, sku);
        audit.record("STOCK", sku + "@" + warehouse, "POLICY", policy(before), policy(after));
        return after;
    }

    /** The level of one SKU in one warehouse, or null. */
    StockLevel level(String warehouse, String sku) {
        List<StockLevel> found =
                levels.levels(sku, warehouse, false, Paging.of(0, 1)).items();
        return found.isEmpty() ? null : found.get(0);
    }

    private static void check(Long safetyStock, Long reorderPoint, String bin) {
        List<FieldViolation> problems = new ArrayList<>();
        quantity(problems, "safetyStock", safetyStock);
        quantity(problems, "reorderPoint", reorderPoint);
        if (bin != null && bin.length() > MAX_BIN_LENGTH) {
            problems.add(CommonRule.TOO_LONG.at("binLocation", MAX_BIN_LENGTH));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
    }

    private static void quantity(List<FieldViolation> problems, String field, Long value) {
        if (value == null) {
            problems.add(CommonRule.REQUIRED.at(field));
        } else if (value < 0) {
            problems.add(CommonRule.ZERO_OR_GREATER.at(field));
        } else if (value > StockLedgerService.MAX_QUANTITY) {
            problems.add(CommonRule.AT_MOST.at(field, StockLedgerService.MAX_QUANTITY));
        }
    }

    private static Map<String, Object> policy(StockLevel level) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("safetyStock", level.safetyStock());
        policy.put("reorderPoint", level.reorderPoint());
        policy.put("binLocation", level.binLocation());
        return policy;
    }
}
