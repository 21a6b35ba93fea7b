package org.ordo.invoicing.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.invoicing.CustomerInvoices;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.stereotype.Component;

/** {@link CustomerInvoices} on the invoice API's search and PDF rendering. */
@Component
class CustomerInvoiceQueries implements CustomerInvoices {

    private final InvoiceStore store;
    private final InvoicePdfRenderer pdf;

    CustomerInvoiceQueries(InvoiceStore store, InvoicePdfRenderer pdf) {
        this.store = store;
        this.pdf = pdf;
    }

    @Override
    public PageResult<Entry> search(UUID customerId, Set<InvoiceStatus> statuses, Paging paging) {
        List<InvoiceStatus> wanted =
                statuses == null ? List.of() : statuses.stream().sorted().toList();
        return store.search(customerId, wanted, null, null, paging)
                .map(i -> new Entry(
                        i.id(),
                        i.number(),
                        i.type(),
                        i.status(),
                        i.orderId(),
                        i.orderNumber(),
                        i.issueDate(),
                        i.dueDate(),
                        i.total(),
                        i.amountDue()));
    }

    @Override
    public Optional<Document> pdf(String idOrNumber) {
        return store.find(idOrNumber)
                .map(i -> new Document(
                        i.id(), i.customerId(), i.number() != null ? i.number() : "draft-" + i.id(), pdf.render(i)));
    }
}
