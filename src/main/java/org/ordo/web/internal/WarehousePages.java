package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentHandling;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.fulfillment.Shipping;
import org.ordo.inventory.StockKeeping;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The warehouse: a home with the work of one warehouse (or all) — orders waiting for a shipment, shipments to pick, pack
 * and ship, with counts, paging and CSV — then per shipment the printable pick list, "mark picked", the packing screen
 * where every unit is verified by scan (htmx swaps the packing panel; a wrong item is refused and changes nothing), the
 * carrier choice from the configured rate tables, shipping, and the label and packing slip as PDF. Everything goes
 * through the fulfilment module's operations, with their rules, audit and events.
 */
@Controller
class WarehousePages {

    static final int PAGE_SIZE = 25;
    static final int AWAITING_SHOWN = 10;
    /** The page sizes offered for the orders waiting for a shipment. */
    static final List<Integer> AWAITING_SIZES = List.of(10, 25, 50, 100);
    /** A CSV export stops here; the page says to narrow the filters. */
    static final int EXPORT_LIMIT = 20_000;
    /** The session remembers the warehouse last chosen; an empty string means every warehouse. */
    static final String SESSION_WAREHOUSE = WarehousePages.class.getName() + ".warehouse";
    /** The status filter of the home page: open work by default. */
    static final String OPEN = "OPEN";

    static final String ANY = "ANY";

    private final ShipmentHandling handling;
    private final Shipping shipping;
    private final StockKeeping stock;
    private final MessageSource messages;
    private final ViolationTexts violationTexts;

    WarehousePages(
            ShipmentHandling handling,
            Shipping shipping,
            StockKeeping stock,
            MessageSource messages,
            ViolationTexts violationTexts) {
        this.violationTexts = violationTexts;
        this.handling = handling;
        this.shipping = shipping;
        this.stock = stock;
        this.messages = messages;
    }

    /**
     * The filters of the home page as chosen; {@code warehouse} empty for all. {@code page} is the page of the shipments,
     * {@code planPage} and {@code planSize} those of the orders waiting for a shipment: each list pages on its own.
     */
    public record Filter(String warehouse, String status, int page, int planPage, int planSize) {

        public String query(String path, int page) {
            return link(path, planPage, planSize).page(page);
        }

        /** The home page with page {@code planPage} of {@code planSize} orders waiting for a shipment. */
        public String plan(int planPage, int planSize) {
            return link("/warehouse", planPage, planSize).page(page);
        }

        private ListLink link(String path, int planPage, int planSize) {
            return ListLink.to(path)
                    .always("warehouse", warehouse)
                    .filter("status", OPEN.equals(status) ? null : status)
                    .filter("planPage", planPage > 0 ? String.valueOf(planPage) : null)
                    .filter("planSize", planSize != AWAITING_SHOWN ? String.valueOf(planSize) : null);
        }
    }

    /** A message to show after a redirect: its key in the bundle and its arguments (serializable: the session keeps it). */
    public record Done(String key, List<Object> args) implements Serializable {

        public Object[] arguments() {
            return args.toArray();
        }
    }

    @GetMapping("/warehouse")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String home(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String planPage,
            @RequestParam(required = false) String planSize,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<WarehouseView> warehouses = stock.warehouses();
        String code = chosenWarehouse(warehouse, warehouses, session, errors, text("error.choice"));
        int planSizeChosen = AWAITING_SIZES.contains(page(planSize)) ? page(planSize) : AWAITING_SHOWN;
        String statusFilter = status == null || status.isBlank() ? OPEN : status.trim();
        List<ShipmentStatus> statuses = statuses(statusFilter, errors);
        if (errors.containsKey("status")) {
            statusFilter = OPEN;
        }
        int pageNumber = page(page);
        Filter filter = new Filter(code == null ? "" : code, statusFilter, pageNumber, page(planPage), planSizeChosen);
        PageResult<ShipmentHandling.Listed> result = handling.queue(code, statuses, Paging.of(pageNumber, PAGE_SIZE));
        model.addAttribute("warehouses", warehouses);
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", lastPage(result.totalItems()));
        model.addAttribute("statusChoices", ShipmentStatus.values());
        Map<String, Long> counts = new LinkedHashMap<>();
        handling.openCounts(code).forEach((state, n) -> counts.put(state.name(), n));
        model.addAttribute("counts", counts);
        PageResult<ShipmentHandling.Unplanned> awaiting =
                handling.awaitingPlan(code, Paging.of(filter.planPage(), planSizeChosen));
        if (awaiting.items().isEmpty() && filter.planPage() > 0) {
            // a page past the end (orders planned since the link was made): the last one there is
            awaiting = handling.awaitingPlan(code, Paging.of(Downloads.lastPage(awaiting), planSizeChosen));
        }
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("awaitingLastPage", Downloads.lastPage(awaiting));
        model.addAttribute("awaitingSizes", AWAITING_SIZES);
        response.addHeader("Vary", "HX-Request");
        if (htmx != null && restore == null) {
            return "warehouse/home :: results";
        }
        return "warehouse/home";
    }

    @GetMapping("/warehouse/shipments.csv")
    @PreAuthorize(PageAccess.WAREHOUSE)
    ResponseEntity<String> exportShipments(
            @RequestParam(required = false) String warehouse, @RequestParam(required = false) String status) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = warehouse == null || warehouse.isBlank() ? null : warehouse.trim();
        List<ShipmentStatus> statuses = statuses(status == null || status.isBlank() ? OPEN : status.trim(), errors);
        if (!errors.isEmpty()) {
            throw OrdoException.invalid("status", errors.get("status"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int p = 0; rows.size() < EXPORT_LIMIT; p++) {
            PageResult<ShipmentHandling.Listed> chunk = handling.queue(code, statuses, Paging.of(p, Paging.MAX_SIZE));
            for (ShipmentHandling.Listed s : chunk.items()) {
                rows.add(List.of(
                        s.number(),
                        s.orderNumber(),
                        s.warehouse(),
                        s.status().name(),
                        s.quantity(),
                        s.plannedAt().toString(),
                        s.carrier() == null ? "" : s.carrier(),
                        s.service() == null ? "" : s.service(),
                        s.trackingNumber() == null ? "" : s.trackingNumber(),
                        s.shippedAt() == null ? "" : s.shippedAt().toString()));
            }
            if (chunk.items().size() < Paging.MAX_SIZE) {
                break;
            }
        }
        String csv = Csv.of(
                List.of(
                        "shipment",
                        "order",
                        "warehouse",
                        "status",
                        "quantity",
                        "plannedAt",
                        "carrier",
                        "service",
                        "trackingNumber",
                        "shippedAt"),
                rows.size() > EXPORT_LIMIT ? rows.subList(0, EXPORT_LIMIT) : rows);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("shipments" + (code == null ? "" : "-" + code) + ".csv")
                                .build()
                                .toString())
                .body(csv);
    }

    /** Plans the shipment of an order's reserved stock in one warehouse, as {@code POST /api/orders/{id}/shipments}. */
    @PostMapping("/warehouse/plan")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String plan(
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String warehouse,
            RedirectAttributes redirect) {
        UUID orderId;
        try {
            orderId = UUID.fromString(order == null ? "" : order.trim());
        } catch (IllegalArgumentException e) {
            throw OrdoException.notFound("Order", order);
        }
        try {
            List<String> planned =
                    shipping.plan(orderId, warehouse == null || warehouse.isBlank() ? null : warehouse.trim(), null);
            redirect.addFlashAttribute("done", new Done("warehouse.done.planned", List.of(String.join(", ", planned))));
            return "redirect:/warehouse/shipments/" + planned.get(0);
        } catch (OrdoException refused) {
            redirect.addFlashAttribute("refused", violationTexts.refusal(refused));
            return "redirect:/warehouse";
        }
    }

    @GetMapping("/warehouse/shipments/{number}")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String shipment(@PathVariable String number, Model model) {
        return show(shipmentOrNotFound(number), Map.of(), null, model);
    }

    /** "Mark picked": PLANNED → PICKING; the packing screen comes next. */
    @PostMapping("/warehouse/shipments/{number}/picked")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String picked(@PathVariable String number, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ShipmentHandling.Detail shipment = shipmentOrNotFound(number);
        try {
            handling.startPicking(shipment.number());
        } catch (OrdoException refused) {
            response.setStatus(status(refused));
            return show(shipmentOrNotFound(number), Map.of("action", violationTexts.refusal(refused)), null, model);
        }
        redirect.addFlashAttribute("done", new Done("warehouse.done.picked", List.of(shipment.number())));
        return "redirect:/warehouse/shipments/" + shipment.number();
    }

    /**
     * One scan at the packing station, or the quantity the packer keyed for the item just scanned. For htmx the packing
     * panel alone is answered: the counts after a right item (the last one packs the shipment), or the refusal naming the
     * scanned code with the status of the refusal and nothing changed.
     */
    @PostMapping("/warehouse/shipments/{number}/scan")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String scan(
            @PathVariable String number,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String quantity,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ShipmentHandling.Detail shipment = shipmentOrNotFound(number);
        String scanned = code == null ? "" : code.trim();
        String error = null;
        ShipmentHandling.Scanned accepted = null;
        Integer keyed = keyedQuantity(quantity);
        if (scanned.isEmpty() || (keyed != null && keyed < 1)) {
            error = text(scanned.isEmpty() ? "warehouse.scan.empty" : "warehouse.scan.quantityInvalid");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } else {
            try {
                accepted = keyed == null
                        ? handling.scan(shipment.number(), scanned)
                        : handling.scan(shipment.number(), scanned, keyed);
                if (accepted.complete()) {
                    handling.pack(shipment.number());
                }
            } catch (OrdoException refused) {
                error = scanRefusal(refused, scanned, accepted);
                response.setStatus(status(refused));
            }
        }
        if (htmx == null) {
            if (error != null) {
                redirect.addFlashAttribute("scanError", error);
            }
            return "redirect:/warehouse/shipments/" + shipment.number();
        }
        model.addAttribute("scanError", error);
        model.addAttribute("lastScan", accepted);
        show(shipmentOrNotFound(number), Map.of(), null, model);
        model.addAttribute("oob", true);
        return "warehouse/scanned";
    }

    /** The keyed quantity: null when none was keyed, 0 for what is not a whole number (refused as such). */
    private static Integer keyedQuantity(String quantity) {
        if (quantity == null || quantity.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(quantity.trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private String scanRefusal(OrdoException refused, String scanned, ShipmentHandling.Scanned accepted) {
        return switch (refused.errorCode()) {
            case "not-on-pick-list" -> text("warehouse.scan.wrong", scanned);
            case "line-complete" -> text("warehouse.scan.tooMany", scanned);
            case "more-than-missing" -> text("warehouse.scan.moreThanMissing", scanned);
            case "keyed-quantity-over-limit" -> text("warehouse.scan.overLimit", handling.maxKeyedQuantity());
            default ->
                accepted == null
                        ? text("warehouse.scan.refused", scanned, violationTexts.refusal(refused))
                        : violationTexts.refusal(refused);
        };
    }

    /** Packs a fully scanned shipment (the last scan does it too). */
    @PostMapping("/warehouse/shipments/{number}/pack")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String pack(@PathVariable String number, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ShipmentHandling.Detail shipment = shipmentOrNotFound(number);
        try {
            handling.pack(shipment.number());
        } catch (OrdoException refused) {
            response.setStatus(status(refused));
            return show(shipmentOrNotFound(number), Map.of("action", violationTexts.refusal(refused)), null, model);
        }
        redirect.addFlashAttribute("done", new Done("warehouse.done.packed", List.of(shipment.number())));
        return "redirect:/warehouse/shipments/" + shipment.number();
    }

    /** Ships with the chosen carrier service ({@code option} = carrier|service) and an optional tracking number. */
    @PostMapping("/warehouse/shipments/{number}/ship")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String ship(
            @PathVariable String number,
            @RequestParam(required = false) String option,
            @RequestParam(required = false) String trackingNumber,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ShipmentHandling.Detail shipment = shipmentOrNotFound(number);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("option", option == null ? "" : option);
        typed.put("trackingNumber", trackingNumber == null ? "" : trackingNumber);
        String[] choice = option == null ? new String[0] : option.split("\\|", -1);
        if (choice.length != 2 || choice[0].isBlank() || choice[1].isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(shipment, Map.of("option", text("warehouse.ship.choose")), typed, model);
        }
        try {
            handling.ship(
                    shipment.number(),
                    choice[0],
                    choice[1],
                    trackingNumber == null || trackingNumber.isBlank() ? null : trackingNumber.trim());
        } catch (OrdoException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : refused.violations()) {
                errors.put(
                        v.field().equals("carrier") || v.field().equals("service") ? "option" : v.field(), v.message());
            }
            if (errors.isEmpty()) {
                errors.put("action", violationTexts.refusal(refused));
            }
            response.setStatus(status(refused));
            return show(shipmentOrNotFound(number), errors, typed, model);
        }
        redirect.addFlashAttribute("done", new Done("warehouse.done.shipped", List.of(shipment.number())));
        return "redirect:/warehouse/shipments/" + shipment.number();
    }

    @GetMapping("/warehouse/shipments/{number}/label.pdf")
    @PreAuthorize(PageAccess.WAREHOUSE)
    ResponseEntity<byte[]> label(@PathVariable String number) {
        ShipmentHandling.Detail shipment = shipmentOrNotFound(number);
        return pdf(handling.label(shipment.number()), "label-" + shipment.number());
    }

    @GetMapping("/warehouse/shipments/{number}/packing-slip.pdf")
    @PreAuthorize(PageAccess.WAREHOUSE)
    ResponseEntity<byte[]> packingSlip(@PathVariable String number) {
        ShipmentHandling.Detail shipment = shipmentOrNotFound(number);
        return pdf(handling.packingSlip(shipment.number()), "packing-slip-" + shipment.number());
    }

    /** The printable pick list of one shipment, in walking order. */
    @GetMapping("/warehouse/shipments/{number}/pick-list")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String pickList(@PathVariable String number, Model model) {
        ShipmentHandling.Detail shipment = shipmentOrNotFound(number);
        List<ShipmentHandling.PickLine> lines = shipment.lines().stream()
                .map(l -> new ShipmentHandling.PickLine(
                        l.binLocation(),
                        l.sku(),
                        l.name(),
                        l.gtin(),
                        l.quantity(),
                        List.of(new ShipmentHandling.PickSource(shipment.number(), l.lineNumber(), l.quantity()))))
                .toList();
        model.addAttribute(
                "pickList",
                new ShipmentHandling.PickList(
                        shipment.warehouse(), List.of(shipment.number()), shipment.totalQuantity(), lines));
        model.addAttribute("shipment", shipment);
        model.addAttribute("printedAt", java.time.Instant.now());
        model.addAttribute(
                "markable", shipment.status() == ShipmentStatus.PLANNED ? List.of(shipment.number()) : List.of());
        return "warehouse/picklist";
    }

    /** One pick list for several shipments of one warehouse, summed per bin and SKU. */
    @GetMapping("/warehouse/pick-list")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String combinedPickList(
            @RequestParam(name = "shipments", required = false) List<String> numbers,
            Model model,
            HttpServletResponse response) {
        List<String> chosen = numbers == null
                ? List.of()
                : numbers.stream()
                        .filter(n -> n != null && !n.isBlank())
                        .distinct()
                        .toList();
        if (chosen.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", List.of(text("warehouse.pickList.noneChosen")));
            return "warehouse/picklist";
        }
        try {
            ShipmentHandling.PickList list = handling.pickList(chosen);
            model.addAttribute("pickList", list);
            model.addAttribute("printedAt", java.time.Instant.now());
            model.addAttribute(
                    "markable",
                    list.shipments().stream()
                            .filter(n -> handling.find(n)
                                    .map(d -> d.status() == ShipmentStatus.PLANNED)
                                    .orElse(false))
                            .toList());
        } catch (OrdoException refused) {
            response.setStatus(status(refused));
            List<String> problems = new ArrayList<>();
            refused.violations().forEach(v -> problems.add(v.message()));
            if (problems.isEmpty()) {
                problems.add(violationTexts.refusal(refused));
            }
            model.addAttribute("problems", problems);
        }
        return "warehouse/picklist";
    }

    /** "Mark picked" for every PLANNED shipment of a (combined) pick list. */
    @PostMapping("/warehouse/pick-list/picked")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String pickedAll(
            @RequestParam(name = "shipments", required = false) List<String> numbers, RedirectAttributes redirect) {
        List<String> picked = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String number : numbers == null ? List.<String>of() : numbers) {
            try {
                picked.add(handling.startPicking(number).number());
            } catch (OrdoException e) {
                refused.add(violationTexts.refusal(e));
            }
        }
        if (picked.size() == 1) {
            redirect.addFlashAttribute("done", new Done("warehouse.done.picked", List.of(picked.get(0))));
        } else if (!picked.isEmpty()) {
            redirect.addFlashAttribute(
                    "done", new Done("warehouse.done.pickedAll", List.of(picked.size(), String.join(", ", picked))));
        }
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("refused", String.join(" ", refused));
        }
        return picked.size() == 1 ? "redirect:/warehouse/shipments/" + picked.get(0) : "redirect:/warehouse";
    }

    private String show(
            ShipmentHandling.Detail shipment, Map<String, String> errors, Map<String, String> typed, Model model) {
        model.addAttribute("shipment", shipment);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        ShipmentHandling.Rates rates =
                shipment.status() == ShipmentStatus.PACKED ? handling.rates(shipment.number()) : null;
        model.addAttribute("rates", rates);
        String chosen = typed != null ? typed.get("option") : null;
        if ((chosen == null || chosen.isBlank()) && rates != null) {
            chosen = rates.options().stream()
                    .filter(ShipmentHandling.RateOption::recommended)
                    .findFirst()
                    .map(o -> o.carrier() + "|" + o.service())
                    .orElse(null);
        }
        model.addAttribute("chosenOption", chosen);
        model.addAttribute("maxKeyedQuantity", handling.maxKeyedQuantity());
        return "warehouse/shipment";
    }

    private ShipmentHandling.Detail shipmentOrNotFound(String number) {
        return handling.find(number).orElseThrow(() -> OrdoException.notFound("Shipment", number));
    }

    /**
     * The warehouse to show: the one asked for (remembered in the session; empty for every warehouse), else the one
     * remembered. An unknown code is reported next to the picker and every warehouse is shown.
     */
    static String chosenWarehouse(
            String asked,
            List<WarehouseView> warehouses,
            HttpSession session,
            Map<String, String> errors,
            String unknownText) {
        String code;
        if (asked != null) {
            code = asked.trim();
            if (!code.isEmpty() && warehouses.stream().noneMatch(w -> w.code().equals(asked.trim()))) {
                errors.put("warehouse", unknownText);
                code = "";
            }
            session.setAttribute(SESSION_WAREHOUSE, code);
        } else {
            code = session.getAttribute(SESSION_WAREHOUSE) instanceof String kept ? kept : "";
            String remembered = code;
            if (!code.isEmpty() && warehouses.stream().noneMatch(w -> w.code().equals(remembered))) {
                code = "";
            }
        }
        return code.isEmpty() ? null : code;
    }

    private List<ShipmentStatus> statuses(String filter, Map<String, String> errors) {
        if (filter.equals(OPEN)) {
            return ShipmentStatus.openStates();
        }
        if (filter.equals(ANY)) {
            return List.of();
        }
        try {
            return List.of(ShipmentStatus.valueOf(filter));
        } catch (IllegalArgumentException e) {
            errors.put("status", text("error.choice"));
            return ShipmentStatus.openStates();
        }
    }

    static int page(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static int lastPage(long total) {
        return Math.max(0, (int) ((total - 1) / PAGE_SIZE));
    }

    static int status(OrdoException refused) {
        return switch (refused.kind()) {
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case RULE_VIOLATED -> 422;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            default -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(name + ".pdf")
                                .build()
                                .toString())
                .body(bytes);
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
