package org.ordo.invoicing;

import java.util.UUID;

/** An invoice or credit note was voided; it keeps its number. */
public record InvoiceVoided(UUID invoiceId, String number, DocumentType type, UUID orderId, UUID customerId, String reason) {}
