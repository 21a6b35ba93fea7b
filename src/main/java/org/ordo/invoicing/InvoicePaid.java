package org.ordo.invoicing;

import java.util.UUID;

/** Nothing is due on an invoice any more (payments allocated, net of its credit notes). */
public record InvoicePaid(UUID invoiceId, String number, UUID orderId, UUID customerId) {}
