package org.ordo.quotations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.ordo.orders.OrderSnapshot;
import org.ordo.platform.Idempotency;
import org.ordo.quotations.QuotationRequests;
import org.ordo.quotations.QuotationRequests.QuotationView;
import org.ordo.quotations.QuotationStatus;
import org.ordo.quotations.Quotations;
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

    private final Quotations quotations;
    private final Idempotency idempotency;

    QuotationController(Quotations quotations, Idempotency idempotency) {
        this.quotations = quotations;
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
            @RequestBody(required = false) QuotationRequests.CreateQuotation request) {
        return idempotency.execute("quotations", idempotencyKey, request, () -> {
            QuotationView q = quotations.create(request);
            return ResponseEntity.created(URI.create("/api/quotations/" + q.id()))
                    .body(q);
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
        return quotations.search(customerId, status, page, size);
    }

    @GetMapping("/api/quotations/{id}")
    @PreAuthorize(SELLERS_AND_CUSTOMERS)
    @Operation(summary = "A quotation with its earlier revisions")
    QuotationView get(@PathVariable String id) {
        return quotations.get(id);
    }

    @GetMapping("/api/quotations/{id}/pdf")
    @PreAuthorize(SELLERS_AND_CUSTOMERS)
    @Operation(summary = "The quotation as a PDF for the customer")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        QuotationRequests.Pdf pdf = quotations.pdf(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + pdf.fileName() + "\"")
                .body(pdf.content());
    }

    @PutMapping("/api/quotations/{id}")
    @PreAuthorize(SELLERS)
    @Operation(
            summary = "Revise a quotation",
            description = "{validUntil?, lines, note?}. A DRAFT changes in place; a SENT quotation gets a new revision,"
                    + " priced today and sent, and the earlier one stays readable. Other states: 409.")
    QuotationView revise(
            @PathVariable String id, @RequestBody(required = false) QuotationRequests.ReviseQuotation request) {
        return quotations.revise(id, request);
    }

    @PostMapping("/api/quotations/{id}/send")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Send a DRAFT quotation: its prices are fixed until its validity date")
    QuotationView send(@PathVariable String id) {
        return quotations.send(id);
    }

    @PostMapping("/api/quotations/{id}/accept")
    @PreAuthorize(SELLERS_AND_CUSTOMERS)
    @Operation(
            summary = "Accept a SENT quotation: answers with the order placed at the quoted prices",
            description = "Stock is reserved and credit checked now. Accepting again answers with the same order; an "
                    + "expired or declined quotation is a 409.")
    ResponseEntity<OrderSnapshot> accept(@PathVariable String id) {
        OrderSnapshot order = quotations.accept(id);
        return ResponseEntity.ok()
                .location(URI.create("/api/orders/" + order.id()))
                .body(order);
    }

    @PostMapping("/api/quotations/{id}/decline")
    @PreAuthorize(SELLERS_AND_CUSTOMERS)
    @Operation(summary = "Decline a SENT quotation")
    QuotationView decline(@PathVariable String id) {
        return quotations.decline(id);
    }
}
