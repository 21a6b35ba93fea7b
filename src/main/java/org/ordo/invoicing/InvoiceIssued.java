package org.ordo.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An invoice or credit note was issued: it has its number and from now on bills (or credits) the customer.
 * <p>
 * Published in the transaction that issues it: an invoice when a shipment of an ON_SHIPMENT customer is invoiced or an order
 * of an ON_ORDER customer is accepted; a credit note when an invoice is credited (the invoice API, the accounting pages, a
 * resolved return). {@code total} is gross, in {@code currency}, and negative for a credit note. {@code originalInvoiceId}
 * and {@code originalInvoiceNumber} name the credited invoice of a credit note and are null for an invoice.
 */
public record InvoiceIssued(
        UUID invoiceId,
        String number,
        DocumentType type,
        UUID orderId,
        String orderNumber,
        UUID customerId,
        UUID originalInvoiceId,
        String originalInvoiceNumber,
        BigDecimal total,
        String currency) {}
