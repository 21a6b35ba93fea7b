package org.ordo.service.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.service.CaseStatus;
import org.ordo.service.CaseType;
import org.ordo.service.ServiceDesk;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/cases}: customer service (and administrators) open, work and answer cases; sales read them, as they read
 * a customer's other affairs. Customers reach their own cases through the portal pages only.
 */
@RestController
@Tag(name = "Service cases")
class CaseController {

    private static final String READERS = "hasAnyRole('ADMIN','SUPPORT','SALES')";
    private static final String WORKERS = "hasAnyRole('ADMIN','SUPPORT')";

    private final ServiceDesk desk;
    private final Orders orders;

    CaseController(ServiceDesk desk, Orders orders) {
        this.desk = desk;
        this.orders = orders;
    }

    @PostMapping("/api/cases")
    @PreAuthorize(WORKERS)
    @Operation(
            summary = "Open a case",
            description = "{customerId, orderId?, shipmentId?, invoiceId?, returnId?, type, subject, message}. type: "
                    + "INQUIRY, COMPLAINT, CHANGE_REQUEST or DELIVERY_PROBLEM. The order (id or number) must be the "
                    + "customer's, the shipment, invoice or return (id or number) the order's; the message is kept as an "
                    + "internal note. Numbered CASE-YYYY-NNNNNN; OPEN, with its targets from ordo.service.targets.")
    ResponseEntity<ServiceDesk.CaseView> open(@RequestBody(required = false) ServiceDesk.Open request) {
        ServiceDesk.CaseView view = desk.open(request);
        return ResponseEntity.created(URI.create("/api/cases/" + view.id())).body(view);
    }

    @GetMapping("/api/cases")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Search cases",
            description = "The most urgent target first, resolved and closed ones last; filters status (repeatable), "
                    + "type, customerId, assignee, orderId (id or number).")
    PageResult<ServiceDesk.Summary> search(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<FieldViolation> problems = new ArrayList<>();
        List<CaseStatus> statuses = new ArrayList<>();
        for (String s : status == null ? List.<String>of() : status) {
            CaseStatus one = CaseService.enumValue(CaseStatus.class, "status", s, problems);
            if (one != null) {
                statuses.add(one);
            }
        }
        CaseType caseType = type == null ? null : CaseService.enumValue(CaseType.class, "type", type, problems);
        Paging paging = Paging.of(page, size);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        UUID order = null;
        if (orderId != null) {
            order = orders.find(orderId).map(OrderSnapshot::id).orElse(null);
            if (order == null) {
                return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
            }
        }
        String who = assignee == null || assignee.isBlank() ? null : assignee.trim();
        return desk.search(new ServiceDesk.Search(statuses, caseType, customerId, who, order), paging);
    }

    @GetMapping("/api/cases/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A case", description = "With its links, targets and whole conversation; id or number.")
    ServiceDesk.CaseView get(@PathVariable String id) {
        return desk.find(id).orElseThrow(() -> OrdoException.notFound("Case", id));
    }

    @PatchMapping("/api/cases/{id}")
    @PreAuthorize(WORKERS)
    @Operation(
            summary = "Change a case",
            description = "{status?, assignee?, priority?}. status as the state table allows "
                    + "(OPEN → IN_PROGRESS / WAITING_ON_CUSTOMER → RESOLVED → CLOSED; RESOLVED → IN_PROGRESS reopens), else "
                    + "409; assignee a user name, \"\" unassigns; priority LOW, NORMAL, HIGH or URGENT.")
    ServiceDesk.CaseView change(@PathVariable String id, @RequestBody(required = false) ServiceDesk.Change change) {
        return desk.change(id, change);
    }

    @PostMapping("/api/cases/{id}/messages")
    @PreAuthorize(WORKERS)
    @Operation(
            summary = "Reply or note on a case",
            description = "{kind?, body}. kind STAFF_REPLY (default: e-mailed to the customer; the first one is the "
                    + "first response) or INTERNAL_NOTE (never shown to the customer). A closed case takes none (409).")
    ResponseEntity<ServiceDesk.CaseView> post(
            @PathVariable String id, @RequestBody(required = false) ServiceDesk.Post post) {
        return ResponseEntity.status(201).body(desk.post(id, post));
    }
}
