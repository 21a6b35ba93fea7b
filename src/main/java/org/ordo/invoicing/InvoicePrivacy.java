package org.ordo.invoicing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The personal data invoicing holds about a customer, for its export and erasure (docs/domain.md, "Personal data"). An
 * issued invoice or credit note is a tax document: within the legal retention period it is never altered, so erasure
 * reaches only documents issued before the end of that period.
 */
public interface InvoicePrivacy {

    /** The customer's invoices and credit notes as issued, their lines and reminders, and its payments with their use. */
    InvoiceData personalData(UUID customerId);

    record InvoiceData(
            List<Map<String, Object>> invoices,
            List<Map<String, Object>> lines,
            List<Map<String, Object>> reminders,
            List<Map<String, Object>> payments,
            List<Map<String, Object>> allocations,
            List<Map<String, Object>> refunds) {}

    /**
     * Replaces the buyer's and delivery names, addresses (but the country) and e-mail on the customer's documents issued
     * before {@code issuedBefore} by the erasure marker, inside the caller's transaction; returns how many. Amounts,
     * numbers, lines, VAT ids and payments stay: the books must still add up.
     */
    int eraseIssuedBefore(UUID customerId, Instant issuedBefore);
}
