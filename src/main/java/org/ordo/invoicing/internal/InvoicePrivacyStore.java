package org.ordo.invoicing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.ordo.invoicing.InvoicePrivacy;
import org.ordo.platform.PersonalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The personal data in invoice, invoice_line, dunning_reminder, payment, payment_allocation and payment_refund. */
@Component
class InvoicePrivacyStore implements InvoicePrivacy {

    private static final String INVOICES = "(SELECT id FROM invoice WHERE customer_id = ?)";
    private static final String PAYMENTS = "(SELECT id FROM payment WHERE customer_id = ?)";

    private final JdbcClient jdbc;

    InvoicePrivacyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public InvoiceData personalData(UUID customerId) {
        return new InvoiceData(
                PersonalRows.read(jdbc, "SELECT * FROM invoice WHERE customer_id = ? ORDER BY created_at", customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM invoice_line WHERE invoice_id IN " + INVOICES
                                + " ORDER BY invoice_id, line_number",
                        customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM dunning_reminder WHERE invoice_id IN " + INVOICES + " ORDER BY created_at",
                        customerId),
                PersonalRows.read(jdbc, "SELECT * FROM payment WHERE customer_id = ? ORDER BY created_at", customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM payment_allocation WHERE payment_id IN " + PAYMENTS + " ORDER BY id",
                        customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM payment_refund WHERE payment_id IN " + PAYMENTS + " ORDER BY created_at",
                        customerId));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int eraseIssuedBefore(UUID customerId, Instant issuedBefore) {
        return jdbc.sql("UPDATE invoice SET buyer_name = ?, "
                        + PersonalRows.erasing(
                                "buyer_line1",
                                "buyer_line2",
                                "buyer_city",
                                "buyer_region",
                                "buyer_postal_code",
                                "buyer_email",
                                "ship_name",
                                "ship_line1",
                                "ship_line2",
                                "ship_city",
                                "ship_region",
                                "ship_postal_code")
                        + ", version = version + 1 WHERE customer_id = ? AND issued_at < ?")
                .params(PersonalRows.ERASED, customerId, Timestamp.from(issuedBefore))
                .update();
    }
}
