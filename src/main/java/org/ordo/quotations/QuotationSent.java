package org.ordo.quotations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A quotation, or a new revision of it, was sent: the notifications module e-mails it to the customer with its PDF.
 * Listeners must be idempotent (the quotation and revision are unique): after a crash the event is delivered again.
 */
public record QuotationSent(
        UUID quotationId,
        String number,
        int revision,
        UUID customerId,
        LocalDate validUntil,
        BigDecimal total,
        String currency) {}
