package org.ordo.purchasing.internal;

import org.ordo.identity.NumberedThings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Purchase orders in the audit trail: found by number (PO-000123), shown by number. */
@Component
class PurchaseOrderAuditQueries extends NumberedThings {

    PurchaseOrderAuditQueries(JdbcClient jdbc) {
        super(
                jdbc,
                "PURCHASE_ORDER",
                "SELECT id FROM purchase_order WHERE number = ?",
                "SELECT id, number FROM purchase_order WHERE id IN (:ids)");
    }
}
