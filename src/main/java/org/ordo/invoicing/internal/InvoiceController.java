package org.ordo.invoicing.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.platform.ETags;
import org.ordo.platform.Idempotency;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/invoices}: staff who deal with money read, ADMIN and ACCOUNTING credit and void. A customer's own user reads
 * only its own customer's documents; any other is a 404 to it, so ids and numbers cannot be probed.
 */
@RestController
@Tag(name = "Invoices")
class InvoiceController {

    private static final String READERS = "hasAnyRole('ADMIN','SALES','ACCOUNTING','SUPPORT','CUSTOMER')";
    private static final String ACCOUNTANTS = "hasAnyRole('ADMIN','ACCOUNTING')";
    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType XML = MediaType.APPLICATION_XML;

    private final InvoiceStore store;
    private final InvoiceService management;
    private final Idempotency idempotency;
    private final PaymentStore payments;
    private final DunningService dunning;
    private final InvoicePdfRenderer pdf;
    private final ReminderLetterRenderer letters;

    private final Customers customers;

    InvoiceController(
            InvoiceStore store,
            InvoiceService management,
            Idempotency idempotency,
            PaymentStore payments,
            DunningService dunning,
            InvoicePdfRenderer pdf,
            Customers customers,
            ReminderLetterRenderer letters) {
        this.customers = customers;
        this.store = store;
        this.management = management;
        this.idempotency = idempotency;
        this.payments = payments;
        this.dunning = dunning;
        this.pdf = pdf;
        this.letters = letters;
    }

    /** The invoice as JSON: the document, then the payments allocated to it (negative: given back) and its reminders. */
    record InvoiceDetails(
            @JsonUnwrapped Invoice invoice,
            List<Payment.InvoicePayment> payments,
            List<DunningService.Reminder> reminders) {}

    @GetMapping("/api/invoices")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Search invoices and credit notes",
            description =
                    "Newest first. A customer's own user sees only its own. 'customer' names the customer by number "
                            + "or exact name instead of customerId.")
    PageResult<InvoiceStore.Summary> search(
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) UUID orderId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<FieldViolation> problems = new ArrayList<>();
        List<InvoiceStatus> statuses = new ArrayList<>();
        if (status != null) {
            for (String s : status) {
                try {
                    statuses.add(InvoiceStatus.valueOf(s));
                } catch (IllegalArgumentException e) {
                    problems.add(CommonRule.ONE_OF.at("status", List.of(InvoiceStatus.values())));
                }
            }
        }
        DocumentType documentType = null;
        if (type != null) {
            try {
                documentType = DocumentType.valueOf(type);
            } catch (IllegalArgumentException e) {
                problems.add(CommonRule.ONE_OF.at("type", List.of(DocumentType.values())));
            }
        }
        Paging paging = Paging.of(page, size);
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
        customerId = customerId != null ? customerId : named(customers, customer);
        Actor actor = Actor.current();
        if (actor.isCustomer()) {
            UUID own = actor.customerId() == null ? new UUID(0, 0) : actor.customerId();
            if (customerId != null && !customerId.equals(own)) {
                return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
            }
            customerId = own;
        }
        return store.search(customerId, statuses, orderId, documentType, paging);
    }

    /**
     * The id of the customer a search's {@code customer} names by number or name; null when none is given, and an id
     * of nobody when it names no one (the search then finds nothing).
     */
    static UUID named(Customers customers, String customer) {
        if (customer == null || customer.isBlank()) {
            return null;
        }
        return customers.idOf(customer).orElse(new UUID(0, 0));
    }

    @GetMapping(
            value = "/api/invoices/{id}",
            produces = {
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.APPLICATION_PDF_VALUE,
                MediaType.APPLICATION_XML_VALUE,
                MediaType.TEXT_XML_VALUE
            })
    @PreAuthorize(READERS)
    @Operation(
            summary = "One invoice or credit note, by id or number",
            description =
                    "JSON by default; Accept: application/pdf for the printable document, application/xml for UBL 2.1 (EN 16931).")
    ResponseEntity<?> get(
            @PathVariable String id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Invoice invoice = visible(id);
        MediaType format = format(accept);
        if (PDF.equals(format)) {
            return ResponseEntity.ok()
                    .contentType(PDF)
                    .eTag(ETags.of(invoice.version()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName(invoice) + ".pdf\"")
                    .body(pdf.render(invoice));
        }
        if (XML.equals(format)) {
            if (invoice.number() == null) {
                throw OrdoException.conflict("invoice-not-issued", "A draft has no e-invoice; issue it first.");
            }
            return ResponseEntity.ok()
                    .contentType(XML)
                    .eTag(ETags.of(invoice.version()))
                    .body(UblDocument.write(invoice));
        }
        InvoiceDetails details = new InvoiceDetails(
                invoice,
                payments.paymentsOf(invoice.id(), Money.currency(invoice.currency())),
                dunning.reminders(invoice));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(ETags.of(invoice.version()))
                .body(details);
    }

    @GetMapping("/api/invoices/{id}/reminders/{level}/pdf")
    @PreAuthorize(READERS)
    @Operation(
            summary = "The letter of a payment reminder",
            description =
                    "The PDF of the reminder of this level (1 payment reminder, 2 second reminder, 3 final notice) in the "
                            + "customer's language (Chinese for a billing address in CN, HK, MO or TW, else English): the customer's "
                            + "invoices past due on the day it was sent with what is still due, their total and how to pay. A level "
                            + "not sent for the invoice is a 404.")
    ResponseEntity<byte[]> reminderLetter(@PathVariable String id, @PathVariable String level) {
        Invoice invoice = visible(id);
        // read here, not by the binder: a malformed level is a reminder that does not exist, after authorization
        byte[] letter = (level.matches("[1-9]")
                        ? letters.render(invoice, Integer.parseInt(level))
                        : Optional.<byte[]>empty())
                .orElseThrow(() -> OrdoException.notFound("Reminder", fileName(invoice) + " level " + level));
        return ResponseEntity.ok()
                .contentType(PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"" + fileName(invoice) + "-reminder-" + level + ".pdf\"")
                .body(letter);
    }

    record CreditNoteCall(String invoice, InvoiceService.CreditNoteRequest request) {}

    @PostMapping("/api/invoices/{id}/credit-notes")
    @PreAuthorize(ACCOUNTANTS)
    @Operation(
            summary = "Credit an invoice",
            description = "{lines: [{lineNumber, quantity}]} or {amount} (net), and a reason. "
                    + "Crediting more than is left is a 422. Honours Idempotency-Key.")
    ResponseEntity<?> credit(
            @PathVariable String id,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody InvoiceService.CreditNoteRequest request) {
        return idempotency.execute("credit-notes", idempotencyKey, new CreditNoteCall(id, request), () -> {
            Invoice note = management.creditNote(id, request);
            return ResponseEntity.created(URI.create("/api/invoices/" + note.id()))
                    .eTag(ETags.of(note.version()))
                    .body(note);
        });
    }

    @PostMapping("/api/invoices/{id}/void")
    @PreAuthorize(ACCOUNTANTS)
    @Operation(
            summary = "Void an invoice or credit note",
            description = "Only before any payment, and (for an invoice) with no "
                    + "credit notes; it keeps its number. Otherwise 409.")
    ResponseEntity<Invoice> voidDocument(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) InvoiceService.VoidRequest request) {
        Invoice voided = management.voidDocument(id, ifMatch, request);
        return ResponseEntity.ok().eTag(ETags.of(voided.version())).body(voided);
    }

    /** The document if the caller may see it; a customer's user gets a 404 for any other customer's. */
    private Invoice visible(String id) {
        Invoice invoice = store.find(id).orElseThrow(() -> OrdoException.notFound("Invoice", id));
        Actor actor = Actor.current();
        if (actor.isCustomer() && !invoice.customerId().equals(actor.customerId())) {
            throw OrdoException.notFound("Invoice", id);
        }
        return invoice;
    }

    /** PDF or XML when the client prefers it (by quality, then order); JSON otherwise. */
    static MediaType format(String accept) {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_JSON;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isWildcardType()) {
                return MediaType.APPLICATION_JSON;
            }
            if (type.isCompatibleWith(PDF)) {
                return PDF;
            }
            if (type.isCompatibleWith(XML) || type.isCompatibleWith(MediaType.TEXT_XML)) {
                return XML;
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    private static String fileName(Invoice invoice) {
        return invoice.number() != null ? invoice.number() : "draft-" + invoice.id();
    }
}
