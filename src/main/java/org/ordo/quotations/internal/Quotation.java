package org.ordo.quotations.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.quotations.QuotationStatus;

/** A quotation as stored: its current revision's lines; earlier revisions are read apart. */
record Quotation(
        UUID id,
        String number,
        UUID customerId,
        String currency,
        LocalDate validUntil,
        String note,
        QuotationStatus status,
        int revision,
        BigDecimal total,
        UUID orderId,
        String createdBy,
        Instant createdAt,
        Instant sentAt,
        Instant decidedAt,
        long version,
        List<Line> lines) {

    /** {@code unitPrice}: the net price the pricing rules gave (fixed once sent); the discount is null without one. */
    record Line(
            int lineNumber,
            String sku,
            long quantity,
            BigDecimal discountPercent,
            BigDecimal discountAmount,
            BigDecimal listPrice,
            BigDecimal unitPrice) {

        BigDecimal lineTotal() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** An earlier revision: what was sent, until when it was valid, and its lines. */
    record Revision(int revision, LocalDate validUntil, BigDecimal total, Instant sentAt, List<Line> lines) {}
}
