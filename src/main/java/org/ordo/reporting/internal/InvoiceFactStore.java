package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The credit sales per issue date and currency (report_invoice_day): the invoices and credit notes that count
 * ({@link OpenInvoiceQueries#COUNTS}), recomputed for a run of days from the invoices and read back.
 */
@Component
class InvoiceFactStore {

    private final JdbcClient jdbc;

    InvoiceFactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the days {@code from} to {@code to} (both included) from the invoices, by their issue date index. */
    void recompute(LocalDate from, LocalDate to) {
        jdbc.sql("DELETE FROM report_invoice_day WHERE fact_day >= ? AND fact_day <= ?")
                .params(Date.valueOf(from), Date.valueOf(to))
                .update();
        jdbc.sql("INSERT INTO report_invoice_day (fact_day, currency, documents, credit_sales) "
                        + "SELECT issue_date, currency, COUNT(*), SUM(total) FROM invoice WHERE status IN "
                        + OpenInvoiceQueries.COUNTS + " AND issue_date >= ? AND issue_date <= ? "
                        + "GROUP BY issue_date, currency")
                .params(Date.valueOf(from), Date.valueOf(to))
                .update();
    }

    /** Removes every fact. */
    void clear() {
        jdbc.sql("DELETE FROM report_invoice_day").update();
    }

    /** The first and last issue date of any document, null without documents. */
    LocalDate[] span() {
        return jdbc.sql("SELECT MIN(issue_date) AS first_day, MAX(issue_date) AS last_day FROM invoice")
                .query((rs, n) -> rs.getDate("first_day") == null
                        ? null
                        : new LocalDate[] {
                            rs.getDate("first_day").toLocalDate(),
                            rs.getDate("last_day").toLocalDate()
                        })
                .list()
                .get(0); // one row, with nulls when there are no documents
    }

    /** Credit sales per currency of the documents issued from {@code from} to {@code to}, both included. */
    Map<String, BigDecimal> creditSales(LocalDate from, LocalDate to) {
        Map<String, BigDecimal> sales = new TreeMap<>();
        jdbc.sql("SELECT currency, SUM(credit_sales) AS sales FROM report_invoice_day "
                        + "WHERE fact_day >= ? AND fact_day <= ? GROUP BY currency")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    sales.put(rs.getString("currency").trim(), rs.getBigDecimal("sales"));
                });
        return sales;
    }
}
