package org.ordo.invoicing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.ordo.platform.Csv;

/**
 * The double-entry journal of what invoicing booked (docs/domain.md, "Accounting journal"), as {@code GET
 * /api/accounting/journal} exports it: one balanced entry per issued invoice or credit note, void, payment, later
 * allocation or give-back, and refund. Amounts are decimal strings at the currency's decimals; a line has either a debit
 * or a credit, the other side is zero.
 */
public interface AccountingJournal {

    record Line(String account, String debit, String credit, String currency) {}

    /**
     * @param position the entry's place in the order of record; {@code ?after=} it gives the entries booked after this one
     * @param date       the booking day in the company's time zone
     * @param customerId the customer whose receivables or prepayments it books (for a debtor sub-ledger)
     */
    record Entry(
            long position,
            LocalDate date,
            String documentType,
            String documentNumber,
            UUID customerId,
            List<Line> lines) {}

    /**
     * @param cursor the position of the last entry returned (or the one asked for, when none came): what to ask after next
     *               time; null for a date range
     */
    record Page(List<Entry> entries, Long cursor) {}

    /** The entries booked on the days from {@code from} to {@code to}, both included (either may be null), in order. */
    Page between(LocalDate from, LocalDate to);

    /** At most {@code limit} entries booked after position {@code after}, in order. */
    Page after(long after, int limit);

    /** The entries as CSV, one row per line with its entry's fields, as {@code Accept: text/csv} and the page download it. */
    static String csv(Page page) {
        List<List<Object>> rows = new ArrayList<>();
        for (Entry e : page.entries()) {
            for (Line l : e.lines()) {
                rows.add(Arrays.asList(
                        e.position(),
                        e.date(),
                        e.documentType(),
                        e.documentNumber(),
                        e.customerId(),
                        l.account(),
                        l.debit(),
                        l.credit(),
                        l.currency()));
            }
        }
        return Csv.of(
                List.of(
                        "position",
                        "date",
                        "documentType",
                        "documentNumber",
                        "customerId",
                        "account",
                        "debit",
                        "credit",
                        "currency"),
                rows);
    }
}
