package org.ordo.invoicing.internal;

import static org.ordo.platform.InvariantCheck.row;

import java.util.List;
import java.util.Map;
import org.ordo.platform.ConsistencyCheck;
import org.ordo.platform.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invariant 10, re-derived from the documents and the append-only allocation and refund rows rather than from the running
 * sums kept on invoices and payments: balances, no payment allocated beyond its amount, no invoice paid beyond its total.
 */
@Component
class PaymentChecks implements ConsistencyCheck {

    private final JdbcClient jdbc;

    PaymentChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<InvariantCheck> check() {
        return List.of(balances(), payments(), invoices());
    }

    /**
     * Per customer and currency: Σ issued invoices − Σ credit notes − Σ allocations (from the ledger) equals what the invoices
     * say is still due (total − credited − paid).
     */
    private InvariantCheck balances() {
        List<Map<String, Object>> violations = jdbc.sql("""
                SELECT d.customer_id, d.currency, d.documents, COALESCE(a.allocated, 0) AS allocated, d.due
                FROM (SELECT customer_id, currency, SUM(total) AS documents,
                             SUM(CASE WHEN type = 'INVOICE' THEN total - amount_credited - amount_paid ELSE 0 END) AS due
                      FROM invoice WHERE status IN """ + InvoiceStore.COUNTS + """
                      GROUP BY customer_id, currency) d
                LEFT JOIN (SELECT i.customer_id, i.currency, SUM(a.amount) AS allocated
                           FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id
                           GROUP BY i.customer_id, i.currency) a ON a.customer_id = d.customer_id AND a.currency = d.currency
                WHERE d.documents - COALESCE(a.allocated, 0) <> d.due
                ORDER BY 1, 2""")
                .query((rs, n) -> row(
                        "customerId",
                        rs.getString("customer_id"),
                        "currency",
                        rs.getString("currency").trim(),
                        "invoicedLessCredited",
                        rs.getBigDecimal("documents"),
                        "allocated",
                        rs.getBigDecimal("allocated"),
                        "dueOnInvoices",
                        rs.getBigDecimal("due")))
                .list();
        return InvariantCheck.of(
                10, "customer balance = issued invoices - credit notes - payments allocated", violations);
    }

    /** Per payment: allocations and refunds add up to the stored sums and never exceed the amount; same customer and currency. */
    private InvariantCheck payments() {
        List<Map<String, Object>> violations = jdbc.sql("""
                SELECT p.id, p.amount, p.amount_allocated, COALESCE(a.allocated, 0) AS allocated, p.amount_refunded,
                       COALESCE(r.refunded, 0) AS refunded, COALESCE(a.foreign_rows, 0) AS foreign_rows, p.status
                FROM payment p
                LEFT JOIN (SELECT a.payment_id, SUM(a.amount) AS allocated,
                                  SUM(CASE WHEN i.customer_id <> p2.customer_id OR i.currency <> p2.currency OR i.type <> 'INVOICE'
                                           THEN 1 ELSE 0 END) AS foreign_rows
                           FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id JOIN payment p2 ON p2.id = a.payment_id
                           GROUP BY a.payment_id) a ON a.payment_id = p.id
                LEFT JOIN (SELECT payment_id, SUM(amount) AS refunded FROM payment_refund GROUP BY payment_id) r ON r.payment_id = p.id
                WHERE p.amount_allocated <> COALESCE(a.allocated, 0) OR p.amount_refunded <> COALESCE(r.refunded, 0)
                   OR COALESCE(a.allocated, 0) + COALESCE(r.refunded, 0) > p.amount OR COALESCE(a.allocated, 0) < 0
                   OR COALESCE(a.foreign_rows, 0) > 0
                   OR p.status <> CASE WHEN p.amount - p.amount_allocated - p.amount_refunded > 0 THEN 'RECEIVED'
                                       WHEN p.amount_refunded > 0 THEN 'REFUNDED' ELSE 'ALLOCATED' END
                ORDER BY 1""")
                .query((rs, n) -> row(
                        "payment",
                        rs.getString("id"),
                        "amount",
                        rs.getBigDecimal("amount"),
                        "amountAllocated",
                        rs.getBigDecimal("amount_allocated"),
                        "allocations",
                        rs.getBigDecimal("allocated"),
                        "amountRefunded",
                        rs.getBigDecimal("amount_refunded"),
                        "refunds",
                        rs.getBigDecimal("refunded"),
                        "allocationsToOtherCustomersOrCurrencies",
                        rs.getLong("foreign_rows"),
                        "status",
                        rs.getString("status")))
                .list();
        return InvariantCheck.of(10, "no payment is allocated or refunded beyond its amount", violations);
    }

    /**
     * Per invoice: paid = Σ its allocations, credited = Σ its issued credit notes, paid + credited ≤ total; a VOID invoice has
     * nothing allocated; the status agrees with the amounts (PAID: nothing due; CREDITED: nothing paid
     * nor due; PARTIALLY_PAID: something paid and due).
     */
    private InvariantCheck invoices() {
        List<Map<String, Object>> violations = jdbc.sql("""
                SELECT COALESCE(i.number, CAST(i.id AS VARCHAR(36))) AS doc, i.status, i.total, i.amount_credited,
                       COALESCE(c.credited, 0) AS credited, i.amount_paid, COALESCE(a.allocated, 0) AS allocated
                FROM invoice i
                LEFT JOIN (SELECT invoice_id, SUM(amount) AS allocated FROM payment_allocation GROUP BY invoice_id) a ON a.invoice_id = i.id
                LEFT JOIN (SELECT original_invoice_id, -SUM(total) AS credited FROM invoice
                           WHERE type = 'CREDIT_NOTE' AND status IN """ + InvoiceStore.COUNTS + """
                           GROUP BY original_invoice_id) c ON c.original_invoice_id = i.id
                WHERE i.type = 'INVOICE' AND (
                      i.amount_paid <> COALESCE(a.allocated, 0) OR i.amount_credited <> COALESCE(c.credited, 0)
                   OR i.amount_paid + i.amount_credited > i.total
                   OR (i.status = 'VOID' AND i.amount_paid <> 0)
                   OR (i.status = 'PAID' AND i.total - i.amount_credited - i.amount_paid <> 0)
                   OR (i.status = 'CREDITED' AND (i.amount_paid <> 0 OR i.total - i.amount_credited <> 0))
                   OR (i.status = 'PARTIALLY_PAID' AND (i.amount_paid = 0 OR i.total - i.amount_credited - i.amount_paid <= 0)))
                ORDER BY 1""")
                .query((rs, n) -> row(
                        "invoice",
                        rs.getString("doc"),
                        "status",
                        rs.getString("status"),
                        "total",
                        rs.getBigDecimal("total"),
                        "amountCredited",
                        rs.getBigDecimal("amount_credited"),
                        "creditNotes",
                        rs.getBigDecimal("credited"),
                        "amountPaid",
                        rs.getBigDecimal("amount_paid"),
                        "allocations",
                        rs.getBigDecimal("allocated")))
                .list();
        return InvariantCheck.of(10, "no invoice is paid beyond its total (net of credit notes)", violations);
    }
}
