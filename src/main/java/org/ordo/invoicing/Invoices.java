package org.ordo.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.shared.Money;

/** Read access to invoices for other modules (the pages). */
public interface Invoices {

    /** The invoices and credit notes of one order, newest first, each with the payments allocated to it. */
    List<Summary> ofOrder(UUID orderId);

    /** A document in a list; a credit note's total is negative. {@code issueDate} and {@code dueDate} are null for a draft. */
    record Summary(
            UUID id,
            String number,
            DocumentType type,
            InvoiceStatus status,
            LocalDate issueDate,
            LocalDate dueDate,
            Money total,
            Money amountDue,
            List<AllocatedPayment> payments) {}

    /** Money allocated to an invoice (negative: given back to the customer's account). */
    record AllocatedPayment(PaymentMethod method, String reference, LocalDate receivedOn, Money amount) {}
}
