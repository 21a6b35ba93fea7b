package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.ordo.identity.Actor;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.service.CasePriority;
import org.ordo.service.CaseStatus;
import org.ordo.service.CaseType;
import org.ordo.service.ServiceDesk;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service desk: a queue of cases with the most urgent target first and the time left on each, a case with its
 * conversation, status, assignee and reply; and the same cases of a customer in its portal, where it opens one about
 * its own orders and replies. What the service module refuses is shown next to its field.
 */
@Controller
class CasePages {

    static final int PAGE_SIZE = 25;

    private final ServiceDesk desk;
    private final MessageSource messages;
    private final ViolationTexts violationTexts;
    private final Orders orders;

    CasePages(ServiceDesk desk, MessageSource messages, ViolationTexts violationTexts, Orders orders) {
        this.orders = orders;
        this.desk = desk;
        this.messages = messages;
        this.violationTexts = violationTexts;
    }

    @GetMapping("/cases")
    @PreAuthorize(PageAccess.CASE_READERS)
    String queue(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String page,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<CaseStatus> statuses = status == null || status.isBlank() || status.equals("OPEN")
                ? (status == null || status.isBlank() ? List.of() : CaseStatus.openStates())
                : one(CaseStatus.class, status, "status", errors);
        List<CaseType> types = type == null || type.isBlank() ? List.of() : one(CaseType.class, type, "type", errors);
        String who = assignee == null || assignee.isBlank() ? null : assignee.trim();
        PageResult<ServiceDesk.Summary> result = desk.search(
                new ServiceDesk.Search(
                        statuses, types.isEmpty() ? null : types.get(0), uuid(customer), who, orderId(order)),
                Paging.of(Downloads.page(page), PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Downloads.lastPage(result));
        model.addAttribute("filter", Map.of("status", nz(status), "type", nz(type), "assignee", nz(assignee)));
        ListLink link = ListLink.to("/cases")
                .filter("status", status)
                .filter("type", type)
                .filter("assignee", assignee)
                .filter("customer", customer)
                .filter("order", order);
        model.addAttribute("previous", link.page(result.page() - 1));
        model.addAttribute("next", link.page(result.page() + 1));
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("types", CaseType.values());
        model.addAttribute("left", timesLeft(result.items()));
        model.addAttribute("customerLinks", PageAccess.mayServeCustomers(Actor.current()));
        model.addAttribute("mayWork", PageAccess.mayWorkCases(Actor.current()));
        model.addAttribute("newCase", newCaseLink(customer, order));
        return "service/cases";
    }

    @GetMapping("/cases/new")
    @PreAuthorize(PageAccess.CASE_WORKERS)
    String newCase(
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String order,
            Model model) {
        Map<String, String> form = new HashMap<>();
        form.put("customerId", nz(customer));
        form.put("orderId", nz(order));
        return newForm(form, Map.of(), false, model);
    }

    @PostMapping("/cases")
    @PreAuthorize(PageAccess.CASE_WORKERS)
    String open(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return openCase(form, false, model, response);
    }

    @GetMapping("/cases/{number}")
    @PreAuthorize(PageAccess.CASE_READERS)
    String detail(@PathVariable String number, Model model) {
        return show(find(number), Map.of(), Map.of(), false, model);
    }

    @PostMapping("/cases/{number}/change")
    @PreAuthorize(PageAccess.CASE_WORKERS)
    String change(
            @PathVariable String number,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ServiceDesk.Change change = new ServiceDesk.Change(
                blankToNull(form.get("status")), form.get("assignee"), blankToNull(form.get("priority")));
        return act(number, form, () -> desk.change(number, change), false, model, response, redirect);
    }

    @PostMapping("/cases/{number}/messages")
    @PreAuthorize(PageAccess.CASE_WORKERS)
    String post(
            @PathVariable String number,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ServiceDesk.Post post = new ServiceDesk.Post(blankToNull(form.get("kind")), form.get("body"));
        return act(number, form, () -> desk.post(number, post), false, model, response, redirect);
    }

    @GetMapping("/portal/cases")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String portalList(@RequestParam(required = false) String page, Model model) {
        PageResult<ServiceDesk.Summary> result = desk.search(
                new ServiceDesk.Search(null, null, null, null, null), Paging.of(Downloads.page(page), PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Downloads.lastPage(result));
        model.addAttribute("previous", ListLink.to("/portal/cases").page(result.page() - 1));
        model.addAttribute("next", ListLink.to("/portal/cases").page(result.page() + 1));
        return "portal/cases";
    }

    @GetMapping("/portal/cases/new")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String portalNew(@RequestParam(required = false) String order, Model model) {
        Map<String, String> form = new HashMap<>();
        form.put("orderId", nz(order));
        return newForm(form, Map.of(), true, model);
    }

    @PostMapping("/portal/cases")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String portalOpen(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return openCase(form, true, model, response);
    }

    @GetMapping("/portal/cases/{number}")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String portalDetail(@PathVariable String number, Model model) {
        return show(find(number), Map.of(), Map.of(), true, model);
    }

    @PostMapping("/portal/cases/{number}/messages")
    @PreAuthorize(PageAccess.CUSTOMERS)
    String portalReply(
            @PathVariable String number,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ServiceDesk.Post post = new ServiceDesk.Post(null, form.get("body"));
        return act(number, form, () -> desk.post(number, post), true, model, response, redirect);
    }

    private String openCase(Map<String, String> form, boolean portal, Model model, HttpServletResponse response) {
        UUID customer = null;
        if (!portal) {
            try {
                customer = UUID.fromString(nz(form.get("customerId")).trim());
            } catch (IllegalArgumentException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return newForm(form, Map.of("customerId", text("case.error.customer")), portal, model);
            }
        }
        ServiceDesk.Open open = new ServiceDesk.Open(
                customer,
                blankToNull(form.get("orderId")),
                null,
                null,
                null,
                blankToNull(form.get("type")),
                form.get("subject"),
                form.get("message"));
        try {
            ServiceDesk.CaseView opened = desk.open(open);
            return "redirect:" + (portal ? "/portal/cases/" : "/cases/") + opened.number();
        } catch (OrdoException refused) {
            response.setStatus(PortalPages.status(refused));
            return newForm(form, errors(refused), portal, model);
        }
    }

    /** The queue of one customer or order opens a new case for it, so nobody has to copy its id. */
    private String newCaseLink(String customer, String order) {
        String customerId = customer;
        if ((customer == null || customer.isBlank()) && order != null && !order.isBlank()) {
            customerId = orders.find(order.trim())
                    .map(o -> o.customerId().toString())
                    .orElse(null);
        }
        return ListLink.to("/cases/new")
                .filter("customer", customerId)
                .filter("order", order)
                .build();
    }

    private String newForm(Map<String, String> form, Map<String, String> errors, boolean portal, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("portal", portal);
        model.addAttribute("types", CaseType.values());
        return "service/case-new";
    }

    /** Runs a change; a refusal is shown on the case's page, next to its field. */
    private String act(
            String number,
            Map<String, String> form,
            Supplier<ServiceDesk.CaseView> operation,
            boolean portal,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ServiceDesk.CaseView view = find(number);
        try {
            operation.get();
        } catch (OrdoException refused) {
            response.setStatus(PortalPages.status(refused));
            return show(view, form, errors(refused), portal, model);
        }
        redirect.addFlashAttribute("done", "case.done");
        return "redirect:" + (portal ? "/portal/cases/" : "/cases/") + view.number();
    }

    private String show(
            ServiceDesk.CaseView view,
            Map<String, String> form,
            Map<String, String> errors,
            boolean portal,
            Model model) {
        model.addAttribute("c", view);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("portal", portal);
        model.addAttribute("priorities", CasePriority.values());
        model.addAttribute("left", left(view.dueAt()));
        model.addAttribute("overdue", view.dueAt() != null && view.dueAt().isBefore(Instant.now()));
        model.addAttribute("mayWork", !portal && PageAccess.mayWorkCases(Actor.current()));
        return "service/case";
    }

    private Map<String, String> errors(OrdoException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : refused.violations()) {
            errors.put(v.field(), violationTexts.of(v));
        }
        if (refused.violations().isEmpty()) {
            errors.put("action", violationTexts.refusal(refused));
        }
        return errors;
    }

    private ServiceDesk.CaseView find(String number) {
        return desk.find(number).orElseThrow(() -> OrdoException.notFound("Case", number));
    }

    private Map<UUID, String> timesLeft(List<ServiceDesk.Summary> cases) {
        Map<UUID, String> left = new HashMap<>();
        cases.forEach(c -> left.put(c.id(), left(c.dueAt())));
        return left;
    }

    /** "3 h 20 min left" or "1 d 2 h overdue"; empty without a target. */
    private String left(Instant due) {
        if (due == null) {
            return "";
        }
        Duration d = Duration.between(Instant.now(), due);
        String amount = duration(d.abs());
        return messages.getMessage(
                d.isNegative() ? "case.overdueBy" : "case.left",
                new Object[] {amount},
                LocaleContextHolder.getLocale());
    }

    private String duration(Duration d) {
        Object[] days = {d.toDays()};
        Object[] hours = {d.toHoursPart()};
        Object[] minutes = {d.toMinutesPart()};
        var locale = LocaleContextHolder.getLocale();
        if (d.toDays() > 0) {
            return messages.getMessage("case.days", days, locale) + " "
                    + messages.getMessage("case.hours", hours, locale);
        }
        if (d.toHours() > 0) {
            return messages.getMessage("case.hours", hours, locale) + " "
                    + messages.getMessage("case.minutes", minutes, locale);
        }
        return messages.getMessage("case.minutes", minutes, locale);
    }

    private <E extends Enum<E>> List<E> one(Class<E> type, String value, String field, Map<String, String> errors) {
        try {
            return List.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            errors.put(field, text("error.choice"));
            return List.of();
        }
    }

    /** An order number or id as the filter takes it; one that names no order matches nothing. */
    private UUID orderId(String order) {
        if (order == null || order.isBlank()) {
            return null;
        }
        return orders.find(order.trim()).map(OrderSnapshot::id).orElse(new UUID(0, 0));
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
