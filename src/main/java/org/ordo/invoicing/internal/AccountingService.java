package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link Accounting} on the stores and operations behind the invoice and payment API: the same queries, the same rules. */
@Component
class AccountingService implements Accounting {

    private final InvoiceStore store;
    private final PaymentStore paymentStore;
    private final InvoiceService management;
    private final PaymentService payments;
    private final DunningService dunning;
    private final InvoicePdfRenderer pdf;
    private final ReminderLetterRenderer letters;

    AccountingService(
            InvoiceStore store,
            PaymentStore paymentStore,
            InvoiceService management,
            PaymentService payments,
            DunningService dunning,
            InvoicePdfRenderer pdf,
            ReminderLetterRenderer letters) {
        this.store = store;
        this.paymentStore = paymentStore;
        this.management = management;
        this.payments = payments;
        this.dunning = dunning;
        this.pdf = pdf;
        this.letters = letters;
    }

    @Override
    public LocalDate backdate(String invoiceIdOrNumber, LocalDate issueDate) {
        return management.backdate(invoiceIdOrNumber, issueDate).supplyDate();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Listed> search(Search search, Paging paging) {
        return store.search(search, paging).map(AccountingService::listed);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Sum> sums(Search search) {
        return store.sums(search).stream()
                .map(r -> {
                    Currency c = Money.currency((String) r[0]);
                    return new Sum(
                            (String) r[0],
                            (Long) r[1],
                            new Money((BigDecimal) r[2], c),
                            new Money((BigDecimal) r[3], c));
                })
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Details> details(String idOrNumber) {
        return store.find(idOrNumber).map(this::details);
    }

    private Details details(Invoice i) {
        List<Line> lines = lines(i);
        List<TaxGroup> taxes = taxGroups(i);
        List<Allocated> allocated = allocated(i);
        List<Listed> notes = creditNotes(i);
        List<Reminder> reminders = reminders(i);
        Money creditLeft = i.isCreditNote()
                ? Money.zero(Money.currency(i.currency()))
                : i.totals().total().minus(i.amountCredited());
        boolean creditable = !i.isCreditNote()
                && i.status().isIssued()
                && creditLeft.amount().signum() > 0;
        return new Details(
                i.id(),
                i.number(),
                i.type(),
                i.status(),
                i.orderId(),
                i.orderNumber(),
                i.shipmentNumber(),
                i.originalInvoiceId(),
                i.originalInvoiceNumber(),
                i.customerId(),
                i.buyer().name(),
                i.currency(),
                i.issueDate(),
                i.dueDate(),
                lines,
                taxes,
                i.totals().subtotal(),
                i.totals().shipping(),
                i.totals().tax(),
                i.totals().total(),
                i.amountCredited(),
                i.amountPaid(),
                i.amountDue(),
                allocated,
                notes,
                reminders,
                i.reason(),
                i.voidReason(),
                voidable(i, notes),
                creditable,
                creditLeft);
    }

    /** The document's lines, each with the quantity that can still be credited (none on a credit note or a free line). */
    private List<Line> lines(Invoice i) {
        Map<Integer, Long> credited = i.isCreditNote() ? Map.of() : store.creditedQuantities(i.id());
        return i.lines().stream()
                .map(l -> new Line(
                        l.lineNumber(),
                        l.sku(),
                        l.description(),
                        l.quantity(),
                        l.unitPrice(),
                        l.lineNet(),
                        l.taxRate(),
                        l.tax(),
                        i.isCreditNote() || l.orderLineNumber() == null && l.sku() == null
                                ? 0
                                : Math.max(0, l.quantity() - credited.getOrDefault(l.lineNumber(), 0L))))
                .toList();
    }

    private static List<TaxGroup> taxGroups(Invoice i) {
        return i.taxSummary().stream()
                .map(t -> new TaxGroup(t.vatCategory(), t.taxRate(), t.taxableAmount(), t.tax()))
                .toList();
    }

    /** The payments allocated to the document. */
    private List<Allocated> allocated(Invoice i) {
        return paymentStore.paymentsOf(i.id(), Money.currency(i.currency())).stream()
                .map(p -> new Allocated(
                        p.paymentId(), p.method(), p.reference(), p.receivedOn(), p.amount(), p.allocatedAt()))
                .toList();
    }

    /** The credit notes issued against an invoice; a credit note has none. */
    private List<Listed> creditNotes(Invoice i) {
        return i.isCreditNote()
                ? List.of()
                : store.creditNotesOf(i.id()).stream()
                        .map(AccountingService::listed)
                        .toList();
    }

    /** Whether a void would be accepted: nothing paid, and for an invoice no credit note still standing. */
    private static boolean voidable(Invoice i, List<Listed> notes) {
        boolean hasNotes = notes.stream().anyMatch(n -> n.status().isIssued());
        return i.status().canMoveTo(InvoiceStatus.VOID) && i.amountPaid().isZero() && (i.isCreditNote() || !hasNotes);
    }

    /** The reminders sent for an invoice; a credit note has none. */
    private List<Reminder> reminders(Invoice i) {
        return i.isCreditNote()
                ? List.of()
                : dunning.reminders(i).stream()
                        .map(r -> new Reminder(r.level(), r.daysPastDue(), r.amountDue(), r.createdAt()))
                        .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Document> pdf(String idOrNumber) {
        return store.find(idOrNumber).map(i -> new Document(fileName(i) + ".pdf", "application/pdf", pdf.render(i)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Document> ubl(String idOrNumber) {
        return store.find(idOrNumber).map(i -> {
            if (i.number() == null) {
                throw OrdoException.conflict("invoice-not-issued", "A draft has no e-invoice; issue it first.");
            }
            return new Document(fileName(i) + ".xml", "application/xml", UblDocument.write(i));
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<Listed> openInvoices(UUID customerId) {
        return store.openFor(customerId).stream().map(AccountingService::listed).toList();
    }

    @Override
    public void voidDocument(String idOrNumber, String reason) {
        management.voidDocument(idOrNumber, null, new InvoiceService.VoidRequest(reason));
    }

    @Override
    public Listed creditLines(String invoiceIdOrNumber, Map<Integer, Long> quantities, String reason) {
        List<InvoiceService.CreditLine> lines = new ArrayList<>();
        quantities.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(new InvoiceService.CreditLine(e.getKey(), e.getValue())));
        return listed(
                management.creditNote(invoiceIdOrNumber, new InvoiceService.CreditNoteRequest(lines, null, reason)));
    }

    @Override
    public Listed creditAmount(String invoiceIdOrNumber, Money netAmount, String reason) {
        return listed(management.creditNote(
                invoiceIdOrNumber, new InvoiceService.CreditNoteRequest(null, netAmount, reason)));
    }

    @Override
    public Recorded recordPayment(PaymentEntry entry) {
        List<PaymentService.AllocationRequest> allocations = entry.allocations() == null
                ? null
                : entry.allocations().entrySet().stream()
                        .map(e -> new PaymentService.AllocationRequest(e.getKey(), e.getValue()))
                        .toList();
        Payment payment = payments.receive(new PaymentService.PaymentRequest(
                entry.customerId(),
                entry.amount(),
                entry.method(),
                entry.reference(),
                entry.receivedOn(),
                allocations));
        return new Recorded(payment.id(), payment.amountAllocated(), payment.amountOnAccount());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Money> onAccount(UUID customerId) {
        return paymentStore.onAccount(customerId).stream()
                .map(r -> new Money((BigDecimal) r[1], Money.currency((String) r[0])))
                .filter(m -> m.amount().signum() > 0)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Overdue> overdue(LocalDate today, Paging paging) {
        return store.overdue(today, paging)
                .map(r -> new Overdue(
                        (UUID) r[0],
                        (String) r[1],
                        (UUID) r[2],
                        (String) r[3],
                        (InvoiceStatus) r[4],
                        (LocalDate) r[5],
                        ChronoUnit.DAYS.between((LocalDate) r[5], today),
                        new Money((BigDecimal) r[7], Money.currency((String) r[6])),
                        (Integer) r[8],
                        (java.time.Instant) r[9]));
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<PaymentListed> payments(PaymentSearch search, Paging paging) {
        return paymentStore.search(search, paging).map(AccountingService::listed);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PaymentDetails> payment(UUID paymentId) {
        return paymentStore.find(paymentId).map(AccountingService::details);
    }

    @Override
    public PaymentDetails allocate(UUID paymentId, Map<UUID, Money> allocations) {
        PaymentService.AllocateRequest request = allocations == null
                ? null
                : new PaymentService.AllocateRequest(allocations.entrySet().stream()
                        .map(a -> new PaymentService.AllocationRequest(a.getKey(), a.getValue()))
                        .toList());
        return details(payments.allocate(paymentId, request));
    }

    @Override
    public PaymentDetails refund(UUID paymentId, Money amount, String reason) {
        return details(payments.refund(paymentId, new PaymentService.RefundRequest(amount, reason)));
    }

    private static PaymentListed listed(Payment p) {
        return new PaymentListed(
                p.id(),
                p.customerId(),
                p.status(),
                p.method(),
                p.reference(),
                p.receivedOn(),
                p.amount(),
                p.amountAllocated(),
                p.amountRefunded(),
                p.amountOnAccount());
    }

    private static PaymentDetails details(Payment p) {
        return new PaymentDetails(
                listed(p),
                p.allocations().stream()
                        .map(a -> new PaymentAllocation(
                                a.invoiceId(),
                                a.invoiceNumber(),
                                a.amount(),
                                a.note(),
                                a.allocatedAt(),
                                a.allocatedBy()))
                        .toList(),
                p.refunds().stream()
                        .map(r -> new PaymentRefund(r.amount(), r.reason(), r.refundedAt(), r.refundedBy()))
                        .toList(),
                p.createdAt(),
                p.createdBy());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Document> reminderLetter(String invoiceIdOrNumber, int level) {
        return store.find(invoiceIdOrNumber)
                .flatMap(invoice -> letters.render(invoice, level)
                        .map(pdf -> new Document(
                                fileName(invoice) + "-reminder-" + level + ".pdf", "application/pdf", pdf)));
    }

    @Override
    public DunningRun runDunning(Progress progress) {
        DunningService.Run run = dunning.run(progress);
        return new DunningRun(
                run.ran(),
                run.asOf(),
                run.markedOverdue(),
                run.reminders().stream()
                        .sorted(Comparator.comparing(DunningService.Reminder::invoiceNumber))
                        .map(r -> new SentReminder(r.invoiceNumber(), r.level(), r.daysPastDue(), r.amountDue()))
                        .toList());
    }

    private static Listed listed(InvoiceStore.Summary s) {
        return new Listed(
                s.id(),
                s.number(),
                s.type(),
                s.status(),
                s.customerId(),
                s.buyerName(),
                s.orderNumber(),
                s.originalInvoiceNumber(),
                s.issueDate(),
                s.dueDate(),
                s.total(),
                s.amountDue());
    }

    private static Listed listed(Invoice i) {
        return new Listed(
                i.id(),
                i.number(),
                i.type(),
                i.status(),
                i.customerId(),
                i.buyer().name(),
                i.orderNumber(),
                i.originalInvoiceNumber(),
                i.issueDate(),
                i.dueDate(),
                i.totals().total(),
                i.amountDue());
    }

    private static String fileName(Invoice invoice) {
        return invoice.number() != null ? invoice.number() : "draft-" + invoice.id();
    }
}
