package org.ordo.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.Invoices;
import org.ordo.invoicing.PaymentMethod;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;

/**
 * Customers pay their invoices as customers do: most in full, some days after the invoice and now and then late, some
 * half, a few not at all — so the demo has paid, partly paid, open and overdue invoices, delivered orders that are
 * COMPLETED, and a dunning run that reminds of what is overdue. Invoices are written by listeners after each shipment
 * commits, so this first waits for those to finish, then dates each invoice to the day its shipment left.
 */
@Component
class DemoPayments {

    private static final Logger log = LoggerFactory.getLogger(DemoPayments.class);
    private static final Duration WAIT_FOR_INVOICES = Duration.ofSeconds(60);

    private final Invoices invoices;
    private final Accounting accounting;
    private final EventPublicationRegistry publications;

    DemoPayments(Invoices invoices, Accounting accounting, EventPublicationRegistry publications) {
        this.invoices = invoices;
        this.accounting = accounting;
        this.publications = publications;
    }

    /** An invoice of a shipped order. */
    private record Shipped(DemoOrders.Placed order, Invoices.Summary invoice) {}

    /** A payment as it will be recorded: on its day, for one invoice. */
    private record Planned(UUID customerId, boolean business, UUID invoiceId, Money amount, LocalDate receivedOn) {}

    /** Returns how many payments were recorded. */
    int pay(Random random, List<DemoOrders.Placed> orders) {
        awaitInvoicing();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Shipped> shipped = new ArrayList<>();
        for (DemoOrders.Placed order : orders) {
            if (order.shippedAt() != null) {
                invoices.ofOrder(order.orderId()).stream()
                        .filter(i -> i.type() == DocumentType.INVOICE && i.issueDate() != null)
                        .forEach(i -> shipped.add(new Shipped(order, i)));
            }
        }
        // numbers run with the issue dates (invariant 9): in number order, none dated before the one before
        shipped.sort(Comparator.comparing(s -> s.invoice().number()));
        LocalDate previous = LocalDate.MIN;
        List<Planned> planned = new ArrayList<>();
        for (Shipped s : shipped) {
            LocalDate shippedOn = LocalDate.ofInstant(s.order().shippedAt(), ZoneOffset.UTC);
            LocalDate issued = issuedOn(s.invoice(), shippedOn.isBefore(previous) ? previous : shippedOn);
            previous = issued;
            long terms =
                    ChronoUnit.DAYS.between(s.invoice().issueDate(), s.invoice().dueDate());
            plan(random, s.order(), s.invoice(), issued, terms, today).ifPresent(planned::add);
        }
        planned.sort(Comparator.comparing(Planned::receivedOn));
        int payments = 0;
        for (Planned p : planned) {
            accounting.recordPayment(new Accounting.PaymentEntry(
                    p.customerId(),
                    p.amount(),
                    p.business() ? PaymentMethod.BANK_TRANSFER : PaymentMethod.CARD,
                    "demo payment " + (++payments),
                    p.receivedOn(),
                    Map.of(p.invoiceId(), p.amount())));
        }
        Accounting.DunningRun dunning = accounting.runDunning((done, total) -> {});
        log.info(
                "Demo invoices: {} payments, {} invoices overdue, {} reminders",
                payments,
                dunning.markedOverdue().size(),
                dunning.reminders().size());
        return payments;
    }

    /** Dates the invoice back to {@code day}, as if it had been written then; returns its issue date. */
    private LocalDate issuedOn(Invoices.Summary invoice, LocalDate day) {
        if (!day.isBefore(invoice.issueDate())) {
            return invoice.issueDate();
        }
        try {
            accounting.backdate(invoice.id().toString(), day);
            return day;
        } catch (OrdoException e) {
            log.debug("Demo invoice {} keeps its date: {}", invoice.number(), e.getMessage());
            return invoice.issueDate();
        }
    }

    /** Seven in ten pay in full, one in eight half, the rest not yet; a payment not made by today is still to come. */
    private static Optional<Planned> plan(
            Random random,
            DemoOrders.Placed order,
            Invoices.Summary invoice,
            LocalDate issued,
            long terms,
            LocalDate today) {
        int roll = random.nextInt(100);
        LocalDate receivedOn = issued.plusDays(Math.max(1, terms / 3) + random.nextInt((int) terms + 10));
        BigDecimal due = invoice.amountDue().amount();
        BigDecimal amount =
                roll < 70 ? due : roll < 82 ? due.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN) : null;
        if (amount == null || amount.signum() <= 0 || receivedOn.isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(new Planned(
                order.buyer().id(),
                order.buyer().demo().business(),
                invoice.id(),
                new Money(amount, invoice.amountDue().currency()),
                receivedOn));
    }

    /** Events whose listeners have not finished yet, as the event publication registry knows them. */
    private long incompleteEvents() {
        return publications.findIncompletePublications().size();
    }

    private void awaitInvoicing() {
        Instant deadline = Instant.now().plus(WAIT_FOR_INVOICES);
        while (incompleteEvents() > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (incompleteEvents() > 0) {
            log.warn("Demo payments start while some invoices are still being written");
        }
    }
}
