package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.Customers;
import org.ordo.fulfillment.Shipments;
import org.ordo.identity.Actor;
import org.ordo.invoicing.Invoices;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.Orders;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Csv;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.returns.Returns;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The orders: a list with filters and paging (the table alone is re-rendered for htmx requests) and one order with its
 * lines, reservations, timeline, shipments, invoices with their payments, and returns, offering only the actions its state
 * and the user's roles allow. Actions are forms (with CSRF) that run the orders module's operations, then redirect back.
 */
@Controller
class OrderPages {

    static final int PAGE_SIZE = 25;
    static final int CUSTOMERS_IN_FILTER = 200;
    /** Most rows one export holds. */
    static final int EXPORT_LIMIT = 100_000;

    private final Orders orders;
    private final OrderEntry entry;
    private final Customers customers;
    private final Shipments shipments;
    private final Invoices invoices;
    private final Returns returns;
    private final MessageSource messages;
    private final CompanyCalendar calendar;
    private final ViolationTexts violationTexts;

    OrderPages(
            Orders orders,
            OrderEntry entry,
            Customers customers,
            Shipments shipments,
            Invoices invoices,
            Returns returns,
            MessageSource messages,
            ViolationTexts violationTexts,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.violationTexts = violationTexts;
        this.orders = orders;
        this.entry = entry;
        this.customers = customers;
        this.shipments = shipments;
        this.invoices = invoices;
        this.returns = returns;
        this.messages = messages;
    }

    /** The filters as typed; what is malformed is reported next to its field and left out of the search. */
    public record Filter(String status, String customer, String channel, String from, String to, String q) {

        public String query(int page) {
            return query("/orders", page);
        }

        /** The same filters as a CSV export. */
        public String export() {
            return query("/orders.csv", 0);
        }

        private String query(String path, int page) {
            return ListLink.to(path)
                    .filter("status", status)
                    .filter("customer", customer)
                    .filter("channel", channel)
                    .filter("from", from)
                    .filter("to", to)
                    .filter("q", q)
                    .page(page);
        }
    }

    @GetMapping("/orders")
    @PreAuthorize(PageAccess.ORDER_READERS)
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpServletResponse response,
            Model model) {
        Filter filter = new Filter(status, customer, channel, from, to, q);
        Map<String, String> errors = new LinkedHashMap<>();
        Orders.Search search = search(filter, errors);
        int pageNumber = 0;
        if (page != null && !page.isBlank()) {
            try {
                pageNumber = Math.max(0, Integer.parseInt(page.trim()));
            } catch (NumberFormatException e) {
                pageNumber = 0;
            }
        }
        PageResult<Orders.Summary> result = orders.search(search, Paging.of(pageNumber, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        // beyond the bounded count the end is unknown: there is a next page when this one is full
        model.addAttribute(
                "lastPage",
                result.totalItemsExact()
                        ? Math.max(0, (int) ((result.totalItems() - 1) / PAGE_SIZE))
                        : result.items().size() == PAGE_SIZE ? pageNumber + 1 : pageNumber);
        model.addAttribute(
                "customerNames",
                customers.names(
                        result.items().stream().map(Orders.Summary::customerId).toList()));
        model.addAttribute("statuses", Orders.STATUSES_IN_USE);
        model.addAttribute("channels", Orders.CHANNELS_IN_USE);
        model.addAttribute("customers", customers.search(null, CUSTOMERS_IN_FILTER));
        response.addHeader("Vary", "HX-Request");
        if (htmx != null && restore == null) {
            return "orders/list :: results";
        }
        return "orders/list";
    }

    /** The search the filters ask for; what is malformed is reported in {@code errors} and left out. */
    private Orders.Search search(Filter filter, Map<String, String> errors) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (filter.status() != null && !filter.status().isBlank()) {
            try {
                statuses.add(OrderStatus.valueOf(filter.status()));
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
        LocalDate fromDate = date("from", filter.from(), errors);
        LocalDate toDate = date("to", filter.to(), errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", text("error.period.reversed"));
            toDate = null;
        }
        String channel = filter.channel();
        String q = filter.q();
        return new Orders.Search(
                statuses,
                customerId,
                channel == null || channel.isBlank() ? null : channel.trim(),
                fromDate == null ? null : calendar.startOf(fromDate),
                toDate == null ? null : calendar.endOf(toDate),
                q == null || q.isBlank() ? null : q.trim());
    }

    /**
     * The orders the list's filters select, as CSV, newest first, read page by page (at most {@link #EXPORT_LIMIT} rows).
     * Malformed filters are left out, as on the list.
     */
    @GetMapping("/orders.csv")
    @PreAuthorize(PageAccess.ORDER_READERS)
    ResponseEntity<String> export(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q) {
        Orders.Search search = search(new Filter(status, customer, channel, from, to, q), new LinkedHashMap<>());
        List<List<Object>> rows = new ArrayList<>();
        for (int page = 0; rows.size() < EXPORT_LIMIT; page++) {
            PageResult<Orders.Summary> result = orders.search(search, Paging.of(page, Paging.MAX_SIZE));
            Map<UUID, String> names = customers.names(
                    result.items().stream().map(Orders.Summary::customerId).toList());
            for (Orders.Summary o : result.items()) {
                rows.add(List.of(
                        o.number(),
                        o.placedAt().toString(),
                        names.getOrDefault(o.customerId(), ""),
                        o.customerId().toString(),
                        o.channel(),
                        o.externalReference() == null ? "" : o.externalReference(),
                        o.status().name(),
                        o.total().amount(),
                        o.total().currencyCode()));
            }
            if (result.items().size() < Paging.MAX_SIZE) {
                break;
            }
        }
        String csv = Csv.of(
                List.of(
                        "number",
                        "placedAt",
                        "customer",
                        "customerId",
                        "channel",
                        "externalReference",
                        "status",
                        "total",
                        "currency"),
                rows.size() > EXPORT_LIMIT ? rows.subList(0, EXPORT_LIMIT) : rows);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("orders-" + calendar.today() + ".csv")
                                .build()
                                .toString())
                .body(csv);
    }

    @GetMapping("/orders/{id}")
    @PreAuthorize(PageAccess.ORDER_READERS)
    String detail(@PathVariable String id, Model model) {
        return show(visible(id), model, Map.of(), null);
    }

    @PostMapping("/orders/{id}/hold")
    @PreAuthorize(PageAccess.HOLDERS)
    String hold(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrderSnapshot order = visible(id);
        if (reason == null || reason.isBlank()) {
            return invalid(order, "hold", Map.of("reason", text("error.required")), model, response);
        }
        return act(order, "hold", () -> entry.hold(order.id(), reason.trim()), model, response, redirect);
    }

    @PostMapping("/orders/{id}/release")
    @PreAuthorize(PageAccess.HOLDERS)
    String release(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrderSnapshot order = visible(id);
        return act(
                order,
                "release",
                () -> entry.release(order.id(), reason == null || reason.isBlank() ? null : reason.trim()),
                model,
                response,
                redirect);
    }

    @PostMapping("/orders/{id}/cancel")
    @PreAuthorize(PageAccess.CANCELLERS)
    String cancel(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrderSnapshot order = visible(id);
        if (reason == null || reason.isBlank()) {
            return invalid(order, "cancel", Map.of("reason", text("error.required")), model, response);
        }
        return act(order, "cancel", () -> entry.cancel(order.id(), reason.trim()), model, response, redirect);
    }

    /** Runs an action; what the orders module refuses is shown on the order's page, next to the field it names. */
    private String act(
            OrderSnapshot order,
            String action,
            Runnable operation,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            operation.run();
        } catch (OrdoException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : refused.violations()) {
                errors.put(v.field(), violationTexts.of(v));
            }
            if (errors.isEmpty()) {
                errors.put("action", violationTexts.refusal(refused));
            }
            response.setStatus(
                    refused.kind() == OrdoException.Kind.CONFLICT
                            ? HttpServletResponse.SC_CONFLICT
                            : HttpServletResponse.SC_BAD_REQUEST);
            return show(visible(order.id().toString()), model, errors, action);
        }
        redirect.addFlashAttribute("done", "order.done." + action);
        return "redirect:/orders/" + order.number();
    }

    private String invalid(
            OrderSnapshot order, String action, Map<String, String> errors, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(order, model, errors, action);
    }

    private String show(OrderSnapshot order, Model model, Map<String, String> errors, String failedAction) {
        Actor actor = Actor.current();
        boolean anythingShipped = order.lines().stream().anyMatch(l -> l.shipped() > 0);
        model.addAttribute("order", order);
        model.addAttribute("customer", customers.find(order.customerId()).orElse(null));
        model.addAttribute(
                "history",
                TrackingTimeline.withTracking(orders.history(order.id()), shipments.trackingOfOrder(order.id())));
        model.addAttribute("shipments", shipments.ofOrder(order.id()));
        model.addAttribute("showInvoices", PageAccess.mayReadInvoices(actor));
        model.addAttribute("invoices", PageAccess.mayReadInvoices(actor) ? invoices.ofOrder(order.id()) : List.of());
        model.addAttribute("returns", returns.ofOrder(order.id()));
        model.addAttribute("reservations", reservations(order));
        model.addAttribute("actions", PageAccess.orderActions(actor, order.status(), anythingShipped));
        model.addAttribute("errors", errors);
        model.addAttribute("failedAction", failedAction);
        return "orders/detail";
    }

    /** One row per line and warehouse with an active reservation. */
    public record Reservation(int lineNumber, String sku, String warehouse, long quantity) {}

    static List<Reservation> reservations(OrderSnapshot order) {
        List<Reservation> rows = new ArrayList<>();
        for (OrderSnapshot.Line line : order.lines()) {
            line.reservedByWarehouse().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> rows.add(new Reservation(line.lineNumber(), line.sku(), e.getKey(), e.getValue())));
        }
        return rows;
    }

    /** The order by id or number; only staff reach these pages. */
    private OrderSnapshot visible(String id) {
        return orders.find(id).orElseThrow(() -> OrdoException.notFound("Order", id));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
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
