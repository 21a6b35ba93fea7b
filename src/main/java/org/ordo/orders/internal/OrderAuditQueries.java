package org.ordo.orders.internal;

import org.ordo.identity.NumberedThings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Orders in the audit trail: found by number (SO-2026-000123), shown by number. */
@Component
class OrderAuditQueries extends NumberedThings {

    OrderAuditQueries(JdbcClient jdbc) {
        super(
                jdbc,
                "ORDER",
                "SELECT id FROM sales_order WHERE number = ?",
                "SELECT id, number FROM sales_order WHERE id IN (:ids)");
    }
}
