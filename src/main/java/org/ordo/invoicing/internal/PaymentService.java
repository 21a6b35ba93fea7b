package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.invoicing.CustomerAccounts;
import org.ordo.invoicing.InvoicePaid;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.invoicing.PaymentMethod;
import org.ordo.invoicing.PaymentReceived;
import org.ordo.invoicing.PaymentRefunded;
import org.ordo.invoicing.PaymentRule;
import org.ordo.invoicing.PaymentStatus;
import org.ordo.orders.OrderFulfillment;
import org.ordo.platform.CompanyCalendar;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments: receiving money, allocating it to invoices, refunding what is on account, and giving money back to the account
 * when a credit note reduces a paid invoice.
 *
 * <p>Lock order, everywhere: invoices (by id), then payments (by id), then the orders they complete. Two payments allocating
 * to one invoice therefore serialise on the invoice's row, and the second sees what the first paid, so an invoice is never
 * paid beyond its total (invariant 10); a credit note (which holds its invoice's row) can never deadlock with an allocation.
 * Every request is validated completely before anything is written: a request that breaks a rule changes nothing.
 */
@Component
class PaymentService implements CustomerAccounts {

    static final String AUDIT_ENTITY = "PAYMENT";

    private final PaymentStore payments;
    private final InvoiceStore invoices;
    private final Customers customers;
    private final OrderFulfillment orders;
    private final AuditTrail audit;
    private final CompanyCalendar calendar;
    private final ApplicationEventPublisher events;
    private final JournalService journal;

    PaymentService(
            PaymentStore payments,
            InvoiceStore invoices,
            Customers customers,
            OrderFulfillment orders,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CompanyCalendar calendar,
            JournalService journal) {
        this.calendar = calendar;
        this.journal = journal;
        this.payments = payments;
        this.invoices = invoices;
        this.customers = customers;
        this.orders = orders;
        this.audit = audit;
        this.events = events;
    }

    /** {@code POST /api/payments}. Without {@code allocations} the money pays the oldest open invoices first. */
    record PaymentRequest(
            UUID customerId,
            Money amount,
            PaymentMethod method,
            String reference,
            LocalDate receivedOn,
            List<AllocationRequest> allocations) {}

    record AllocationRequest(UUID invoiceId, Money amount) {}

    /** {@code POST /api/payments/{id}/allocations}: money on account to these invoices, or to the oldest open ones. */
    record AllocateRequest(List<AllocationRequest> allocations) {}

    record RefundRequest(Money amount, String reason) {}

    /** One share of a payment for one invoice, checked and ready to write. */
    private record Share(Invoice invoice, BigDecimal amount) {}

    @Transactional
    public Payment receive(PaymentRequest request) {
        LocalDate today = calendar.today();
        PaymentPolicy.checkReceipt(request, today);
        CustomerSnapshot customer = customers
                .find(request.customerId())
                .orElseThrow(() -> OrdoException.rule(
                        "unknown-customer",
                        "Customer " + request.customerId() + " does not exist.",
                        List.of(PaymentRule.UNKNOWN_CUSTOMER.at("customerId"))));
        Money amount = request.amount();
        List<Share> shares;
        if (request.allocations() == null) {
            List<UUID> candidates =
                    invoices.openInvoices(customer.id(), amount.currency().getCurrencyCode());
            invoices.lockAll(candidates);
            shares = oldestFirst(candidates, amount.amount());
        } else {
            invoices.lockAll(request.allocations().stream()
                    .map(AllocationRequest::invoiceId)
                    .toList());
            shares = explicit(customer.id(), amount.currency(), amount.amount(), request.allocations());
        }

        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String actor = Actor.current().username();
        Money zero = Money.zero(amount.currency());
        Payment payment = new Payment(
                UUID.randomUUID(),
                customer.id(),
                PaymentStatus.RECEIVED,
                request.method(),
                blankToNull(request.reference()),
                request.receivedOn() == null ? today : request.receivedOn(),
                amount.currency().getCurrencyCode(),
                amount,
                zero,
                zero,
                amount,
                List.of(),
                List.of(),
                now,
                actor,
                0);
        payments.insert(payment);
        apply(payment.id(), shares, now, actor);
        Payment after = settleStatus(payment.id());
        audit.record(AUDIT_ENTITY, payment.id().toString(), "RECEIVED", null, after);
        events.publishEvent(new PaymentReceived(
                after.id(),
                after.customerId(),
                after.amount().amount(),
                after.amountAllocated().amount(),
                after.currency()));
        completeOrders(shares);
        journal.received(after);
        return payments.find(payment.id()).orElseThrow();
    }

    @Transactional
    public Payment allocate(UUID paymentId, AllocateRequest request) {
        List<AllocationRequest> wanted = request == null ? null : request.allocations();
        Payment unlocked = payments.find(paymentId).orElseThrow(() -> OrdoException.notFound("Payment", paymentId));
        PaymentPolicy.checkAllocationShapes(wanted);
        Currency currency = unlocked.amount().currency();
        // customer and currency never change, so the invoices can be chosen and locked before the payment (the lock
        // order)
        List<Share> shares;
        if (wanted == null) {
            List<UUID> candidates = invoices.openInvoices(unlocked.customerId(), currency.getCurrencyCode());
            invoices.lockAll(candidates);
            Payment payment = payments.lock(paymentId).orElseThrow();
            PaymentPolicy.checkHasMoneyOnAccount(payment);
            shares = oldestFirst(candidates, payment.amountOnAccount().amount());
        } else {
            invoices.lockAll(wanted.stream().map(AllocationRequest::invoiceId).toList());
            Payment payment = payments.lock(paymentId).orElseThrow();
            shares = explicit(
                    payment.customerId(), currency, payment.amountOnAccount().amount(), wanted);
        }
        Payment before = payments.find(paymentId).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        apply(paymentId, shares, now, Actor.current().username());
        Payment after = settleStatus(paymentId);
        audit.record(AUDIT_ENTITY, paymentId.toString(), "ALLOCATED", before, after);
        completeOrders(shares);
        journal.allocations(paymentId, null);
        return payments.find(paymentId).orElseThrow();
    }

    @Transactional
    public Payment refund(UUID paymentId, RefundRequest request) {
        PaymentPolicy.checkRefund(request);
        Payment before = payments.lock(paymentId).orElseThrow(() -> OrdoException.notFound("Payment", paymentId));
        PaymentPolicy.checkRefundable(before, request.amount());
        return refundLocked(before, request.amount().amount(), request.reason().trim());
    }

    private Payment refundLocked(Payment before, BigDecimal amount, String reason) {
        UUID refundId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        payments.insertRefund(
                refundId, before.id(), amount, reason, now, Actor.current().username());
        Payment after = settleStatus(before.id());
        audit.record(AUDIT_ENTITY, before.id().toString(), "REFUNDED", before, after);
        events.publishEvent(
                new PaymentRefunded(before.id(), refundId, before.customerId(), amount, before.currency(), reason));
        journal.refunded(refundId, now);
        return after;
    }

    /**
     * Gives {@code excess} of what is allocated to an invoice back to the customer's account, newest allocations first: a
     * credit note reduced an invoice that was paid beyond what is now left of it. The caller holds the invoice's row lock
     * and updates the invoice itself; this writes the negative allocations and the payments.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(Invoice invoice, BigDecimal excess, String note) {
        List<PaymentStore.Applied> applied = payments.appliedTo(invoice.id());
        payments.lockAll(applied.stream().map(PaymentStore.Applied::paymentId).toList());
        BigDecimal left = excess;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String actor = Actor.current().username();
        for (PaymentStore.Applied a : applied) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal take = a.amount().min(left);
            Payment before = payments.find(a.paymentId()).orElseThrow();
            payments.insertAllocation(a.paymentId(), invoice.id(), take.negate(), note, now, actor);
            Payment after = settleStatus(a.paymentId());
            audit.record(AUDIT_ENTITY, a.paymentId().toString(), "RETURNED_TO_ACCOUNT", before, after);
            left = left.subtract(take);
        }
        if (left.signum() > 0) {
            throw new IllegalStateException("invoice " + invoice.number() + " has less allocated than it has paid");
        }
        invoices.addPaid(invoice.id(), excess.negate());
    }

    /**
     * Books a credit note's amount on the invoice it credits (locked by the caller). When the invoice was paid beyond what is
     * left of it, the excess goes back to the customer's account first (where it can be allocated again or refunded); an
     * invoice that has payments and nothing due any more is PAID, and may complete its order; one without payments is
     * CREDITED, no longer open.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void credited(Invoice original, BigDecimal credit, String creditNoteNumber) {
        BigDecimal leftAfter = original.totals()
                .total()
                .amount()
                .subtract(original.amountCredited().amount())
                .subtract(credit);
        BigDecimal excess = original.amountPaid().amount().subtract(leftAfter);
        if (excess.signum() > 0) {
            release(original, excess, "credit note " + creditNoteNumber);
        }
        invoices.addCredited(original.id(), credit);
        Invoice after = invoices.find(original.id()).orElseThrow();
        if (after.amountPaid().amount().signum() > 0
                && after.amountDue().isZero()
                && after.status() != InvoiceStatus.PAID) {
            after.status().requireCanMoveTo(InvoiceStatus.PAID);
            invoices.changeStatus(after.id(), InvoiceStatus.PAID);
            events.publishEvent(new InvoicePaid(
                    after.id(), after.number(), after.orderId(), after.orderNumber(), after.customerId()));
            orders.completeIfSettled(after.orderId());
        } else if (after.amountPaid().isZero()
                && after.amountDue().isZero()
                && after.status().canMoveTo(InvoiceStatus.CREDITED)) {
            invoices.changeStatus(after.id(), InvoiceStatus.CREDITED);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Balance> balances(UUID customerId) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (InvoiceStore.Sums s : invoices.sums(customerId)) {
            sums.computeIfAbsent(s.currency(), c -> zeros())[0] = s.invoiced();
            sums.get(s.currency())[1] = s.credited();
            sums.get(s.currency())[2] = s.paid();
        }
        for (Object[] row : payments.onAccount(customerId)) {
            sums.computeIfAbsent((String) row[0], c -> zeros())[3] = (BigDecimal) row[1];
        }
        List<Balance> balances = new ArrayList<>();
        sums.forEach((code, s) -> {
            Currency c = Money.currency(code);
            balances.add(new Balance(
                    code,
                    new Money(s[0], c),
                    new Money(s[1], c),
                    new Money(s[2], c),
                    new Money(s[0].subtract(s[1]).subtract(s[2]), c),
                    new Money(s[3], c)));
        });
        return balances;
    }

    @Override
    @Transactional
    public Money refundOnAccount(UUID customerId, Money amount, String reason) {
        List<UUID> ids = payments.withMoneyOnAccount(customerId, amount.currencyCode());
        payments.lockAll(ids);
        BigDecimal left = amount.amount();
        for (UUID id : ids) {
            if (left.signum() <= 0) {
                break;
            }
            Payment payment = payments.find(id).orElseThrow();
            BigDecimal take = payment.amountOnAccount().amount().min(left);
            if (take.signum() > 0) {
                refundLocked(payment, take, reason);
                left = left.subtract(take);
            }
        }
        return new Money(amount.amount().subtract(left), amount.currency());
    }

    @Override
    @Transactional
    public Money receivePayment(UUID customerId, Money amount, String method, String reference) {
        Payment payment =
                receive(new PaymentRequest(customerId, amount, PaymentMethod.valueOf(method), reference, null, null));
        return payment.amountOnAccount();
    }

    /**
     * The open invoices among these (the customer's, in the payment's currency, already locked), oldest due first and then by
     * number, until the money runs out.
     */
    private List<Share> oldestFirst(List<UUID> candidates, BigDecimal money) {
        List<Invoice> open = candidates.stream()
                .map(id -> invoices.find(id).orElseThrow())
                .filter(i -> isOpen(i.status()) && i.amountDue().amount().signum() > 0)
                .sorted(Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number))
                .toList();
        List<Share> shares = new ArrayList<>();
        BigDecimal left = money;
        for (Invoice invoice : open) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal take = invoice.amountDue().amount().min(left);
            shares.add(new Share(invoice, take));
            left = left.subtract(take);
        }
        return shares;
    }

    /** Exactly the allocations asked for, each checked against its invoice (locked by the caller); every problem at once. */
    private List<Share> explicit(
            UUID customerId, Currency currency, BigDecimal available, List<AllocationRequest> wanted) {
        Map<UUID, Invoice> found = new HashMap<>();
        wanted.forEach(a -> invoices.find(a.invoiceId()).ifPresent(invoice -> found.put(invoice.id(), invoice)));
        PaymentPolicy.checkAllocations(wanted, found, customerId, currency, available);
        return wanted.stream()
                .map(a -> new Share(found.get(a.invoiceId()), a.amount().amount()))
                .toList();
    }

    /** Writes the allocations and moves each invoice on: ISSUED/OVERDUE → PARTIALLY_PAID → PAID. */
    private void apply(UUID paymentId, List<Share> shares, Instant now, String actor) {
        for (Share share : shares) {
            Invoice before = invoices.find(share.invoice().id()).orElseThrow();
            payments.insertAllocation(paymentId, before.id(), share.amount(), null, now, actor);
            invoices.addPaid(before.id(), share.amount());
            BigDecimal due = before.amountDue().amount().subtract(share.amount());
            InvoiceStatus target = due.signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
            if (before.status() != target) {
                before.status().requireCanMoveTo(target);
                invoices.changeStatus(before.id(), target);
            }
            Invoice after = invoices.find(before.id()).orElseThrow();
            audit.record(InvoicingService.AUDIT_ENTITY, before.id().toString(), "PAYMENT_ALLOCATED", before, after);
            if (target == InvoiceStatus.PAID) {
                events.publishEvent(new InvoicePaid(
                        after.id(), after.number(), after.orderId(), after.orderNumber(), after.customerId()));
            }
        }
    }

    /** Completes the orders whose invoices these allocations paid in full, if they are delivered and settled now. */
    private void completeOrders(List<Share> shares) {
        Set<UUID> orderIds = new TreeSet<>();
        for (Share share : shares) {
            if (share.amount().compareTo(share.invoice().amountDue().amount()) == 0) {
                orderIds.add(share.invoice().orderId());
            }
        }
        orderIds.forEach(orders::completeIfSettled);
    }

    /** Derives the payment's state from its amounts and moves it there, checked against the table. */
    private Payment settleStatus(UUID paymentId) {
        Payment payment = payments.find(paymentId).orElseThrow();
        PaymentStatus target = PaymentStatus.of(
                payment.amount().amount(),
                payment.amountAllocated().amount(),
                payment.amountRefunded().amount());
        if (target != payment.status()) {
            payment.status().requireCanMoveTo(target);
            payments.changeStatus(paymentId, target);
            payment = payments.find(paymentId).orElseThrow();
        }
        return payment;
    }

    static boolean isOpen(InvoiceStatus status) {
        return InvoiceStatus.openStates().contains(status);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
