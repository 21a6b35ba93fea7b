package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ordo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * AR aging (docs/domain.md): the amounts open on invoices at the end of a day, per customer and currency and overall per currency,
 * by days past the due date: current (not yet due), 1–30, 31–60, 61–90, over 90.
 */
@Component
class ArAgingQueries {

    /** Amounts per bucket; {@code total} is their sum. */
    record Buckets(
            Money current,
            Money days1To30,
            Money days31To60,
            Money days61To90,
            Money over90,
            Money total,
            long invoices) {

        static Buckets zero(Currency currency) {
            Money z = Money.zero(currency);
            return new Buckets(z, z, z, z, z, z, 0);
        }

        Buckets plus(long daysPastDue, Money amount) {
            return new Buckets(
                    daysPastDue <= 0 ? current.plus(amount) : current,
                    daysPastDue >= 1 && daysPastDue <= 30 ? days1To30.plus(amount) : days1To30,
                    daysPastDue >= 31 && daysPastDue <= 60 ? days31To60.plus(amount) : days31To60,
                    daysPastDue >= 61 && daysPastDue <= 90 ? days61To90.plus(amount) : days61To90,
                    daysPastDue > 90 ? over90.plus(amount) : over90,
                    total.plus(amount),
                    invoices + 1);
        }
    }

    record CustomerRow(UUID customerId, String customerName, String currency, Buckets buckets) {}

    record TotalRow(String currency, Buckets buckets) {}

    record Report(LocalDate asOf, List<CustomerRow> customers, List<TotalRow> totals) {}

    private final OpenInvoiceQueries open;

    ArAgingQueries(OpenInvoiceQueries open) {
        this.open = open;
    }

    Report asOf(LocalDate asOf, UUID customerId) {
        Map<String, CustomerRow> customers = new LinkedHashMap<>();
        Map<String, Buckets> totals = new TreeMap<>();
        for (OpenInvoiceQueries.Open o : open.asOf(asOf, customerId)) {
            Currency currency = Money.currency(o.currency());
            Money amount = new Money(o.amount(), currency);
            long days = ChronoUnit.DAYS.between(o.dueDate(), asOf);
            String key = o.customerId() + "/" + o.currency();
            CustomerRow row = customers.computeIfAbsent(
                    key, k -> new CustomerRow(o.customerId(), o.customerName(), o.currency(), Buckets.zero(currency)));
            customers.put(
                    key,
                    new CustomerRow(
                            row.customerId(),
                            row.customerName(),
                            row.currency(),
                            row.buckets().plus(days, amount)));
            totals.put(
                    o.currency(),
                    totals.getOrDefault(o.currency(), Buckets.zero(currency)).plus(days, amount));
        }
        List<TotalRow> totalRows = new ArrayList<>();
        totals.forEach((currency, buckets) -> totalRows.add(new TotalRow(currency, buckets)));
        return new Report(asOf, List.copyOf(customers.values()), totalRows);
    }

    static BigDecimal[] amounts(Buckets b) {
        return new BigDecimal[] {
            b.current().amount(),
            b.days1To30().amount(),
            b.days31To60().amount(),
            b.days61To90().amount(),
            b.over90().amount(),
            b.total().amount()
        };
    }
}
