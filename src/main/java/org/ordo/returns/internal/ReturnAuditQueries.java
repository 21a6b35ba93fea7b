package org.ordo.returns.internal;

import org.ordo.identity.NumberedThings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Returns in the audit trail: found by number (RMA-2026-000123), shown by number. */
@Component
class ReturnAuditQueries extends NumberedThings {

    ReturnAuditQueries(JdbcClient jdbc) {
        super(
                jdbc,
                "RETURN",
                "SELECT id FROM return_authorization WHERE number = ?",
                "SELECT id, number FROM return_authorization WHERE id IN (:ids)");
    }
}
