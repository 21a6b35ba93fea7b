package org.ordo.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A REFUND return issued its credit notes: {@code amount} (positive) is to be paid back to the customer. It stays due on
 * the return until the refund is recorded ({@code POST /api/returns/{id}/refund}). Listeners must be idempotent.
 */
public record ReturnRefundDue(UUID returnId, String number, UUID orderId, UUID customerId, BigDecimal amount, String currency,
        List<String> creditNotes) {}
