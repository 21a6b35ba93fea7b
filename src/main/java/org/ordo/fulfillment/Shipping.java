package org.ordo.fulfillment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fulfilment as one call per step, for data import and demos — the same planning, scan-verified packing and
 * shipping the warehouse pages and the REST API use, with the same rules and events.
 */
public interface Shipping {

    /**
     * Plans shipments of the order's reserved, not yet planned quantities: in {@code warehouse} only when given, and
     * only {@code quantities} (line number → quantity) when given. Returns the shipment numbers, one per warehouse.
     */
    List<String> plan(UUID orderId, String warehouse, Map<Integer, Long> quantities);

    /** Picks, scans every unit, packs and ships with the cheapest service that meets the promised date; returns the tracking number. */
    String pickPackAndShip(String shipmentNumber);

    /** The carrier reports the shipment delivered. */
    void deliver(String shipmentNumber);
}
