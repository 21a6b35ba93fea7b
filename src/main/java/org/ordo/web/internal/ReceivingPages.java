package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.inventory.StockKeeping;
import org.ordo.inventory.WarehouseView;
import org.ordo.platform.Idempotency;
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
 * Receiving for the warehouse: the open purchase orders of a warehouse, and per purchase order what arrived, line by line
 * with a reason when more than ordered came. A form is booked once however often it is sent (its submission token is
 * the idempotency key, as {@code Idempotency-Key} is for the API); what the purchasing module refuses (beyond the
 * tolerance, a cancelled purchase order) is shown next to the line in the user's language.
 */
@Controller
class ReceivingPages {

    static final String IDEMPOTENCY_SCOPE = "page-purchase-receipts";

    private final PurchasingDesk desk;
    private final StockKeeping stock;
    private final Idempotency idempotency;
    private final PurchasingForms forms;

    ReceivingPages(PurchasingDesk desk, StockKeeping stock, Idempotency idempotency, PurchasingForms forms) {
        this.desk = desk;
        this.stock = stock;
        this.idempotency = idempotency;
        this.forms = forms;
    }

    @GetMapping("/warehouse/purchase-orders")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String list(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String page,
            HttpSession session,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<WarehouseView> warehouses = stock.warehouses();
        String code =
                WarehousePages.chosenWarehouse(warehouse, warehouses, session, errors, forms.text("error.choice"));
        PageResult<PurchasingDesk.PurchaseOrderListed> result = desk.purchaseOrders(
                new PurchasingDesk.PurchaseOrderFilter(PurchaseOrderStatus.openStates(), null, null, code),
                Paging.of(AdminForms.page(page), AdminForms.PAGE_SIZE));
        model.addAttribute("warehouses", warehouses);
        model.addAttribute("warehouse", code == null ? "" : code);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", AdminForms.lastPage(result));
        model.addAttribute(
                "filter",
                new WarehousePages.Filter(code == null ? "" : code, null, 0, 0, WarehousePages.AWAITING_SHOWN));
        return "warehouse/purchase-orders";
    }

    @GetMapping("/warehouse/purchase-orders/{number}")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String receiveForm(@PathVariable String number, Model model) {
        return show(found(number), UUID.randomUUID().toString(), Map.of(), Map.of(), model);
    }

    /** {@code qty-<line number>} per line (blank or 0: nothing of it came), {@code reason}, {@code submission}. */
    @PostMapping("/warehouse/purchase-orders/{number}/receipts")
    @PreAuthorize(PageAccess.WAREHOUSE)
    String receive(
            @PathVariable String number,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PurchasingDesk.PurchaseOrderDetail po = found(number);
        String submission = PurchaseOrderPages.value(params.getFirst("submission"));
        String reason = PurchaseOrderPages.value(params.getFirst("reason"));
        Map<String, String> typed = new TreeMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<PurchasingDesk.ReceivedQuantity> lines = new ArrayList<>();
        for (PurchasingDesk.Line line : po.lines()) {
            String field = "qty-" + line.lineNumber();
            String text = PurchaseOrderPages.value(params.getFirst(field));
            typed.put(field, text);
            Integer quantity =
                    PurchaseOrderPages.whole(text, field, errors, forms.text("purchasing.error.wholeNumber"));
            if (quantity != null && quantity != 0) {
                lines.add(new PurchasingDesk.ReceivedQuantity(line.lineNumber(), quantity.longValue()));
            }
        }
        typed.put("reason", reason);
        if (errors.isEmpty() && lines.isEmpty()) {
            errors.put("form", forms.text("purchasing.receive.nothing"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(po, submission, typed, errors, model);
        }
        ResponseEntity<?> answer;
        try {
            answer = idempotency.execute(
                    IDEMPOTENCY_SCOPE, key(submission), Map.of("po", po.number(), "typed", typed), () -> {
                        PurchasingDesk.PurchaseOrderDetail after =
                                desk.receive(po.number(), lines, reason.isEmpty() ? null : reason);
                        return ResponseEntity.created(URI.create("/warehouse/purchase-orders/" + after.number()))
                                .body(Map.of("status", after.status().name()));
                    });
        } catch (OrdoException refused) {
            PurchasingForms.status(refused, response);
            List<Integer> sent = lines.stream()
                    .map(PurchasingDesk.ReceivedQuantity::lineNumber)
                    .toList();
            Map<String, String> shown = forms.errors(refused, f -> {
                if (f.startsWith("lines[") && f.contains("]")) {
                    int index = Integer.parseInt(f.substring(6, f.indexOf(']')));
                    return index < sent.size() ? "qty-" + sent.get(index) : null;
                }
                return f.equals("reason") ? "reason" : null;
            });
            return show(found(number), submission, typed, shown, model);
        }
        boolean again = "true".equals(answer.getHeaders().getFirst("Idempotent-Replayed"));
        redirect.addFlashAttribute(
                "done",
                new WarehousePages.Done(
                        again ? "purchasing.receive.again" : "purchasing.receive.done", List.of(po.number())));
        return "redirect:/warehouse/purchase-orders/" + po.number();
    }

    private String show(
            PurchasingDesk.PurchaseOrderDetail po,
            String submission,
            Map<String, String> typed,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("po", po);
        model.addAttribute("submission", submission);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "warehouse/purchase-order";
    }

    private static String key(String submission) {
        return submission == null || submission.isBlank() || submission.length() > 200
                ? null
                : Actor.current().username() + ":" + submission;
    }

    private PurchasingDesk.PurchaseOrderDetail found(String number) {
        return desk.purchaseOrder(number).orElseThrow(() -> OrdoException.notFound("Purchase order", number));
    }
}
