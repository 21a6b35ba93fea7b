package org.ordo.invoicing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * An invoice or credit note as the API shows it and as the audit trail records it. {@code number}, {@code issueDate} and
 * {@code dueDate} are null while DRAFT. {@code amountDue} = total − amountCredited − amountPaid for invoices, zero for credit
 * notes (they settle against their invoice). {@code supplyDate} is the date of supply (EN 16931 BT-72): the day the
 * invoice's shipment left the warehouse; a credit note keeps its invoice's; null on invoices of orders.
 */
record Invoice(
        UUID id,
        String number,
        DocumentType type,
        InvoiceStatus status,
        UUID orderId,
        String orderNumber,
        String orderReference,
        UUID shipmentId,
        String shipmentNumber,
        UUID originalInvoiceId,
        String originalInvoiceNumber,
        UUID customerId,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        LocalDate supplyDate,
        int paymentTermsDays,
        Party seller,
        Party buyer,
        Address shipTo,
        List<InvoiceLine> lines,
        List<TaxSubtotal> taxSummary,
        Totals totals,
        Money amountCredited,
        Money amountPaid,
        Money amountDue,
        String reason,
        String voidReason,
        Instant createdAt,
        String createdBy,
        Instant issuedAt,
        Instant voidedAt,
        long version) {

    InvoiceLine line(int lineNumber) {
        return lines.stream()
                .filter(l -> l.lineNumber() == lineNumber)
                .findFirst()
                .orElse(null);
    }

    /** The shipping charge split over the tax groups of the lines, as it is taxed. */
    List<ShippingShare> shippingShares() {
        return ShippingShare.of(lines, totals.shipping());
    }

    boolean isCreditNote() {
        return type == DocumentType.CREDIT_NOTE;
    }
}
