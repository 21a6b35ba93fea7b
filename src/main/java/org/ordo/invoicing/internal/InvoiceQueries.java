package org.ordo.invoicing.internal;

import java.util.List;
import java.util.UUID;
import org.ordo.invoicing.Invoices;
import org.ordo.platform.Paging;
import org.springframework.stereotype.Component;

/** {@link Invoices} on the same search and payment queries as the invoice API. */
@Component
class InvoiceQueries implements Invoices {

    private final InvoiceStore store;
    private final PaymentStore payments;

    InvoiceQueries(InvoiceStore store, PaymentStore payments) {
        this.store = store;
        this.payments = payments;
    }

    @Override
    public List<Summary> ofOrder(UUID orderId) {
        return store.search(null, List.of(), orderId, null, Paging.of(0, Paging.MAX_SIZE)).items().stream()
                .map(i -> new Summary(
                        i.id(),
                        i.number(),
                        i.type(),
                        i.status(),
                        i.issueDate(),
                        i.dueDate(),
                        i.total(),
                        i.amountDue(),
                        payments.paymentsOf(i.id(), i.total().currency()).stream()
                                .map(p -> new AllocatedPayment(p.method(), p.reference(), p.receivedOn(), p.amount()))
                                .toList()))
                .toList();
    }
}
