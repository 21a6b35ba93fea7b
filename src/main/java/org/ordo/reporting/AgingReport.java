package org.ordo.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.shared.Money;

/**
 * AR aging (docs/domain.md) for other modules (the pages), from the same query as {@code GET /api/reports/ar-aging}: the amounts
 * open on invoices at the end of {@code asOf}, per customer and currency and in total per currency, by days past the due
 * date.
 */
public interface AgingReport {

    Aging asOf(LocalDate asOf);

    /** Amounts per bucket: current (not yet due), 1–30, 31–60, 61–90 and over 90 days past due; {@code total} is their sum. */
    record Buckets(
            Money current,
            Money days1To30,
            Money days31To60,
            Money days61To90,
            Money over90,
            Money total,
            long invoices) {

        public List<Money> amounts() {
            return List.of(current, days1To30, days31To60, days61To90, over90);
        }
    }

    record CustomerRow(UUID customerId, String customerName, String currency, Buckets buckets) {}

    record TotalRow(String currency, Buckets buckets) {}

    /** Customers by name; totals by currency. */
    record Aging(LocalDate asOf, List<CustomerRow> customers, List<TotalRow> totals) {}
}
