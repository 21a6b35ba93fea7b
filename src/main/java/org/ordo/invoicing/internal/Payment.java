package org.ordo.invoicing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.invoicing.PaymentMethod;
import org.ordo.invoicing.PaymentStatus;
import org.ordo.shared.Money;

/**
 * A payment as the API shows it and the audit trail records it. {@code amountOnAccount} = amount − amountAllocated −
 * amountRefunded: the money not yet applied, which stays on the customer's account. {@code allocations} is the append-only
 * history: a negative entry gave money back to the account (a credit note reduced an invoice that was already paid).
 */
record Payment(
        UUID id,
        UUID customerId,
        PaymentStatus status,
        PaymentMethod method,
        String reference,
        LocalDate receivedOn,
        String currency,
        Money amount,
        Money amountAllocated,
        Money amountRefunded,
        Money amountOnAccount,
        List<Allocation> allocations,
        List<Refund> refunds,
        Instant createdAt,
        String createdBy,
        long version) {

    record Allocation(
            UUID invoiceId,
            String invoiceNumber,
            UUID orderId,
            String orderNumber,
            Money amount,
            String note,
            Instant allocatedAt,
            String allocatedBy) {}

    record Refund(UUID id, Money amount, String reason, Instant refundedAt, String refundedBy) {}

    /** One allocation as the invoice shows it. */
    record InvoicePayment(
            UUID paymentId,
            PaymentMethod method,
            String reference,
            LocalDate receivedOn,
            Money amount,
            String note,
            Instant allocatedAt) {}

    Payment with(List<Allocation> allocations, List<Refund> refunds) {
        return new Payment(
                id,
                customerId,
                status,
                method,
                reference,
                receivedOn,
                currency,
                amount,
                amountAllocated,
                amountRefunded,
                amountOnAccount,
                allocations,
                refunds,
                createdAt,
                createdBy,
                version);
    }
}
