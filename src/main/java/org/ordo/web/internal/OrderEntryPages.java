package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.inventory.AvailableToPromise;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderQuote;
import org.ordo.orders.OrderSnapshot;
import org.ordo.platform.Idempotency;
import org.ordo.pricing.Pricing;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.ordo.suggestions.Suggestions;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Order entry for the back office: a customer found by type-ahead, lines added by search or by a barcode scanner, and a
 * quote of prices, tax, stock and promise re-rendered (htmx) as quantities are typed. The quote and the placement both
 * come from the orders module, so the page shows what placing will do. A one-time token in the form makes a double
 * submit place one order.
 */
@Controller
class OrderEntryPages {

    /** The back-office channel of {@code Orders.CHANNELS}. */
    static final String CHANNEL = "WEB";

    static final int SUGGESTIONS = 8;
    /** Products suggested next to the lines once a customer is chosen. */
    static final int PRODUCT_SUGGESTIONS = 5;

    static final String IDEMPOTENCY_SCOPE = "page-order-entry";

    private final OrderEntry entry;
    private final Customers customers;
    private final Catalog catalog;
    private final Idempotency idempotency;
    private final MessageSource messages;
    private final ViolationTexts violationTexts;
    private final AvailableToPromise available;
    private final Suggestions suggestions;

    OrderEntryPages(
            OrderEntry entry,
            Customers customers,
            Catalog catalog,
            Idempotency idempotency,
            MessageSource messages,
            ViolationTexts violationTexts,
            AvailableToPromise available,
            Suggestions suggestions) {
        this.suggestions = suggestions;
        this.available = available;
        this.violationTexts = violationTexts;
        this.entry = entry;
        this.customers = customers;
        this.catalog = catalog;
        this.idempotency = idempotency;
        this.messages = messages;
    }

    /**
     * One line as typed: quantity and discount stay text so that what was typed is shown again as it was;
     * {@code discountKind} is PERCENT or AMOUNT (off each unit).
     */
    public record FormLine(String sku, String quantity, String discount, String discountKind) {

        FormLine(String sku, String quantity) {
            this(sku, quantity, "", PERCENT);
        }

        public boolean byAmount() {
            return AMOUNT.equals(discountKind);
        }
    }

    static final String PERCENT = "PERCENT";
    static final String AMOUNT = "AMOUNT";

    /** The order form as typed. Address fields are all blank when the order goes to the customer's address. */
    public record EntryForm(
            String token,
            String customerId,
            String customerQuery,
            List<FormLine> lines,
            String shippingMethod,
            String requestedDeliveryDate,
            String externalReference,
            String notes,
            Map<String, String> address) {

        public String addressField(String name) {
            return address.getOrDefault(name, "");
        }

        public boolean hasAddress() {
            return address.values().stream().anyMatch(v -> v != null && !v.isBlank());
        }

        static EntryForm empty() {
            return new EntryForm(
                    UUID.randomUUID().toString(),
                    "",
                    "",
                    new ArrayList<>(),
                    "STANDARD",
                    "",
                    "",
                    "",
                    new LinkedHashMap<>());
        }

        static EntryForm of(MultiValueMap<String, String> params) {
            String token = value(params, "token");
            return new EntryForm(
                    token.isBlank() ? UUID.randomUUID().toString() : token,
                    value(params, "customerId"),
                    value(params, "customerQuery"),
                    typedLines(params),
                    value(params, "shippingMethod"),
                    value(params, "requestedDeliveryDate"),
                    value(params, "externalReference"),
                    value(params, "notes"),
                    typedAddress(params));
        }
    }

    /** The lines as typed: a SKU, its quantity and discount each, lines without a SKU left out. */
    private static List<FormLine> typedLines(MultiValueMap<String, String> params) {
        List<String> skus = params.getOrDefault("sku", List.of());
        List<String> quantities = params.getOrDefault("qty", List.of());
        List<String> discounts = params.getOrDefault("discount", List.of());
        List<String> kinds = params.getOrDefault("discountKind", List.of());
        List<FormLine> lines = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            if (skus.get(i) != null && !skus.get(i).isBlank()) {
                lines.add(new FormLine(
                        skus.get(i).trim(),
                        nth(quantities, i),
                        nth(discounts, i),
                        AMOUNT.equals(nth(kinds, i)) ? AMOUNT : PERCENT));
            }
        }
        return lines;
    }

    private static String nth(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i).trim() : "";
    }

    private static Map<String, String> typedAddress(MultiValueMap<String, String> params) {
        Map<String, String> address = new LinkedHashMap<>();
        for (String field : ADDRESS_FIELDS) {
            address.put(field, value(params, "shippingAddress." + field));
        }
        return address;
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v;
    }

    static final List<String> ADDRESS_FIELDS =
            List.of("name", "line1", "line2", "postalCode", "city", "region", "country");

    @GetMapping("/orders/new")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String newOrder(@RequestParam(required = false) String customer, Model model) {
        EntryForm form = EntryForm.empty();
        if (customer != null) {
            Optional<CustomerSnapshot> chosen = parseId(customer).flatMap(customers::find);
            if (chosen.isPresent()) {
                form = new EntryForm(
                        form.token(),
                        chosen.get().id().toString(),
                        chosen.get().name(),
                        form.lines(),
                        form.shippingMethod(),
                        "",
                        "",
                        "",
                        form.address());
            }
        }
        return page(form, new LinkedHashMap<>(), false, model);
    }

    /** The type-ahead of customers: name or e-mail contains the text, or the customer number (its id) is the text. */
    @GetMapping("/orders/new/customers")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String customerSuggestions(@RequestParam(required = false) String customerQuery, Model model) {
        List<CustomerSnapshot> found = new ArrayList<>();
        String q = customerQuery == null ? "" : customerQuery.trim();
        if (!q.isEmpty()) {
            parseId(q).flatMap(customers::find).ifPresent(found::add);
            if (found.isEmpty()) {
                found.addAll(customers.search(q, SUGGESTIONS));
            }
        }
        model.addAttribute(
                "customerSuggestions",
                found.stream().filter(CustomerSnapshot::active).toList());
        model.addAttribute("customerQuery", q);
        return "entry/new :: customerSuggestions";
    }

    /** The type-ahead of products: name or SKU contains the text, or the SKU or GTIN is the text. */
    @GetMapping("/orders/new/products")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String productSuggestions(@RequestParam(required = false) String productQuery, Model model) {
        String q = productQuery == null ? "" : productQuery.trim();
        model.addAttribute("productSuggestions", q.isEmpty() ? List.of() : catalog.search(q, SUGGESTIONS));
        model.addAttribute("productQuery", q);
        return "entry/new :: productSuggestions";
    }

    /**
     * The quote fragment for the form as typed; {@code add} (a SKU or GTIN) adds a line or one more of an existing line,
     * {@code remove} (a line's position) takes one out. The page posts the form (an order of many lines outgrows a URL);
     * nothing is written either way.
     */
    @RequestMapping(
            path = "/orders/new/quote",
            method = {RequestMethod.GET, RequestMethod.POST})
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String quote(@RequestParam MultiValueMap<String, String> params, Model model) {
        EntryForm form = EntryForm.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        String add = params.getFirst("add");
        if (add != null && !add.isBlank()) {
            Optional<ProductSnapshot> product = catalog.findByCode(add.trim());
            if (product.isEmpty()) {
                errors.put("productQuery", text("entry.error.unknownCode", add.trim()));
            } else {
                addOne(form.lines(), product.get().sku());
            }
        }
        String remove = params.getFirst("remove");
        if (remove != null
                && remove.matches("\\d{1,4}")
                && Integer.parseInt(remove) < form.lines().size()) {
            form.lines().remove(Integer.parseInt(remove));
        }
        fill(form, errors, false, model);
        return "entry/new :: quote";
    }

    @PostMapping("/orders/new")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String place(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EntryForm form = EntryForm.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        OrderEntry.NewOrder order = fill(form, errors, true, model);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(form, errors, true, model);
        }
        String location;
        try {
            ResponseEntity<?> placed = idempotency.execute(IDEMPOTENCY_SCOPE, form.token(), order, () -> {
                OrderSnapshot snapshot = entry.place(order);
                return ResponseEntity.created(URI.create("/orders/" + snapshot.number()))
                        .body(Map.of("number", snapshot.number()));
            });
            location = placed.getHeaders().getFirst(HttpHeaders.LOCATION);
        } catch (OrdoException refused) {
            if ("idempotency-key-reused".equals(refused.errorCode())) {
                errors.put("form", text("entry.error.formUsed"));
            } else {
                violations(refused.violations(), errors);
                if (errors.isEmpty()) {
                    errors.put("form", violationTexts.refusal(refused));
                }
            }
            response.setStatus(
                    refused.kind() == OrdoException.Kind.CONFLICT
                            ? HttpServletResponse.SC_CONFLICT
                            : refused.kind() == OrdoException.Kind.RULE_VIOLATED
                                    ? 422
                                    : HttpServletResponse.SC_BAD_REQUEST);
            return page(form, errors, true, model);
        }
        redirect.addFlashAttribute("done", "entry.done.placed");
        return "redirect:" + location;
    }

    /**
     * Validates what the page itself can, asks the orders module for the quote, and puts form, quote and errors into the
     * model. {@code submitted}: errors of an empty form count (no customer, no lines); while typing they are not shown.
     */
    private OrderEntry.NewOrder fill(EntryForm form, Map<String, String> errors, boolean submitted, Model model) {
        UUID customerId = parseId(form.customerId()).orElse(null);
        if (customerId == null && submitted) {
            errors.put("customerId", text("entry.error.customer"));
        }
        String currency = customerId == null
                ? null
                : customers.find(customerId).map(CustomerSnapshot::currency).orElse(null);
        List<OrderEntry.NewLine> lines = lines(form, currency, errors, submitted);
        LocalDate requested = requestedDeliveryDate(form, errors);
        OrderEntry.NewOrder order = new OrderEntry.NewOrder(
                customerId,
                CHANNEL,
                blankToNull(form.externalReference()),
                form.shippingMethod().isBlank() ? null : form.shippingMethod(),
                blankToNull(form.notes()),
                lines,
                deliveryAddress(form),
                requested);
        OrderQuote quote = entry.quote(order);
        reportQuoteProblems(quote, customerId == null, submitted, errors);
        putOnPage(form, quote, customerId, errors, model);
        return order;
    }

    /**
     * The lines as typed; a quantity that is not a whole number is reported and asked for as 0, a discount that is not a
     * number is reported and left out.
     */
    private List<OrderEntry.NewLine> lines(
            EntryForm form, String currency, Map<String, String> errors, boolean submitted) {
        List<OrderEntry.NewLine> lines = new ArrayList<>();
        for (int i = 0; i < form.lines().size(); i++) {
            FormLine line = form.lines().get(i);
            long quantity = 0;
            // a whole number is the page's to ask for; how many may be ordered is the order rule book's to say
            if (!line.quantity().matches("\\d{1,7}")) {
                errors.put("lines[" + i + "].quantity", text("entry.error.quantity"));
            } else {
                quantity = Long.parseLong(line.quantity());
            }
            lines.add(new OrderEntry.NewLine(line.sku(), quantity, discount(line, i, currency, errors)));
        }
        if (lines.isEmpty() && submitted) {
            errors.put("lines", text("entry.error.lines"));
        }
        return lines;
    }

    /**
     * The line's manual discount as typed, null when blank or unreadable (then reported); an amount is in the customer's
     * currency, so without a customer there is none yet. Whether it is allowed is the order rule book's to say.
     */
    private Pricing.ManualDiscount discount(FormLine line, int i, String currency, Map<String, String> errors) {
        String typed = line.discount().replace(',', '.');
        if (typed.isEmpty()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(typed);
            if (!line.byAmount()) {
                return new Pricing.ManualDiscount(value, null);
            }
            return currency == null ? null : new Pricing.ManualDiscount(null, Money.of(value, currency));
        } catch (IllegalArgumentException | ArithmeticException e) {
            // not a number, or finer than Ordo stores
            errors.put("lines[" + i + "].discount", text("entry.error.discount"));
            return null;
        }
    }

    /** The requested delivery date, null when blank or unreadable (then reported). */
    private LocalDate requestedDeliveryDate(EntryForm form, Map<String, String> errors) {
        if (form.requestedDeliveryDate().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(form.requestedDeliveryDate().trim());
        } catch (DateTimeParseException e) {
            errors.put("requestedDeliveryDate", text("error.date"));
            return null;
        }
    }

    /** The delivery address typed for this order, null when none (the customer's own applies). */
    private static Address deliveryAddress(EntryForm form) {
        if (!form.hasAddress()) {
            return null;
        }
        return new Address(
                blankToNull(form.addressField("name")),
                blankToNull(form.addressField("line1")),
                blankToNull(form.addressField("line2")),
                blankToNull(form.addressField("city")),
                blankToNull(form.addressField("region")),
                blankToNull(form.addressField("postalCode")),
                blankToNull(form.addressField("country").toUpperCase(Locale.ROOT)));
    }

    /** The quote's problems next to their fields, unless the page already reported one there. */
    private void reportQuoteProblems(
            OrderQuote quote, boolean noCustomer, boolean submitted, Map<String, String> errors) {
        Map<String, String> problems = new LinkedHashMap<>();
        violations(quote.problems(), problems);
        problems.forEach((field, message) -> {
            // without a customer or lines yet, nothing is wrong while typing
            if (submitted || !(field.equals("customerId") && noCustomer) && !field.equals("lines")) {
                errors.putIfAbsent(field, message);
            }
        });
    }

    /** What the entry page shows: the form, its quote, the customer chosen, the errors and the choices offered. */
    private void putOnPage(EntryForm form, OrderQuote quote, UUID customerId, Map<String, String> errors, Model model) {
        CustomerSnapshot customer =
                customerId == null ? null : customers.find(customerId).orElse(null);
        Map<String, String> names = new LinkedHashMap<>();
        catalog.find(form.lines().stream().map(FormLine::sku).toList())
                .forEach((sku, product) -> names.put(sku, product.name()));
        model.addAttribute("productNames", names);
        model.addAttribute("form", form);
        model.addAttribute("quote", quote);
        model.addAttribute("arriving", arriving(quote));
        model.addAttribute("customer", customer);
        model.addAttribute(
                "suggested",
                customer == null
                        ? List.of()
                        : suggestions.forCustomer(
                                customerId,
                                form.lines().stream().map(FormLine::sku).toList(),
                                PRODUCT_SUGGESTIONS));
        model.addAttribute("errors", errors);
        model.addAttribute("shippingMethods", entry.shippingMethods());
        model.addAttribute("addressFields", ADDRESS_FIELDS);
    }

    /** Per quoted SKU, how many units can be promised from each date stock is expected (after today's figure). */
    private Map<String, List<AvailableToPromise.Point>> arriving(OrderQuote quote) {
        Map<String, List<AvailableToPromise.Point>> arriving = new LinkedHashMap<>();
        for (OrderQuote.Line line : quote.lines()) {
            List<AvailableToPromise.Point> points = available.atp(line.sku(), null);
            arriving.put(line.sku(), points.subList(1, points.size()));
        }
        return arriving;
    }

    private String page(EntryForm form, Map<String, String> errors, boolean filled, Model model) {
        if (!filled) {
            fill(form, errors, false, model);
        } else {
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("submitted", true);
        }
        return "entry/new";
    }

    /** Module violations by the page's field names, in the user's language; a message the page wrote itself for a field wins. */
    private void violations(List<FieldViolation> violations, Map<String, String> errors) {
        for (FieldViolation v : violations) {
            String field = v.field();
            if (field.startsWith("lines[") && field.contains("].")) {
                String part = field.substring(field.indexOf("].") + 2);
                field = field.substring(0, field.indexOf("].") + 2)
                        + (part.startsWith("quantity") ? "quantity" : part.startsWith("discount") ? "discount" : "sku");
            }
            errors.putIfAbsent(field, violationTexts.of(v));
        }
    }

    static void addOne(List<FormLine> lines, String sku) {
        for (int i = 0; i < lines.size(); i++) {
            FormLine line = lines.get(i);
            if (line.sku().equals(sku)) {
                long quantity = line.quantity().matches("\\d{1,7}") ? Long.parseLong(line.quantity()) : 0;
                lines.set(i, new FormLine(sku, Long.toString(quantity + 1), line.discount(), line.discountKind()));
                return;
            }
        }
        lines.add(new FormLine(sku, "1"));
    }

    static Optional<UUID> parseId(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
