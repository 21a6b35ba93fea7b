package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.inventory.StockKeeping;
import org.ordo.inventory.StockLevel;
import org.ordo.inventory.WarehouseView;
import org.ordo.platform.Csv;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Stock in the warehouse: the levels of a warehouse (search by SKU or GTIN, low stock highlighted and filterable, paged,
 * CSV), receiving goods, and counts and adjustments — each a movement in the inventory module's ledger with its rules.
 * What the module refuses is shown next to the field it names, with everything typed kept.
 */
@Controller
class StockPages {

    static final int PAGE_SIZE = 50;

    private final StockKeeping stock;
    private final MessageSource messages;
    private final ViolationTexts violations;

    StockPages(StockKeeping stock, MessageSource messages, ViolationTexts violations) {
        this.stock = stock;
        this.messages = messages;
        this.violations = violations;
    }

    /** The filters of the stock levels as chosen; {@code warehouse} empty for all. */
    public record Filter(String warehouse, String q, boolean low) {

        public String query(String path, int page) {
            return ListLink.to(path)
                    .always("warehouse", warehouse)
                    .filter("q", q)
                    .filter("low", low ? "true" : null)
                    .page(page);
        }
    }

    /** A movement form as typed. */
    public record Movement(
            String warehouse, String sku, String quantity, String kind, String reference, String reason) {}

    @GetMapping("/warehouse/stock")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String levels(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String low,
            @RequestParam(required = false) String page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<WarehouseView> warehouses = stock.warehouses();
        String code = WarehousePages.chosenWarehouse(warehouse, warehouses, session, errors, text("error.choice"));
        boolean lowOnly = "true".equals(low) || "on".equals(low);
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > 64) {
            errors.put("q", text("warehouse.stock.tooLong"));
            text = null;
        }
        Filter filter = new Filter(code == null ? "" : code, q, lowOnly);
        PageResult<StockLevel> result =
                stock.levels(code, text, lowOnly, Paging.of(WarehousePages.page(page), PAGE_SIZE));
        model.addAttribute("warehouses", warehouses);
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Math.max(0, (int) ((result.totalItems() - 1) / PAGE_SIZE)));
        response.addHeader("Vary", "HX-Request");
        if (htmx != null && restore == null) {
            return "warehouse/stock :: results";
        }
        return "warehouse/stock";
    }

    @GetMapping("/warehouse/stock.csv")
    @PreAuthorize(PageAccess.WAREHOUSE)
    ResponseEntity<String> exportLevels(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String low) {
        String code = warehouse == null || warehouse.isBlank() ? null : warehouse.trim();
        String text = q == null || q.isBlank() ? null : q.trim();
        boolean lowOnly = "true".equals(low) || "on".equals(low);
        List<List<Object>> rows = new ArrayList<>();
        for (int p = 0; rows.size() < WarehousePages.EXPORT_LIMIT; p++) {
            PageResult<StockLevel> chunk = stock.levels(code, text, lowOnly, Paging.of(p, Paging.MAX_SIZE));
            for (StockLevel l : chunk.items()) {
                rows.add(List.of(
                        l.sku(),
                        l.warehouse(),
                        l.binLocation() == null ? "" : l.binLocation(),
                        l.onHand(),
                        l.reserved(),
                        l.available(),
                        l.backordered(),
                        l.backorderedUnassigned(),
                        l.safetyStock(),
                        l.reorderPoint(),
                        l.belowReorderPoint()));
            }
            if (chunk.items().size() < Paging.MAX_SIZE) {
                break;
            }
        }
        String csv = Csv.of(
                List.of(
                        "sku",
                        "warehouse",
                        "binLocation",
                        "onHand",
                        "reserved",
                        "available",
                        "backordered",
                        "backorderedUnassigned",
                        "safetyStock",
                        "reorderPoint",
                        "lowStock"),
                rows.size() > WarehousePages.EXPORT_LIMIT ? rows.subList(0, WarehousePages.EXPORT_LIMIT) : rows);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("stock" + (code == null ? "" : "-" + code) + ".csv")
                                .build()
                                .toString())
                .body(csv);
    }

    @GetMapping("/warehouse/receive")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String receiveForm(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String sku,
            HttpSession session,
            Model model) {
        String code = warehouse != null && !warehouse.isBlank() ? warehouse.trim() : remembered(session);
        return form("receive", new Movement(code, sku, "", "RECEIPT", "", ""), Map.of(), model);
    }

    @PostMapping("/warehouse/receive")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String receive(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String reference,
            HttpSession session,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Movement typed = new Movement(warehouse, sku, quantity, "RECEIPT", reference, "");
        return record("receive", typed, StockKeeping.Kind.RECEIPT, session, response, model, redirect);
    }

    @GetMapping("/warehouse/count")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String countForm(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String sku,
            HttpSession session,
            Model model) {
        String code = warehouse != null && !warehouse.isBlank() ? warehouse.trim() : remembered(session);
        return form("count", new Movement(code, sku, "", "COUNT", "", ""), Map.of(), model);
    }

    @PostMapping("/warehouse/count")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String count(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String reason,
            HttpSession session,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Movement typed = new Movement(warehouse, sku, quantity, kind, "", reason);
        StockKeeping.Kind chosen = "ADJUSTMENT".equals(kind)
                ? StockKeeping.Kind.ADJUSTMENT
                : "COUNT".equals(kind) ? StockKeeping.Kind.COUNT : null;
        if (chosen == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form("count", typed, Map.of("kind", text("error.choice")), model);
        }
        return record("count", typed, chosen, session, response, model, redirect);
    }

    private String record(
            String page,
            Movement typed,
            StockKeeping.Kind kind,
            HttpSession session,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long quantity = checked(typed, kind, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(page, typed, errors, model);
        }
        StockKeeping.Recorded recorded;
        try {
            recorded = stock.record(kind, typed.sku(), typed.warehouse(), quantity, typed.reason(), typed.reference());
        } catch (OrdoException refused) {
            for (FieldViolation v : refused.violations()) {
                errors.putIfAbsent(v.field().equals("type") ? "kind" : v.field(), violations.of(v));
            }
            if (errors.isEmpty()) {
                errors.put("action", violations.refusal(refused));
            }
            response.setStatus(WarehousePages.status(refused));
            return form(page, typed, errors, model);
        }
        session.setAttribute(WarehousePages.SESSION_WAREHOUSE, recorded.warehouse());
        redirect.addFlashAttribute("done", done(kind, recorded));
        return "redirect:/warehouse/" + page;
    }

    /** What the page itself can tell is missing or malformed goes to {@code errors}; the quantity typed, if it is one. */
    private Long checked(Movement typed, StockKeeping.Kind kind, Map<String, String> errors) {
        if (typed.warehouse() == null || typed.warehouse().isBlank()) {
            errors.put("warehouse", text("error.required"));
        }
        if (typed.sku() == null || typed.sku().isBlank()) {
            errors.put("sku", text("error.required"));
        }
        Long quantity = null;
        if (typed.quantity() == null || typed.quantity().isBlank()) {
            errors.put("quantity", text("error.required"));
        } else {
            try {
                quantity = Long.parseLong(typed.quantity().trim().replace("+", ""));
            } catch (NumberFormatException e) {
                errors.put("quantity", text("warehouse.stock.wholeNumber"));
            }
        }
        if (kind == StockKeeping.Kind.ADJUSTMENT
                && (typed.reason() == null || typed.reason().isBlank())) {
            errors.put("reason", text("warehouse.count.reasonRequired"));
        }
        return quantity;
    }

    /** The message of a recorded movement: what changed by how much, and what is on hand and available now. */
    private static WarehousePages.Done done(StockKeeping.Kind kind, StockKeeping.Recorded recorded) {
        String key = switch (kind) {
            case RECEIPT -> "warehouse.done.received";
            case ADJUSTMENT -> "warehouse.done.adjusted";
            case COUNT -> "warehouse.done.counted";
        };
        return new WarehousePages.Done(
                key,
                List.of(
                        recorded.sku(),
                        recorded.warehouse(),
                        Math.abs(recorded.change()),
                        recorded.onHand(),
                        recorded.available(),
                        recorded.change() < 0 ? "−" : "+"));
    }

    private String form(String page, Movement typed, Map<String, String> errors, Model model) {
        model.addAttribute("warehouses", stock.warehouses());
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        return "warehouse/" + page;
    }

    private static String remembered(HttpSession session) {
        return session.getAttribute(WarehousePages.SESSION_WAREHOUSE) instanceof String code ? code : "";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
