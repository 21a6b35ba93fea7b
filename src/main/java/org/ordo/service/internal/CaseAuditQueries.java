package org.ordo.service.internal;

import org.ordo.identity.NumberedThings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cases in the audit trail: found by number (CASE-2026-000123), shown by number. */
@Component
class CaseAuditQueries extends NumberedThings {

    CaseAuditQueries(JdbcClient jdbc) {
        super(
                jdbc,
                "CASE",
                "SELECT id FROM service_case WHERE number = ?",
                "SELECT id, number FROM service_case WHERE id IN (:ids)");
    }
}
