package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.integration.EventType;
import org.ordo.integration.Webhooks;
import org.ordo.platform.CompanyCalendar;
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
 * {@code /admin/webhooks}: the subscriptions of other systems, a new one with its event types (its secret shown once,
 * after the redirect), and one endpoint's delivery log with replays of a delivery or of everything since a day.
 */
@Controller
class WebhookPages {

    private static final String PAGE = "/admin/webhooks";

    private final Webhooks webhooks;
    private final ViolationTexts violations;
    private final CompanyCalendar calendar;
    private final MessageSource messages;

    WebhookPages(Webhooks webhooks, ViolationTexts violations, CompanyCalendar calendar, MessageSource messages) {
        this.webhooks = webhooks;
        this.violations = violations;
        this.calendar = calendar;
        this.messages = messages;
    }

    /** What the form holds: typed again after a refusal. */
    public record WebhookForm(String url, String secret, List<String> eventTypes) {}

    @GetMapping(PAGE)
    @PreAuthorize(PageAccess.ADMINS)
    String page(@RequestParam(required = false) String id, Model model) {
        return render(id, new WebhookForm("", "", List.of()), Map.of(), model);
    }

    @PostMapping(PAGE)
    @PreAuthorize(PageAccess.ADMINS)
    String create(
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String secret,
            @RequestParam(required = false) List<String> eventTypes,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        WebhookForm form = new WebhookForm(url, secret, eventTypes == null ? List.of() : eventTypes);
        try {
            Webhooks.Subscription created = webhooks.create(new Webhooks.SubscriptionRequest(
                    AdminForms.blankToNull(url), AdminForms.blankToNull(secret), form.eventTypes(), true));
            redirect.addFlashAttribute("createdSecret", created.secret());
            redirect.addFlashAttribute("done", "admin.webhook.created");
            redirect.addFlashAttribute("doneArg", created.url());
            return "redirect:" + PAGE + "?id=" + created.id();
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            return render(null, form, errors(refused), model);
        }
    }

    @PostMapping(PAGE + "/{id}/enabled")
    @PreAuthorize(PageAccess.ADMINS)
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        webhooks.change(id, new Webhooks.SubscriptionRequest(null, null, null, enabled));
        redirect.addFlashAttribute("done", enabled ? "admin.webhook.enabledDone" : "admin.webhook.disabledDone");
        redirect.addFlashAttribute("doneArg", webhooks.subscription(id).url());
        return "redirect:" + PAGE + "?id=" + id;
    }

    @PostMapping(PAGE + "/{id}/replay")
    @PreAuthorize(PageAccess.ADMINS)
    String replay(
            @PathVariable UUID id,
            @RequestParam(required = false) String since,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = LocalDate.parse(since == null ? "" : since.trim());
        } catch (DateTimeParseException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(
                    id.toString(), new WebhookForm("", "", List.of()), Map.of("since", text("error.date")), model);
        }
        int queued = webhooks.replay(id, calendar.startOf(day));
        redirect.addFlashAttribute("done", "admin.webhook.replayed");
        redirect.addFlashAttribute("doneArg", queued);
        return "redirect:" + PAGE + "?id=" + id;
    }

    @PostMapping(PAGE + "/{id}/deliveries/{deliveryId}/replay")
    @PreAuthorize(PageAccess.ADMINS)
    String replayOne(@PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        Webhooks.WebhookDelivery delivery = webhooks.replayDelivery(id, deliveryId);
        redirect.addFlashAttribute("done", "admin.webhook.replayedOne");
        redirect.addFlashAttribute("doneArg", delivery.eventType());
        return "redirect:" + PAGE + "?id=" + id;
    }

    private String render(String id, WebhookForm form, Map<String, String> errors, Model model) {
        List<Webhooks.Subscription> all = webhooks.subscriptions();
        Webhooks.Subscription chosen = all.stream()
                .filter(s -> s.id().toString().equals(id))
                .findFirst()
                .orElse(null);
        model.addAttribute("subscriptions", all);
        model.addAttribute("chosen", chosen);
        model.addAttribute("deliveries", chosen == null ? List.of() : webhooks.deliveries(chosen.id(), 50));
        model.addAttribute("eventTypes", EventType.keys());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", calendar.today().toString());
        return "admin/webhooks";
    }

    /** Each field's first violation in the reader's language; {@code eventTypes[1]} is told at the event types. */
    private Map<String, String> errors(OrdoException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : refused.violations()) {
            errors.putIfAbsent(AdminForms.fieldOf(v.field()), violations.of(v));
        }
        if (errors.isEmpty()) {
            errors.put("form", refused.getMessage());
        }
        return errors;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
