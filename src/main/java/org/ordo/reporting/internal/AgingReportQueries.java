package org.ordo.reporting.internal;

import java.time.LocalDate;
import java.util.Comparator;
import org.ordo.reporting.AgingReport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link AgingReport} on {@link ArAgingQueries}, the query of the report API. */
@Component
class AgingReportQueries implements AgingReport {

    private final ArAgingQueries aging;

    AgingReportQueries(ArAgingQueries aging) {
        this.aging = aging;
    }

    @Override
    @Transactional(readOnly = true)
    public Aging asOf(LocalDate asOf) {
        ArAgingQueries.Report report = aging.asOf(asOf, null);
        return new Aging(
                report.asOf(),
                report.customers().stream()
                        .map(c -> new CustomerRow(c.customerId(), c.customerName(), c.currency(), buckets(c.buckets())))
                        .sorted(Comparator.comparing(
                                        (CustomerRow c) -> c.customerName() == null ? "" : c.customerName(),
                                        String.CASE_INSENSITIVE_ORDER)
                                .thenComparing(CustomerRow::currency))
                        .toList(),
                report.totals().stream()
                        .map(t -> new TotalRow(t.currency(), buckets(t.buckets())))
                        .toList());
    }

    private static Buckets buckets(ArAgingQueries.Buckets b) {
        return new Buckets(
                b.current(), b.days1To30(), b.days31To60(), b.days61To90(), b.over90(), b.total(), b.invoices());
    }
}
