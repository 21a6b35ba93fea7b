package org.ordo.fulfillment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The personal data fulfilment holds about a customer, for its export and erasure (docs/domain.md, "Personal data"). */
public interface ShipmentPrivacy {

    /** The customer's shipments (addresses, carrier, tracking number), their lines and events, every column as stored. */
    ShipmentData personalData(UUID customerId);

    record ShipmentData(
            List<Map<String, Object>> shipments, List<Map<String, Object>> lines, List<Map<String, Object>> events) {}

    /**
     * Replaces the delivery addresses (but the country) and cancel reasons of the customer's shipments and the locations
     * and reasons of their events by the erasure marker; inside the caller's transaction. The tracking number and SSCC
     * stay: they are the carrier's references, not the person.
     */
    void erase(UUID customerId);
}
