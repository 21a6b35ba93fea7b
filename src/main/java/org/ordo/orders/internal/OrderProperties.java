package org.ordo.orders.internal;

import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Order rules that differ between companies.
 *
 * @param maxLines           most lines one order may have
 * @param autoConfirm        confirm orders that pass the credit check at once (else they wait in PLACED)
 * @param processingDays     working days from placement to dispatch
 * @param backorderLeadDays  days added to the promised date when anything is backordered
 * @param transitDays        days in transit per shipping method; the keys are the accepted methods
 * @param creditReleaseByPlacer whether the person who placed an order may release its credit hold (default: no, someone
 *                           else with the right role must: separation of duties)
 * @param receivingHandlingDays working days from a purchase order's arrival until its units can be dispatched
 */
record OrderProperties(
        @DefaultValue("1000") int maxLines,
        @DefaultValue("true") boolean autoConfirm,
        @DefaultValue("1") int processingDays,
        @DefaultValue("14") int backorderLeadDays,
        Map<String, Integer> transitDays,
        @DefaultValue("false") boolean creditReleaseByPlacer,
        @DefaultValue("1") int receivingHandlingDays) {

    OrderProperties {
        if (transitDays == null || transitDays.isEmpty()) {
            transitDays = Map.of("STANDARD", 3, "EXPRESS", 1, "PICKUP", 0);
        }
    }
}
