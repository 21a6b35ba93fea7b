package org.ordo.service.internal;

import org.ordo.fulfillment.DeliveryExceptionReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A carrier's delivery exception opens a DELIVERY_PROBLEM case after the tracking event has committed. */
@Component
class DeliveryProblemListener {

    private final CaseService cases;

    DeliveryProblemListener(CaseService cases) {
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(DeliveryExceptionReported reported) {
        cases.openForDeliveryException(reported);
    }
}
