package org.ordo.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The dunning run sent a payment reminder of {@code level} (1 a friendly reminder, 2 a second one, 3 the final notice)
 * for an invoice {@code daysPastDue} days past its due date, with {@code amountDue} in {@code currency} still open.
 * Published in the transaction that records the reminder; its letter is {@link Accounting#reminderLetter}.
 */
public record ReminderSent(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        int level,
        int daysPastDue,
        BigDecimal amountDue,
        String currency) {}
