package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.identity.Actor;
import org.ordo.orders.OrderEntry;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.shared.Address;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Changing an order before fulfilment: quantities (0 takes a line out), new lines by SKU or GTIN, the shipping address,
 * and cancelling the open rest of one line with a reason. Everything goes through the orders module, which checks the
 * order's state again; the page offers it only where {@link PageAccess#orderActions} does.
 */
@Controller
class OrderEditPages {

    /** Empty rows offered for new lines. */
    static final int NEW_ROWS = 3;

    private final Orders orders;
    private final OrderEntry entry;
    private final Catalog catalog;
    private final MessageSource messages;
    private final ViolationTexts violationTexts;

    OrderEditPages(
            Orders orders, OrderEntry entry, Catalog catalog, MessageSource messages, ViolationTexts violationTexts) {
        this.violationTexts = violationTexts;
        this.orders = orders;
        this.entry = entry;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** One new line as typed. */
    public record NewRow(String code, String quantity) {}

    /**
     * The edit form as typed: quantities by line number, new rows, address fields, and the order's version the form was
     * filled in on.
     */
    public record EditForm(
            Map<Integer, String> quantities,
            List<NewRow> added,
            Map<String, String> address,
            String reason,
            String version) {

        EditForm onVersion(long current) {
            return new EditForm(quantities, added, address, reason, Long.toString(current));
        }

        public String quantity(int lineNumber) {
            return quantities.getOrDefault(lineNumber, "");
        }

        public String addressField(String name) {
            return address.getOrDefault(name, "");
        }
    }

    @GetMapping("/orders/{id}/edit")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String edit(@PathVariable String id, Model model) {
        OrderSnapshot order = visible(id);
        if (!PageAccess.mayEdit(order.status(), anythingShipped(order))) {
            // nothing to edit any more: the order itself says why
            return "redirect:/orders/" + order.number();
        }
        return show(order, initial(order), Map.of(), model);
    }

    /** The form as the order is now. */
    private static EditForm initial(OrderSnapshot order) {
        Map<Integer, String> quantities = new LinkedHashMap<>();
        order.lines().forEach(l -> quantities.put(l.lineNumber(), Long.toString(l.quantity() - l.cancelled())));
        List<NewRow> added = new ArrayList<>();
        for (int i = 0; i < NEW_ROWS; i++) {
            added.add(new NewRow("", ""));
        }
        Map<String, String> address = new LinkedHashMap<>();
        Address a = order.shippingAddress();
        if (a != null) {
            address.put("name", nullToEmpty(a.name()));
            address.put("line1", nullToEmpty(a.line1()));
            address.put("line2", nullToEmpty(a.line2()));
            address.put("postalCode", nullToEmpty(a.postalCode()));
            address.put("city", nullToEmpty(a.city()));
            address.put("region", nullToEmpty(a.region()));
            address.put("country", nullToEmpty(a.country()));
        }
        return new EditForm(quantities, added, address, "", Long.toString(order.version()));
    }

    @PostMapping("/orders/{id}/edit")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String change(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrderSnapshot order = visible(id);
        EditForm form = form(order, params);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!PageAccess.mayEdit(order.status(), anythingShipped(order))) {
            errors.put("form", text("entry.edit.notAllowed"));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(order, form, errors, model);
        }
        TypedChanges typed = typedChanges(order, form, errors);
        Address address = address(form, order.shippingAddress());
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(order, form, errors, model);
        }
        if (typed.changes().isEmpty() && address == null) {
            redirect.addFlashAttribute("done", "entry.done.unchanged");
            return "redirect:/orders/" + order.number();
        }
        try {
            entry.change(
                    order.id(),
                    new OrderEntry.OrderChange(
                            typed.changes().isEmpty() ? null : typed.changes(),
                            address,
                            null,
                            null,
                            form.reason().isBlank() ? null : form.reason().trim(),
                            madeOnVersion(form)));
        } catch (OrdoException refused) {
            return refusedChange(id, form, typed, refused, model, response);
        }
        redirect.addFlashAttribute("done", "entry.done.changed");
        return "redirect:/orders/" + order.number();
    }

    /** The line changes typed on the form, in the order they are sent, each with the page field it came from. */
    private record TypedChanges(List<OrderEntry.LineChange> changes, List<String> fields) {}

    /** Reads the typed quantities and added lines; what the page itself can tell is wrong goes to {@code errors}. */
    private TypedChanges typedChanges(OrderSnapshot order, EditForm form, Map<String, String> errors) {
        List<OrderEntry.LineChange> changes = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (OrderSnapshot.Line line : order.lines()) {
            String typed = form.quantity(line.lineNumber());
            String field = "line-" + line.lineNumber();
            if (!typed.matches("\\d{1,7}")) {
                errors.put(field, text("entry.edit.error.quantity"));
            } else if (Long.parseLong(typed) != line.quantity() - line.cancelled()) {
                changes.add(new OrderEntry.LineChange(line.lineNumber(), null, Long.parseLong(typed)));
                fields.add(field);
            }
        }
        for (int i = 0; i < form.added().size(); i++) {
            NewRow row = form.added().get(i);
            if (row.code().isBlank() && row.quantity().isBlank()) {
                continue;
            }
            Optional<ProductSnapshot> product = row.code().isBlank()
                    ? Optional.empty()
                    : catalog.findByCode(row.code().trim());
            if (product.isEmpty()) {
                errors.put(
                        "add-" + i + "-code",
                        text("entry.error.unknownCode", row.code().trim()));
            }
            String quantity = row.quantity().isBlank() ? "1" : row.quantity().trim();
            if (!quantity.matches("\\d{1,7}") || Long.parseLong(quantity) <= 0) {
                errors.put("add-" + i + "-quantity", text("entry.error.quantity"));
            } else if (product.isPresent()) {
                changes.add(new OrderEntry.LineChange(null, product.get().sku(), Long.parseLong(quantity)));
                fields.add("add-" + i + "-quantity");
            }
        }
        return new TypedChanges(changes, fields);
    }

    /** What the orders module refused, next to the fields it names; a stale form shows the order as it is now. */
    private String refusedChange(
            String id,
            EditForm form,
            TypedChanges typed,
            OrdoException refused,
            Model model,
            HttpServletResponse response) {
        if (refused.kind() == OrdoException.Kind.STALE) {
            // someone changed the order since this form was filled in: show the order as it is now, keep what was
            // typed, and let a second send apply it to the version now shown
            OrderSnapshot current = visible(id);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(current, form.onVersion(current.version()), Map.of("form", text("entry.edit.stale")), model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : refused.violations()) {
            errors.putIfAbsent(field(v.field(), typed.fields()), violationTexts.of(v));
        }
        if (errors.isEmpty()) {
            errors.put("form", violationTexts.refusal(refused));
        }
        response.setStatus(
                refused.kind() == OrdoException.Kind.CONFLICT
                        ? HttpServletResponse.SC_CONFLICT
                        : refused.kind() == OrdoException.Kind.RULE_VIOLATED
                                ? 422
                                : HttpServletResponse.SC_BAD_REQUEST);
        return show(visible(id), form, errors, model);
    }

    /** Cancels what is still open of one line (backordered first, then reserved), with a reason. */
    @PostMapping("/orders/{id}/lines/cancel")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String cancelLine(
            @PathVariable String id,
            @RequestParam(required = false) String lineNumber,
            @RequestParam(required = false) String cancelReason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrderSnapshot order = visible(id);
        EditForm form = initial(order);
        Map<String, String> errors = new LinkedHashMap<>();
        OrderSnapshot.Line line =
                lineNumber != null && lineNumber.matches("\\d{1,6}") ? order.line(Integer.parseInt(lineNumber)) : null;
        if (line == null || line.reserved() + line.backordered() == 0) {
            errors.put("cancelLine", text("error.choice"));
        }
        if (cancelReason == null || cancelReason.isBlank()) {
            errors.put("cancelReason", text("error.required"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("cancelReason", cancelReason);
            return show(order, form, errors, model);
        }
        try {
            entry.cancelLine(order.id(), line.lineNumber(), line.reserved() + line.backordered(), cancelReason.trim());
        } catch (OrdoException refused) {
            errors.put(
                    "cancelLine",
                    refused.violations().isEmpty()
                            ? violationTexts.refusal(refused)
                            : violationTexts.of(refused.violations().get(0)));
            response.setStatus(
                    refused.kind() == OrdoException.Kind.CONFLICT
                            ? HttpServletResponse.SC_CONFLICT
                            : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("cancelReason", cancelReason);
            return show(visible(id), initial(visible(id)), errors, model);
        }
        redirect.addFlashAttribute("done", "entry.done.lineCancelled");
        return "redirect:/orders/" + order.number();
    }

    private String show(OrderSnapshot order, EditForm form, Map<String, String> errors, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("addressFields", OrderEntryPages.ADDRESS_FIELDS);
        model.addAttribute(
                "cancellable",
                order.lines().stream()
                        .filter(l -> l.reserved() + l.backordered() > 0)
                        .toList());
        model.addAttribute("editable", PageAccess.mayEdit(order.status(), anythingShipped(order)));
        return "entry/edit";
    }

    private EditForm form(OrderSnapshot order, MultiValueMap<String, String> params) {
        Map<Integer, String> quantities = new LinkedHashMap<>();
        order.lines().forEach(l -> quantities.put(l.lineNumber(), value(params, "qty-" + l.lineNumber())));
        List<NewRow> added = new ArrayList<>();
        List<String> codes = params.getOrDefault("addCode", List.of());
        List<String> amounts = params.getOrDefault("addQty", List.of());
        for (int i = 0; i < Math.min(codes.size(), 50); i++) {
            added.add(new NewRow(
                    codes.get(i) == null ? "" : codes.get(i),
                    i < amounts.size() && amounts.get(i) != null ? amounts.get(i) : ""));
        }
        Map<String, String> address = new LinkedHashMap<>();
        for (String field : OrderEntryPages.ADDRESS_FIELDS) {
            address.put(field, value(params, "shippingAddress." + field));
        }
        return new EditForm(quantities, added, address, value(params, "reason"), value(params, "version"));
    }

    /** The version the form was filled in on; a form without one (or a garbled one) is not checked. */
    private static Long madeOnVersion(EditForm form) {
        try {
            return form.version().isBlank() ? null : Long.valueOf(form.version().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The address typed, or null when it is the order's current one. */
    private static Address address(EditForm form, Address current) {
        Address typed = new Address(
                blankToNull(form.addressField("name")),
                blankToNull(form.addressField("line1")),
                blankToNull(form.addressField("line2")),
                blankToNull(form.addressField("city")),
                blankToNull(form.addressField("region")),
                blankToNull(form.addressField("postalCode")),
                blankToNull(form.addressField("country").toUpperCase(Locale.ROOT)));
        return typed.equals(current) ? null : typed;
    }

    /** The page's field for a module violation: lines[i] is the i-th change sent. */
    private static String field(String field, List<String> fields) {
        if (field.startsWith("lines[") && field.contains("]")) {
            int i = Integer.parseInt(field.substring(6, field.indexOf(']')));
            return i < fields.size() ? fields.get(i) : "form";
        }
        return field;
    }

    private OrderSnapshot visible(String id) {
        OrderSnapshot order = orders.find(id).orElseThrow(() -> OrdoException.notFound("Order", id));
        Actor actor = Actor.current();
        if (actor.isCustomer() && !order.customerId().equals(actor.customerId())) {
            throw OrdoException.notFound("Order", id);
        }
        return order;
    }

    private static boolean anythingShipped(OrderSnapshot order) {
        return order.lines().stream().anyMatch(l -> l.shipped() > 0);
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
