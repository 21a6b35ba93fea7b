package org.ordo.invoicing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Money;

/**
 * One customer's invoices and credit notes, for the customer portal and customer service: a list and the printable
 * document. The caller decides who may see which customer's documents (a customer's user only its own).
 */
public interface CustomerInvoices {

    /** The states of documents that still wait for money. */
    Set<InvoiceStatus> OPEN = Set.copyOf(InvoiceStatus.openStates());

    /** The customer's documents in these states (any when empty), newest first, the same search as {@code GET /api/invoices}. */
    PageResult<Entry> search(UUID customerId, Set<InvoiceStatus> statuses, Paging paging);

    /** The document by id or number as the PDF of {@code GET /api/invoices/{id}}, with the customer it belongs to. */
    Optional<Document> pdf(String idOrNumber);

    /** A document in a list; a credit note's total is negative; {@code number} and the dates are null for a draft. */
    record Entry(
            UUID id,
            String number,
            DocumentType type,
            InvoiceStatus status,
            UUID orderId,
            String orderNumber,
            LocalDate issueDate,
            LocalDate dueDate,
            Money total,
            Money amountDue) {}

    /** {@code fileName} without the extension. */
    record Document(UUID id, UUID customerId, String fileName, byte[] pdf) {}
}
