package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.PaymentMethod;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Idempotency;
import org.ordo.platform.MoneyInput;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording a payment: the customer, the money, how and when it came; then either explicit allocations per open invoice
 * (prefilled oldest due first, summed live by the page's script) or the oldest-first rule of the API. What is not allocated
 * stays on the customer's account. Every form carries a one-time key, so a double submit records the payment once
 * ({@link Idempotency}, as {@code Idempotency-Key} does for the API).
 */
@Controller
class PaymentPages {

    static final String EXPLICIT = "EXPLICIT";
    static final String OLDEST_FIRST = "OLDEST_FIRST";

    private final Accounting accounting;
    private final Customers customers;
    private final Idempotency idempotency;
    private final MessageSource messages;
    private final ViolationTexts violations;
    private final CompanyCalendar calendar;

    PaymentPages(
            Accounting accounting,
            Customers customers,
            Idempotency idempotency,
            MessageSource messages,
            ViolationTexts violations,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.accounting = accounting;
        this.customers = customers;
        this.idempotency = idempotency;
        this.messages = messages;
        this.violations = violations;
    }

    /** The form as typed (or prefilled); {@code allocations} maps invoice id to the amount typed for it. */
    public record PaymentForm(
            String customer,
            String amount,
            String currency,
            String method,
            String receivedOn,
            String reference,
            String allocation,
            Map<String, String> allocations,
            String invoice,
            String submission) {

        public String allocated(UUID invoiceId) {
            return allocations.getOrDefault(invoiceId.toString(), "");
        }
    }

    @GetMapping("/accounting/payments/new")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String form(
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String invoice,
            @RequestParam(required = false) String amount,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        CustomerSnapshot chosen = null;
        Accounting.Details invoiceDetails = null;
        if (invoice != null && !invoice.isBlank()) {
            invoiceDetails =
                    accounting.details(invoice.trim()).orElseThrow(() -> OrdoException.notFound("Invoice", invoice));
            chosen = customers.find(invoiceDetails.customerId()).orElse(null);
        } else if (customer != null && !customer.isBlank()) {
            chosen = customer(customer).orElse(null);
            if (chosen == null) {
                errors.put("customer", text("error.choice"));
            }
        }
        List<Accounting.Listed> open = chosen == null ? List.of() : accounting.openInvoices(chosen.id());
        String currency =
                invoiceDetails != null ? invoiceDetails.currency() : chosen != null ? chosen.currency() : "EUR";
        BigDecimal money = amountToAllocate(amount, invoiceDetails, errors);
        Map<String, String> allocations = money != null && money.signum() > 0
                ? suggestedAllocations(money, invoiceDetails, open, currency)
                : new LinkedHashMap<>();
        String prefilled = amount != null && !amount.isBlank()
                ? amount.trim()
                : invoiceDetails != null ? invoiceDetails.amountDue().amount().toPlainString() : "";
        PaymentForm form = new PaymentForm(
                chosen == null
                        ? (customer == null ? "" : customer)
                        : chosen.id().toString(),
                prefilled,
                currency,
                PaymentMethod.BANK_TRANSFER.name(),
                calendar.today().toString(),
                "",
                EXPLICIT,
                allocations,
                invoiceDetails == null ? "" : invoiceDetails.number(),
                UUID.randomUUID().toString());
        return show(form, chosen, open, errors, model);
    }

    /** The amount the link brought, else the open amount of its invoice; null when neither (or unreadable, told why). */
    private BigDecimal amountToAllocate(String amount, Accounting.Details invoice, Map<String, String> errors) {
        if (amount != null && !amount.isBlank()) {
            try {
                return new BigDecimal(amount.trim());
            } catch (NumberFormatException e) {
                errors.put("amount", text("accounting.error.amount"));
                return null;
            }
        }
        return invoice != null ? invoice.amountDue().amount() : null;
    }

    /**
     * The allocations the form starts with (invoice id → amount): from an invoice, its open amount goes to it first;
     * anything beyond goes to the customer's open invoices in the payment's currency, oldest first.
     */
    private static Map<String, String> suggestedAllocations(
            BigDecimal money, Accounting.Details invoice, List<Accounting.Listed> open, String currency) {
        Map<String, String> allocations = new LinkedHashMap<>();
        BigDecimal left = money;
        if (invoice != null) {
            BigDecimal take = left.min(invoice.amountDue().amount());
            allocations.put(invoice.id().toString(), take.toPlainString());
            left = left.subtract(take);
        }
        for (Accounting.Listed i : open) {
            if (left.signum() <= 0) {
                break;
            }
            if (allocations.containsKey(i.id().toString())
                    || !i.amountDue().currencyCode().equals(currency)) {
                continue;
            }
            BigDecimal take = left.min(i.amountDue().amount());
            allocations.put(i.id().toString(), take.toPlainString());
            left = left.subtract(take);
        }
        return allocations;
    }

    @PostMapping("/accounting/payments")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String record(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PaymentForm form = typed(params);
        Map<String, String> errors = new LinkedHashMap<>();
        CustomerSnapshot customer = customer(form.customer()).orElse(null);
        if (customer == null) {
            errors.put("customer", text(form.customer().isBlank() ? "error.required" : "error.choice"));
        }
        List<Accounting.Listed> open = customer == null ? List.of() : accounting.openInvoices(customer.id());

        // the checks a person needs in their language; the invoicing module checks everything again and has the last
        // word
        Money amount = amount(form, errors);
        PaymentMethod method = method(form, errors);
        LocalDate receivedOn = receivedOn(form, errors);
        Map<UUID, Money> explicit = EXPLICIT.equals(form.allocation()) ? allocations(form, open, amount, errors) : null;
        if (form.reference().length() > 100) {
            errors.put("reference", text("accounting.error.tooLong", 100));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(form, customer, open, errors, model);
        }
        Accounting.PaymentEntry entry = new Accounting.PaymentEntry(
                customer.id(),
                amount,
                method,
                form.reference().isBlank() ? null : form.reference().trim(),
                receivedOn,
                explicit);
        return submit(form, customer, entry, model, response, redirect);
    }

    /** The form as posted; the amounts typed per invoice come as {@code alloc-<invoice id>}. */
    private static PaymentForm typed(MultiValueMap<String, String> params) {
        Map<String, String> allocations = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("alloc-") && !v.isEmpty()) {
                allocations.put(k.substring("alloc-".length()), v.get(0).trim());
            }
        });
        return new PaymentForm(
                first(params, "customer"),
                first(params, "amount"),
                first(params, "currency"),
                first(params, "method"),
                first(params, "receivedOn"),
                first(params, "reference"),
                OLDEST_FIRST.equals(first(params, "allocation")) ? OLDEST_FIRST : EXPLICIT,
                allocations,
                first(params, "invoice"),
                first(params, "submission"));
    }

    /** The money received, or null with the reason in {@code errors}. */
    private Money amount(PaymentForm form, Map<String, String> errors) {
        if (form.amount().isBlank()) {
            errors.put("amount", text("error.required"));
            return null;
        }
        List<FieldViolation> problems = new ArrayList<>();
        Money amount = new MoneyInput(form.amount(), form.currency().isBlank() ? "EUR" : form.currency())
                .toMoney("amount", problems);
        if (problems.stream().anyMatch(p -> p.field().equals("amount.currency"))) {
            errors.put("currency", text("error.choice"));
            return null;
        }
        if (!problems.isEmpty() || amount == null) {
            // a payment must be more than 0, so a negative amount is told that; anything else is not a readable amount
            boolean negative = problems.stream()
                    .anyMatch(p -> CommonRule.ZERO_OR_GREATER.code().equals(p.code()));
            errors.put("amount", text(negative ? "accounting.error.positive" : "accounting.error.amount"));
            return null;
        }
        if (amount.amount().signum() <= 0) {
            errors.put("amount", text("accounting.error.positive"));
            return null;
        }
        return amount;
    }

    private PaymentMethod method(PaymentForm form, Map<String, String> errors) {
        try {
            return PaymentMethod.valueOf(form.method());
        } catch (IllegalArgumentException e) {
            errors.put("method", text("error.choice"));
            return null;
        }
    }

    private LocalDate receivedOn(PaymentForm form, Map<String, String> errors) {
        if (form.receivedOn().isBlank()) {
            errors.put("receivedOn", text("error.required"));
            return null;
        }
        try {
            LocalDate receivedOn = LocalDate.parse(form.receivedOn());
            if (receivedOn.isAfter(calendar.today())) {
                errors.put("receivedOn", text("accounting.error.future"));
            }
            return receivedOn;
        } catch (DateTimeParseException e) {
            errors.put("receivedOn", text("error.date"));
            return null;
        }
    }

    /** The amounts typed per open invoice (invoice id → money), checked against the invoices as the page showed them. */
    private Map<UUID, Money> allocations(
            PaymentForm form, List<Accounting.Listed> open, Money amount, Map<String, String> errors) {
        Map<UUID, Money> explicit = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        Map<String, Accounting.Listed> openById = new TreeMap<>();
        open.forEach(i -> openById.put(i.id().toString(), i));
        for (Map.Entry<String, String> a : form.allocations().entrySet()) {
            Accounting.Listed invoice = openById.get(a.getKey());
            BigDecimal value = allocated("alloc-" + a.getKey(), a.getValue(), invoice, amount, errors);
            if (value == null) {
                continue;
            }
            sum = sum.add(value);
            if (amount != null) {
                explicit.put(invoice.id(), new Money(value, amount.currency()));
            }
        }
        if (amount != null && sum.compareTo(amount.amount()) > 0) {
            errors.put("allocations", text("accounting.error.exceedsPayment"));
        }
        if (explicit.isEmpty()
                && !errors.containsKey("allocations")
                && errors.keySet().stream().noneMatch(k -> k.startsWith("alloc-"))) {
            errors.put("allocations", text("accounting.error.noAllocation"));
        }
        return explicit;
    }

    /** The amount typed in {@code field} for an open invoice (null: no longer open); null when blank, 0 or refused. */
    private BigDecimal allocated(
            String field, String typed, Accounting.Listed invoice, Money amount, Map<String, String> errors) {
        if (typed.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(typed);
        } catch (NumberFormatException e) {
            errors.put(field, text("accounting.error.amount"));
            return null;
        }
        if (value.signum() < 0) {
            errors.put(field, text("accounting.error.positive"));
            return null;
        }
        if (value.signum() == 0) {
            return null;
        }
        if (invoice == null) {
            errors.put("allocations", text("accounting.error.notOpen"));
            return null;
        }
        String currency = invoice.amountDue().currencyCode();
        if (amount != null && !currency.equals(amount.currencyCode())) {
            errors.put(field, text("accounting.error.currency", currency));
            errors.putIfAbsent("currency", text("accounting.error.currencyOfInvoices", currency));
            return null;
        }
        if (value.compareTo(invoice.amountDue().amount()) > 0) {
            errors.put(field, text("accounting.error.exceedsInvoice", invoice.number()));
            return null;
        }
        return value;
    }

    /** Records the payment once per form, or shows the form again with what the invoicing module refused. */
    private String submit(
            PaymentForm form,
            CustomerSnapshot customer,
            Accounting.PaymentEntry entry,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String back = form.invoice().isBlank()
                ? "/accounting?customer=" + customer.id()
                : "/accounting/invoices/" + form.invoice();
        ResponseEntity<?> answer;
        try {
            answer = idempotency.execute("page-payments", key(form), fingerprint(form), () -> {
                Accounting.Recorded recorded = accounting.recordPayment(entry);
                return ResponseEntity.created(URI.create(back)).body(recorded);
            });
        } catch (OrdoException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : refused.violations()) {
                errors.merge(field(v.field(), entry.allocations()), violations.of(v), (a, b) -> a + "; " + b);
            }
            if (errors.isEmpty()) {
                errors.put("action", violations.refusal(refused));
            }
            response.setStatus(
                    refused.kind() == OrdoException.Kind.CONFLICT
                            ? HttpServletResponse.SC_CONFLICT
                            : HttpServletResponse.SC_BAD_REQUEST);
            return show(form, customer, accounting.openInvoices(customer.id()), errors, model);
        }
        if ("true".equals(answer.getHeaders().getFirst("Idempotent-Replayed"))) {
            redirect.addFlashAttribute("done", "accounting.done.paymentAgain");
        } else {
            Accounting.Recorded recorded = (Accounting.Recorded) answer.getBody();
            redirect.addFlashAttribute("done", "accounting.done.payment");
            Formats fmt = new Formats();
            redirect.addFlashAttribute("doneArgument", recorded == null ? "" : fmt.money(recorded.allocated()));
            redirect.addFlashAttribute("doneSecond", recorded == null ? "" : fmt.money(recorded.onAccount()));
        }
        String location = answer.getHeaders().getFirst(HttpHeaders.LOCATION);
        return "redirect:" + (location == null ? back : location);
    }

    /** The page's field for a field the invoicing module names. */
    private static String field(String moduleField, Map<UUID, Money> explicit) {
        if (moduleField.startsWith("allocations[") && explicit != null) {
            int index = Integer.parseInt(moduleField.substring("allocations[".length(), moduleField.indexOf(']')));
            List<UUID> ids = new ArrayList<>(explicit.keySet());
            return index < ids.size() ? "alloc-" + ids.get(index) : "allocations";
        }
        return switch (moduleField) {
            case "customerId" -> "customer";
            case "amount", "amount.amount" -> "amount";
            case "amount.currency" -> "currency";
            case "method", "receivedOn", "reference", "allocations" -> moduleField;
            default -> "action";
        };
    }

    private String show(
            PaymentForm form,
            CustomerSnapshot customer,
            List<Accounting.Listed> open,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("customer", customer);
        model.addAttribute("open", open);
        model.addAttribute("onAccount", customer == null ? List.of() : accounting.onAccount(customer.id()));
        model.addAttribute("customers", customers.search(null, AccountingPages.CUSTOMERS_IN_FILTER));
        model.addAttribute("methods", PaymentMethod.values());
        model.addAttribute("currencies", currencies(customer, open));
        model.addAttribute("errors", errors);
        model.addAttribute("tab", "payments");
        return "accounting/payment";
    }

    private static List<String> currencies(CustomerSnapshot customer, List<Accounting.Listed> open) {
        List<String> codes = new ArrayList<>();
        if (customer != null && customer.currency() != null) {
            codes.add(customer.currency());
        }
        open.stream()
                .map(i -> i.amountDue().currencyCode())
                .filter(c -> !codes.contains(c))
                .forEach(codes::add);
        for (String c : List.of("EUR", "USD", "GBP", "CHF", "CNY")) {
            if (!codes.contains(c)) {
                codes.add(c);
            }
        }
        return codes;
    }

    private static String key(PaymentForm form) {
        String key = form.submission();
        return key == null || key.isBlank() || key.length() > 255
                ? null
                : Actor.current().username() + ":" + key;
    }

    /** What "the same request" means for a resubmitted form: every field the user typed. */
    private static Map<String, Object> fingerprint(PaymentForm form) {
        Map<String, Object> f = new TreeMap<>();
        f.put("customer", form.customer());
        f.put("amount", form.amount());
        f.put("currency", form.currency());
        f.put("method", form.method());
        f.put("receivedOn", form.receivedOn());
        f.put("reference", form.reference());
        f.put("allocation", form.allocation());
        f.put("allocations", new TreeMap<>(form.allocations()));
        return f;
    }

    private Optional<CustomerSnapshot> customer(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return customers.find(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
