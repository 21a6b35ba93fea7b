package org.ordo.customers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.platform.PersonalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The personal data in the customer and customer_note tables: read as stored, and erased in place. */
@Component
class CustomerPrivacyStore {

    private final JdbcClient jdbc;

    CustomerPrivacyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> customer(UUID id) {
        return PersonalRows.read(jdbc, "SELECT * FROM customer WHERE id = ?", id);
    }

    List<Map<String, Object>> notes(UUID customerId) {
        return PersonalRows.read(
                jdbc, "SELECT * FROM customer_note WHERE customer_id = ? ORDER BY created_at", customerId);
    }

    /** The country stays: alone it names nobody, and the tax treatment of the books follows it. */
    void erase(UUID id, Instant at) {
        LockedCustomers.forget();
        jdbc.sql("UPDATE customer SET name = ?, "
                        + PersonalRows.erasing(
                                "email",
                                "phone",
                                "vat_id",
                                "billing_name",
                                "billing_line1",
                                "billing_line2",
                                "billing_city",
                                "billing_region",
                                "billing_postal_code",
                                "shipping_name",
                                "shipping_line1",
                                "shipping_line2",
                                "shipping_city",
                                "shipping_region",
                                "shipping_postal_code")
                        + ", active = FALSE, version = version + 1, updated_at = ? WHERE id = ?")
                .params(PersonalRows.ERASED, Timestamp.from(at), id)
                .update();
        jdbc.sql("UPDATE customer_note SET text = ? WHERE customer_id = ?")
                .params(PersonalRows.ERASED, id)
                .update();
    }
}
