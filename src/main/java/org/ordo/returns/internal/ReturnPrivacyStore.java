package org.ordo.returns.internal;

import java.util.UUID;
import org.ordo.platform.PersonalRows;
import org.ordo.returns.ReturnPrivacy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The personal data in return_authorization, return_line, return_receipt and return_history. */
@Component
class ReturnPrivacyStore implements ReturnPrivacy {

    private static final String OF_CUSTOMER = "(SELECT id FROM return_authorization WHERE customer_id = ?)";

    private final JdbcClient jdbc;

    ReturnPrivacyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReturnData personalData(UUID customerId) {
        return new ReturnData(
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM return_authorization WHERE customer_id = ? ORDER BY requested_at",
                        customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM return_line WHERE return_id IN " + OF_CUSTOMER
                                + " ORDER BY return_id, line_number",
                        customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM return_receipt WHERE return_id IN " + OF_CUSTOMER + " ORDER BY id",
                        customerId),
                PersonalRows.read(
                        jdbc,
                        "SELECT * FROM return_history WHERE return_id IN " + OF_CUSTOMER + " ORDER BY id",
                        customerId));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID customerId) {
        jdbc.sql("UPDATE return_authorization SET "
                        + PersonalRows.erasing("note", "rejection_reason", "inspection_notes")
                        + ", version = version + 1 WHERE customer_id = ?")
                .param(customerId)
                .update();
        jdbc.sql("UPDATE return_history SET " + PersonalRows.erasing("note") + " WHERE return_id IN " + OF_CUSTOMER)
                .param(customerId)
                .update();
    }
}
