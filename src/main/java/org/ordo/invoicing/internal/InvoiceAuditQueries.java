package org.ordo.invoicing.internal;

import org.ordo.identity.NumberedThings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Invoices and credit notes in the audit trail: found by number (INV-2026-000123; a draft has none yet), shown by number. */
@Component
class InvoiceAuditQueries extends NumberedThings {

    InvoiceAuditQueries(JdbcClient jdbc) {
        super(
                jdbc,
                "INVOICE",
                "SELECT id FROM invoice WHERE number = ?",
                "SELECT id, number FROM invoice WHERE id IN (:ids) AND number IS NOT NULL");
    }
}
