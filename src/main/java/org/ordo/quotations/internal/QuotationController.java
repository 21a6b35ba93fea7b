package org.ordo.quotations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.orders.OrderSnapshot;
import org.ordo.platform.Idempotency;
import org.ordo.platform.Paging;
import org.ordo.quotations.QuotationStatus;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/quotations}: sales write, send and revise quotations; sales or the customer accept or decline them. A
 * customer sees only their own quotations once sent; any other is a 404. {@code {id}} is the id or the number.
 */
@RestController
@Tag(name = "Quotations")
class QuotationController {

    static final String SELLERS = "hasAnyRole('ADMIN','SALES')";
    static final String SELLERS_AND_CUSTOMERS = "hasAnyRole('ADMIN','SALES','CUSTOMER')";

    record QuotationView(
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

    record LineView(
            int lineNumber,
            String sku,
            long quantity,
            java.math.BigDecimal discountPercent,
            Money discountAmount,
            Money listPrice,
            Money unitPrice,
            Money lineTotal) {}

    record RevisionView(int revision, LocalDate validUntil, Money total, Instant sentAt, List<LineView> lines) {}

    private final QuotationService quotations;
    private final QuotationStore store;
    private final QuotationPdfRenderer pdf;
    private final Idempotency idempotency;

    QuotationController(
            QuotationService quotations, QuotationStore store, QuotationPdfRenderer pdf, Idempotency idempotency) {
        this.quotations = quotations;
        this.store = store;
        this.pdf = pdf;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/quotations")
    @PreAuthorize(SELLERS)
    @Operation(
            summary = "Write a quotation (DRAFT)",
            description = "{customerId, currency?, validUntil, lines: [{sku, quantity, discount?}], note?}. Lines are "
                    + "priced as an order placed today would be. Honours Idempotency-Key.")
    ResponseEntity<?> create(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) QuotationService.CreateQuotation request) {
        return idempotency.execute("quotations", idempotencyKey, request, () -> {
            Quotation q = quotations.create(request);
            return ResponseEntity.created(URI.create("/api/quotations/" + q.id()))
                    .body(view(q, List.of()));
        });
    }

    @GetMapping("/api/quotations")
    @PreAuthorize(SELLERS_AND_CUSTOMERS)
    @Operation(summary = "Search quotations", description = "Newest first; a customer sees their own sent ones.")
    List<QuotationView> search(
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) QuotationStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        quotations.expireDue();
        Paging paging = Paging.of(page, size);
        Actor actor = Actor.current();
        UUID whose = actor.isCustomer() ? actor.customerId() : customerId;
        return store.search(whose, status, paging.offset(), paging.size()).stream()
                .filter(q -> !actor.isCustomer() || q.status() != QuotationStatus.DRAFT)
                .map(q -> view(q, List.of()))
                .toList();
    }

    @GetMapping("/api/quotations/{id}")
    @PreAuthorize(SELLERS_AND_CUSTOMERS)
    @Operation(summary = "A quotation with its earlier revisions")
    QuotationView get(@PathVariable String id) {
        quotations.expireDue();
        Quotation q = visible(id);
        return view(q, store.earlierRevisions(q.id()));
    }

    @GetMapping("/api/quotations/{id}/pdf")
    @PreAuthorize(SELLERS_AND_CUSTOMERS)
    @Operation(summary = "The quotation as a PDF for the customer")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Quotation q = visible(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + q.number() + ".pdf\"")
                .body(pdf.render(q));
    }

    @PutMapping("/api/quotations/{id}")
    @PreAuthorize(SELLERS)
    @Operation(
            summary = "Revise a quotation",
            description = "{validUntil?, lines, note?}. A DRAFT changes in place; a SENT quotation gets a new revision,"
                    + " priced today and sent, and the earlier one stays readable. Other states: 409.")
    QuotationView revise(
            @PathVariable String id, @RequestBody(required = false) QuotationService.ReviseQuotation request) {
        Quotation q = quotations.revise(visible(id).id(), request);
        return view(q, store.earlierRevisions(q.id()));
    }

    @PostMapping("/api/quotations/{id}/send")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Send a DRAFT quotation: its prices are fixed until its validity date")
    QuotationView send(@PathVariable String id) {
        return view(quotations.send(visible(id).id()), List.of());
    }

    @PostMapping("/api/quotations/{id}/accept")
    @PreAuthorize(SELLERS_AND_CUSTOMERS)
    @Operation(
            summary = "Accept a SENT quotation: answers with the order placed at the quoted prices",
            description = "Stock is reserved and credit checked now. Accepting again answers with the same order; an "
                    + "expired or declined quotation is a 409.")
    ResponseEntity<OrderSnapshot> accept(@PathVariable String id) {
        UUID quotationId = visible(id).id();
        quotations.expireDue();
        OrderSnapshot order = quotations.accept(quotationId);
        return ResponseEntity.ok()
                .location(URI.create("/api/orders/" + order.id()))
                .body(order);
    }

    @PostMapping("/api/quotations/{id}/decline")
    @PreAuthorize(SELLERS_AND_CUSTOMERS)
    @Operation(summary = "Decline a SENT quotation")
    QuotationView decline(@PathVariable String id) {
        quotations.expireDue();
        return view(quotations.decline(visible(id).id()), List.of());
    }

    /** The quotation, or 404 when it does not exist or the customer asking may not see it. */
    private Quotation visible(String idOrNumber) {
        UUID id;
        try {
            id = UUID.fromString(idOrNumber);
        } catch (IllegalArgumentException e) {
            id = store.idOfNumber(idOrNumber).orElse(null);
        }
        Quotation q = id == null ? null : store.find(id, false).orElse(null);
        Actor actor = Actor.current();
        if (q == null
                || (actor.isCustomer()
                        && (!q.customerId().equals(actor.customerId()) || q.status() == QuotationStatus.DRAFT))) {
            throw OrdoException.notFound("Quotation", idOrNumber);
        }
        return q;
    }

    static QuotationView view(Quotation q, List<Quotation.Revision> earlier) {
        return new QuotationView(
                q.id(),
                q.number(),
                q.revision(),
                q.status(),
                q.customerId(),
                q.currency(),
                q.validUntil(),
                q.note(),
                Money.of(q.total(), q.currency()),
                q.orderId(),
                q.createdAt(),
                q.sentAt(),
                q.decidedAt(),
                lines(q.lines(), q.currency()),
                earlier.stream()
                        .map(r -> new RevisionView(
                                r.revision(),
                                r.validUntil(),
                                Money.of(r.total(), q.currency()),
                                r.sentAt(),
                                lines(r.lines(), q.currency())))
                        .toList());
    }

    private static List<LineView> lines(List<Quotation.Line> lines, String currency) {
        return lines.stream()
                .map(l -> new LineView(
                        l.lineNumber(),
                        l.sku(),
                        l.quantity(),
                        l.discountPercent(),
                        l.discountAmount() == null ? null : Money.of(l.discountAmount(), currency),
                        Money.of(l.listPrice(), currency),
                        Money.of(l.unitPrice(), currency),
                        Money.of(l.lineTotal(), currency)))
                .toList();
    }
}
