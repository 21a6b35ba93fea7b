package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was open on each invoice at the end of a day. For a past day it is re-derived from the documents and the payment
 * ledger, so that a report can look back: invoices issued by then, less the credit notes issued by then and the payment
 * allocations made by then (an allocation given back to the account counts negative). For today it is read from the
 * invoices' running sums, which the consistency check holds equal to the same documents and ledger. Void documents never
 * were claims and are left out.
 */
@Component
class OpenInvoiceQueries {

    /** One invoice with something open at the end of the day. */
    record Open(UUID customerId, String customerName, String currency, LocalDate dueDate, BigDecimal amount) {}

    /** The documents that count: issued and not voided. */
    static final String COUNTS = Sql.list(InvoiceStatus.issuedStates());
    /** The claims that may still have something open now. */
    private static final String OPEN = Sql.list(InvoiceStatus.openStates());

    private final JdbcClient jdbc;
    private final CompanyCalendar calendar;

    OpenInvoiceQueries(JdbcClient jdbc, CompanyCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** The invoices open at the end of {@code day} (the company's day), of one customer or (null) of all. */
    List<Open> asOf(LocalDate day, UUID customerId) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT customer_id, name, currency, due_date, open_amount FROM ("
                        + open(day, customerId, params)
                        + ") o WHERE open_amount > 0 ORDER BY name, customer_id, currency, due_date")
                .params(params)
                .query((rs, n) -> new Open(
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("currency").trim(),
                        rs.getDate("due_date").toLocalDate(),
                        rs.getBigDecimal("open_amount")))
                .list();
    }

    /** What {@link #asOf} lists for all customers, summed per currency in the database (no list carried over). */
    Map<String, BigDecimal> totalsAsOf(LocalDate day) {
        List<Object> params = new ArrayList<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.sql("SELECT currency, SUM(open_amount) AS open_amount FROM (" + open(day, null, params)
                        + ") o WHERE open_amount > 0 GROUP BY currency")
                .params(params)
                .query(rs -> {
                    totals.put(rs.getString("currency").trim(), rs.getBigDecimal("open_amount"));
                });
        return totals;
    }

    /** Each invoice with what is open on it at the end of {@code day} (maybe nothing), adding its parameters. */
    private String open(LocalDate day, UUID customerId, List<Object> params) {
        String open;
        String statuses;
        if (day.isBefore(calendar.today())) {
            // per invoice, its credit notes and allocations up to that day by index (correlated), not an aggregate over
            // all
            open = "i.total "
                    + "  - COALESCE((SELECT -SUM(cn.total) FROM invoice cn WHERE cn.original_invoice_id = i.id "
                    + "              AND cn.type = 'CREDIT_NOTE' AND cn.status IN " + COUNTS
                    + " AND cn.issue_date <= ?), 0) "
                    + "  - COALESCE((SELECT SUM(a.amount) FROM payment_allocation a WHERE a.invoice_id = i.id AND a.created_at < ?), 0)";
            params.add(Date.valueOf(day));
            params.add(Timestamp.from(calendar.endOf(day)));
            statuses = COUNTS;
        } else {
            // Up to now every document and payment is in, and the invoice's running sums agree with them (a consistency
            // check of invoicing): today's question (the AR aging, DSO of a period that ends today) reads only the open
            // invoices by the status index, and their sums instead of their ledger.
            open = "i.total - i.amount_credited - i.amount_paid";
            statuses = OPEN;
        }
        params.add(Date.valueOf(day));
        String customer = "";
        if (customerId != null) {
            customer = " AND i.customer_id = ?";
            params.add(customerId);
        }
        return "SELECT i.customer_id, c.name, i.currency, i.due_date, " + open + " AS open_amount "
                + "FROM invoice i JOIN customer c ON c.id = i.customer_id "
                + "WHERE i.type = 'INVOICE' AND i.status IN " + statuses + " AND i.issue_date <= ?" + customer;
    }
}
