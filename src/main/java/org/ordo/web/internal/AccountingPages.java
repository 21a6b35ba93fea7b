package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Csv;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accountants' invoices and credit notes: a list with filters, paging, sums and CSV (directly for a few thousand rows, as
 * a background export beyond), one document with its lines, taxes, payments, credit notes and reminders and the actions its
 * state allows (void, credit note by lines or by amount, record a payment), and its PDF and UBL, served here because the
 * API's chain accepts only Basic and token credentials.
 */
@Controller
class AccountingPages {

    static final int PAGE_SIZE = 25;
    /** Up to this many rows the CSV link exports at once; beyond, the export runs as a background job. */
    static final int DIRECT_EXPORT_LIMIT = 2000;

    static final int CUSTOMERS_IN_FILTER = 200;
    static final List<String> CSV_HEADER = List.of(
            "number", "type", "status", "customer", "order", "issueDate", "dueDate", "currency", "total", "amountDue");

    private final Accounting accounting;
    private final Customers customers;
    private final PageJobs jobs;
    private final MessageSource messages;
    private final ViolationTexts violations;
    private final CompanyCalendar calendar;

    AccountingPages(
            Accounting accounting,
            Customers customers,
            PageJobs jobs,
            MessageSource messages,
            ViolationTexts violations,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.accounting = accounting;
        this.customers = customers;
        this.jobs = jobs;
        this.messages = messages;
        this.violations = violations;
    }

    /** The filters as typed; what is malformed is reported next to its field and left out of the search. */
    public record Filter(String path, String status, String customer, String from, String to, String q) {

        public String query(int page) {
            return with(path, page);
        }

        public String csv() {
            return with(path + ".csv", 0);
        }

        private String with(String target, int page) {
            return ListLink.to(target)
                    .filter("status", status)
                    .filter("customer", customer)
                    .filter("from", from)
                    .filter("to", to)
                    .filter("q", q)
                    .page(page);
        }
    }

    @GetMapping("/accounting")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String invoices(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpServletResponse response,
            Model model) {
        return list(
                "/accounting",
                DocumentType.INVOICE,
                new Filter("/accounting", status, customer, from, to, q),
                page,
                htmx,
                restore,
                response,
                model);
    }

    @GetMapping("/accounting/credit-notes")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String creditNotes(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpServletResponse response,
            Model model) {
        return list(
                "/accounting/credit-notes",
                DocumentType.CREDIT_NOTE,
                new Filter("/accounting/credit-notes", status, customer, from, to, q),
                page,
                htmx,
                restore,
                response,
                model);
    }

    private String list(
            String path,
            DocumentType type,
            Filter filter,
            String page,
            String htmx,
            String restore,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Accounting.Search search = search(type, filter, errors);
        int pageNumber = pageNumber(page);
        PageResult<Accounting.Listed> result = accounting.search(search, Paging.of(pageNumber, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("sums", accounting.sums(search));
        model.addAttribute("lastPage", Math.max(0, (int) ((result.totalItems() - 1) / PAGE_SIZE)));
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("customers", customers.search(null, CUSTOMERS_IN_FILTER));
        model.addAttribute("directExport", result.totalItems() <= DIRECT_EXPORT_LIMIT);
        model.addAttribute("creditNotes", type == DocumentType.CREDIT_NOTE);
        model.addAttribute("tab", type == DocumentType.CREDIT_NOTE ? "credit-notes" : "invoices");
        if (!model.containsAttribute("creditInvoice")) {
            model.addAttribute("creditInvoice", "");
        }
        response.addHeader("Vary", "HX-Request");
        if (htmx != null && restore == null) {
            return "accounting/invoices :: results";
        }
        return "accounting/invoices";
    }

    /** Where a credit note starts: the invoice it credits, at its credit-note form. */
    @SuppressWarnings("unchecked")
    @GetMapping("/accounting/credit-notes/new")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String newCreditNote(@RequestParam(required = false) String invoice, HttpServletResponse response, Model model) {
        Accounting.Details doc = invoice == null || invoice.isBlank()
                ? null
                : accounting.details(invoice.trim()).orElse(null);
        if (doc != null && doc.creditable()) {
            return "redirect:/accounting/invoices/" + doc.number() + "#credit-form";
        }
        String error = invoice == null || invoice.isBlank()
                ? text("error.required")
                : doc == null
                        ? text("accounting.error.noSuchInvoice")
                        : text("accounting.error.notCreditable", doc.number());
        response.setStatus(
                invoice == null || invoice.isBlank() || doc == null
                        ? HttpServletResponse.SC_BAD_REQUEST
                        : HttpServletResponse.SC_CONFLICT);
        String view = list(
                "/accounting/credit-notes",
                DocumentType.CREDIT_NOTE,
                new Filter("/accounting/credit-notes", null, null, null, null, null),
                null,
                null,
                null,
                response,
                model);
        ((Map<String, String>) model.getAttribute("errors")).put("invoice", error);
        model.addAttribute("creditInvoice", invoice);
        return view;
    }

    @GetMapping({"/accounting.csv", "/accounting/credit-notes.csv"})
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    ResponseEntity<?> csv(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            HttpServletRequest request) {
        boolean notes = request.getRequestURI().endsWith("/credit-notes.csv");
        Map<String, String> errors = new LinkedHashMap<>();
        Accounting.Search search = search(
                notes ? DocumentType.CREDIT_NOTE : DocumentType.INVOICE,
                new Filter("", status, customer, from, to, q),
                errors);
        PageResult<Accounting.Listed> first = accounting.search(search, Paging.of(0, Paging.MAX_SIZE));
        if (first.totalItems() > DIRECT_EXPORT_LIMIT) {
            // too many for one request: the list offers the background export instead
            return ResponseEntity.status(HttpServletResponse.SC_CONFLICT)
                    .body(text("accounting.export.tooMany", DIRECT_EXPORT_LIMIT));
        }
        List<List<Object>> rows = new ArrayList<>();
        exportRows(search, first, rows, null);
        return csvResponse(
                (notes ? "credit-notes-" : "invoices-") + calendar.today() + ".csv", Csv.of(CSV_HEADER, rows));
    }

    /** Starts the export of everything the filters select in the background, then shows its progress. */
    @PostMapping("/accounting/exports")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String export(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            RedirectAttributes redirect) {
        boolean notes = "CREDIT_NOTE".equals(type);
        Accounting.Search search = search(
                notes ? DocumentType.CREDIT_NOTE : DocumentType.INVOICE,
                new Filter("", status, customer, from, to, q),
                new LinkedHashMap<>());
        String fileName = (notes ? "credit-notes-" : "invoices-") + calendar.today() + ".csv";
        String id;
        try {
            id = jobs.start("export", Actor.current().username(), progress -> {
                List<List<Object>> rows = new ArrayList<>();
                PageResult<Accounting.Listed> first = accounting.search(search, Paging.of(0, Paging.MAX_SIZE));
                progress.total((int) Math.min(Integer.MAX_VALUE, first.totalItems()));
                exportRows(search, first, rows, progress);
                return new ExportFile(fileName, Csv.of(CSV_HEADER, rows), rows.size());
            });
        } catch (IllegalStateException busy) {
            redirect.addFlashAttribute("refused", "accounting.job.busy");
            return "redirect:" + (notes ? "/accounting/credit-notes" : "/accounting");
        }
        return "redirect:/accounting/jobs/" + id;
    }

    /** The result of an export job. */
    public record ExportFile(String fileName, String csv, int rows) {}

    /** Pages through what the search selects, oldest page first; tells {@code progress} (if any) as rows are written. */
    private void exportRows(
            Accounting.Search search,
            PageResult<Accounting.Listed> first,
            List<List<Object>> rows,
            PageJobs.Progress progress) {
        PageResult<Accounting.Listed> page = first;
        int pageNumber = 0;
        while (true) {
            for (Accounting.Listed i : page.items()) {
                rows.add(List.of(
                        nz(i.number()),
                        i.type().name(),
                        i.status().name(),
                        nz(i.customerName()),
                        nz(i.orderNumber()),
                        i.issueDate() == null ? "" : i.issueDate().toString(),
                        i.dueDate() == null ? "" : i.dueDate().toString(),
                        i.total().currencyCode(),
                        i.total().amount(),
                        i.amountDue().amount()));
            }
            if (progress != null) {
                progress.done(rows.size());
            }
            if (page.items().size() < Paging.MAX_SIZE || rows.size() >= page.totalItems()) {
                return;
            }
            page = accounting.search(search, Paging.of(++pageNumber, Paging.MAX_SIZE));
        }
    }

    @GetMapping("/accounting/invoices/{id}")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String detail(@PathVariable String id, Model model) {
        return show(document(id), model, Map.of(), null, Map.of());
    }

    @GetMapping("/accounting/invoices/{id}/pdf")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        return file(accounting.pdf(id).orElseThrow(() -> OrdoException.notFound("Invoice", id)), "inline");
    }

    /** The letter of a reminder sent for the invoice, in the customer's language, to print or send. */
    @GetMapping("/accounting/invoices/{id}/reminders/{level}/pdf")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    ResponseEntity<byte[]> reminderLetter(@PathVariable String id, @PathVariable int level) {
        return file(
                accounting.reminderLetter(id, level).orElseThrow(() -> OrdoException.notFound("Reminder", id)),
                "inline");
    }

    @GetMapping("/accounting/invoices/{id}/ubl")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    ResponseEntity<byte[]> ubl(@PathVariable String id) {
        return file(accounting.ubl(id).orElseThrow(() -> OrdoException.notFound("Invoice", id)), "attachment");
    }

    @PostMapping("/accounting/invoices/{id}/void")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String voidDocument(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Accounting.Details doc = document(id);
        if (reason == null || reason.isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(
                    doc, model, Map.of("voidReason", text("error.required")), "void", Map.of("voidReason", nz(reason)));
        }
        try {
            accounting.voidDocument(doc.id().toString(), reason.trim());
        } catch (OrdoException refused) {
            return refused(
                    doc,
                    refused,
                    "void",
                    Map.of("reason", "voidReason"),
                    Map.of("voidReason", reason),
                    model,
                    response);
        }
        redirect.addFlashAttribute("done", "accounting.done.void");
        return "redirect:/accounting/invoices/" + doc.number();
    }

    @PostMapping("/accounting/invoices/{id}/credit-notes")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String credit(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Accounting.Details doc = document(id);
        String by = form.getFirst("by");
        String reason = form.getFirst("reason");
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.equals("_csrf") && !v.isEmpty()) {
                typed.put(k, v.get(0));
            }
        });
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason == null || reason.isBlank()) {
            errors.put("creditReason", text("error.required"));
        }
        Map<Integer, Long> quantities = new LinkedHashMap<>();
        Money amount = null;
        if ("AMOUNT".equals(by)) {
            amount = creditAmount(doc, form.getFirst("creditAmount"), errors);
        } else {
            quantities = creditQuantities(doc, form, errors);
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(doc, model, errors, "credit", typed);
        }
        Accounting.Listed note;
        try {
            note = "AMOUNT".equals(by)
                    ? accounting.creditAmount(doc.id().toString(), amount, reason.trim())
                    : accounting.creditLines(doc.id().toString(), quantities, reason.trim());
        } catch (OrdoException refused) {
            return refused(doc, refused, "credit", creditFields(quantities), typed, model, response);
        }
        redirect.addFlashAttribute("done", "accounting.done.credit");
        redirect.addFlashAttribute("doneArgument", note.number());
        return "redirect:/accounting/invoices/" + doc.number();
    }

    /** The net amount typed to credit, in the invoice's currency; null with the reason in {@code errors}. */
    private Money creditAmount(Accounting.Details doc, String value, Map<String, String> errors) {
        List<FieldViolation> problems = new ArrayList<>();
        Money amount = new MoneyInput(value, doc.currency()).toMoney("amount", problems);
        if (!problems.isEmpty()) {
            errors.put(
                    "creditAmount",
                    value == null || value.isBlank() ? text("error.required") : text("accounting.error.amount"));
        } else if (amount.amount().signum() <= 0) {
            errors.put("creditAmount", text("accounting.error.positive"));
        }
        return amount;
    }

    /** The quantities typed per line ({@code qty-<line>}, line number → quantity), each at most what is still creditable. */
    private Map<Integer, Long> creditQuantities(
            Accounting.Details doc, MultiValueMap<String, String> form, Map<String, String> errors) {
        Map<Integer, Long> quantities = new LinkedHashMap<>();
        for (Accounting.Line line : doc.lines()) {
            String value = form.getFirst("qty-" + line.lineNumber());
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                long quantity = Long.parseLong(value.trim());
                if (quantity < 0) {
                    errors.put("qty-" + line.lineNumber(), text("accounting.error.positive"));
                } else if (quantity > line.creditable()) {
                    errors.put("qty-" + line.lineNumber(), text("accounting.error.creditLine", line.creditable()));
                } else if (quantity > 0) {
                    quantities.put(line.lineNumber(), quantity);
                }
            } catch (NumberFormatException e) {
                errors.put("qty-" + line.lineNumber(), text("accounting.error.whole"));
            }
        }
        if (quantities.isEmpty() && errors.keySet().stream().noneMatch(k -> k.startsWith("qty-"))) {
            errors.put("creditLines", text("accounting.error.noLines"));
        }
        return quantities;
    }

    /** The page's field for each field the invoicing module names in a credit note's refusal. */
    private static Map<String, String> creditFields(Map<Integer, Long> quantities) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reason", "creditReason");
        fields.put("amount", "creditAmount");
        fields.put("amount.amount", "creditAmount");
        fields.put("lines", "creditLines");
        List<Integer> numbers = new ArrayList<>(quantities.keySet());
        for (int i = 0; i < numbers.size(); i++) {
            fields.put("lines[" + i + "].quantity", "qty-" + numbers.get(i));
            fields.put("lines[" + i + "].lineNumber", "qty-" + numbers.get(i));
        }
        return fields;
    }

    /** What the invoicing module refused, shown next to the fields it names (others on top), with what was typed kept. */
    private String refused(
            Accounting.Details doc,
            OrdoException refused,
            String action,
            Map<String, String> fields,
            Map<String, String> typed,
            Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : refused.violations()) {
            errors.merge(fields.getOrDefault(v.field(), "action"), violations.of(v), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("action", violations.refusal(refused));
        }
        response.setStatus(
                refused.kind() == OrdoException.Kind.CONFLICT
                        ? HttpServletResponse.SC_CONFLICT
                        : HttpServletResponse.SC_BAD_REQUEST);
        return show(document(doc.id().toString()), model, errors, action, typed);
    }

    private String show(
            Accounting.Details doc,
            Model model,
            Map<String, String> errors,
            String failedAction,
            Map<String, String> typed) {
        model.addAttribute("doc", doc);
        model.addAttribute(
                "customerNumber",
                customers.find(doc.customerId()).map(CustomerSnapshot::number).orElse(null));
        model.addAttribute("onAccount", accounting.onAccount(doc.customerId()));
        model.addAttribute("errors", errors);
        model.addAttribute("failedAction", failedAction);
        model.addAttribute("typed", typed);
        model.addAttribute(
                "payable",
                doc.type() == DocumentType.INVOICE
                        && doc.amountDue().amount().signum() > 0
                        && InvoiceStatus.openStates().contains(doc.status()));
        model.addAttribute("tab", doc.type() == DocumentType.CREDIT_NOTE ? "credit-notes" : "invoices");
        return "accounting/invoice";
    }

    private Accounting.Details document(String id) {
        return accounting.details(id).orElseThrow(() -> OrdoException.notFound("Invoice", id));
    }

    private Accounting.Search search(DocumentType type, Filter filter, Map<String, String> errors) {
        Set<InvoiceStatus> statuses = EnumSet.noneOf(InvoiceStatus.class);
        boolean pastDue = false;
        if (filter.status() != null && !filter.status().isBlank()) {
            try {
                InvoiceStatus status = InvoiceStatus.valueOf(filter.status());
                statuses.add(status);
                // overdue is what is open past its due date, whether or not tonight's dunning run has marked it yet
                pastDue = status == InvoiceStatus.OVERDUE;
            } catch (IllegalArgumentException e) {
                errors.put("status", text("error.choice"));
            }
        }
        UUID customerId = null;
        if (filter.customer() != null && !filter.customer().isBlank()) {
            try {
                customerId = UUID.fromString(filter.customer().trim());
            } catch (IllegalArgumentException e) {
                errors.put("customer", text("error.choice"));
            }
        }
        LocalDate from = date("from", filter.from(), errors);
        LocalDate to = date("to", filter.to(), errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", text("error.period.reversed"));
            to = null;
        }
        return new Accounting.Search(
                statuses,
                pastDue,
                type,
                customerId,
                from,
                to,
                filter.q() == null || filter.q().isBlank() ? null : filter.q().trim(),
                calendar.today());
    }

    static ResponseEntity<byte[]> file(Accounting.Document document, String disposition) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, document.mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.builder(disposition)
                                .filename(document.fileName())
                                .build()
                                .toString())
                .body(document.content());
    }

    static ResponseEntity<?> csvResponse(String fileName, String csv) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private LocalDate date(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, text("error.date"));
            return null;
        }
    }
}
