package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.invoicing.Accounting;
import org.ordo.invoicing.PaymentMethod;
import org.ordo.invoicing.PaymentStatus;
import org.ordo.platform.Idempotency;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The payments received: a list with filters (customer by name or chosen, status, method, days received), latest first;
 * one payment with its allocations and refunds; and what may be done with the money it still has on account: allocate it to
 * the customer's open invoices (prefilled oldest due first) or pay it back. The page checks what a person needs told in
 * their language; the invoicing module checks everything again and has the last word, and a refused form changes nothing.
 * Both forms carry a one-time key, so a double submit allocates or refunds once.
 */
@Controller
class PaymentListPages {

    static final int PAGE_SIZE = 25;
    /** A name matching more customers than this is searched among the first of them only. */
    static final int CUSTOMERS_BY_NAME = 200;

    private final Accounting accounting;
    private final Customers customers;
    private final Idempotency idempotency;
    private final MessageSource messages;
    private final ViolationTexts violations;

    PaymentListPages(
            Accounting accounting,
            Customers customers,
            Idempotency idempotency,
            MessageSource messages,
            ViolationTexts violations) {
        this.accounting = accounting;
        this.customers = customers;
        this.idempotency = idempotency;
        this.messages = messages;
        this.violations = violations;
    }

    /** The filters as typed; what is malformed is reported next to its field and left out of the search. */
    public record Filter(String q, String customer, String status, String method, String from, String to) {

        public String query(int page) {
            return ListLink.to("/accounting/payments")
                    .filter("q", q)
                    .filter("customer", customer)
                    .filter("status", status)
                    .filter("method", method)
                    .filter("from", from)
                    .filter("to", to)
                    .page(page);
        }
    }

    /** A payment in the list with its customer's name. */
    public record Row(Accounting.PaymentListed payment, String customerName) {}

    @GetMapping("/accounting/payments")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String method,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpServletResponse response,
            Model model) {
        Filter filter = new Filter(
                blankToEmpty(q), blankToEmpty(customer), blankToEmpty(status), blankToEmpty(method), from, to);
        Map<String, String> errors = new LinkedHashMap<>();
        Accounting.PaymentSearch search = search(filter, errors);
        PageResult<Accounting.PaymentListed> result =
                accounting.payments(search, Paging.of(Downloads.page(page), PAGE_SIZE));
        Map<UUID, String> names = new HashMap<>();
        List<Row> rows = result.items().stream()
                .map(p -> new Row(p, names.computeIfAbsent(p.customerId(), this::customerName)))
                .toList();
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("rows", rows);
        model.addAttribute("lastPage", Downloads.lastPage(result));
        model.addAttribute("statuses", PaymentStatus.values());
        model.addAttribute("methods", PaymentMethod.values());
        model.addAttribute("customers", customers.search(null, AccountingPages.CUSTOMERS_IN_FILTER));
        model.addAttribute("tab", "payment-list");
        response.addHeader("Vary", "HX-Request");
        if (htmx != null && restore == null) {
            return "accounting/payments :: results";
        }
        return "accounting/payments";
    }

    private Accounting.PaymentSearch search(Filter filter, Map<String, String> errors) {
        Set<UUID> customerIds = null;
        if (!filter.customer().isBlank()) {
            customerIds = Set.of(uuid(filter.customer()).orElse(new UUID(0, 0)));
        }
        if (!filter.q().isBlank()) {
            Set<UUID> named = new LinkedHashSet<>();
            customers.search(filter.q(), CUSTOMERS_BY_NAME).forEach(c -> named.add(c.id()));
            if (customerIds != null) {
                named.retainAll(customerIds);
            }
            customerIds = named;
        }
        PaymentStatus status = choice(PaymentStatus.class, filter.status(), "status", errors);
        PaymentMethod method = choice(PaymentMethod.class, filter.method(), "method", errors);
        LocalDate from = date(filter.from(), "from", errors);
        LocalDate to = date(filter.to(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", text("payments.error.toBeforeFrom"));
            to = null;
        }
        return new Accounting.PaymentSearch(customerIds, status, method, from, to);
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, String field, Map<String, String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(field, text("error.choice"));
            return null;
        }
    }

    private LocalDate date(String value, String field, Map<String, String> errors) {
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

    @GetMapping("/accounting/payments/{id}")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String payment(@PathVariable String id, Model model) {
        Accounting.PaymentDetails payment = find(id);
        return show(
                payment,
                suggested(payment),
                new RefundForm("", "", UUID.randomUUID().toString()),
                Map.of(),
                model);
    }

    /** The refund form as typed. */
    public record RefundForm(String amount, String reason, String submission) {}

    /** The open invoices of the payment's customer in its currency, with the amounts typed (or suggested) for them. */
    public record AllocationForm(List<Accounting.Listed> invoices, Map<String, String> amounts, String submission) {

        public String amount(UUID invoiceId) {
            return amounts.getOrDefault(invoiceId.toString(), "");
        }
    }

    /** What the money on account would pay, oldest due first. */
    private AllocationForm suggested(Accounting.PaymentDetails payment) {
        List<Accounting.Listed> open = openInvoices(payment);
        Map<String, String> amounts = new LinkedHashMap<>();
        BigDecimal left = payment.payment().onAccount().amount();
        for (Accounting.Listed invoice : open) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal take = left.min(invoice.amountDue().amount());
            amounts.put(
                    invoice.id().toString(),
                    plain(new Money(take, invoice.amountDue().currency())));
            left = left.subtract(take);
        }
        return new AllocationForm(open, amounts, UUID.randomUUID().toString());
    }

    private List<Accounting.Listed> openInvoices(Accounting.PaymentDetails payment) {
        String currency = payment.payment().amount().currencyCode();
        return accounting.openInvoices(payment.payment().customerId()).stream()
                .filter(i -> i.amountDue().currencyCode().equals(currency))
                .toList();
    }

    @PostMapping("/accounting/payments/{id}/allocations")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String allocate(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        Accounting.PaymentDetails payment = find(id);
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("alloc-") && !v.isEmpty()) {
                typed.put(k.substring("alloc-".length()), v.get(0).trim());
            }
        });
        AllocationForm form = new AllocationForm(openInvoices(payment), typed, first(params, "submission"));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<UUID, Money> allocations =
                allocations(form, payment.payment().amount().currency(), errors);
        RefundForm refund = new RefundForm("", "", UUID.randomUUID().toString());
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(payment, form, refund, errors, model);
        }
        try {
            ResponseEntity<?> answer = idempotency.execute(
                    "page-payment-allocations",
                    key(form.submission()),
                    Map.of("payment", id, "allocations", new java.util.TreeMap<>(typed)),
                    () -> ResponseEntity.ok(
                            accounting.allocate(payment.payment().id(), allocations)));
            done(redirect, answer, "payments.done.allocated");
        } catch (OrdoException refused) {
            refused(refused, new ArrayList<>(allocations.keySet()), errors, response);
            return show(find(id), form, refund, errors, model);
        }
        return "redirect:/accounting/payments/" + payment.payment().id();
    }

    /**
     * The amounts typed per invoice; blank and 0 leave an invoice out. Whether each invoice is still open, and has that much
     * open, is the invoicing module's to say: a form sent twice must reach it to be answered as already done.
     */
    private Map<UUID, Money> allocations(AllocationForm form, java.util.Currency currency, Map<String, String> errors) {
        Map<UUID, Money> allocations = new LinkedHashMap<>();
        for (Map.Entry<String, String> typed : form.amounts().entrySet()) {
            String field = "alloc-" + typed.getKey();
            if (typed.getValue().isBlank()) {
                continue;
            }
            java.util.Optional<UUID> invoice = uuid(typed.getKey());
            List<FieldViolation> problems = new ArrayList<>();
            Money money = new MoneyInput(typed.getValue(), currency.getCurrencyCode()).toMoney("amount", problems);
            if (invoice.isEmpty()) {
                errors.put("allocations", text("accounting.error.notOpen"));
            } else if (!problems.isEmpty() || money == null) {
                errors.put(
                        field, problems.isEmpty() ? text("accounting.error.amount") : violations.of(problems.get(0)));
            } else if (money.amount().signum() > 0) {
                allocations.put(invoice.get(), money);
            }
        }
        if (allocations.isEmpty() && errors.isEmpty()) {
            errors.put("allocations", text("accounting.error.noAllocation"));
        }
        return allocations;
    }

    @PostMapping("/accounting/payments/{id}/refunds")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String refund(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String submission,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        Accounting.PaymentDetails payment = find(id);
        RefundForm form = new RefundForm(amount.trim(), reason, submission);
        Map<String, String> errors = new LinkedHashMap<>();
        Money money = null;
        if (form.amount().isBlank()) {
            errors.put("refund-amount", text("error.required"));
        } else {
            List<FieldViolation> problems = new ArrayList<>();
            money = new MoneyInput(form.amount(), payment.payment().amount().currencyCode())
                    .toMoney("amount", problems);
            if (!problems.isEmpty() || money == null) {
                errors.put(
                        "refund-amount",
                        problems.isEmpty() ? text("accounting.error.amount") : violations.of(problems.get(0)));
            } else if (money.amount().signum() <= 0) {
                errors.put("refund-amount", text("accounting.error.positive"));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(payment, suggested(payment), form, errors, model);
        }
        Money refund = money;
        try {
            ResponseEntity<?> answer = idempotency.execute(
                    "page-payment-refunds",
                    key(submission),
                    Map.of("payment", id, "amount", form.amount(), "reason", reason),
                    () -> ResponseEntity.ok(accounting.refund(payment.payment().id(), refund, reason)));
            done(redirect, answer, "payments.done.refunded");
        } catch (OrdoException refused) {
            refused(refused, List.of(), errors, response);
            return show(find(id), suggested(payment), form, errors, model);
        }
        return "redirect:/accounting/payments/" + payment.payment().id();
    }

    private void done(RedirectAttributes redirect, ResponseEntity<?> answer, String message) {
        if ("true".equals(answer.getHeaders().getFirst("Idempotent-Replayed"))) {
            redirect.addFlashAttribute("done", "payments.done.again");
            return;
        }
        Accounting.PaymentDetails after = (Accounting.PaymentDetails) answer.getBody();
        redirect.addFlashAttribute("done", message);
        redirect.addFlashAttribute(
                "doneArgument",
                after == null ? "" : new Formats().money(after.payment().onAccount()));
    }

    /** What the invoicing module refused, next to the page's field it names. */
    private void refused(
            OrdoException refused, List<UUID> allocated, Map<String, String> errors, HttpServletResponse response) {
        for (FieldViolation v : refused.violations()) {
            errors.merge(field(v.field(), allocated), violations.of(v), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("action", violations.refusal(refused));
        }
        response.setStatus(
                refused.kind() == OrdoException.Kind.CONFLICT
                        ? HttpServletResponse.SC_CONFLICT
                        : HttpServletResponse.SC_BAD_REQUEST);
    }

    private static String field(String moduleField, List<UUID> allocated) {
        if (moduleField.startsWith("allocations[")) {
            int index = Integer.parseInt(moduleField.substring("allocations[".length(), moduleField.indexOf(']')));
            return index < allocated.size() ? "alloc-" + allocated.get(index) : "allocations";
        }
        return switch (moduleField) {
            case "amount", "amount.amount", "amount.currency" -> "refund-amount";
            case "reason" -> "reason";
            case "allocations" -> "allocations";
            default -> "action";
        };
    }

    private String show(
            Accounting.PaymentDetails payment,
            AllocationForm allocation,
            RefundForm refund,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("payment", payment);
        model.addAttribute("p", payment.payment());
        model.addAttribute(
                "customer", customers.find(payment.payment().customerId()).orElse(null));
        model.addAttribute("allocation", allocation);
        model.addAttribute("refund", refund);
        model.addAttribute(
                "canAllocate",
                payment.payment().onAccount().amount().signum() > 0
                        && !allocation.invoices().isEmpty());
        model.addAttribute("canRefund", payment.payment().onAccount().amount().signum() > 0);
        model.addAttribute("errors", errors);
        model.addAttribute("tab", "payment-list");
        return "accounting/payment-detail";
    }

    private Accounting.PaymentDetails find(String id) {
        return uuid(id).flatMap(accounting::payment).orElseThrow(() -> OrdoException.notFound("Payment", id));
    }

    private String customerName(UUID id) {
        return customers.find(id).map(CustomerSnapshot::name).orElse(id.toString());
    }

    private static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String key(String submission) {
        return submission == null || submission.isBlank() || submission.length() > 255
                ? null
                : Actor.current().username() + ":" + submission;
    }

    private static String plain(Money money) {
        return money.amount()
                .setScale(money.currency().getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
