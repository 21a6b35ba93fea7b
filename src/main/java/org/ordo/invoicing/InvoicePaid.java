package org.ordo.invoicing;

import java.util.UUID;

/**
 * Nothing is due on an invoice any more: the payments allocated to it cover its total less its credit notes, and it is PAID
 * for good.
 * <p>
 * Published in the transaction that settles it: a payment allocated to it (received, or allocated later from the customer's
 * account) pays the rest, or a credit note on an invoice paid in part credits the rest. At most once per invoice.
 */
public record InvoicePaid(UUID invoiceId, String number, UUID orderId, String orderNumber, UUID customerId) {}
