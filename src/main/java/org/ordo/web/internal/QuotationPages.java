package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.orders.OrderSnapshot;
import org.ordo.platform.CompanyCalendar;
import org.ordo.pricing.Pricing;
import org.ordo.quotations.QuotationRequests;
import org.ordo.quotations.QuotationRequests.QuotationView;
import org.ordo.quotations.QuotationStatus;
import org.ordo.quotations.Quotations;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Quotations in the back office (ADMIN and SALES, as {@code /api/quotations} allows writing them): a list by status and
 * customer with each one's validity, a new quotation priced by the pricing rules, its page with the revisions and what
 * happened when, and sending, revising, declining and the PDF. What the quotations module refuses is shown next to its
 * field or above the page, in the user's language.
 */
@Controller
class QuotationPages {

    static final int PAGE_SIZE = 50;
    static final int CUSTOMER_MATCHES = 10;
    /** The validity a new quotation is offered with, in days. */
    static final int DEFAULT_VALIDITY_DAYS = 30;

    private final Quotations quotations;
    private final Customers customers;
    private final ViolationTexts violationTexts;
    private final MessageSource messages;
    private final CompanyCalendar calendar;
    private final Formats formats;
    private final Catalog catalog;
    private final Pricing pricing;

    QuotationPages(
            Quotations quotations,
            Customers customers,
            ViolationTexts violationTexts,
            MessageSource messages,
            CompanyCalendar calendar,
            Formats formats,
            Catalog catalog,
            Pricing pricing) {
        this.quotations = quotations;
        this.customers = customers;
        this.violationTexts = violationTexts;
        this.messages = messages;
        this.calendar = calendar;
        this.formats = formats;
        this.catalog = catalog;
        this.pricing = pricing;
    }

    @GetMapping("/quotations")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String page,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        QuotationStatus chosen = status(status, errors);
        UUID customerId = customerFilter(customer, errors);
        int shown = Downloads.page(page);
        List<QuotationView> found =
                errors.isEmpty() ? quotations.search(customerId, chosen, shown, PAGE_SIZE) : List.of();
        model.addAttribute("quotations", found);
        model.addAttribute("customerNames", names(found));
        model.addAttribute("statuses", QuotationStatus.values());
        model.addAttribute("filter", Map.of("status", nz(status), "customer", nz(customer)));
        model.addAttribute("errors", errors);
        model.addAttribute("today", calendar.today());
        ListLink link = ListLink.to("/quotations").filter("status", status).filter("customer", customer);
        model.addAttribute("previous", shown > 0 ? link.page(shown - 1) : null);
        model.addAttribute("next", found.size() == PAGE_SIZE ? link.page(shown + 1) : null);
        return "quotations/list";
    }

    @GetMapping("/quotations/new")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String newQuotation(@RequestParam(required = false) String customer, Model model) {
        QuotationForms.Form form =
                QuotationForms.Form.empty(nz(customer), calendar.today().plusDays(DEFAULT_VALIDITY_DAYS));
        return form(form, null, Map.of(), List.of(), model);
    }

    /** Creates the DRAFT, or, when the customer typed matches several, offers them to choose from. */
    @PostMapping("/quotations/new")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String create(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        QuotationForms.Form form = QuotationForms.Form.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        List<CustomerSnapshot> matches = new ArrayList<>();
        CustomerSnapshot customer = chooseCustomer(form, matches, errors);
        QuotationForms.Terms terms = QuotationForms.terms(form, errors, inputTexts());
        if (params.containsKey("price")) {
            model.addAttribute(
                    "prices", customer == null ? Map.of() : prices(customer.id(), customer.currency(), terms));
            return form(form, null, errors, matches, model);
        }
        if (errors.isEmpty()) {
            try {
                QuotationView created = quotations.create(new QuotationRequests.CreateQuotation(
                        customer.id(), null, terms.validUntil(), terms.lines(), form.note()));
                redirect.addFlashAttribute("done", "quotation.created");
                return "redirect:/quotations/" + created.number();
            } catch (OrdoException refused) {
                response.setStatus(PortalPages.status(refused));
                return form(form, null, errors(refused, terms.rowOfLine(), null), matches, model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, null, errors, matches, model);
    }

    @GetMapping("/quotations/{number}")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String detail(@PathVariable String number, Model model) {
        return show(quotations.get(number), Map.of(), false, model);
    }

    @GetMapping("/quotations/{number}/revise")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String reviseForm(@PathVariable String number, Model model) {
        QuotationView q = quotations.get(number);
        return form(QuotationForms.Form.of(q, customerName(q.customerId())), q, Map.of(), List.of(), model);
    }

    @PostMapping("/quotations/{number}/revise")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String revise(
            @PathVariable String number,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        QuotationView q = quotations.get(number);
        QuotationForms.Form form = QuotationForms.Form.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        QuotationForms.Terms terms = QuotationForms.terms(form, errors, inputTexts());
        if (params.containsKey("price")) {
            model.addAttribute("prices", prices(q.customerId(), q.currency(), terms));
            return form(form, q, errors, List.of(), model);
        }
        if (errors.isEmpty()) {
            try {
                quotations.revise(
                        number, new QuotationRequests.ReviseQuotation(terms.validUntil(), terms.lines(), form.note()));
                redirect.addFlashAttribute("done", "quotation.revised");
                return "redirect:/quotations/" + q.number();
            } catch (OrdoException refused) {
                response.setStatus(PortalPages.status(refused));
                return form(form, q, errors(refused, terms.rowOfLine(), q), List.of(), model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, q, errors, List.of(), model);
    }

    @PostMapping("/quotations/{number}/send")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String send(@PathVariable String number, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(number, () -> quotations.send(number), "quotation.sent", false, model, response, redirect);
    }

    @PostMapping("/quotations/{number}/decline")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String decline(
            @PathVariable String number, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(number, () -> quotations.decline(number), "quotation.declined", false, model, response, redirect);
    }

    @GetMapping("/quotations/{number}/pdf")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        QuotationRequests.Pdf pdf = quotations.pdf(number);
        return Downloads.pdf(pdf.fileName().replace(".pdf", ""), pdf.content());
    }

    @GetMapping("/portal/quotations")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String portalList(Model model) {
        model.addAttribute("quotations", quotations.search(null, null, 0, PAGE_SIZE));
        model.addAttribute("today", calendar.today());
        return "portal/quotations";
    }

    @GetMapping("/portal/quotations/{number}")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String portalDetail(@PathVariable String number, Model model) {
        return show(quotations.get(number), Map.of(), true, model);
    }

    /** Places the order at the quoted prices and shows it; a refusal (expired, declined) is shown on the quotation. */
    @PostMapping("/portal/quotations/{number}/accept")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String portalAccept(
            @PathVariable String number, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        QuotationView q = quotations.get(number);
        try {
            OrderSnapshot order = quotations.accept(number);
            redirect.addFlashAttribute("done", "quotation.portal.accepted");
            redirect.addFlashAttribute("doneArgument", q.number());
            return "redirect:/portal/orders/" + order.number();
        } catch (OrdoException refused) {
            response.setStatus(PortalPages.status(refused));
            QuotationView now = quotations.get(number);
            return show(now, errors(refused, List.of(), now), true, model);
        }
    }

    @PostMapping("/portal/quotations/{number}/decline")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String portalDecline(
            @PathVariable String number, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(number, () -> quotations.decline(number), "quotation.declined", true, model, response, redirect);
    }

    @GetMapping("/portal/quotations/{number}/pdf")
    @PreAuthorize(PageAccess.CUSTOMERS)
    ResponseEntity<byte[]> portalPdf(@PathVariable String number) {
        return pdf(number);
    }

    /** Runs a change; a refusal is shown on the quotation's page in the user's language. */
    private String act(
            String number,
            Supplier<QuotationView> change,
            String done,
            boolean portal,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        QuotationView q = quotations.get(number);
        try {
            change.get();
        } catch (OrdoException refused) {
            response.setStatus(PortalPages.status(refused));
            QuotationView now = quotations.get(number);
            return show(now, errors(refused, List.of(), now), portal, model);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:" + (portal ? "/portal/quotations/" : "/quotations/") + q.number();
    }

    private String show(QuotationView q, Map<String, String> errors, boolean portal, Model model) {
        LocalDate today = calendar.today();
        boolean open = q.status() == QuotationStatus.SENT && !q.validUntil().isBefore(today);
        model.addAttribute("q", q);
        model.addAttribute("customerName", customerName(q.customerId()));
        model.addAttribute("timeline", timeline(q));
        model.addAttribute("errors", errors);
        model.addAttribute("portal", portal);
        model.addAttribute("mayAccept", portal && open);
        model.addAttribute("mayDecline", open);
        model.addAttribute("maySend", !portal && q.status() == QuotationStatus.DRAFT);
        model.addAttribute(
                "mayRevise", !portal && (q.status() == QuotationStatus.DRAFT || q.status() == QuotationStatus.SENT));
        model.addAttribute(
                "expired",
                q.status() == QuotationStatus.EXPIRED || q.validUntil().isBefore(today));
        return "quotations/detail";
    }

    /** What happened to the quotation, oldest first: written, each revision sent, and how it was decided. */
    static List<Step> timeline(QuotationView q) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("quotation.step.created", q.createdAt(), 1));
        q.earlierRevisions().stream()
                .filter(r -> r.sentAt() != null)
                .forEach(r -> steps.add(new Step("quotation.step.sent", r.sentAt(), r.revision())));
        if (q.sentAt() != null) {
            steps.add(new Step("quotation.step.sent", q.sentAt(), q.revision()));
        }
        if (q.decidedAt() != null) {
            steps.add(new Step("quotation.step." + q.status().name(), q.decidedAt(), q.revision()));
        }
        return steps;
    }

    /** One entry of the timeline; {@code key} names its text, which takes the revision. */
    record Step(String key, Instant at, int revision) {}

    private String form(
            QuotationForms.Form form,
            QuotationView revising,
            Map<String, String> errors,
            List<CustomerSnapshot> matches,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rows", form.shownRows());
        model.addAttribute("revising", revising);
        model.addAttribute("matches", matches);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("prices")) {
            model.addAttribute("prices", Map.of());
        }
        return "quotations/form";
    }

    /**
     * The rows' prices today by {@link Pricing}, the one function that prices orders and quotations alike, by row; rows
     * without an active product priced in the customer's currency or a quantity are left out (saving names them).
     */
    private Map<Integer, Pricing.PricedLine> prices(UUID customerId, String currency, QuotationForms.Terms terms) {
        Map<String, ProductSnapshot> products = catalog.find(
                terms.lines().stream().map(QuotationRequests.LineRequest::sku).toList());
        List<Integer> rows = new ArrayList<>();
        List<Pricing.Item> items = new ArrayList<>();
        for (int i = 0; i < terms.lines().size(); i++) {
            QuotationRequests.LineRequest line = terms.lines().get(i);
            ProductSnapshot product = products.get(line.sku());
            if (product != null
                    && product.active()
                    && line.quantity() != null
                    && line.quantity() > 0
                    && product.unitPrice().currencyCode().equals(currency)) {
                rows.add(terms.rowOfLine().get(i));
                items.add(new Pricing.Item(line.sku(), line.quantity(), product.unitPrice(), line.discount()));
            }
        }
        Map<Integer, Pricing.PricedLine> prices = new java.util.HashMap<>();
        if (!items.isEmpty()) {
            List<Pricing.PricedLine> priced =
                    pricing.price(customerId, currency, calendar.today(), items).lines();
            for (int i = 0; i < priced.size(); i++) {
                prices.put(rows.get(i), priced.get(i));
            }
        }
        return prices;
    }

    /**
     * The customer chosen from the matches, or the one customer the typed text matches; otherwise {@code errors} says
     * why and {@code matches} holds those to choose from.
     */
    private CustomerSnapshot chooseCustomer(
            QuotationForms.Form form, List<CustomerSnapshot> matches, Map<String, String> errors) {
        UUID chosen = QuotationForms.uuid(form.customerId());
        if (chosen != null) {
            CustomerSnapshot customer = customers.find(chosen).orElse(null);
            if (customer != null && customer.active()) {
                return customer;
            }
        }
        String typed = form.customer().trim();
        if (typed.isEmpty()) {
            errors.put("customer", text("error.required"));
            return null;
        }
        customers.search(typed, CUSTOMER_MATCHES).stream()
                .filter(CustomerSnapshot::active)
                .forEach(matches::add);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        errors.put("customer", text(matches.isEmpty() ? "quotation.customer.none" : "quotation.customer.choose"));
        return null;
    }

    /**
     * The refusal by form field; one that names no field above the form: the state table's refusal in words, or the
     * quotations module's own refusals (expired, sent already, a discount beyond the limit) in the user's language.
     */
    private Map<String, String> errors(OrdoException refused, List<Integer> rowOfLine, QuotationView q) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : refused.violations()) {
            errors.putIfAbsent(QuotationForms.formField(v.field(), rowOfLine), violationTexts.of(v));
        }
        String refusal = q == null ? null : refusal(refused, q);
        if (refusal != null) {
            errors.put("action", refusal);
        } else if (refused.violations().isEmpty()) {
            errors.put("action", violationTexts.refusal(refused));
        }
        return errors;
    }

    private String refusal(OrdoException refused, QuotationView q) {
        String date = formats.date(q.validUntil());
        return switch (refused.errorCode()) {
            case "quotation-expired" -> text("quotation.refused.expired", q.number(), date);
            case "already-sent" -> text("quotation.refused.alreadySent", q.number());
            case "discount-beyond-limit" -> text("quotation.refused.discount", q.number());
            default ->
                q.status() == QuotationStatus.EXPIRED ? text("quotation.refused.expired", q.number(), date) : null;
        };
    }

    private Map<String, String> inputTexts() {
        return Map.of(
                "date", text("error.date"),
                "quantity", text("entry.error.quantity"),
                "discount", text("entry.error.discount"));
    }

    private QuotationStatus status(String status, Map<String, String> errors) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return QuotationStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            errors.put("status", text("error.choice"));
            return null;
        }
    }

    /** A customer's id, or the one active customer the text names; none or several is an error on the filter. */
    private UUID customerFilter(String customer, Map<String, String> errors) {
        if (customer == null || customer.isBlank()) {
            return null;
        }
        UUID id = QuotationForms.uuid(customer);
        if (id != null) {
            return id;
        }
        List<CustomerSnapshot> found = customers.search(customer.trim(), 2);
        if (found.size() != 1) {
            errors.put("customer", text(found.isEmpty() ? "quotation.customer.none" : "quotation.customer.several"));
            return null;
        }
        return found.get(0).id();
    }

    private Map<UUID, String> names(List<QuotationView> found) {
        return customers.names(found.stream().map(QuotationView::customerId).toList());
    }

    private String customerName(UUID id) {
        return customers.names(List.of(id)).getOrDefault(id, id.toString());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
