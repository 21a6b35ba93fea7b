package org.ordo.reporting.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What was open on each invoice at the end of a day, re-derived from the documents and the payment ledger rather than from
 * the invoices' running sums, so that a report can look back: invoices issued by then, less the credit notes issued by then
 * and the payment allocations made by then (an allocation given back to the account counts negative). Void documents never
 * were claims and are left out.
 */
@Component
class OpenInvoices {

    /** One invoice with something open at the end of the day. */
    record Open(UUID customerId, String customerName, String currency, LocalDate dueDate, BigDecimal amount) {}

    private static final String COUNTS = "('ISSUED', 'OVERDUE', 'PARTIALLY_PAID', 'PAID')";

    private final JdbcClient jdbc;

    OpenInvoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The invoices open at the end of {@code day} (UTC), of one customer or (null) of all. */
    List<Open> asOf(LocalDate day, UUID customerId) {
        Timestamp endOfDay = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(day), endOfDay, Date.valueOf(day)));
        String customer = "";
        if (customerId != null) {
            customer = " AND i.customer_id = ?";
            params.add(customerId);
        }
        return jdbc.sql("SELECT i.customer_id, c.name, i.currency, i.due_date, "
                        + "i.total - COALESCE(cn.credited, 0) - COALESCE(a.paid, 0) AS open_amount "
                        + "FROM invoice i JOIN customer c ON c.id = i.customer_id "
                        + "LEFT JOIN (SELECT original_invoice_id, -SUM(total) AS credited FROM invoice WHERE type = 'CREDIT_NOTE' "
                        + "           AND status IN " + COUNTS + " AND issue_date <= ? GROUP BY original_invoice_id) cn "
                        + "       ON cn.original_invoice_id = i.id "
                        + "LEFT JOIN (SELECT invoice_id, SUM(amount) AS paid FROM payment_allocation WHERE created_at < ? "
                        + "           GROUP BY invoice_id) a ON a.invoice_id = i.id "
                        + "WHERE i.type = 'INVOICE' AND i.status IN " + COUNTS + " AND i.issue_date <= ?" + customer
                        + " AND i.total - COALESCE(cn.credited, 0) - COALESCE(a.paid, 0) > 0 "
                        + "ORDER BY c.name, i.customer_id, i.currency, i.due_date")
                .params(params)
                .query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3).trim(),
                        rs.getDate(4).toLocalDate(), rs.getBigDecimal(5)))
                .list();
    }
}
