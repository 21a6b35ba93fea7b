package org.ordo.invoicing.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.invoicing.AccountingJournal;
import org.ordo.invoicing.PaymentMethod;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link AccountingJournal}: each booked position's entry, derived from its document by {@link JournalPolicy}. */
@Component
class JournalQueries implements AccountingJournal {

    private final JournalStore journal;
    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final JournalPolicy policy;

    JournalQueries(JournalStore journal, InvoiceStore invoices, PaymentStore payments, JournalPolicy policy) {
        this.journal = journal;
        this.invoices = invoices;
        this.payments = payments;
        this.policy = policy;
    }

    @Override
    @Transactional(readOnly = true)
    public Page between(LocalDate from, LocalDate to) {
        return new Page(journal.between(from, to).stream().map(this::entry).toList(), null);
    }

    @Override
    @Transactional(readOnly = true)
    public Page after(long after, int limit) {
        List<JournalStore.Booked> booked = journal.after(after, limit);
        long cursor = booked.isEmpty() ? after : booked.get(booked.size() - 1).position();
        return new Page(booked.stream().map(this::entry).toList(), cursor);
    }

    private Entry entry(JournalStore.Booked b) {
        return switch (b.kind()) {
            case INVOICE, CREDIT_NOTE -> {
                Invoice document = invoice(b);
                yield entry(
                        b,
                        b.kind().name(),
                        document.number(),
                        document.customerId(),
                        policy.document(document),
                        document.currency());
            }
            case VOID -> {
                Invoice document = invoice(b);
                List<JournalPolicy.Posting> reversal = JournalPolicy.reversed(policy.document(document));
                yield entry(
                        b,
                        document.type().name() + "_VOID",
                        document.number(),
                        document.customerId(),
                        reversal,
                        document.currency());
            }
            case PAYMENT -> {
                Payment p = payments.find(UUID.fromString(b.sourceId())).orElseThrow();
                List<JournalPolicy.Posting> postings =
                        policy.payment(p.method(), p.amount().amount(), journal.allocatedOnReceipt(p.id()));
                yield entry(b, "PAYMENT", p.id().toString(), p.customerId(), postings, p.currency());
            }
            case ALLOCATION -> {
                JournalStore.Allocation a =
                        journal.allocation(Long.parseLong(b.sourceId())).orElseThrow();
                String kind = a.amount().signum() > 0 ? "ALLOCATION" : "RETURN_TO_ACCOUNT";
                yield entry(b, kind, a.invoiceNumber(), a.customerId(), policy.allocation(a.amount()), a.currency());
            }
            case REFUND -> {
                JournalStore.Refund r =
                        journal.refund(UUID.fromString(b.sourceId())).orElseThrow();
                List<JournalPolicy.Posting> postings = policy.refund(PaymentMethod.valueOf(r.method()), r.amount());
                yield entry(b, "REFUND", r.id().toString(), r.customerId(), postings, r.currency());
            }
        };
    }

    private Invoice invoice(JournalStore.Booked b) {
        return invoices.find(UUID.fromString(b.sourceId())).orElseThrow();
    }

    private static Entry entry(
            JournalStore.Booked b,
            String type,
            String number,
            UUID customerId,
            List<JournalPolicy.Posting> postings,
            String currency) {
        String what = type + " " + number + " (journal position " + b.position() + ")";
        return new Entry(
                b.position(), b.entryDate(), type, number, customerId, JournalPolicy.lines(postings, currency, what));
    }
}
