package org.ordo.invoicing.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.ordo.platform.CompanyCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books what invoicing did into the accounting journal, on the day it happened in the company's zone. Callers book as the
 * last step of their transaction (see {@link JournalStore} for why).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class JournalService {

    private final JournalStore store;
    private final CompanyCalendar calendar;

    JournalService(JournalStore store, CompanyCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    void issued(Invoice document) {
        JournalStore.Kind kind = document.isCreditNote() ? JournalStore.Kind.CREDIT_NOTE : JournalStore.Kind.INVOICE;
        store.book(kind, document.id().toString(), document.issueDate(), now());
    }

    void backdated(Invoice invoice) {
        store.redate(JournalStore.Kind.INVOICE, invoice.id().toString(), invoice.issueDate());
    }

    void voided(Invoice document) {
        Instant at = document.voidedAt() != null ? document.voidedAt() : now();
        store.book(JournalStore.Kind.VOID, document.id().toString(), calendar.dayOf(at), now());
    }

    /** A payment on the day it was received, with what it paid at once. */
    void received(Payment payment) {
        store.book(JournalStore.Kind.PAYMENT, payment.id().toString(), payment.receivedOn(), now());
    }

    /** Money allocated from the account, or given back to it, since the last booking: of a payment or to an invoice. */
    void allocations(UUID paymentId, UUID invoiceId) {
        for (JournalStore.Allocation a : store.unbookedAllocations(paymentId, invoiceId)) {
            store.book(JournalStore.Kind.ALLOCATION, String.valueOf(a.id()), calendar.dayOf(a.createdAt()), now());
        }
    }

    void refunded(UUID refundId, Instant at) {
        store.book(JournalStore.Kind.REFUND, refundId.toString(), calendar.dayOf(at), now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
