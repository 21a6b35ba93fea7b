package org.ordo.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Money;

/**
 * The accountants' desk for other modules (the pages): finding invoices and credit notes, one document with everything booked
 * on it, its PDF and UBL, and the operations of the invoice and payment API with the same rules — void, credit note, record
 * a payment, run dunning. Operations throw {@link org.ordo.shared.OrdoException} with the API's field names
 * ({@code amount.amount}, {@code allocations[0].amount}, {@code lines[0].quantity}, {@code reason}, ...); a refused request
 * changes nothing.
 */
public interface Accounting {

    /**
     * Documents, newest first. {@code statuses} and {@code pastDue} are alternatives (either matches): {@code pastDue} selects
     * invoices with something open whose due date lies before {@code today}, whatever their status says yet (the daily dunning
     * run marks them OVERDUE). {@code text} matches the number, the order number or the customer's number exactly, or a
     * part of the buyer's name. Every field may be null (or empty).
     */
    record Search(
            Set<InvoiceStatus> statuses,
            boolean pastDue,
            DocumentType type,
            UUID customerId,
            LocalDate issuedFrom,
            LocalDate issuedTo,
            String text,
            LocalDate today) {}

    /** A document in a list; a credit note's total is negative and nothing is open on it. */
    record Listed(
            UUID id,
            String number,
            DocumentType type,
            InvoiceStatus status,
            UUID customerId,
            String customerName,
            String orderNumber,
            String originalInvoiceNumber,
            LocalDate issueDate,
            LocalDate dueDate,
            Money total,
            Money amountDue) {}

    /** Of the documents a search selects, per currency: how many, Σ totals (issued, not void) and Σ open on invoices. */
    record Sum(String currency, long documents, Money total, Money amountDue) {}

    PageResult<Listed> search(Search search, Paging paging);

    List<Sum> sums(Search search);

    /** One document with its lines, tax summary, payments, credit notes and reminders; empty if unknown. */
    Optional<Details> details(String idOrNumber);

    /**
     * @param creditable the quantity of this line not credited yet (0 on credit notes)
     */
    record Line(
            int lineNumber,
            String sku,
            String description,
            long quantity,
            Money unitPrice,
            Money lineNet,
            BigDecimal taxRate,
            Money tax,
            long creditable) {}

    record TaxGroup(String vatCategory, BigDecimal taxRate, Money taxableAmount, Money tax) {}

    /** Money allocated to the invoice (negative: given back to the customer's account). */
    record Allocated(
            UUID paymentId,
            PaymentMethod method,
            String reference,
            LocalDate receivedOn,
            Money amount,
            Instant allocatedAt) {}

    record Reminder(int level, int daysPastDue, Money amountDue, Instant sentAt) {}

    /**
     * @param voidable    whether {@code voidDocument} would be accepted now (nothing paid, no credit notes, state allows)
     * @param creditable  whether a credit note may be issued against it now (an issued invoice with something left to credit)
     * @param creditLeft  the gross amount still creditable
     * @param shipping    the shipping charge (net; its tax is in {@code tax} and {@code taxes})
     */
    record Details(
            UUID id,
            String number,
            DocumentType type,
            InvoiceStatus status,
            UUID orderId,
            String orderNumber,
            String shipmentNumber,
            UUID originalInvoiceId,
            String originalInvoiceNumber,
            UUID customerId,
            String customerName,
            String currency,
            LocalDate issueDate,
            LocalDate dueDate,
            List<Line> lines,
            List<TaxGroup> taxes,
            Money subtotal,
            Money shipping,
            Money tax,
            Money total,
            Money amountCredited,
            Money amountPaid,
            Money amountDue,
            List<Allocated> payments,
            List<Listed> creditNotes,
            List<Reminder> reminders,
            String reason,
            String voidReason,
            boolean voidable,
            boolean creditable,
            Money creditLeft) {}

    /** A printable or electronic document: its file name and content. */
    record Document(String fileName, String mediaType, byte[] content) {}

    /** The PDF of an issued document (or a draft); empty if unknown. */
    Optional<Document> pdf(String idOrNumber);

    /** The UBL 2.1 (EN 16931) XML of an issued document; empty if unknown; a draft is a 409. */
    Optional<Document> ubl(String idOrNumber);

    /** The customer's invoices with something open, oldest due first (then by number): where payments go first. */
    List<Listed> openInvoices(UUID customerId);

    /**
     * For data import and demos: dates an issued invoice back to {@code issueDate}, its due date by its payment terms
     * from then; it keeps its number. Returns the date of supply it has (null for an invoice of an order).
     *
     * @throws org.ordo.shared.OrdoException invalid (400) for a date before its date of supply, after its current issue
     *                                       date or in another year than its number's
     */
    LocalDate backdate(String invoiceIdOrNumber, LocalDate issueDate);

    /** Voids a document nothing has been paid on; it keeps its number. */
    void voidDocument(String idOrNumber, String reason);

    /** Credits quantities of the invoice's lines (line number → quantity). */
    Listed creditLines(String invoiceIdOrNumber, Map<Integer, Long> quantities, String reason);

    /** Credits a net amount, spread over the invoice's tax groups. */
    Listed creditAmount(String invoiceIdOrNumber, Money netAmount, String reason);

    /**
     * Money received from a customer. {@code allocations} null: it pays the oldest open invoices first; otherwise exactly
     * these (invoice → amount, in the payment's currency). What is not allocated stays on the customer's account.
     */
    record PaymentEntry(
            UUID customerId,
            Money amount,
            PaymentMethod method,
            String reference,
            LocalDate receivedOn,
            Map<UUID, Money> allocations) {}

    record Recorded(UUID paymentId, Money allocated, Money onAccount) {}

    Recorded recordPayment(PaymentEntry entry);

    /** Money a customer has on account (received, not allocated, not refunded), per currency. */
    List<Money> onAccount(UUID customerId);

    /**
     * Payments, the latest received first. {@code customerIds} null: any customer; empty: none matches (a name that found no
     * customer). The dates bound the day received, both inclusive. Every other field may be null.
     */
    record PaymentSearch(
            Set<UUID> customerIds,
            PaymentStatus status,
            PaymentMethod method,
            LocalDate receivedFrom,
            LocalDate receivedTo) {}

    /** A payment in a list: what came in, what went to invoices, what was paid back and what is left on account. */
    record PaymentListed(
            UUID id,
            UUID customerId,
            PaymentStatus status,
            PaymentMethod method,
            String reference,
            LocalDate receivedOn,
            Money amount,
            Money allocated,
            Money refunded,
            Money onAccount) {}

    PageResult<PaymentListed> payments(PaymentSearch search, Paging paging);

    /** Money a payment allocated to an invoice (negative: given back to the account, with the reason in {@code note}). */
    record PaymentAllocation(
            UUID invoiceId, String invoiceNumber, Money amount, String note, Instant allocatedAt, String allocatedBy) {}

    record PaymentRefund(Money amount, String reason, Instant refundedAt, String refundedBy) {}

    record PaymentDetails(
            PaymentListed payment,
            List<PaymentAllocation> allocations,
            List<PaymentRefund> refunds,
            Instant recordedAt,
            String recordedBy) {}

    /** One payment with its allocations and refunds; empty if unknown. */
    Optional<PaymentDetails> payment(UUID paymentId);

    /**
     * Allocates money the payment has on account, as {@code POST /api/payments/{id}/allocations}: {@code allocations} null
     * pays the customer's oldest open invoices first; otherwise exactly these (invoice → amount).
     */
    PaymentDetails allocate(UUID paymentId, Map<UUID, Money> allocations);

    /** Pays money on account back to the customer, as {@code POST /api/payments/{id}/refunds}. */
    PaymentDetails refund(UUID paymentId, Money amount, String reason);

    /** An invoice past its due date with something open, and the highest reminder level sent so far (0: none). */
    record Overdue(
            UUID id,
            String number,
            UUID customerId,
            String customerName,
            InvoiceStatus status,
            LocalDate dueDate,
            long daysPastDue,
            Money amountDue,
            int reminderLevel,
            Instant lastReminderAt) {}

    /** Invoices past due as of {@code today}, the longest overdue first. */
    PageResult<Overdue> overdue(LocalDate today, Paging paging);

    /**
     * The letter of a reminder sent for an invoice (level 1 payment reminder, 2 second reminder, 3 final notice) as PDF, in
     * the customer's language: the seller, the customer's billing address, the customer's invoices past due on the day of
     * the reminder with what is still due on them, their total and how to pay. Empty when the invoice is unknown or that
     * level was not sent. Whoever sends reminders to customers (print, email) takes the letter from here.
     */
    Optional<Document> reminderLetter(String invoiceIdOrNumber, int level);

    /** Told how far a dunning run is: {@code done} of {@code total} invoices looked at. */
    @FunctionalInterface
    interface Progress {
        void reached(int done, int total);
    }

    /** What a dunning run did; {@code ran} is false when another run held the job at the time. */
    record DunningRun(boolean ran, LocalDate asOf, List<String> markedOverdue, List<SentReminder> reminders) {}

    record SentReminder(String invoiceNumber, int level, int daysPastDue, Money amountDue) {}

    /** Runs dunning now (as the daily job does), telling {@code progress} as it goes; blocks until done. */
    DunningRun runDunning(Progress progress);
}
