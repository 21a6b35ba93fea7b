package org.ordo.forecasting.internal;

import org.ordo.forecasting.StockPolicies;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A SKU's stock policy in one warehouse, set by hand or computed from the forecast (see {@link ForecastPolicyService}). */
@RestController
class StockPolicyController {

    private final StockPolicies policies;

    StockPolicyController(StockPolicies policies) {
        this.policies = policies;
    }

    @PutMapping("/api/inventory/policies/{sku}/{warehouse}")
    @PreAuthorize("hasAnyRole('ADMIN','PURCHASING','WAREHOUSE')")
    StockPolicies.PolicyView set(
            @PathVariable String sku,
            @PathVariable String warehouse,
            @RequestBody StockPolicies.PolicyRequest request) {
        return policies.set(sku, warehouse, request);
    }
}
