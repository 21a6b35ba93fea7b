package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.identity.Actor;
import org.ordo.inventory.StockKeeping;
import org.ordo.inventory.StockLevel;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stock ledger (every movement of a SKU in a warehouse, newest first, filtered, paged and as CSV) and the page of one
 * stock level, where those who plan stock set its safety stock and reorder point. The inventory module checks the filters
 * and the figures; what it refuses is shown next to the field, in the user's language, by rule code.
 */
@Controller
class StockLedgerPages {

    static final int PAGE_SIZE = 50;

    private final StockKeeping stock;
    private final ViolationTexts violations;
    private final MessageSource messages;

    StockLedgerPages(StockKeeping stock, ViolationTexts violations, MessageSource messages) {
        this.stock = stock;
        this.violations = violations;
        this.messages = messages;
    }

    /** The ledger's filters as typed. */
    public record Filter(String sku, String warehouse, String type, String from, String to) {

        StockKeeping.LedgerSearch search() {
            return new StockKeeping.LedgerSearch(sku, warehouse, type, from, to);
        }

        public String query(String path, int page) {
            return ListLink.to(path)
                    .filter("sku", sku)
                    .filter("warehouse", warehouse)
                    .filter("type", type)
                    .filter("from", from)
                    .filter("to", to)
                    .page(page);
        }
    }

    /** The policy form as typed. */
    public record Policy(String safetyStock, String reorderPoint) {}

    @GetMapping("/warehouse/ledger")
    @PreAuthorize(PageAccess.STOCK_READERS)
    String ledger(
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpServletResponse response,
            Model model) {
        Filter filter = new Filter(sku, warehouse, type, from, to);
        Map<String, String> errors = new LinkedHashMap<>();
        PageResult<StockKeeping.LedgerEntry> result;
        try {
            result = stock.ledger(filter.search(), Paging.of(Downloads.page(page), PAGE_SIZE));
        } catch (OrdoException refused) {
            refused.violations().forEach(v -> errors.putIfAbsent(v.field(), violations.of(v)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            result = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
        }
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Downloads.lastPage(result));
        model.addAttribute("warehouses", stock.warehouses());
        model.addAttribute("types", stock.movementTypes());
        model.addAttribute("warehouseUser", PageAccess.mayUseWarehouse(Actor.current()));
        response.addHeader("Vary", "HX-Request");
        return htmx != null && restore == null ? "warehouse/ledger :: results" : "warehouse/ledger";
    }

    @GetMapping("/warehouse/ledger.csv")
    @PreAuthorize(PageAccess.STOCK_READERS)
    ResponseEntity<String> exportLedger(
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Filter filter = new Filter(sku, warehouse, type, from, to);
        List<List<Object>> rows = Downloads.rows(
                p -> stock.ledger(filter.search(), Downloads.exportPage(p)),
                m -> java.util.Arrays.asList(
                        m.at().toString(),
                        m.sku(),
                        m.warehouse(),
                        m.type(),
                        m.quantity(),
                        m.counted(),
                        m.actor(),
                        m.reason(),
                        m.reference()));
        String name = "stock-ledger" + (sku == null || sku.isBlank() ? "" : "-" + sku.trim())
                + (warehouse == null || warehouse.isBlank() ? "" : "-" + warehouse.trim());
        return Downloads.csv(
                name,
                List.of("time", "sku", "warehouse", "type", "quantity", "counted", "actor", "reason", "reference"),
                rows);
    }

    @GetMapping("/warehouse/levels/{warehouse}/{sku}")
    @PreAuthorize(PageAccess.STOCK_READERS)
    String level(@PathVariable String warehouse, @PathVariable String sku, Model model) {
        StockLevel level = found(warehouse, sku);
        return levelPage(
                level,
                new Policy(String.valueOf(level.safetyStock()), String.valueOf(level.reorderPoint())),
                Map.of(),
                model);
    }

    @PostMapping("/warehouse/levels/{warehouse}/{sku}")
    @PreAuthorize(PageAccess.STOCK_PLANNERS)
    String setPolicy(
            @PathVariable String warehouse,
            @PathVariable String sku,
            @RequestParam(required = false) String safetyStock,
            @RequestParam(required = false) String reorderPoint,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        StockLevel level = found(warehouse, sku);
        Policy typed = new Policy(safetyStock, reorderPoint);
        Map<String, String> errors = new LinkedHashMap<>();
        Long safety = whole("safetyStock", safetyStock, errors);
        Long reorder = whole("reorderPoint", reorderPoint, errors);
        if (errors.isEmpty()) {
            try {
                StockLevel changed = stock.setPolicy(level.warehouse(), level.sku(), safety, reorder);
                redirect.addFlashAttribute(
                        "done",
                        new WarehousePages.Done(
                                "stock.policy.done",
                                List.of(
                                        changed.sku(),
                                        changed.warehouse(),
                                        changed.safetyStock(),
                                        changed.reorderPoint())));
                return "redirect:/warehouse/levels/" + level.warehouse() + "/" + level.sku();
            } catch (OrdoException refused) {
                for (FieldViolation v : refused.violations()) {
                    errors.putIfAbsent(v.field(), violations.of(v));
                }
                if (errors.isEmpty()) {
                    errors.put("action", violations.refusal(refused));
                }
                response.setStatus(WarehousePages.status(refused));
            }
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return levelPage(level, typed, errors, model);
    }

    private StockLevel found(String warehouse, String sku) {
        return stock.level(warehouse, sku)
                .orElseThrow(() -> OrdoException.notFound("Stock level", sku + "@" + warehouse));
    }

    private String levelPage(StockLevel level, Policy form, Map<String, String> errors, Model model) {
        model.addAttribute("level", level);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayPlan", PageAccess.mayPlanStock(Actor.current()));
        model.addAttribute("warehouseUser", PageAccess.mayUseWarehouse(Actor.current()));
        model.addAttribute(
                "recent",
                stock.ledger(
                                new StockKeeping.LedgerSearch(level.sku(), level.warehouse(), null, null, null),
                                Paging.of(0, 5))
                        .items());
        return "warehouse/level";
    }

    /** The number typed, or null with the reason in {@code errors} (a missing one is the module's to name). */
    private Long whole(String field, String typed, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(typed.trim());
        } catch (NumberFormatException e) {
            errors.put(
                    field, messages.getMessage("warehouse.stock.wholeNumber", null, LocaleContextHolder.getLocale()));
            return null;
        }
    }
}
