package org.ordo.fulfillment.internal;

import java.util.UUID;
import org.ordo.fulfillment.ShipmentPrivacy;
import org.ordo.platform.PersonalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The personal data in shipment, shipment_line and shipment_event. */
@Component
class ShipmentPrivacyStore implements ShipmentPrivacy {

    private static final String OF_CUSTOMER = "(SELECT id FROM shipment WHERE customer_id = ?)";

    private final JdbcClient jdbc;

    ShipmentPrivacyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ShipmentData personalData(UUID customerId) {
        return new ShipmentData(
                PersonalRows.read(jdbc, "SELECT * FROM shipment WHERE customer_id = ? ORDER BY planned_at", customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM shipment_line WHERE shipment_id IN " + OF_CUSTOMER
                                + " ORDER BY shipment_id, line_number",
                        customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM shipment_event WHERE shipment_id IN " + OF_CUSTOMER + " ORDER BY id",
                        customerId));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID customerId) {
        jdbc.sql("UPDATE shipment SET "
                        + PersonalRows.erasing(
                                "ship_name",
                                "ship_line1",
                                "ship_line2",
                                "ship_city",
                                "ship_region",
                                "ship_postal_code",
                                "cancel_reason")
                        + ", version = version + 1 WHERE customer_id = ?")
                .param(customerId)
                .update();
        jdbc.sql("UPDATE shipment_event SET " + PersonalRows.erasing("location", "reason") + " WHERE shipment_id IN "
                        + OF_CUSTOMER)
                .param(customerId)
                .update();
    }
}
