package org.ordo.invoicing;

import java.util.UUID;

/**
 * An issued invoice or credit note was voided: it no longer bills (or credits) anything, and it keeps its number so that the
 * series stays gapless. A voided credit note gives its invoice back what it had credited.
 * <p>
 * Published in the transaction that voids it (the invoice API, the accounting pages); only documents nothing has been paid on
 * can be voided. {@code reason} is the one given, or null.
 */
public record InvoiceVoided(
        UUID invoiceId,
        String number,
        DocumentType type,
        UUID orderId,
        String orderNumber,
        UUID customerId,
        String reason) {}
