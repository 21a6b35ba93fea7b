package org.ordo.invoicing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.ordo.invoicing.ShipmentCredits;
import org.ordo.platform.Idempotency;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/shipments/{id}/credit}: the delivery desk makes a customer whole in money for a parcel in trouble.
 * Customer service talks to the customer and decides at the desk; accounting owns the money and may do the same; the
 * warehouse, who may re-ship, may not pay out.
 */
@RestController
@Tag(name = "Invoices")
class DeliveryCreditController {

    static final String DESK_MONEY = "hasAnyRole('ADMIN','ACCOUNTING','SUPPORT')";

    private final DeliveryCreditService credits;
    private final Idempotency idempotency;

    DeliveryCreditController(DeliveryCreditService credits, Idempotency idempotency) {
        this.credits = credits;
        this.idempotency = idempotency;
    }

    record Keyed(String shipment, DeliveryCreditService.ShipmentCredit request) {}

    @PostMapping("/api/shipments/{id}/credit")
    @PreAuthorize(DESK_MONEY)
    @Operation(
            summary = "Credit or refund a parcel in trouble",
            description = "{mode: CREDIT|REFUND, amount?, reason}: for a shipment in EXCEPTION, a credit note against "
                    + "the invoice that billed it (the net amount given, else its goods left to credit); REFUND also pays "
                    + "back what the credit frees of money paid (a 422 naming mode when the invoice is unpaid). More "
                    + "than is left to credit is a 422 naming amount. A parcel lost or damaged is written off and closed "
                    + "as LOST. Honours Idempotency-Key.")
    ResponseEntity<?> credit(
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody DeliveryCreditService.ShipmentCredit request) {
        return idempotency.execute("shipment-credit", idempotencyKey, new Keyed(id, request), () -> {
            ShipmentCredits.Credited credited = credits.credit(id, request);
            return ResponseEntity.created(URI.create("/api/invoices/" + credited.creditNoteId()))
                    .body(credited);
        });
    }
}
