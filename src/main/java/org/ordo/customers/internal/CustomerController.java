package org.ordo.customers.internal;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.ordo.platform.ETags;
import org.ordo.platform.Idempotency;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.platform.RaceRetry;
import org.ordo.shared.ExternalReference;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/customers}: staff read, ADMIN and SALES create and change, ACCOUNTING changes credit terms.
 * A customer's own user reads only its own customer; any other id is a 404 to it, so ids cannot be probed.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private static final Role[] STAFF = {Role.ADMIN, Role.SALES, Role.WAREHOUSE, Role.ACCOUNTING, Role.SUPPORT};

    private final CustomerStore customers;
    private final CustomerService management;
    private final Idempotency idempotency;

    CustomerController(CustomerStore customers, CustomerService management, Idempotency idempotency) {
        this.customers = customers;
        this.management = management;
        this.idempotency = idempotency;
    }

    /** Honours an optional Idempotency-Key: customers have no natural key, so a retried POST must not create a twin. */
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SALES')")
    ResponseEntity<?> create(
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody CustomerRequest request) {
        return idempotency.execute("customers", idempotencyKey, request, () -> {
            Customer created = management.create(request);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/customers/" + created.id()))
                    .header(HttpHeaders.ETAG, ETags.of(created.version()))
                    .body(created);
        });
    }

    /**
     * Creates the customer an outside system's id names (201 with Location) or replaces its fields (200); the body is the
     * create's. Two first PUTs for one id at once create one customer.
     */
    @PutMapping("/external/{system}/{externalId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SALES')")
    ResponseEntity<Customer> upsert(
            @PathVariable String system, @PathVariable String externalId, @RequestBody CustomerRequest request) {
        ExternalReference ref = ExternalReference.of(system, externalId);
        CustomerService.Upserted done =
                RaceRetry.onDuplicateKey(() -> management.upsert(ref, request), () -> management.upsert(ref, request));
        ResponseEntity.BodyBuilder response = done.created()
                ? ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/customers/" + done.customer().id()))
                : ResponseEntity.ok();
        return response.header(HttpHeaders.ETAG, ETags.of(done.customer().version()))
                .body(done.customer());
    }

    /** {@code q} matches name or e-mail (any case). Ordered by name. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SALES', 'WAREHOUSE', 'ACCOUNTING', 'SUPPORT')")
    PageResult<Customer> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Actor actor = Actor.current();
        // a user that is both staff and a customer's own user still sees only its customer
        UUID onlyId = actor.isCustomer() ? ownCustomer(actor) : null;
        return customers.search(q, onlyId, Paging.of(page, size));
    }

    @GetMapping("/{id}")
    ResponseEntity<Customer> get(@PathVariable UUID id) {
        Actor actor = Actor.current();
        if (actor.isCustomer()) {
            if (!id.equals(actor.customerId())) {
                throw OrdoException.notFound("Customer", id);
            }
        } else if (!actor.hasAnyRole(STAFF)) {
            throw OrdoException.forbidden("You are not allowed to read customers.", List.of());
        }
        return ok(customers.customer(id).orElseThrow(() -> OrdoException.notFound("Customer", id)));
    }

    /** Partial update: only the fields present change; JSON null clears email, phone, addresses or preferredWarehouse. */
    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SALES', 'ACCOUNTING')")
    ResponseEntity<Customer> patch(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "Any of the customer's fields; null clears a nullable "
                                    + "one. ACCOUNTING may send only creditLimit and paymentTermsDays.",
                            content = @Content(schema = @Schema(implementation = CustomerRequest.class)))
                    @RequestBody
                    JsonNode patch) {
        return ok(management.patch(id, ifMatch, patch));
    }

    private static UUID ownCustomer(Actor actor) {
        // a customer user linked to no customer sees nothing: an id no customer has
        return actor.customerId() == null ? new UUID(0, 0) : actor.customerId();
    }

    private static ResponseEntity<Customer> ok(Customer customer) {
        return ResponseEntity.ok()
                .header(HttpHeaders.ETAG, ETags.of(customer.version()))
                .body(customer);
    }
}
