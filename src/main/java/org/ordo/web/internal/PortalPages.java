package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.fulfillment.Shipments;
import org.ordo.fulfillment.TrackingLinks;
import org.ordo.identity.Actor;
import org.ordo.invoicing.CustomerInvoices;
import org.ordo.invoicing.InvoiceStatus;
import org.ordo.invoicing.Invoices;
import org.ordo.notifications.CustomerMessages;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.Orders;
import org.ordo.platform.Idempotency;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.returns.Resolution;
import org.ordo.returns.ReturnDesk;
import org.ordo.returns.ReturnReason;
import org.ordo.returns.Returns;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer portal: a customer's own orders (with a timeline in the customer's words, tracking links, invoices and
 * returns), its invoices with their PDFs, ordering again and asking for a return. Every route reads the customer from the
 * signed-in user and answers "not found" for anything of another customer, as the API does.
 */
@Controller
class PortalPages {

    static final int PAGE_SIZE = 25;
    /** Orders that may be returned from: the goods have arrived. */
    static final Set<OrderStatus> RETURNABLE = EnumSet.of(OrderStatus.DELIVERED, OrderStatus.COMPLETED);

    private static final String REORDER_TOKENS = "portal.reorder.tokens";
    private static final String REORDER_SCOPE = "page-portal-reorder";
    private static final String PENDING = "";
    private static final String PLACING = "…";
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    /** The e-mails listed under the orders: the latest. */
    private static final int RECENT_MAILS = 10;

    private final Orders orders;
    private final OrderEntry entry;
    private final Catalog catalog;
    private final Shipments shipments;
    private final Invoices orderInvoices;
    private final CustomerInvoices invoices;
    private final Returns returns;
    private final ReturnDesk returnDesk;
    private final Idempotency idempotency;
    private final MessageSource messages;

    private final Customers customers;
    private final CustomerMessages mails;

    PortalPages(
            Orders orders,
            OrderEntry entry,
            Catalog catalog,
            Shipments shipments,
            Invoices orderInvoices,
            CustomerInvoices invoices,
            Returns returns,
            ReturnDesk returnDesk,
            MessageSource messages,
            Idempotency idempotency,
            Customers customers,
            CustomerMessages mails) {
        this.idempotency = idempotency;
        this.customers = customers;
        this.mails = mails;
        this.orders = orders;
        this.entry = entry;
        this.catalog = catalog;
        this.shipments = shipments;
        this.orderInvoices = orderInvoices;
        this.invoices = invoices;
        this.returns = returns;
        this.returnDesk = returnDesk;
        this.messages = messages;
    }

    // ---- my orders

    @GetMapping("/portal")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String orders(
            @RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<OrderStatus> statuses = orderStatuses(status, errors);
        PageResult<Orders.Summary> result = orders.search(search(statuses), Paging.of(Downloads.page(page), PAGE_SIZE));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Downloads.lastPage(result));
        model.addAttribute("statuses", Orders.STATUSES_IN_USE);
        model.addAttribute("query", new ListQuery("/portal", status));
        model.addAttribute(
                "customerNumber",
                customers.find(customerId()).map(CustomerSnapshot::number).orElse(null));
        model.addAttribute(
                "mails",
                mails.of(customerId()).stream()
                        .filter(m -> !m.kind().internal())
                        .limit(RECENT_MAILS)
                        .toList());
        return "portal/orders";
    }

    @GetMapping("/portal/orders.csv")
    @PreAuthorize(PageAccess.CUSTOMERS)
    ResponseEntity<String> ordersCsv(@RequestParam(required = false) String status) {
        Set<OrderStatus> statuses = orderStatuses(status, new LinkedHashMap<>());
        Orders.Search search = search(statuses);
        return Downloads.csv(
                "my-orders",
                List.of("number", "placedAt", "status", "channel", "reference", "total", "currency"),
                Downloads.rows(
                        p -> orders.search(search, Downloads.exportPage(p)),
                        o -> List.of(
                                o.number(),
                                o.placedAt(),
                                o.status(),
                                o.channel(),
                                o.externalReference() == null ? "" : o.externalReference(),
                                o.total().amount(),
                                o.total().currencyCode())));
    }

    @GetMapping("/portal/orders/{number}")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String order(@PathVariable String number, Model model) {
        OrderSnapshot order = own(number);
        model.addAttribute("order", order);
        model.addAttribute("steps", steps(orders.history(order.id()), shipments.trackingOfOrder(order.id())));
        model.addAttribute(
                "shipments",
                shipments.ofOrder(order.id()).stream()
                        .map(s -> new Parcel(s, TrackingLinks.url(s.carrier(), s.trackingNumber())))
                        .toList());
        model.addAttribute("invoices", orderInvoices.ofOrder(order.id()));
        model.addAttribute("returns", returns.ofOrder(order.id()));
        model.addAttribute("mayReturn", !returnable(order).isEmpty());
        return "portal/order";
    }

    /** A shipment with the carrier's tracking page (null when there is none). */
    public record Parcel(Shipments.Summary shipment, String trackingUrl) {}

    /**
     * One step of an order's timeline as the customer reads it: a message key, no actor, no internal note;
     * {@code note} is the carrier's word on a parcel (null for the order's own steps).
     */
    public record Step(Instant at, String key, String note) {

        public Step(Instant at, String key) {
            this(at, key, null);
        }
    }

    /** The order's steps and its parcels' tracking, oldest first. */
    static List<Step> steps(List<Orders.HistoryEntry> history, List<Shipments.TrackingEvent> tracking) {
        List<Step> steps = new ArrayList<>(steps(history));
        steps.addAll(TrackingTimeline.forCustomer(tracking));
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    static List<Step> steps(List<Orders.HistoryEntry> history) {
        List<Step> steps = new ArrayList<>();
        for (Orders.HistoryEntry h : history) {
            String key = switch (h.kind() == null ? "" : h.kind()) {
                case "STATUS" ->
                    h.to() == null
                            ? null
                            : h.from() == OrderStatus.ON_HOLD && h.to() == OrderStatus.PLACED
                                    ? "portal.step.RELEASED"
                                    : "portal.step." + h.to().name();
                case "SHIPMENT", "DELIVERY", "RETURN", "CHANGE", "CANCEL", "BACKORDER_FILLED", "PROMISE" ->
                    "portal.step." + h.kind();
                default -> null; // bookkeeping the customer has nothing to do with
            };
            if (key != null
                    && (steps.isEmpty() || !steps.get(steps.size() - 1).key().equals(key))) {
                steps.add(new Step(h.at(), key));
            }
        }
        return steps;
    }

    // ---- order again

    /** One line of a reorder: what will be ordered, or why a SKU is left out. */
    public record ReorderLine(String sku, String name, long quantity, boolean sellable) {}

    @GetMapping("/portal/orders/{number}/reorder")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String reorder(@PathVariable String number, HttpSession session, Model model) {
        OrderSnapshot order = own(number);
        String token = UUID.randomUUID().toString();
        ConcurrentMap<String, String> tokens = tokens(session);
        tokens.put(token, PENDING);
        keep(session, tokens);
        return showReorder(order, token, null, model);
    }

    @PostMapping("/portal/orders/{number}/reorder")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String placeReorder(
            @PathVariable String number,
            @RequestParam(required = false) String token,
            HttpSession session,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        OrderSnapshot order = own(number);
        ConcurrentMap<String, String> tokens = tokens(session);
        try {
            return placeReorder(order, token, tokens, response, model, redirect);
        } finally {
            keep(session, tokens);
        }
    }

    private String placeReorder(
            OrderSnapshot order,
            String token,
            ConcurrentMap<String, String> tokens,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (token == null || !tokens.replace(token, PENDING, PLACING)) {
            String placed = token == null ? null : tokens.get(token);
            if (placed != null && !placed.equals(PLACING)) {
                // the same confirmation sent twice: the order it placed, not a second one
                redirect.addFlashAttribute("done", "portal.done.reorder");
                return "redirect:/portal/orders/" + placed;
            }
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            String fresh = UUID.randomUUID().toString();
            tokens.put(fresh, PENDING);
            return showReorder(
                    order, fresh, text(placed == null ? "portal.reorder.expired" : "portal.reorder.busy"), model);
        }
        List<OrderEntry.NewLine> lines = reorderLines(order).stream()
                .filter(ReorderLine::sellable)
                .map(l -> new OrderEntry.NewLine(l.sku(), l.quantity()))
                .toList();
        if (lines.isEmpty()) {
            tokens.remove(token);
            response.setStatus(422);
            return showReorder(order, token, text("portal.reorder.nothing"), model);
        }
        OrderEntry.NewOrder again = new OrderEntry.NewOrder(
                order.customerId(),
                "PORTAL",
                null,
                order.shippingMethod(),
                "Ordered again from " + order.number(),
                lines);
        String placed;
        try {
            // the confirmation's token is the idempotency key: two confirmations at once, on any node, place one order
            placed = (String) ((Map<?, ?>) idempotency
                            .execute(
                                    REORDER_SCOPE,
                                    token,
                                    again,
                                    () -> ResponseEntity.ok(
                                            Map.of("number", entry.place(again).number())))
                            .getBody())
                    .get("number");
        } catch (OrdoException refused) {
            tokens.put(token, PENDING);
            response.setStatus(status(refused));
            return showReorder(order, token, refused.getMessage(), model);
        }
        tokens.put(token, placed);
        redirect.addFlashAttribute("done", "portal.done.reorder");
        return "redirect:/portal/orders/" + placed;
    }

    private String showReorder(OrderSnapshot order, String token, String error, Model model) {
        List<ReorderLine> lines = reorderLines(order);
        model.addAttribute("order", order);
        model.addAttribute("lines", lines);
        model.addAttribute("sellable", lines.stream().anyMatch(ReorderLine::sellable));
        model.addAttribute("skipped", lines.stream().anyMatch(l -> !l.sellable()));
        model.addAttribute("token", token);
        model.addAttribute("error", error);
        return "portal/reorder";
    }

    /** The order's SKUs with the quantities ordered (one line per SKU), each marked sellable if the catalog still sells it. */
    private List<ReorderLine> reorderLines(OrderSnapshot order) {
        Map<String, Long> quantities = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (OrderSnapshot.Line line : order.lines()) {
            if (line.quantity() > 0) {
                quantities.merge(line.sku(), line.quantity(), Long::sum);
                names.putIfAbsent(line.sku(), line.name());
            }
        }
        Map<String, ProductSnapshot> products = catalog.find(quantities.keySet());
        List<ReorderLine> lines = new ArrayList<>();
        quantities.forEach((sku, quantity) -> {
            ProductSnapshot product = products.get(sku);
            lines.add(new ReorderLine(
                    sku,
                    product != null ? product.name() : names.get(sku),
                    quantity,
                    product != null && product.active()));
        });
        return lines;
    }

    /** The session is stored after each request, with what was set on it: a changed map is set again to be kept. */
    private static void keep(HttpSession session, ConcurrentMap<String, String> tokens) {
        session.setAttribute(REORDER_TOKENS, tokens);
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentMap<String, String> tokens(HttpSession session) {
        synchronized (session) {
            Object tokens = session.getAttribute(REORDER_TOKENS);
            if (tokens == null) {
                tokens = new ConcurrentHashMap<String, String>();
                session.setAttribute(REORDER_TOKENS, tokens);
            }
            return (ConcurrentMap<String, String>) tokens;
        }
    }

    // ---- returns

    /** One order line that may be returned: at most {@code returnable} more units. */
    public record ReturnableLine(int lineNumber, String sku, String name, long shipped, long returnable) {}

    @GetMapping("/portal/orders/{number}/return")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String returnForm(@PathVariable String number, Model model) {
        OrderSnapshot order = returnableOrder(number);
        return showReturn(order, Map.of(), Map.of(), model);
    }

    @PostMapping("/portal/orders/{number}/return")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String requestReturn(
            @PathVariable String number,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        OrderSnapshot order = returnableOrder(number);
        Map<String, String> errors = new LinkedHashMap<>();
        List<ReturnDesk.RequestedLine> requested = requestedLines(returnable(order), form, errors);
        if (requested.isEmpty() && errors.isEmpty()) {
            errors.put("lines", text("portal.return.error.none"));
        }
        Resolution resolution = null;
        try {
            resolution = Resolution.valueOf(form.getOrDefault("resolution", ""));
        } catch (IllegalArgumentException e) {
            errors.put("resolution", text("error.choice"));
        }
        String note = form.getOrDefault("note", "").trim();
        if (note.isEmpty() && requested.stream().anyMatch(l -> l.reason() == ReturnReason.OTHER)) {
            errors.put("note", text("portal.return.error.note"));
        }
        if (note.length() > 2000) {
            errors.put("note", text("portal.return.error.noteLength"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showReturn(order, form, errors, model);
        }
        ReturnDesk.Detail created;
        try {
            created = returnDesk.request(order.id(), requested, resolution, note.isEmpty() ? null : note);
        } catch (OrdoException refused) {
            errors.putAll(returnRefusal(refused, requested));
            response.setStatus(status(refused));
            return showReturn(order, form, errors, model);
        }
        redirect.addFlashAttribute("done", "portal.done.return");
        redirect.addFlashAttribute("doneArgument", created.number());
        return "redirect:/portal/orders/" + order.number();
    }

    /** The lines the customer typed a quantity for (fields {@code qty_<line>} and {@code reason_<line>}), in order. */
    private List<ReturnDesk.RequestedLine> requestedLines(
            List<ReturnableLine> lines, Map<String, String> form, Map<String, String> errors) {
        List<ReturnDesk.RequestedLine> requested = new ArrayList<>();
        for (ReturnableLine line : lines) {
            String qtyField = "qty_" + line.lineNumber();
            String typed = form.getOrDefault(qtyField, "").trim();
            if (typed.isEmpty() || typed.equals("0")) {
                continue;
            }
            long quantity;
            try {
                quantity = Long.parseLong(typed);
            } catch (NumberFormatException e) {
                errors.put(qtyField, text("portal.return.error.quantity"));
                continue;
            }
            if (quantity < 0 || quantity > line.returnable()) {
                errors.put(
                        qtyField,
                        messages.getMessage(
                                "portal.return.error.max",
                                new Object[] {line.returnable()},
                                LocaleContextHolder.getLocale()));
                continue;
            }
            ReturnReason reason = null;
            String reasonField = "reason_" + line.lineNumber();
            try {
                reason = ReturnReason.valueOf(form.getOrDefault(reasonField, ""));
            } catch (IllegalArgumentException e) {
                errors.put(reasonField, text("portal.return.error.reason"));
            }
            requested.add(new ReturnDesk.RequestedLine(line.lineNumber(), quantity, reason));
        }
        return requested;
    }

    /** What the returns module refused, next to the page's fields: {@code lines[i].…} is the i-th requested line's. */
    private static Map<String, String> returnRefusal(OrdoException refused, List<ReturnDesk.RequestedLine> requested) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : refused.violations()) {
            Matcher m = LINE_FIELD.matcher(v.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < requested.size()) {
                int lineNumber = requested.get(Integer.parseInt(m.group(1))).lineNumber();
                errors.put((m.group(2).equals("reason") ? "reason_" : "qty_") + lineNumber, v.message());
            } else {
                errors.put(v.field(), v.message());
            }
        }
        if (errors.isEmpty()) {
            errors.put("action", refused.getMessage());
        }
        return errors;
    }

    private String showReturn(OrderSnapshot order, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("lines", returnable(order));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", ReturnReason.values());
        model.addAttribute("resolutions", Resolution.values());
        return "portal/return";
    }

    private OrderSnapshot returnableOrder(String number) {
        OrderSnapshot order = own(number);
        if (!RETURNABLE.contains(order.status()) || returnable(order).isEmpty()) {
            throw OrdoException.conflict("nothing-to-return", text("portal.return.notPossible"));
        }
        return order;
    }

    /** The lines of a delivered order with units that may still be returned: shipped − returned − asked for on open returns. */
    private List<ReturnableLine> returnable(OrderSnapshot order) {
        if (!RETURNABLE.contains(order.status())) {
            return List.of();
        }
        Map<Integer, Long> open = returnDesk.openQuantities(order.id());
        return order.lines().stream()
                .map(l -> new ReturnableLine(
                        l.lineNumber(),
                        l.sku(),
                        l.name(),
                        l.shipped(),
                        l.shipped() - l.returned() - open.getOrDefault(l.lineNumber(), 0L)))
                .filter(l -> l.returnable() > 0)
                .toList();
    }

    // ---- my invoices

    @GetMapping("/portal/invoices")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String invoices(
            @RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<InvoiceStatus> statuses = invoiceStatuses(status, errors);
        PageResult<CustomerInvoices.Entry> result =
                invoices.search(customerId(), statuses, Paging.of(Downloads.page(page), PAGE_SIZE));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Downloads.lastPage(result));
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("query", new ListQuery("/portal/invoices", status));
        return "portal/invoices";
    }

    @GetMapping("/portal/invoices.csv")
    @PreAuthorize(PageAccess.CUSTOMERS)
    ResponseEntity<String> invoicesCsv(@RequestParam(required = false) String status) {
        Set<InvoiceStatus> statuses = invoiceStatuses(status, new LinkedHashMap<>());
        UUID customer = customerId();
        return Downloads.csv(
                "my-invoices",
                List.of("number", "type", "order", "status", "issueDate", "dueDate", "total", "amountDue", "currency"),
                Downloads.rows(
                        p -> invoices.search(customer, statuses, Downloads.exportPage(p)),
                        i -> List.of(
                                i.number() == null ? "" : i.number(),
                                i.type(),
                                i.orderNumber() == null ? "" : i.orderNumber(),
                                i.status(),
                                i.issueDate() == null ? "" : i.issueDate(),
                                i.dueDate() == null ? "" : i.dueDate(),
                                i.total().amount(),
                                i.amountDue().amount(),
                                i.total().currencyCode())));
    }

    @GetMapping("/portal/invoices/{number}/pdf")
    @PreAuthorize(PageAccess.CUSTOMERS)
    ResponseEntity<byte[]> invoicePdf(@PathVariable String number) {
        CustomerInvoices.Document document = invoices.pdf(number)
                .filter(d -> d.customerId().equals(customerId()))
                .orElseThrow(() -> OrdoException.notFound("Invoice", number));
        return Downloads.pdf(document.fileName(), document.pdf());
    }

    // ---- shared

    /** The filters of a list, for its paging links. */
    public record ListQuery(String path, String status) {

        public String page(int page) {
            return ListLink.to(path).filter("status", status).page(page);
        }

        public String csv() {
            return ListLink.to(path.equals("/portal") ? "/portal/orders.csv" : path + ".csv")
                    .filter("status", status)
                    .build();
        }
    }

    /** The signed-in customer; a customer user without a customer sees nothing (no customer has the nil id). */
    private static UUID customerId() {
        UUID id = Actor.current().customerId();
        return id == null ? new UUID(0, 0) : id;
    }

    private Orders.Search search(Set<OrderStatus> statuses) {
        return new Orders.Search(statuses, customerId(), null, null, null, null);
    }

    /** The order if it is the signed-in customer's; any other is "not found", as in the API. */
    private OrderSnapshot own(String number) {
        return orders.find(number)
                .filter(o -> o.customerId().equals(customerId()))
                .orElseThrow(() -> OrdoException.notFound("Order", number));
    }

    private Set<OrderStatus> orderStatuses(String status, Map<String, String> errors) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (status != null && !status.isBlank()) {
            try {
                statuses.add(OrderStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                errors.put("status", text("error.choice"));
            }
        }
        return statuses;
    }

    private Set<InvoiceStatus> invoiceStatuses(String status, Map<String, String> errors) {
        Set<InvoiceStatus> statuses = EnumSet.noneOf(InvoiceStatus.class);
        if (status != null && !status.isBlank()) {
            if (status.equals("OPEN")) {
                statuses.addAll(CustomerInvoices.OPEN);
            } else {
                try {
                    statuses.add(InvoiceStatus.valueOf(status));
                } catch (IllegalArgumentException e) {
                    errors.put("status", text("error.choice"));
                }
            }
        }
        return statuses;
    }

    static int status(OrdoException refused) {
        return switch (refused.kind()) {
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case RULE_VIOLATED -> 422;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case STALE -> HttpServletResponse.SC_PRECONDITION_FAILED;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
