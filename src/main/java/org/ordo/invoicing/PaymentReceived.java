package org.ordo.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Money was received from a customer and recorded as a payment of {@code amount} in {@code currency}; {@code allocated} of it
 * went to invoices at once (those named, or the oldest open ones), the rest stays on the customer's account.
 * <p>
 * Published in the transaction that records the payment (the payment API, the accounting pages,
 * {@link CustomerAccounts#receivePayment}). Allocating money from the account later publishes no second one.
 */
public record PaymentReceived(
        UUID paymentId, UUID customerId, BigDecimal amount, BigDecimal allocated, String currency) {}
