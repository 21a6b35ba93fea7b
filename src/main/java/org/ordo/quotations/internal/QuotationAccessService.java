package org.ordo.quotations.internal;

import java.util.List;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.orders.OrderSnapshot;
import org.ordo.platform.Paging;
import org.ordo.quotations.QuotationRequests;
import org.ordo.quotations.QuotationRequests.LineView;
import org.ordo.quotations.QuotationRequests.QuotationView;
import org.ordo.quotations.QuotationRequests.RevisionView;
import org.ordo.quotations.QuotationStatus;
import org.ordo.quotations.Quotations;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Service;

/**
 * The quotations as the API and the pages see them: a customer only their own once sent (any other is not found), and
 * quotations past their validity date expired before they are read or decided.
 */
@Service
class QuotationAccessService implements Quotations {

    private final QuotationService quotations;
    private final QuotationStore store;
    private final QuotationPdfRenderer pdf;

    QuotationAccessService(QuotationService quotations, QuotationStore store, QuotationPdfRenderer pdf) {
        this.quotations = quotations;
        this.store = store;
        this.pdf = pdf;
    }

    @Override
    public QuotationView create(QuotationRequests.CreateQuotation request) {
        return view(quotations.create(request), List.of());
    }

    @Override
    public List<QuotationView> search(UUID customerId, QuotationStatus status, Integer page, Integer size) {
        quotations.expireDue();
        Paging paging = Paging.of(page, size);
        Actor actor = Actor.current();
        UUID whose = actor.isCustomer() ? actor.customerId() : customerId;
        return store.search(whose, status, paging.offset(), paging.size()).stream()
                .filter(q -> !actor.isCustomer() || q.status() != QuotationStatus.DRAFT)
                .map(q -> view(q, List.of()))
                .toList();
    }

    @Override
    public QuotationView get(String idOrNumber) {
        quotations.expireDue();
        Quotation q = visible(idOrNumber);
        return view(q, store.earlierRevisions(q.id()));
    }

    @Override
    public QuotationView revise(String idOrNumber, QuotationRequests.ReviseQuotation request) {
        Quotation q = quotations.revise(visible(idOrNumber).id(), request);
        return view(q, store.earlierRevisions(q.id()));
    }

    @Override
    public QuotationView send(String idOrNumber) {
        Quotation q = quotations.send(visible(idOrNumber).id());
        return view(q, store.earlierRevisions(q.id()));
    }

    @Override
    public OrderSnapshot accept(String idOrNumber) {
        UUID id = visible(idOrNumber).id();
        quotations.expireDue();
        return quotations.accept(id);
    }

    @Override
    public QuotationView decline(String idOrNumber) {
        quotations.expireDue();
        return view(quotations.decline(visible(idOrNumber).id()), List.of());
    }

    @Override
    public QuotationRequests.Pdf pdf(String idOrNumber) {
        Quotation q = visible(idOrNumber);
        return new QuotationRequests.Pdf(q.number() + ".pdf", pdf.render(q));
    }

    /** The quotation, or 404 when it does not exist or the customer asking may not see it. */
    private Quotation visible(String idOrNumber) {
        UUID id;
        try {
            id = UUID.fromString(idOrNumber);
        } catch (IllegalArgumentException e) {
            id = store.idOfNumber(idOrNumber).orElse(null);
        }
        Quotation q = id == null ? null : store.find(id, false).orElse(null);
        Actor actor = Actor.current();
        if (q == null
                || (actor.isCustomer()
                        && (!q.customerId().equals(actor.customerId()) || q.status() == QuotationStatus.DRAFT))) {
            throw OrdoException.notFound("Quotation", idOrNumber);
        }
        return q;
    }

    static QuotationView view(Quotation q, List<Quotation.Revision> earlier) {
        return new QuotationView(
                q.id(),
                q.number(),
                q.revision(),
                q.status(),
                q.customerId(),
                q.currency(),
                q.validUntil(),
                q.note(),
                Money.of(q.total(), q.currency()),
                q.orderId(),
                q.createdAt(),
                q.sentAt(),
                q.decidedAt(),
                lines(q.lines(), q.currency()),
                earlier.stream()
                        .map(r -> new RevisionView(
                                r.revision(),
                                r.validUntil(),
                                Money.of(r.total(), q.currency()),
                                r.sentAt(),
                                lines(r.lines(), q.currency())))
                        .toList());
    }

    private static List<LineView> lines(List<Quotation.Line> lines, String currency) {
        return lines.stream()
                .map(l -> new LineView(
                        l.lineNumber(),
                        l.sku(),
                        l.quantity(),
                        l.discountPercent(),
                        l.discountAmount() == null ? null : Money.of(l.discountAmount(), currency),
                        Money.of(l.listPrice(), currency),
                        Money.of(l.unitPrice(), currency),
                        Money.of(l.lineTotal(), currency)))
                .toList();
    }
}
