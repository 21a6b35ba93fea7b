package org.ordo.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An invoice or credit note was issued and numbered. {@code total} is negative for credit notes;
 * {@code originalInvoiceId} is the credited invoice (null for invoices).
 */
public record InvoiceIssued(UUID invoiceId, String number, DocumentType type, UUID orderId, UUID customerId, UUID originalInvoiceId,
        BigDecimal total, String currency) {}
