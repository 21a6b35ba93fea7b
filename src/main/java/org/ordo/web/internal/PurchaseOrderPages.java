package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.ordo.inventory.StockKeeping;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.purchasing.PurchasingDesk;
import org.ordo.shared.OrdoException;
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
 * Purchase orders for buyers: the list (status, supplier, SKU and warehouse filters, paging), a new DRAFT purchase order,
 * and a purchase order's page with its lines, receipts, history, the PDF for the supplier and the actions its state
 * allows: send, confirm with a date per line, cancel, close.
 */
@Controller
class PurchaseOrderPages {

    static final String OPEN = "OPEN";
    static final int NEW_LINES = 5;

    private final PurchasingDesk desk;
    private final StockKeeping stock;
    private final PurchasingForms forms;

    PurchaseOrderPages(PurchasingDesk desk, StockKeeping stock, PurchasingForms forms) {
        this.desk = desk;
        this.stock = stock;
        this.forms = forms;
    }

    /** The list's filters as chosen; {@code status} is a state, OPEN (the default) or blank for any. */
    public record Filter(String status, String supplier, String sku, String warehouse) {

        public String query(String path, int page) {
            return ListLink.to(path)
                    .always("status", status)
                    .filter("supplier", supplier)
                    .filter("sku", sku)
                    .filter("warehouse", warehouse)
                    .page(page);
        }
    }

    /** One line of the new purchase order form as typed. */
    public record LineForm(String sku, String quantity, String unitPrice) {}

    @GetMapping("/purchasing/orders")
    @PreAuthorize(PageAccess.BUYERS)
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String page,
            Model model) {
        String chosen = status == null ? OPEN : status.trim();
        List<PurchaseOrderStatus> statuses = statuses(chosen);
        if (statuses == null) {
            chosen = OPEN;
            statuses = PurchaseOrderStatus.openStates();
        }
        UUID supplierId = uuid(supplier);
        Filter filter = new Filter(
                chosen,
                supplierId == null ? "" : supplierId.toString(),
                sku == null ? "" : sku.trim(),
                warehouse == null ? "" : warehouse.trim());
        PageResult<PurchasingDesk.PurchaseOrderListed> result = desk.purchaseOrders(
                new PurchasingDesk.PurchaseOrderFilter(
                        statuses,
                        supplierId,
                        AdminForms.blankToNull(filter.sku()),
                        AdminForms.blankToNull(filter.warehouse())),
                Paging.of(AdminForms.page(page), AdminForms.PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", AdminForms.lastPage(result));
        model.addAttribute("statuses", PurchaseOrderStatus.values());
        model.addAttribute("suppliers", allSuppliers(null));
        model.addAttribute("warehouses", stock.warehouses());
        return "purchasing/orders";
    }

    @GetMapping("/purchasing/orders/new")
    @PreAuthorize(PageAccess.BUYERS)
    String create(@RequestParam(required = false) String supplier, Model model) {
        List<LineForm> lines = new ArrayList<>();
        for (int i = 0; i < NEW_LINES; i++) {
            lines.add(new LineForm("", "", ""));
        }
        return newForm(supplier == null ? "" : supplier, "", lines, Map.of(), model);
    }

    @PostMapping("/purchasing/orders")
    @PreAuthorize(PageAccess.BUYERS)
    String create(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String supplier = value(params.getFirst("supplier"));
        String warehouse = value(params.getFirst("warehouse"));
        List<LineForm> typed = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<PurchasingDesk.NewLine> lines = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String currency = uuid(supplier) == null
                ? null
                : desk.supplier(uuid(supplier))
                        .map(PurchasingDesk.Supplier::currency)
                        .orElse(null);
        List<String> skus = list(params, "sku");
        for (int i = 0; i < skus.size(); i++) {
            LineForm line = new LineForm(skus.get(i), at(params, "quantity", i), at(params, "unitPrice", i));
            typed.add(line);
            if (line.sku().isBlank()
                    && line.quantity().isBlank()
                    && line.unitPrice().isBlank()) {
                continue;
            }
            Integer quantity =
                    whole(line.quantity(), "quantity-" + i, errors, forms.text("purchasing.error.wholeNumber"));
            rows.add(i);
            lines.add(new PurchasingDesk.NewLine(
                    line.sku().trim(),
                    quantity == null ? null : quantity.longValue(),
                    line.unitPrice().isBlank()
                            ? null
                            : new MoneyInput(line.unitPrice().trim(), currency)));
        }
        if (lines.isEmpty()) {
            errors.put("lines", forms.text("purchasing.order.noLines"));
        }
        if (errors.isEmpty()) {
            try {
                PurchasingDesk.PurchaseOrderDetail po =
                        desk.create(new PurchasingDesk.NewPurchaseOrder(supplier, warehouse, lines));
                redirect.addFlashAttribute(
                        "done", new PurchasingForms.Done("purchasing.order.created", List.of(po.number())));
                return "redirect:/purchasing/orders/" + po.number();
            } catch (OrdoException refused) {
                PurchasingForms.status(refused, response);
                errors = forms.errors(refused, lineField(rows));
            }
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return newForm(supplier, warehouse, typed, errors, model);
    }

    /** lines[i].quantity names the form's row of the i-th line sent; supplierId and warehouse their pickers. */
    private static UnaryOperator<String> lineField(List<Integer> rows) {
        return field -> {
            if (field.startsWith("lines[")) {
                int index = Integer.parseInt(field.substring("lines[".length(), field.indexOf(']')));
                String rest = field.substring(field.indexOf(']') + 1);
                String name =
                        rest.startsWith(".unitPrice") ? "unitPrice" : rest.startsWith(".quantity") ? "quantity" : "sku";
                return index < rows.size() ? name + "-" + rows.get(index) : "lines";
            }
            return switch (field) {
                case "supplierId" -> "supplier";
                case "warehouse", "lines" -> field;
                default -> null;
            };
        };
    }

    @GetMapping("/purchasing/orders/{number}")
    @PreAuthorize(PageAccess.BUYERS)
    String detail(@PathVariable String number, Model model) {
        return show(found(number), Map.of(), Map.of(), model);
    }

    @GetMapping("/purchasing/orders/{number}/pdf")
    @PreAuthorize(PageAccess.BUYERS)
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        PurchasingDesk.PurchaseOrderDetail po = found(number);
        return WarehousePages.pdf(desk.pdf(po.number()), po.number());
    }

    @PostMapping("/purchasing/orders/{number}/send")
    @PreAuthorize(PageAccess.BUYERS)
    String send(@PathVariable String number, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        PurchasingDesk.PurchaseOrderDetail po = found(number);
        try {
            desk.send(po.number());
        } catch (OrdoException refused) {
            return refused(po.number(), refused, Map.of(), model, response);
        }
        return done("purchasing.order.sent", po.number(), redirect);
    }

    /** The supplier's dates: {@code date-<line number>} per line; lines left blank keep theirs. */
    @PostMapping("/purchasing/orders/{number}/confirm")
    @PreAuthorize(PageAccess.BUYERS)
    String confirm(
            @PathVariable String number,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PurchasingDesk.PurchaseOrderDetail po = found(number);
        List<PurchasingDesk.ConfirmedDate> dates = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        for (PurchasingDesk.Line line : po.lines()) {
            String date = value(params.getFirst("date-" + line.lineNumber()));
            typed.put("date-" + line.lineNumber(), date);
            if (!date.isEmpty()) {
                dates.add(new PurchasingDesk.ConfirmedDate(line.lineNumber(), date));
            }
        }
        if (dates.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(po, Map.of("confirm", forms.text("purchasing.order.noDates")), typed, model);
        }
        try {
            desk.confirm(po.number(), dates);
        } catch (OrdoException refused) {
            List<Integer> sent =
                    dates.stream().map(PurchasingDesk.ConfirmedDate::lineNumber).toList();
            UnaryOperator<String> field = f -> f.startsWith("lines[")
                    ? "date-" + sent.get(Integer.parseInt(f.substring(6, f.indexOf(']'))))
                    : "confirm";
            PurchasingForms.status(refused, response);
            Map<String, String> errors = refused.violations().isEmpty()
                    ? Map.of("form", forms.refusal(refused))
                    : forms.errors(refused, field);
            return show(found(number), errors, typed, model);
        }
        return done("purchasing.order.confirmed", po.number(), redirect);
    }

    @PostMapping("/purchasing/orders/{number}/cancel")
    @PreAuthorize(PageAccess.BUYERS)
    String cancel(
            @PathVariable String number,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PurchasingDesk.PurchaseOrderDetail po = found(number);
        try {
            desk.cancel(po.number(), AdminForms.blankToNull(reason));
        } catch (OrdoException refused) {
            return refused(po.number(), refused, Map.of("cancelReason", value(reason)), model, response);
        }
        return done("purchasing.order.cancelled", po.number(), redirect);
    }

    @PostMapping("/purchasing/orders/{number}/close")
    @PreAuthorize(PageAccess.BUYERS)
    String close(
            @PathVariable String number,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PurchasingDesk.PurchaseOrderDetail po = found(number);
        try {
            desk.close(po.number(), AdminForms.blankToNull(reason));
        } catch (OrdoException refused) {
            return refused(po.number(), refused, Map.of("closeReason", value(reason)), model, response);
        }
        return done("purchasing.order.closed", po.number(), redirect);
    }

    private String refused(
            String number,
            OrdoException refused,
            Map<String, String> typed,
            Model model,
            HttpServletResponse response) {
        PurchasingForms.status(refused, response);
        Map<String, String> errors = refused.violations().isEmpty()
                ? Map.of("form", forms.refusal(refused))
                : forms.errors(refused, f -> "form");
        return show(found(number), errors, typed, model);
    }

    private static String done(String key, String number, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", new PurchasingForms.Done(key, List.of(number)));
        return "redirect:/purchasing/orders/" + number;
    }

    private String show(
            PurchasingDesk.PurchaseOrderDetail po, Map<String, String> errors, Map<String, String> typed, Model model) {
        model.addAttribute("po", po);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "purchasing/order";
    }

    private String newForm(
            String supplier, String warehouse, List<LineForm> lines, Map<String, String> errors, Model model) {
        model.addAttribute("supplier", supplier);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("lines", lines);
        model.addAttribute("errors", errors);
        model.addAttribute("suppliers", allSuppliers(Boolean.TRUE));
        model.addAttribute(
                "warehouses",
                stock.warehouses().stream().filter(w -> w.active()).toList());
        return "purchasing/order-new";
    }

    private List<PurchasingDesk.Supplier> allSuppliers(Boolean active) {
        return AdminForms.all(p -> desk.suppliers(null, active, Paging.of(p, Paging.MAX_SIZE)));
    }

    private PurchasingDesk.PurchaseOrderDetail found(String number) {
        return desk.purchaseOrder(number).orElseThrow(() -> OrdoException.notFound("Purchase order", number));
    }

    /** The states a filter selects: OPEN the open ones, blank any; null for a value that is no state. */
    static List<PurchaseOrderStatus> statuses(String filter) {
        if (filter.isEmpty()) {
            return List.of();
        }
        if (filter.equals(OPEN)) {
            return PurchaseOrderStatus.openStates();
        }
        try {
            return List.of(PurchaseOrderStatus.valueOf(filter));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A whole number typed into {@code field}; blank is null, anything else not a number is an error. */
    static Integer whole(String text, String field, Map<String, String> errors, String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }

    static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String value(String text) {
        return text == null ? "" : text.trim();
    }

    private static List<String> list(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values;
    }

    private static String at(MultiValueMap<String, String> params, String name, int index) {
        List<String> values = list(params, name);
        return index < values.size() ? value(values.get(index)) : "";
    }
}
