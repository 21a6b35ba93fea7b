package org.ordo.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code amount} in {@code currency} that a payment had on the customer's account was paid back to the customer;
 * {@code refundId} names this refund of the payment.
 * <p>
 * Published in the transaction that records the refund: a refund of one payment (the payment API), or a refund of money on
 * account ({@link CustomerAccounts#refundOnAccount}, e.g. when a return's due refund is recorded as paid), which takes the
 * money from the oldest payments first and publishes one event per payment it takes from.
 */
public record PaymentRefunded(
        UUID paymentId, UUID refundId, UUID customerId, BigDecimal amount, String currency, String reason) {}
