package org.ordo.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A return resolved as REFUND freed money the customer had already paid: {@code amount} (positive) in {@code currency} is to
 * be paid back to the customer. {@code creditNotes} are the numbers of the credit notes the return issued.
 * <p>
 * Published in the transaction that resolves the return, when its credit notes reduced invoices that were paid; when they
 * only lowered what was owed, nothing is due and none is published. The refund stays due on the return (REFUNDED, refund
 * status DUE) until it is recorded as paid back ({@code POST /api/returns/{id}/refund}), which publishes
 * {@link org.ordo.invoicing.PaymentRefunded}.
 */
public record ReturnRefundDue(
        UUID returnId,
        String number,
        UUID orderId,
        String orderNumber,
        UUID customerId,
        BigDecimal amount,
        String currency,
        List<String> creditNotes) {}
