package org.ordo.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The dunning run found an invoice past its due date with nothing paid, and it became OVERDUE. Published in the run's
 * transaction, once per invoice (an invoice never goes back to ISSUED). An invoice paid in part before its due date is
 * reminded but never OVERDUE, so it has no such event.
 */
public record InvoiceOverdue(
        UUID invoiceId,
        String number,
        UUID orderId,
        String orderNumber,
        UUID customerId,
        LocalDate dueDate,
        BigDecimal amountDue,
        String currency) {}
