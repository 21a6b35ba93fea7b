package org.ordo.web.internal;

import org.ordo.fulfillment.ShipmentHandling;
import org.springframework.stereotype.Component;

/** Carriers' services as people know them ("UPS Standard"), for templates: {@code @carrierNames.service(carrier, code)}. */
@Component("carrierNames")
class CarrierNames {

    private final ShipmentHandling handling;

    CarrierNames(ShipmentHandling handling) {
        this.handling = handling;
    }

    public String service(String carrier, String service) {
        return service == null ? carrier : handling.serviceName(carrier, service);
    }
}
