package org.ordo.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/** Money a payment had on account was paid back to the customer. */
public record PaymentRefunded(UUID paymentId, UUID refundId, UUID customerId, BigDecimal amount, String currency, String reason) {}
