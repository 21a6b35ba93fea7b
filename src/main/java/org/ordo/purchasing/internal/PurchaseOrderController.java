package org.ordo.purchasing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.platform.Idempotency;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/purchase-orders}: buyers write, send, confirm, cancel and close purchase orders; the warehouse reads them
 * and books what arrived. {@code {id}} is the id or the number ({@code PO-000001}).
 */
@RestController
@Tag(name = "Purchase orders")
class PurchaseOrderController {

    static final String RECEIVERS = "hasAnyRole('ADMIN','WAREHOUSE')";

    /** What the idempotency record compares: the purchase order and the body. */
    record Keyed(String purchaseOrder, Object body) {}

    private final PurchaseOrderService management;
    private final PurchaseOrderStore store;
    private final PurchaseOrderPdfRenderer pdf;
    private final Idempotency idempotency;

    PurchaseOrderController(
            PurchaseOrderService management,
            PurchaseOrderStore store,
            PurchaseOrderPdfRenderer pdf,
            Idempotency idempotency) {
        this.management = management;
        this.store = store;
        this.pdf = pdf;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/purchase-orders")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(
            summary = "Write a purchase order (DRAFT)",
            description =
                    "{supplierId, warehouse, lines: [{sku, quantity, unitPrice?}]}. A line without unitPrice takes "
                            + "the supplier's offer; a SKU the supplier does not offer needs one (else 422 naming "
                            + "lines[i].unitPrice). Honours Idempotency-Key.")
    ResponseEntity<?> create(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) PurchaseOrderService.CreatePurchaseOrder request) {
        return idempotency.execute("purchase-orders", idempotencyKey, request, () -> {
            PurchaseOrder po = management.create(request);
            return ResponseEntity.created(URI.create("/api/purchase-orders/" + po.id))
                    .body(view(po));
        });
    }

    @GetMapping("/api/purchase-orders")
    @PreAuthorize(SupplierController.BUYERS_AND_WAREHOUSE)
    @Operation(
            summary = "Search purchase orders",
            description = "Newest first; filters status (repeatable), supplierId, sku, warehouse.")
    PageResult<PurchaseOrderStore.PurchaseOrderSummary> search(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) UUID supplierId,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<FieldViolation> problems = new ArrayList<>();
        List<PurchaseOrderStatus> statuses = new ArrayList<>();
        for (String s : status == null ? List.<String>of() : status) {
            try {
                statuses.add(PurchaseOrderStatus.valueOf(s));
            } catch (IllegalArgumentException e) {
                problems.add(CommonRule.ONE_OF.at("status", List.of(PurchaseOrderStatus.values())));
            }
        }
        Paging paging = Paging.of(page, size);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        return store.search(new PurchaseOrderStore.SearchFilter(statuses, supplierId, sku, warehouse), paging);
    }

    @GetMapping("/api/purchase-orders/{id}")
    @PreAuthorize(SupplierController.BUYERS_AND_WAREHOUSE)
    @Transactional(readOnly = true)
    PurchaseOrderViews.PurchaseOrderView get(@PathVariable String id) {
        return view(found(id));
    }

    @GetMapping("/api/purchase-orders/{id}/pdf")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(summary = "The purchase order as PDF, for the supplier")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        PurchaseOrder po = found(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + po.number + ".pdf\"")
                .body(pdf.render(po));
    }

    @PutMapping("/api/purchase-orders/{id}/lines")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(
            summary = "Replace a DRAFT's lines",
            description = "{lines: [{sku, quantity, unitPrice?}]}, priced as on creation; 409 once sent.")
    PurchaseOrderViews.PurchaseOrderView replaceLines(
            @PathVariable String id, @RequestBody(required = false) PurchaseOrderService.PurchaseOrderLines request) {
        return view(management.replaceLines(id, request));
    }

    @PostMapping("/api/purchase-orders/{id}/send")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(summary = "Send to the supplier", description = "DRAFT → SENT (else 409).")
    PurchaseOrderViews.PurchaseOrderView send(@PathVariable String id) {
        return view(management.send(id));
    }

    @PostMapping("/api/purchase-orders/{id}/confirm")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(
            summary = "Record the supplier's confirmed dates",
            description = "{lines: [{lineNumber, confirmedDate}]}. SENT → CONFIRMED; from CONFIRMED or "
                    + "PARTIALLY_RECEIVED a later date records a delay (else 409).")
    PurchaseOrderViews.PurchaseOrderView confirm(
            @PathVariable String id, @RequestBody(required = false) PurchaseOrderService.ConfirmationInput request) {
        return view(management.confirm(id, request));
    }

    @PostMapping("/api/purchase-orders/{id}/cancel")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(summary = "Cancel", description = "{reason?}; from DRAFT, SENT or CONFIRMED, while nothing arrived.")
    PurchaseOrderViews.PurchaseOrderView cancel(
            @PathVariable String id, @RequestBody(required = false) PurchaseOrderService.PurchaseOrderNote request) {
        return view(management.cancel(id, request));
    }

    @PostMapping("/api/purchase-orders/{id}/close")
    @PreAuthorize(SupplierController.BUYERS)
    @Operation(
            summary = "Close",
            description = "{reason?}; from PARTIALLY_RECEIVED (the rest will not come) or RECEIVED.")
    PurchaseOrderViews.PurchaseOrderView close(
            @PathVariable String id, @RequestBody(required = false) PurchaseOrderService.PurchaseOrderNote request) {
        return view(management.close(id, request));
    }

    @PostMapping("/api/purchase-orders/{id}/receipts")
    @PreAuthorize(RECEIVERS)
    @Operation(
            summary = "Book what arrived",
            description = "{lines: [{lineNumber, quantity}], reason?} at the purchase order's warehouse: a RECEIPT "
                    + "movement per line (reference PO-000001/1), which fills waiting backorders oldest first. At most "
                    + "ordered + ordo.purchasing.receipt-tolerance-percent in all; beyond ordered needs a reason. "
                    + "409 from DRAFT, RECEIVED, CLOSED or CANCELLED. Honours Idempotency-Key.")
    ResponseEntity<?> receive(
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) PurchaseOrderService.ReceiptInput request) {
        return idempotency.execute("purchase-receipts", idempotencyKey, new Keyed(id, request), () -> {
            PurchaseOrder po = management.receive(id, request);
            return ResponseEntity.created(URI.create("/api/purchase-orders/" + po.id))
                    .body(view(po));
        });
    }

    private PurchaseOrder found(String id) {
        return store.find(id).orElseThrow(() -> OrdoException.notFound("Purchase order", id));
    }

    private PurchaseOrderViews.PurchaseOrderView view(PurchaseOrder po) {
        return PurchaseOrderViews.view(po, store.receipts(po.id), store.history(po.id));
    }
}
