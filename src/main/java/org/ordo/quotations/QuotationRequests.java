package org.ordo.quotations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.pricing.Pricing;
import org.ordo.shared.Money;

/** The request and answer bodies of {@code /api/quotations} (docs/api.md), also what {@link Quotations} takes and gives. */
public final class QuotationRequests {

    private QuotationRequests() {}

    /** {@code currency} may be null (the customer's); a line's {@code discount} may be null. */
    public record CreateQuotation(
            UUID customerId, String currency, LocalDate validUntil, List<LineRequest> lines, String note) {}

    /** A revision: new validity, lines and note (null keeps the validity and note). */
    public record ReviseQuotation(LocalDate validUntil, List<LineRequest> lines, String note) {}

    public record LineRequest(String sku, Long quantity, Pricing.ManualDiscount discount) {}

    public record QuotationView(
            UUID id,
            String number,
            int revision,
            QuotationStatus status,
            UUID customerId,
            String currency,
            LocalDate validUntil,
            String note,
            Money total,
            UUID orderId,
            Instant createdAt,
            Instant sentAt,
            Instant decidedAt,
            List<LineView> lines,
            List<RevisionView> earlierRevisions) {}

    public record LineView(
            int lineNumber,
            String sku,
            long quantity,
            BigDecimal discountPercent,
            Money discountAmount,
            Money listPrice,
            Money unitPrice,
            Money lineTotal) {}

    public record RevisionView(int revision, LocalDate validUntil, Money total, Instant sentAt, List<LineView> lines) {}

    /** The quotation as the customer reads it, ready to download or attach. */
    public record Pdf(String fileName, byte[] content) {}
}
