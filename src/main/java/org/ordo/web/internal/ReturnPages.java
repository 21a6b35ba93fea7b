package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.returns.ReturnDesk;
import org.ordo.returns.ReturnStatus;
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
 * Returns (RMAs) for customer service: a list with a status filter and one return with the actions its state and the user's
 * roles allow — approve or reject, receive (restock or scrap per line), inspect, and carry out the resolution — through
 * the returns module. What the module refuses is shown on the return's page.
 */
@Controller
class ReturnPages {

    static final int PAGE_SIZE = 25;

    private final ReturnDesk desk;
    private final Customers customers;
    private final MessageSource messages;
    private final ViolationTexts violationTexts;

    ReturnPages(ReturnDesk desk, Customers customers, MessageSource messages, ViolationTexts violationTexts) {
        this.violationTexts = violationTexts;
        this.desk = desk;
        this.customers = customers;
        this.messages = messages;
    }

    @GetMapping("/returns")
    @PreAuthorize(PageAccess.RETURN_READERS)
    String list(
            @RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ReturnStatus> statuses = statuses(status, errors);
        PageResult<ReturnDesk.Listed> result = desk.search(statuses, null, Paging.of(Downloads.page(page), PAGE_SIZE));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Downloads.lastPage(result));
        model.addAttribute("statuses", ReturnStatus.values());
        model.addAttribute("query", new PortalPages.ListQuery("/returns", status));
        model.addAttribute(
                "customerNames",
                customers.names(result.items().stream()
                        .map(ReturnDesk.Listed::customerId)
                        .toList()));
        model.addAttribute("customerLinks", PageAccess.mayServeCustomers(Actor.current()));
        return "service/returns";
    }

    @GetMapping("/returns.csv")
    @PreAuthorize(PageAccess.RETURN_READERS)
    ResponseEntity<String> csv(@RequestParam(required = false) String status) {
        Set<ReturnStatus> statuses = statuses(status, new LinkedHashMap<>());
        List<List<Object>> rows = Downloads.rows(
                p -> desk.search(statuses, null, Downloads.exportPage(p)),
                r -> List.of(
                        r.number(),
                        r.orderNumber(),
                        r.customerId(),
                        r.status(),
                        r.resolution(),
                        r.quantity(),
                        r.receivedQuantity(),
                        r.requestedAt()));
        Map<java.util.UUID, String> names = customers.names(
                rows.stream().map(r -> (java.util.UUID) r.get(2)).distinct().toList());
        List<List<Object>> named = rows.stream()
                .map(r -> {
                    List<Object> row = new ArrayList<>(r);
                    row.add(3, names.getOrDefault((java.util.UUID) r.get(2), ""));
                    return (List<Object>) row;
                })
                .toList();
        return Downloads.csv(
                "returns",
                List.of(
                        "number",
                        "order",
                        "customerId",
                        "customer",
                        "status",
                        "resolution",
                        "quantity",
                        "receivedQuantity",
                        "requestedAt"),
                named);
    }

    @GetMapping("/returns/{number}")
    @PreAuthorize(PageAccess.RETURN_READERS)
    String detail(@PathVariable String number, Model model) {
        return show(find(number), Map.of(), Map.of(), null, model);
    }

    @PostMapping("/returns/{number}/approve")
    @PreAuthorize(PageAccess.RETURN_APPROVERS)
    String approve(
            @PathVariable String number, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReturnDesk.Detail rma = find(number);
        return act(rma, "approve", Map.of(), () -> desk.approve(rma.number()), model, response, redirect);
    }

    @PostMapping("/returns/{number}/reject")
    @PreAuthorize(PageAccess.RETURN_APPROVERS)
    String reject(
            @PathVariable String number,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ReturnDesk.Detail rma = find(number);
        Map<String, String> form = Map.of("reason", reason == null ? "" : reason);
        if (reason == null || reason.isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(rma, form, Map.of("reason", text("error.required")), "reject", model);
        }
        return act(rma, "reject", form, () -> desk.reject(rma.number(), reason.trim()), model, response, redirect);
    }

    @PostMapping("/returns/{number}/receive")
    @PreAuthorize(PageAccess.RETURN_HANDLERS)
    String receive(
            @PathVariable String number,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ReturnDesk.Detail rma = find(number);
        Map<String, String> errors = new LinkedHashMap<>();
        List<ReturnDesk.ReceivedLine> lines = new ArrayList<>();
        for (ReturnDesk.Line line : rma.lines()) {
            String field = "received_" + line.lineNumber();
            String typed = form.getOrDefault(field, "").trim();
            long quantity;
            try {
                quantity = typed.isEmpty() ? 0 : Long.parseLong(typed);
            } catch (NumberFormatException e) {
                errors.put(field, text("service.return.error.quantity"));
                continue;
            }
            if (quantity < 0 || quantity > line.quantity()) {
                errors.put(
                        field,
                        messages.getMessage(
                                "service.return.error.max",
                                new Object[] {line.quantity()},
                                LocaleContextHolder.getLocale()));
                continue;
            }
            if (quantity > 0) {
                lines.add(new ReturnDesk.ReceivedLine(
                        line.lineNumber(), quantity, !"scrap".equals(form.get("handling_" + line.lineNumber()))));
            }
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.put("receive", text("service.return.error.nothingReceived"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(rma, form, errors, "receive", model);
        }
        return act(rma, "receive", form, () -> desk.receive(rma.number(), lines), model, response, redirect);
    }

    @PostMapping("/returns/{number}/inspect")
    @PreAuthorize(PageAccess.RETURN_HANDLERS)
    String inspect(
            @PathVariable String number,
            @RequestParam(required = false) String notes,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ReturnDesk.Detail rma = find(number);
        Map<String, String> form = Map.of("notes", notes == null ? "" : notes);
        return act(
                rma,
                "inspect",
                form,
                () -> desk.inspect(rma.number(), notes == null || notes.isBlank() ? null : notes.trim()),
                model,
                response,
                redirect);
    }

    @PostMapping("/returns/{number}/resolve")
    @PreAuthorize(PageAccess.RETURN_RESOLVERS)
    String resolve(
            @PathVariable String number, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReturnDesk.Detail rma = find(number);
        return act(rma, "resolve", Map.of(), () -> desk.resolve(rma.number()), model, response, redirect);
    }

    @PostMapping("/returns/{number}/refund")
    @PreAuthorize(PageAccess.RETURN_REFUNDERS)
    String refund(
            @PathVariable String number,
            @RequestParam(required = false) String reference,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ReturnDesk.Detail rma = find(number);
        Map<String, String> form = Map.of("reference", reference == null ? "" : reference);
        if (reference == null || reference.isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(rma, form, Map.of("reference", text("error.required")), "refund", model);
        }
        return act(rma, "refund", form, () -> desk.refund(rma.number(), reference.trim()), model, response, redirect);
    }

    /** Runs an action the page offers only if the state allows it; a refusal is shown on the page, next to its field. */
    private String act(
            ReturnDesk.Detail rma,
            String action,
            Map<String, String> form,
            Supplier<ReturnDesk.Detail> operation,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!PageAccess.returnActions(Actor.current(), rma.status(), "DUE".equals(rma.refundStatus()))
                .contains(action)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(
                    rma,
                    form,
                    Map.of(
                            "action",
                            messages.getMessage(
                                    "service.return.error.state",
                                    new Object[] {text("return.status." + rma.status())},
                                    LocaleContextHolder.getLocale())),
                    action,
                    model);
        }
        try {
            operation.get();
        } catch (OrdoException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : refused.violations()) {
                errors.put(v.field(), v.message());
            }
            errors.put("action", violationTexts.refusal(refused));
            response.setStatus(PortalPages.status(refused));
            return show(find(rma.number()), form, errors, action, model);
        }
        redirect.addFlashAttribute("done", "service.return.done." + action);
        return "redirect:/returns/" + rma.number();
    }

    private String show(
            ReturnDesk.Detail rma,
            Map<String, String> form,
            Map<String, String> errors,
            String failedAction,
            Model model) {
        model.addAttribute("rma", rma);
        model.addAttribute("customer", customers.find(rma.customerId()).orElse(null));
        model.addAttribute(
                "actions", PageAccess.returnActions(Actor.current(), rma.status(), "DUE".equals(rma.refundStatus())));
        model.addAttribute("customerLinks", PageAccess.mayServeCustomers(Actor.current()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("failedAction", failedAction);
        return "service/return";
    }

    private ReturnDesk.Detail find(String number) {
        return desk.find(number).orElseThrow(() -> OrdoException.notFound("Return", number));
    }

    private Set<ReturnStatus> statuses(String status, Map<String, String> errors) {
        Set<ReturnStatus> statuses = EnumSet.noneOf(ReturnStatus.class);
        if (status != null && !status.isBlank()) {
            if (status.equals("OPEN")) {
                statuses.addAll(ReturnStatus.openStates());
            } else {
                try {
                    statuses.add(ReturnStatus.valueOf(status));
                } catch (IllegalArgumentException e) {
                    errors.put("status", text("error.choice"));
                }
            }
        }
        return statuses;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
