package org.ordo.invoicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.identity.AuditTrail;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceIssued;
import org.ordo.invoicing.InvoiceOverdue;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.invoicing.InvoiceVoided;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.ETags;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.IllegalTransitionException;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit notes and voids. Each holds the row lock of the invoice it changes, validates everything before it writes, and
 * audits and publishes in the same transaction; a request that breaks a rule changes nothing.
 */
@Component
class InvoiceService {

    static final int MAX_REASON = 500;

    private final InvoiceStore store;
    private final DocumentNumberStore numbers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final PaymentService payments;
    private final CompanyCalendar calendar;
    private final JournalService journal;

    InvoiceService(
            InvoiceStore store,
            DocumentNumberStore numbers,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PaymentService payments,
            CompanyCalendar calendar,
            JournalService journal) {
        this.calendar = calendar;
        this.journal = journal;
        this.store = store;
        this.numbers = numbers;
        this.audit = audit;
        this.events = events;
        this.payments = payments;
    }

    /** {@code POST /api/invoices/{id}/credit-notes}: either {@code lines} (quantities of invoice lines) or a net {@code amount}. */
    record CreditNoteRequest(List<CreditLine> lines, Money amount, String reason) {}

    record CreditLine(Integer lineNumber, Long quantity) {}

    record VoidRequest(String reason) {}

    /**
     * Issues a credit note against an issued invoice: a negative document in its own series. Lines credit quantities of the
     * invoice's lines at their price and tax; an amount is a net amount spread over the invoice's tax groups in proportion to
     * their nets. Crediting more than is left (per line, and in total) is a 422 naming the field.
     */
    @Transactional
    public Invoice creditNote(String idOrNumber, CreditNoteRequest request) {
        checkCreditNote(request);
        boolean byLines = request.lines() != null;
        Invoice original = lockCreditable(idOrNumber);
        Currency currency = Money.currency(original.currency());
        List<InvoiceLine> lines = byLines
                ? creditLines(original, request.lines(), request.reason())
                : amountLines(original, request.amount(), currency, request.reason());
        Money zero = Money.zero(currency);
        Totals totals = Totals.of(currency, lines, zero, zero);
        Money left = original.totals().total().minus(original.amountCredited());
        Money credit = zero.minus(totals.total());
        if (credit.isGreaterThan(left)) {
            throw OrdoException.rule(
                    "credit-exceeds-invoice",
                    "Invoice " + original.number() + " has " + left + " left to credit; "
                            + "this credit note would credit " + credit + ".",
                    List.of(new FieldViolation(
                            byLines ? "lines" : "amount", "exceeds the " + left + " left to credit")));
        }
        Invoice note = issueCreditNote(original, lines, totals, request.reason().trim());
        payments.credited(original, credit.amount(), note.number());
        audit.record(InvoicingService.AUDIT_ENTITY, note.id().toString(), "ISSUED", null, note);
        audit.record(
                InvoicingService.AUDIT_ENTITY,
                original.id().toString(),
                "CREDITED",
                original,
                store.find(original.id()).orElseThrow());
        events.publishEvent(new InvoiceIssued(
                note.id(),
                note.number(),
                DocumentType.CREDIT_NOTE,
                note.orderId(),
                note.orderNumber(),
                note.customerId(),
                original.id(),
                original.number(),
                totals.total().amount(),
                note.currency()));
        journal.issued(note);
        journal.allocations(null, original.id());
        return store.find(note.id()).orElseThrow();
    }

    /** A credit note request by itself: a reason, and either lines or a positive amount; every problem at once. */
    private static void checkCreditNote(CreditNoteRequest request) {
        List<FieldViolation> invalid = new ArrayList<>();
        if (request == null) {
            throw OrdoException.invalid("body", "is required");
        }
        text(invalid, "reason", request.reason(), true);
        boolean byLines = request.lines() != null;
        if (byLines == (request.amount() != null)) {
            invalid.add(new FieldViolation(
                    byLines ? "amount" : "lines", "give either lines or amount, not both and not neither"));
        }
        if (byLines) {
            creditLineShapes(invalid, request.lines());
        } else if (request.amount() != null && request.amount().amount().signum() <= 0) {
            invalid.add(new FieldViolation("amount.amount", "must be greater than 0"));
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
    }

    private static void creditLineShapes(List<FieldViolation> invalid, List<CreditLine> lines) {
        if (lines.isEmpty()) {
            invalid.add(new FieldViolation("lines", "must contain at least one line"));
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            CreditLine line = lines.get(i);
            String field = "lines[" + i + "]";
            if (line == null || line.lineNumber() == null) {
                invalid.add(new FieldViolation(field + ".lineNumber", "is required"));
            } else if (!seen.add(line.lineNumber())) {
                invalid.add(new FieldViolation(field + ".lineNumber", "appears more than once"));
            }
            if (line == null || line.quantity() == null) {
                invalid.add(new FieldViolation(field + ".quantity", "is required"));
            } else if (line.quantity() <= 0) {
                invalid.add(new FieldViolation(field + ".quantity", "must be greater than 0"));
            }
        }
    }

    /** The invoice to credit, locked: an issued invoice, not a credit note. */
    private Invoice lockCreditable(String idOrNumber) {
        UUID id = store.idOf(idOrNumber).orElseThrow(() -> OrdoException.notFound("Invoice", idOrNumber));
        Invoice original = store.lock(id).orElseThrow(() -> OrdoException.notFound("Invoice", idOrNumber));
        if (original.isCreditNote()) {
            throw OrdoException.conflict(
                    "not-an-invoice", original.number() + " is a credit note; credit the invoice it refers to.");
        }
        if (!original.status().isIssued()) {
            throw OrdoException.conflict(
                    "invoice-not-issued",
                    "Invoice " + label(original) + " is " + original.status()
                            + "; only issued invoices can be credited.");
        }
        return original;
    }

    /** Numbers and stores the credit note of {@code original} with these (negative) lines, issued today. */
    private Invoice issueCreditNote(Invoice original, List<InvoiceLine> lines, Totals totals, String reason) {
        LocalDate today = calendar.today();
        String series = DocumentNumberStore.series(DocumentNumberStore.CREDIT_NOTE_PREFIX, today);
        numbers.lock(series);
        long sequence = numbers.next(series);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Money zero = Money.zero(Money.currency(original.currency()));
        Invoice note = new Invoice(
                UUID.randomUUID(),
                DocumentNumberStore.format(series, sequence),
                DocumentType.CREDIT_NOTE,
                InvoiceStatus.ISSUED,
                original.orderId(),
                original.orderNumber(),
                original.orderReference(),
                original.shipmentId(),
                original.shipmentNumber(),
                original.id(),
                original.number(),
                original.customerId(),
                original.currency(),
                today,
                today,
                original.supplyDate(),
                0,
                original.seller(),
                original.buyer(),
                original.shipTo(),
                lines,
                TaxSubtotal.of(lines),
                totals,
                zero,
                zero,
                zero,
                reason,
                null,
                now,
                Actor.current().username(),
                now,
                null,
                0);
        store.insert(note, series, sequence, null);
        return note;
    }

    private List<InvoiceLine> creditLines(Invoice original, List<CreditLine> requested, String reason) {
        Map<Integer, Long> credited = store.creditedQuantities(original.id());
        List<FieldViolation> problems = new ArrayList<>();
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            CreditLine wanted = requested.get(i);
            InvoiceLine line = original.line(wanted.lineNumber());
            if (line == null) {
                problems.add(new FieldViolation(
                        "lines[" + i + "].lineNumber",
                        "invoice " + original.number() + " has no line " + wanted.lineNumber()));
                continue;
            }
            long left = line.quantity() - credited.getOrDefault(line.lineNumber(), 0L);
            if (wanted.quantity() > left) {
                problems.add(new FieldViolation(
                        "lines[" + i + "].quantity",
                        "exceeds the " + left + " left to credit on line " + line.lineNumber()));
                continue;
            }
            lines.add(InvoiceLine.of(
                    lines.size() + 1,
                    line.orderLineNumber(),
                    line.lineNumber(),
                    line.sku(),
                    line.description(),
                    -wanted.quantity(),
                    line.unitPrice(),
                    line.grossPrice(),
                    line.treatment()));
        }
        if (!problems.isEmpty()) {
            throw OrdoException.rule(
                    "credit-exceeds-invoice",
                    "The credit note does not fit invoice " + original.number() + ".",
                    problems);
        }
        return lines;
    }

    /**
     * A net amount spread over the invoice's tax groups in proportion to their nets, each share rounded half-even and the
     * last group taking the remainder, so the shares add up to the amount exactly.
     */
    private static List<InvoiceLine> amountLines(Invoice original, Money amount, Currency currency, String reason) {
        if (!amount.currency().equals(currency)) {
            throw OrdoException.rule(
                    "currency-mismatch",
                    "Invoice " + original.number() + " is in " + currency + ".",
                    List.of(new FieldViolation("amount.currency", "must be the invoice currency " + currency)));
        }
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.amount().stripTrailingZeros().scale() > scale) {
            throw OrdoException.invalid("amount.amount", "must have at most " + scale + " decimals in " + currency);
        }
        Map<String, TaxTreatment> treatments = new LinkedHashMap<>();
        Map<String, BigDecimal> nets = new LinkedHashMap<>();
        for (InvoiceLine line : original.lines()) {
            treatments.putIfAbsent(line.treatment().groupKey(), line.treatment());
            nets.merge(line.treatment().groupKey(), line.lineNet().amount(), BigDecimal::add);
        }
        BigDecimal net = nets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (net.signum() <= 0) {
            throw OrdoException.rule(
                    "credit-exceeds-invoice",
                    "Invoice " + original.number() + " has nothing to credit.",
                    List.of(new FieldViolation("amount", "the invoice has no net amount to credit")));
        }
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal rest = amount.amount();
        List<String> keys = new ArrayList<>(nets.keySet());
        for (int i = 0; i < keys.size(); i++) {
            TaxTreatment treatment = treatments.get(keys.get(i));
            BigDecimal share = i == keys.size() - 1
                    ? rest
                    : amount.amount().multiply(nets.get(keys.get(i))).divide(net, scale, RoundingMode.HALF_EVEN);
            rest = rest.subtract(share);
            if (share.signum() == 0) {
                continue;
            }
            String rate = treatment
                    .rate()
                    .multiply(BigDecimal.valueOf(100))
                    .stripTrailingZeros()
                    .toPlainString();
            lines.add(InvoiceLine.of(
                    lines.size() + 1,
                    null,
                    null,
                    null,
                    "Credit (" + rate + " %): " + reason.trim(),
                    -1,
                    new Money(share, currency),
                    treatment));
        }
        return lines;
    }

    /** See {@link org.ordo.invoicing.Accounting#backdate}: an issued invoice, dated back, due by its terms from then. */
    @Transactional
    public Invoice backdate(String idOrNumber, LocalDate issueDate) {
        UUID id = store.idOf(idOrNumber).orElseThrow(() -> OrdoException.notFound("Invoice", idOrNumber));
        Invoice before = store.lock(id).orElseThrow(() -> OrdoException.notFound("Invoice", idOrNumber));
        if (before.isCreditNote() || before.issueDate() == null) {
            throw OrdoException.conflict("not-backdatable", "Only issued invoices can be dated back.");
        }
        if (issueDate == null
                || issueDate.isAfter(before.issueDate())
                || issueDate.getYear() != before.issueDate().getYear()
                || (before.supplyDate() != null && issueDate.isBefore(before.supplyDate()))) {
            throw OrdoException.invalid(
                    "issueDate",
                    "must lie in " + before.issueDate().getYear() + ", not before the date of supply "
                            + before.supplyDate() + " and not after " + before.issueDate());
        }
        store.redate(id, issueDate, issueDate.plusDays(before.paymentTermsDays()));
        Invoice after = store.find(id).orElseThrow();
        audit.record(InvoicingService.AUDIT_ENTITY, id.toString(), "BACKDATED", before, after);
        journal.backdated(after);
        return after;
    }

    /** Voids an invoice or credit note that nothing has been paid on; it keeps its number. */
    @Transactional
    public Invoice voidDocument(String idOrNumber, String ifMatch, VoidRequest request) {
        List<FieldViolation> invalid = new ArrayList<>();
        text(invalid, "reason", request == null ? null : request.reason(), false);
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        UUID id = store.idOf(idOrNumber).orElseThrow(() -> OrdoException.notFound("Invoice", idOrNumber));
        // a credit note and its invoice are locked together in id order, as payments lock invoices
        store.lockAll(
                store.originalOf(id).map(original -> List.of(id, original)).orElse(List.of(id)));
        Invoice before = store.lock(id).orElseThrow(() -> OrdoException.notFound("Invoice", idOrNumber));
        ETags.requireMatch(ifMatch, before.version(), "Invoice " + label(before));
        checkVoidable(before);
        String reason =
                request == null || request.reason() == null || request.reason().isBlank()
                        ? null
                        : request.reason().trim();
        store.markVoid(before.id(), reason, Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (before.isCreditNote()) {
            giveBackCredit(before);
        }
        Invoice after = store.find(before.id()).orElseThrow();
        audit.record(InvoicingService.AUDIT_ENTITY, before.id().toString(), "VOIDED", before, after);
        events.publishEvent(new InvoiceVoided(
                after.id(),
                after.number(),
                after.type(),
                after.orderId(),
                after.orderNumber(),
                after.customerId(),
                reason));
        journal.voided(after);
        return after;
    }

    /**
     * Refuses to void what was paid, an invoice with credit notes still standing, or a credit note of an invoice that is
     * PAID by now; the original of a credit note is locked already.
     */
    private void checkVoidable(Invoice before) {
        if (!before.status().canMoveTo(InvoiceStatus.VOID)) {
            throw new IllegalTransitionException(
                    "Invoice",
                    label(before),
                    before.status(),
                    InvoiceStatus.VOID,
                    before.status().allowedNext());
        }
        if (!before.amountPaid().isZero()) {
            // the state table already keeps paid invoices from VOID; this guards the amounts themselves
            throw OrdoException.conflict(
                    "invoice-has-payments", "Invoice " + label(before) + " has payments; it cannot be voided.");
        }
        if (!before.isCreditNote()) {
            List<String> notes = store.issuedCreditNotes(before.id());
            if (!notes.isEmpty()) {
                throw OrdoException.conflict(
                        "invoice-has-credit-notes",
                        "Invoice " + label(before) + " has credit notes " + notes + "; void them first.");
            }
        }
        if (before.isCreditNote()) {
            Invoice original = store.lock(before.originalInvoiceId()).orElseThrow();
            if (original.status() == InvoiceStatus.PAID || original.status() == InvoiceStatus.CREDITED) {
                // PAID and CREDITED are final: bringing the credited amount back would leave a settled invoice with
                // something due
                throw OrdoException.conflict(
                        "invoice-paid",
                        "Invoice " + original.number() + " is " + original.status() + "; credit note " + label(before)
                                + " can no longer be voided. Invoice the amount again instead.");
            }
        }
    }

    /** The credited invoice gets back what the voided credit note had credited. */
    private void giveBackCredit(Invoice creditNote) {
        Invoice original = store.lock(creditNote.originalInvoiceId()).orElseThrow();
        store.addCredited(original.id(), creditNote.totals().total().amount());
        audit.record(
                InvoicingService.AUDIT_ENTITY,
                original.id().toString(),
                "CREDIT_VOIDED",
                original,
                store.find(original.id()).orElseThrow());
    }

    /** Marks issued invoices past due (with something due, nothing paid) OVERDUE; returns their numbers. */
    @Transactional
    public List<String> markOverdue(LocalDate today, int limit) {
        List<UUID> ids = store.lockOverdue(today, limit);
        List<String> numbers = new ArrayList<>();
        for (UUID id : ids) {
            Invoice before = store.find(id).orElseThrow();
            before.status().requireCanMoveTo(InvoiceStatus.OVERDUE);
            store.changeStatus(id, InvoiceStatus.OVERDUE);
            audit.record(
                    InvoicingService.AUDIT_ENTITY,
                    id.toString(),
                    "OVERDUE",
                    before,
                    store.find(id).orElseThrow());
            events.publishEvent(new InvoiceOverdue(
                    id,
                    before.number(),
                    before.orderId(),
                    before.orderNumber(),
                    before.customerId(),
                    before.dueDate(),
                    before.amountDue().amount(),
                    before.currency()));
            numbers.add(before.number());
        }
        return numbers;
    }

    private static String label(Invoice invoice) {
        return invoice.number() != null ? invoice.number() : invoice.id().toString();
    }

    private static void text(List<FieldViolation> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldViolation(field, "must not be blank"));
            }
        } else if (value.length() > MAX_REASON) {
            problems.add(new FieldViolation(field, "must be at most " + MAX_REASON + " characters"));
        } else if (value.indexOf('\0') >= 0) {
            problems.add(new FieldViolation(field, "must not contain NUL characters"));
        }
    }
}
