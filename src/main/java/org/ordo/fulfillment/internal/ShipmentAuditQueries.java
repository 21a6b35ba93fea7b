package org.ordo.fulfillment.internal;

import org.ordo.identity.NumberedThings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Shipments in the audit trail: found by number (SHP-2026-000123), shown by number. */
@Component
class ShipmentAuditQueries extends NumberedThings {

    ShipmentAuditQueries(JdbcClient jdbc) {
        super(
                jdbc,
                "SHIPMENT",
                "SELECT id FROM shipment WHERE number = ?",
                "SELECT id, number FROM shipment WHERE id IN (:ids)");
    }
}
