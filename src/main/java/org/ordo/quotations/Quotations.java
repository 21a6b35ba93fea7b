package org.ordo.quotations;

import java.util.List;
import java.util.UUID;
import org.ordo.orders.OrderSnapshot;

/**
 * Quotations as {@code /api/quotations} offers them: who may write and send is the caller's to check (ADMIN and SALES);
 * a customer sees only their own quotations once sent, and any other is not found. {@code idOrNumber} is the id or the
 * number. A refused change throws {@link org.ordo.shared.OrdoException} naming its fields, or an
 * {@link org.ordo.shared.IllegalTransitionException} when the state table does not allow it.
 */
public interface Quotations {

    /** A new DRAFT, its lines priced as an order placed today would be. */
    QuotationRequests.QuotationView create(QuotationRequests.CreateQuotation request);

    /** Newest first, 50 a page unless {@code size} says; a customer's own sent ones only. Quotations past their validity date are expired first. */
    List<QuotationRequests.QuotationView> search(UUID customerId, QuotationStatus status, Integer page, Integer size);

    /** The quotation with its earlier revisions. */
    QuotationRequests.QuotationView get(String idOrNumber);

    QuotationRequests.QuotationView revise(String idOrNumber, QuotationRequests.ReviseQuotation request);

    /** DRAFT → SENT: the prices are fixed until the validity date, and {@link QuotationSent} is published. */
    QuotationRequests.QuotationView send(String idOrNumber);

    /** SENT → ACCEPTED: the order placed at the quoted prices (the same order when asked again). */
    OrderSnapshot accept(String idOrNumber);

    QuotationRequests.QuotationView decline(String idOrNumber);

    QuotationRequests.Pdf pdf(String idOrNumber);
}
