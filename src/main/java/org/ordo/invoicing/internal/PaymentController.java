package org.ordo.invoicing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.invoicing.CustomerAccounts;
import org.ordo.invoicing.PaymentStatus;
import org.ordo.platform.ETags;
import org.ordo.platform.Idempotency;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
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
 * {@code /api/payments}, the customer's account ({@code /api/customers/{id}/account}) and the dunning run. ADMIN and
 * ACCOUNTING record, allocate and refund; staff who deal with customers read. A customer's own user reads only its own
 * payments and account; anything else is a 404 to it.
 */
@RestController
@Tag(name = "Payments")
class PaymentController {

    private static final String READERS = "hasAnyRole('ADMIN','SALES','ACCOUNTING','SUPPORT','CUSTOMER')";
    private static final String ACCOUNTANTS = "hasAnyRole('ADMIN','ACCOUNTING')";

    private final PaymentService payments;
    private final PaymentStore store;
    private final InvoiceStore invoices;
    private final Customers customers;
    private final DunningService dunning;
    private final Idempotency idempotency;

    PaymentController(
            PaymentService payments,
            PaymentStore store,
            InvoiceStore invoices,
            Customers customers,
            DunningService dunning,
            Idempotency idempotency) {
        this.payments = payments;
        this.store = store;
        this.invoices = invoices;
        this.customers = customers;
        this.dunning = dunning;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/payments")
    @PreAuthorize(ACCOUNTANTS)
    @Operation(
            summary = "Record a payment",
            description = "{customerId, amount, method, reference, receivedOn?, allocations?: "
                    + "[{invoiceId, amount}]}. Without allocations the money pays the customer's oldest open invoices first (by due date, "
                    + "then number); what is not allocated stays on the customer's account. Allocating beyond the payment or an invoice's "
                    + "open amount, to another customer's invoice or in another currency is a 422, to a VOID invoice a 409; nothing is "
                    + "recorded then. Honours Idempotency-Key.")
    ResponseEntity<?> receive(
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody PaymentService.PaymentRequest request) {
        return idempotency.execute("payments", idempotencyKey, request, () -> {
            Payment payment = payments.receive(request);
            return ResponseEntity.created(URI.create("/api/payments/" + payment.id()))
                    .eTag(ETags.of(payment.version()))
                    .body(payment);
        });
    }

    @GetMapping("/api/payments")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Search payments",
            description = "Newest first. A customer's own user sees only its own. 'customer' names the customer by "
                    + "number or exact name instead of customerId.")
    @Transactional(readOnly = true)
    PageResult<Payment> search(
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) PaymentStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        customerId = customerId != null ? customerId : InvoiceController.named(customers, customer);
        Actor actor = Actor.current();
        if (actor.isCustomer()) {
            UUID own = actor.customerId() == null ? new UUID(0, 0) : actor.customerId();
            if (customerId != null && !customerId.equals(own)) {
                return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
            }
            customerId = own;
        }
        return store.search(customerId, status, paging);
    }

    @GetMapping("/api/payments/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One payment with its allocations and refunds")
    @Transactional(readOnly = true)
    ResponseEntity<Payment> get(@PathVariable String id) {
        Payment payment = visible(id);
        return ResponseEntity.ok().eTag(ETags.of(payment.version())).body(payment);
    }

    record AllocateCall(String payment, PaymentService.AllocateRequest request) {}

    @PostMapping("/api/payments/{id}/allocations")
    @PreAuthorize(ACCOUNTANTS)
    @Operation(
            summary = "Allocate money on account",
            description = "{allocations?: [{invoiceId, amount}]}: what the payment still "
                    + "has on account goes to these invoices, or without allocations to the customer's oldest open invoices. The same "
                    + "rules as when recording. Honours Idempotency-Key.")
    ResponseEntity<?> allocate(
            @PathVariable String id,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) PaymentService.AllocateRequest request) {
        UUID paymentId = paymentId(id);
        return idempotency.execute("payment-allocations", idempotencyKey, new AllocateCall(id, request), () -> {
            Payment payment = payments.allocate(paymentId, request);
            return ResponseEntity.ok().eTag(ETags.of(payment.version())).body(payment);
        });
    }

    record RefundCall(String payment, PaymentService.RefundRequest request) {}

    @PostMapping("/api/payments/{id}/refunds")
    @PreAuthorize(ACCOUNTANTS)
    @Operation(
            summary = "Refund money on account",
            description =
                    "{amount, reason}: pays back part or all of what the payment has "
                            + "on account (not allocated, not refunded). Allocated money is refunded after a credit note has reduced its invoice, "
                            + "which gives the paid excess back to the account. More than is on account is a 422. Honours Idempotency-Key.")
    ResponseEntity<?> refund(
            @PathVariable String id,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody PaymentService.RefundRequest request) {
        UUID paymentId = paymentId(id);
        return idempotency.execute("payment-refunds", idempotencyKey, new RefundCall(id, request), () -> {
            Payment payment = payments.refund(paymentId, request);
            return ResponseEntity.created(URI.create("/api/payments/" + payment.id()))
                    .eTag(ETags.of(payment.version()))
                    .body(payment);
        });
    }

    /** The account view: balances per currency, open invoices (oldest due first) and payments with money on account. */
    record Account(
            UUID customerId,
            String customerName,
            List<CustomerAccounts.Balance> balances,
            List<InvoiceStore.Summary> openInvoices,
            List<OnAccount> paymentsOnAccount) {}

    record OnAccount(
            UUID paymentId,
            LocalDate receivedOn,
            String method,
            String reference,
            Money amount,
            Money amountOnAccount) {}

    @GetMapping({"/api/customers/{id}/account", "/api/customers/{id}/balance"})
    @PreAuthorize(READERS)
    @Operation(
            summary = "A customer's account",
            description =
                    "Per currency: invoiced, credited, paid, balance (= invoiced − "
                            + "credited − paid, invariant 10) and money on account; the open invoices; the payments with money on account.")
    @Transactional(readOnly = true)
    Account account(@PathVariable UUID id) {
        Actor actor = Actor.current();
        if (actor.isCustomer() && !id.equals(actor.customerId())) {
            throw OrdoException.notFound("Customer", id);
        }
        var customer = customers.find(id).orElseThrow(() -> OrdoException.notFound("Customer", id));
        List<OnAccount> onAccount =
                store.search(id, PaymentStatus.RECEIVED, Paging.of(0, Paging.MAX_SIZE)).items().stream()
                        .map(p -> new OnAccount(
                                p.id(),
                                p.receivedOn(),
                                p.method().name(),
                                p.reference(),
                                p.amount(),
                                p.amountOnAccount()))
                        .toList();
        return new Account(id, customer.name(), payments.balances(id), invoices.openFor(id), onAccount);
    }

    @PostMapping("/api/admin/jobs/dunning")
    @PreAuthorize(ACCOUNTANTS)
    @Operation(
            summary = "Run dunning now",
            description = "Marks invoices past due OVERDUE and sends the reminder levels that are due, "
                    + "each once. 'ran' is false when another run held the job at the time.")
    DunningService.Run runDunning() {
        return dunning.run();
    }

    private Payment visible(String id) {
        Payment payment = store.find(paymentId(id)).orElseThrow(() -> OrdoException.notFound("Payment", id));
        Actor actor = Actor.current();
        if (actor.isCustomer() && !payment.customerId().equals(actor.customerId())) {
            throw OrdoException.notFound("Payment", id);
        }
        return payment;
    }

    private static UUID paymentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw OrdoException.notFound("Payment", id);
        }
    }
}
