package org.ordo.invoicing;

import java.util.List;
import java.util.UUID;
import org.ordo.shared.Money;

/** Credit notes for other modules (returns). Runs in the caller's transaction. */
public interface CreditNotes {

    /**
     * Credits returned quantities of order lines against the issued invoices that billed them, oldest invoice first, at the
     * price and tax they were invoiced with: one credit note per invoice touched. If the invoices do not (yet) bill all of
     * a returned quantity that is not already credited, nothing is issued and the answer is a 409
     * {@code return-not-invoiced}.
     *
     * @return the credit notes issued; their totals are negative
     */
    List<IssuedCreditNote> creditReturnedLines(UUID orderId, List<ReturnedLine> lines, String reason);

    record ReturnedLine(int orderLineNumber, long quantity) {}

    record IssuedCreditNote(UUID id, String number, UUID invoiceId, String invoiceNumber, Money total) {}
}
