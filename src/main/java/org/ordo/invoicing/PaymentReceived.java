package org.ordo.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/** A payment was recorded; {@code allocated} of its {@code amount} went to invoices at once, the rest is on account. */
public record PaymentReceived(UUID paymentId, UUID customerId, BigDecimal amount, BigDecimal allocated, String currency) {}
