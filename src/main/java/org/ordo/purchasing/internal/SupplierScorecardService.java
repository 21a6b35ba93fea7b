package org.ordo.purchasing.internal;

import java.util.UUID;
import org.ordo.purchasing.SupplierScorecards;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The scorecard of {@link SupplierScorecardQueries} in the module's public shape. */
@Component
class SupplierScorecardService implements SupplierScorecards {

    private final SupplierScorecardQueries queries;

    SupplierScorecardService(SupplierScorecardQueries queries) {
        this.queries = queries;
    }

    @Override
    @Transactional(readOnly = true)
    public Scorecard scorecard(UUID supplierId, String from, String to) {
        SupplierScorecardQueries.Scorecard s = queries.scorecard(supplierId, from, to);
        return new Scorecard(
                s.supplierId(),
                s.supplierName(),
                s.from(),
                s.to(),
                s.deliveries(),
                s.deliveriesWithConfirmedDate(),
                s.onTimeDeliveries(),
                s.onTimeRate(),
                s.orderedOnFinishedOrders(),
                s.receivedOnFinishedOrders(),
                s.fillRate(),
                s.leadTimeMeanDays(),
                s.leadTimeStandardDeviationDays(),
                s.priceChanges().stream()
                        .map(c -> new PriceChange(c.sku(), c.previousPrice(), c.unitPrice(), c.changedAt(), c.actor()))
                        .toList());
    }
}
