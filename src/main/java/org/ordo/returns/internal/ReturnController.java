package org.ordo.returns.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.ETags;
import org.ordo.platform.Idempotency;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.returns.ReturnStatus;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/returns}: customer service (and a customer's own user, for its own orders) requests; customer service and
 * sales approve or reject; the warehouse, or the service desk the goods were brought to, receives and inspects; customer
 * service and accounting resolve; accounting records refunds. A customer's own user sees only its own returns; any other is a 404 to it.
 */
@RestController
@Tag(name = "Returns")
class ReturnController {

    private static final String READERS = "hasAnyRole('ADMIN','SALES','WAREHOUSE','ACCOUNTING','SUPPORT','CUSTOMER')";
    private static final String REQUESTERS = "hasAnyRole('ADMIN','SALES','SUPPORT','CUSTOMER')";
    private static final String APPROVERS = "hasAnyRole('ADMIN','SALES','SUPPORT')";
    /** The goods arrive in the warehouse, or are brought to the service desk. */
    private static final String RECEIVERS = "hasAnyRole('ADMIN','WAREHOUSE','SUPPORT')";

    private static final String INSPECTORS = "hasAnyRole('ADMIN','WAREHOUSE','SUPPORT')";
    private static final String RESOLVERS = "hasAnyRole('ADMIN','SUPPORT','ACCOUNTING')";
    private static final String ACCOUNTANTS = "hasAnyRole('ADMIN','ACCOUNTING')";

    /** What the idempotency record compares: the order and the body. */
    record Keyed(String order, Object body) {}

    private final ReturnService management;
    private final ReturnStore store;
    private final Orders orders;
    private final Idempotency idempotency;

    ReturnController(ReturnService management, ReturnStore store, Orders orders, Idempotency idempotency) {
        this.management = management;
        this.store = store;
        this.orders = orders;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/orders/{id}/returns")
    @PreAuthorize(REQUESTERS)
    @Operation(
            summary = "Request a return (RMA)",
            description =
                    "{lines: [{lineNumber, quantity, reason}], resolution: REFUND|REPLACE|CREDIT, "
                            + "note}. reason: WRONG_ITEM, DAMAGED, DEFECTIVE, NOT_AS_DESCRIBED, NOT_NEEDED or OTHER (OTHER needs the note). Per line at "
                            + "most shipped − returned − requested on open returns; more is a 422 naming lines[i].quantity. Honours Idempotency-Key.")
    ResponseEntity<?> request(
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) ReturnService.RequestReturn request) {
        return idempotency.execute("returns", idempotencyKey, new Keyed(id, request), () -> {
            ReturnViews.ReturnView view = view(management.request(id, request));
            return ResponseEntity.created(URI.create("/api/returns/" + view.id()))
                    .eTag(ETags.of(view.version()))
                    .body(view);
        });
    }

    @GetMapping("/api/returns")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Search returns",
            description = "Newest first; filters status (repeatable), orderId (id or number), customerId, "
                    + "refundStatus (DUE: refunds still to be paid back).")
    PageResult<ReturnStore.Summary> search(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String refundStatus,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<FieldViolation> problems = new ArrayList<>();
        List<ReturnStatus> statuses = new ArrayList<>();
        if (status != null) {
            for (String s : status) {
                try {
                    statuses.add(ReturnStatus.valueOf(s));
                } catch (IllegalArgumentException e) {
                    problems.add(CommonRule.ONE_OF.at("status", List.of(ReturnStatus.values())));
                }
            }
        }
        if (refundStatus != null && !List.of("DUE", "REFUNDED").contains(refundStatus)) {
            problems.add(new FieldViolation("refundStatus", "must be DUE or REFUNDED"));
        }
        Paging paging = Paging.of(page, size);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        PageResult<ReturnStore.Summary> none = new PageResult<>(List.of(), paging.page(), paging.size(), 0);
        UUID order = null;
        if (orderId != null) {
            order = orders.find(orderId).map(OrderSnapshot::id).orElse(null);
            if (order == null) {
                return none;
            }
        }
        Actor actor = Actor.current();
        if (actor.isCustomer()) {
            UUID own = actor.customerId() == null ? new UUID(0, 0) : actor.customerId();
            if (customerId != null && !customerId.equals(own)) {
                return none;
            }
            customerId = own;
        }
        return store.search(new ReturnStore.SearchFilter(statuses, order, customerId, refundStatus), paging);
    }

    @GetMapping("/api/returns/{id}")
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    ResponseEntity<ReturnViews.ReturnView> get(@PathVariable String id) {
        Rma rma = store.find(id).orElseThrow(() -> OrdoException.notFound("Return", id));
        Actor actor = Actor.current();
        if (actor.isCustomer() && !rma.customerId.equals(actor.customerId())) {
            throw OrdoException.notFound("Return", id);
        }
        return withETag(view(rma));
    }

    @PostMapping("/api/returns/{id}/approve")
    @PreAuthorize(APPROVERS)
    ResponseEntity<ReturnViews.ReturnView> approve(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(view(management.approve(id, ifMatch)));
    }

    @PostMapping("/api/returns/{id}/reject")
    @PreAuthorize(APPROVERS)
    @Operation(summary = "Reject a return", description = "{reason}; only while REQUESTED or APPROVED (else 409).")
    ResponseEntity<ReturnViews.ReturnView> reject(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ReturnService.Reject request) {
        return withETag(view(management.reject(id, ifMatch, request)));
    }

    @PostMapping("/api/returns/{id}/receive")
    @PreAuthorize(RECEIVERS)
    @Operation(
            summary = "Receive the goods",
            description = "{restock?, lines?: [{lineNumber, quantity, restock?, warehouse?}]}. Without "
                    + "lines everything requested arrived; restock (default true) applies to lines that do not say; restocked units go where "
                    + "the line shipped from unless a warehouse is named. Restocked units go back on hand with a RETURN "
                    + "movement (backorders may then be filled); scrapped ones (restock: false) are only recorded. Both count as returned on "
                    + "the order lines.")
    ResponseEntity<ReturnViews.ReturnView> receive(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ReturnService.Receive request) {
        return withETag(view(management.receive(id, ifMatch, request)));
    }

    @PostMapping("/api/returns/{id}/inspect")
    @PreAuthorize(INSPECTORS)
    ResponseEntity<ReturnViews.ReturnView> inspect(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ReturnService.Inspect request) {
        return withETag(view(management.inspect(id, ifMatch, request)));
    }

    @PostMapping("/api/returns/{id}/resolve")
    @PreAuthorize(RESOLVERS)
    @Operation(
            summary = "Carry out the resolution",
            description = "For what was received. REFUND: credit notes against the invoices that "
                    + "billed the goods and a refund due of their amount (REFUNDED until recorded with /refund). CREDIT: credit notes on the "
                    + "customer's account, then CLOSED. REPLACE: a free replacement order (external reference = the RMA number), then CLOSED. "
                    + "409 return-not-invoiced while the goods' invoices are not issued yet.")
    ResponseEntity<ReturnViews.ReturnView> resolve(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(view(management.resolve(id, ifMatch)));
    }

    @PostMapping("/api/returns/{id}/refund")
    @PreAuthorize(ACCOUNTANTS)
    @Operation(
            summary = "Record the refund as paid",
            description = "{reference} of the payment back to the customer; the return is CLOSED.")
    ResponseEntity<ReturnViews.ReturnView> refund(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ReturnService.Refund request) {
        return withETag(view(management.refund(id, ifMatch, request)));
    }

    private ReturnViews.ReturnView view(Rma rma) {
        return ReturnViews.view(rma, store.history(rma.id));
    }

    private static ResponseEntity<ReturnViews.ReturnView> withETag(ReturnViews.ReturnView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
