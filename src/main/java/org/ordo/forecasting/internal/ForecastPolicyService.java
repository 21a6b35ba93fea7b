package org.ordo.forecasting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.ordo.catalog.Catalog;
import org.ordo.forecasting.Forecasts;
import org.ordo.forecasting.StockPolicies;
import org.ordo.inventory.IncomingSupply;
import org.ordo.inventory.Inventory;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.inventory.StockLevel;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A SKU's stock policy in one warehouse, set by hand ({@code safetyStock}, {@code reorderPoint}) or computed from the
 * forecast at a service level over the lead time (see {@link ReorderPolicy}). The lead time is the request's
 * {@code leadTimeDays}, or else the best supplier's; the values are written through inventory's own rules.
 */
@Component
class ForecastPolicyService implements StockPolicies {

    private static final int LONGEST_LEAD_TIME_DAYS = 365;

    private final Forecasts forecasts;
    private final InventoryAdmin inventoryAdmin;
    private final Inventory inventory;
    private final Catalog catalog;
    private final ObjectProvider<IncomingSupply> supply;

    ForecastPolicyService(
            Forecasts forecasts,
            InventoryAdmin inventoryAdmin,
            Inventory inventory,
            Catalog catalog,
            ObjectProvider<IncomingSupply> supply) {
        this.forecasts = forecasts;
        this.inventoryAdmin = inventoryAdmin;
        this.inventory = inventory;
        this.catalog = catalog;
        this.supply = supply;
    }

    @Override
    public PolicyView set(String sku, String warehouse, PolicyRequest request) {
        if (!Boolean.TRUE.equals(request.computed())) {
            checkManualRequest(request);
            StockLevel level = inventoryAdmin.setPolicy(sku, warehouse, request.safetyStock(), request.reorderPoint());
            return new PolicyView(sku, warehouse, level.safetyStock(), level.reorderPoint(), null);
        }
        checkComputedRequest(request);
        catalog.find(sku).orElseThrow(() -> OrdoException.notFound("Product", sku));
        inventory.warehouse(warehouse).orElseThrow(() -> OrdoException.notFound("Warehouse", warehouse));
        int leadTime = request.leadTimeDays() != null ? request.leadTimeDays() : supplierLeadTime(sku);
        Forecasts.DemandOutlook outlook = forecasts.outlook(sku, warehouse, leadTime);
        ReorderPolicy.Computed computed =
                ReorderPolicy.compute(outlook.expected(), outlook.standardDeviation(), request.serviceLevel());
        StockLevel level = inventoryAdmin.setPolicy(sku, warehouse, computed.safetyStock(), computed.reorderPoint());
        return new PolicyView(
                sku,
                warehouse,
                level.safetyStock(),
                level.reorderPoint(),
                new Computation(
                        request.serviceLevel(),
                        computed.z(),
                        leadTime,
                        request.leadTimeDays() != null ? "REQUEST" : "SUPPLIER",
                        outlook.expected(),
                        outlook.standardDeviation(),
                        outlook.method()));
    }

    /** Fields of a computation have no place in a policy set by hand: given there, they were meant for something. */
    private static void checkManualRequest(PolicyRequest request) {
        List<FieldViolation> problems = new ArrayList<>();
        if (request.serviceLevel() != null) {
            problems.add(ForecastRule.ONLY_WHEN_COMPUTED.at("serviceLevel"));
        }
        if (request.leadTimeDays() != null) {
            problems.add(ForecastRule.ONLY_WHEN_COMPUTED.at("leadTimeDays"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
    }

    private static void checkComputedRequest(PolicyRequest request) {
        List<FieldViolation> problems = new ArrayList<>();
        if (request.serviceLevel() == null) {
            problems.add(CommonRule.REQUIRED.at("serviceLevel"));
        } else if (!ReorderPolicy.acceptable(request.serviceLevel())) {
            problems.add(ForecastRule.SERVICE_LEVEL_RANGE.at(
                    "serviceLevel", ReorderPolicy.LOWEST_SERVICE_LEVEL, ReorderPolicy.HIGHEST_SERVICE_LEVEL));
        }
        Integer leadTime = request.leadTimeDays();
        if (leadTime != null && leadTime <= 0) {
            problems.add(CommonRule.GREATER_THAN_ZERO.at("leadTimeDays"));
        } else if (leadTime != null && leadTime > LONGEST_LEAD_TIME_DAYS) {
            problems.add(CommonRule.AT_MOST.at("leadTimeDays", LONGEST_LEAD_TIME_DAYS));
        }
        if (request.safetyStock() != null) {
            problems.add(ForecastRule.SET_BY_COMPUTATION.at("safetyStock"));
        }
        if (request.reorderPoint() != null) {
            problems.add(ForecastRule.SET_BY_COMPUTATION.at("reorderPoint"));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
    }

    /** The best supplier's lead time; a 422 naming leadTimeDays when nobody offers the SKU or nothing buys stock. */
    private int supplierLeadTime(String sku) {
        IncomingSupply incoming = supply.getIfAvailable();
        OptionalInt days = incoming == null ? OptionalInt.empty() : incoming.bestLeadTimeDays(sku);
        if (days.isEmpty()) {
            throw OrdoException.rule(
                    "no-lead-time",
                    "No supplier lead time is known for " + sku + "; give leadTimeDays.",
                    List.of(ForecastRule.NO_LEAD_TIME.at("leadTimeDays", sku)));
        }
        return days.getAsInt();
    }
}
