package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.ordo.fulfillment.DeliveryDesk;
import org.ordo.fulfillment.Shipments;
import org.ordo.identity.Actor;
import org.ordo.invoicing.ShipmentCredits;
import org.ordo.orders.OrderSnapshot;
import org.ordo.orders.Orders;
import org.ordo.platform.Idempotency;
import org.ordo.reporting.RiskAlerts;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.Money;
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
 * The delivery desk: the parcels the carrier reported in trouble and those unheard of for longer than their service
 * takes (the risks {@code DELIVERY_EXCEPTION} and {@code SHIPMENT_SILENT}), with the carrier's last word on each; a
 * parcel in trouble is re-shipped, credited or refunded from here. Every form carries a one-time key, so a double
 * submit acts once ({@link Idempotency}, as {@code Idempotency-Key} does for the API).
 */
@Controller
class DeliveryDeskPages {

    private static final EnumSet<RiskAlerts.Type> DESK =
            EnumSet.of(RiskAlerts.Type.DELIVERY_EXCEPTION, RiskAlerts.Type.SHIPMENT_SILENT);

    private final RiskAlerts risks;
    private final Shipments shipments;
    private final Orders orders;
    private final DeliveryDesk desk;
    private final ShipmentCredits credits;
    private final Idempotency idempotency;
    private final ViolationTexts violations;
    private final MessageSource messages;

    DeliveryDeskPages(
            RiskAlerts risks,
            Shipments shipments,
            Orders orders,
            DeliveryDesk desk,
            ShipmentCredits credits,
            Idempotency idempotency,
            ViolationTexts violations,
            MessageSource messages) {
        this.messages = messages;
        this.risks = risks;
        this.shipments = shipments;
        this.orders = orders;
        this.desk = desk;
        this.credits = credits;
        this.idempotency = idempotency;
        this.violations = violations;
    }

    /**
     * A parcel on the desk, the last thing its carrier reported (null when nothing since it shipped), and the currency
     * its order is billed in (for a credit's amount; null without an order).
     */
    public record Case(
            RiskAlerts.Alert alert, RiskAlerts.Affected order, Shipments.TrackingEvent last, String currency) {

        /** In EXCEPTION: the desk may act on it (a silent parcel waits for news). */
        public boolean actionable() {
            return alert.type() == RiskAlerts.Type.DELIVERY_EXCEPTION;
        }
    }

    /** What was typed into one of a parcel's forms, shown again with its errors when refused. */
    public record DeskForm(String shipment, String action, String mode, String amount, String reason) {}

    @GetMapping("/deliveries")
    @PreAuthorize(PageAccess.DELIVERY_DESK)
    String desk(Model model) {
        return show(model, null, Map.of());
    }

    @PostMapping("/deliveries/{shipment}/reship")
    @PreAuthorize(PageAccess.DELIVERY_DESK)
    String reship(
            @PathVariable String shipment,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String submission,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        DeskForm form = new DeskForm(shipment, "reship", null, null, reason);
        return act(form, submission, model, response, redirect, () -> {
            DeliveryDesk.Reshipped done = desk.reship(shipment, reason);
            redirect.addFlashAttribute("done", "service.deliveries.done.reship");
            redirect.addFlashAttribute(
                    "doneArguments", List.of(done.shipmentNumber(), done.replacementOrderNumber(), ""));
            return ResponseEntity.created(URI.create("/orders/" + done.replacementOrderId()))
                    .build();
        });
    }

    @PostMapping("/deliveries/{shipment}/credit")
    @PreAuthorize(PageAccess.DESK_CREDIT)
    String credit(
            @PathVariable String shipment,
            @RequestParam(defaultValue = "") String mode,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String submission,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        DeskForm form = new DeskForm(shipment, "credit", mode, amount, reason);
        Money money = amount(amount, currency);
        if (!amount.isBlank() && money == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(
                    model,
                    form,
                    Map.of(
                            "amount",
                            messages.getMessage(
                                    "service.deliveries.error.amount", null, LocaleContextHolder.getLocale())));
        }
        return act(form, submission, model, response, redirect, () -> {
            ShipmentCredits.Credited done = credits.credit(shipment, mode.isBlank() ? null : mode, money, reason);
            redirect.addFlashAttribute(
                    "done", "service.deliveries.done." + done.mode().toLowerCase());
            redirect.addFlashAttribute(
                    "doneArguments",
                    List.of(done.shipmentNumber(), done.creditNoteNumber(), new Formats().money(done.refunded())));
            return ResponseEntity.created(URI.create("/deliveries")).build();
        });
    }

    /** Runs a desk action once per form, or shows the desk again with what was refused, naming the field. */
    private String act(
            DeskForm form,
            String submission,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Supplier<ResponseEntity<?>> action) {
        ResponseEntity<?> answer;
        try {
            answer = idempotency.execute("page-delivery-desk", key(form, submission), fingerprint(form), action);
        } catch (OrdoException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : refused.violations()) {
                String field = v.field().startsWith("amount") ? "amount" : v.field();
                errors.merge(
                        List.of("mode", "amount", "reason").contains(field) ? field : "action",
                        violations.of(v),
                        (a, b) -> a + "; " + b);
            }
            if (errors.isEmpty()) {
                errors.put("action", violations.refusal(refused));
            }
            response.setStatus(
                    refused.kind() == OrdoException.Kind.CONFLICT
                            ? HttpServletResponse.SC_CONFLICT
                            : HttpServletResponse.SC_BAD_REQUEST);
            return show(model, form, errors);
        }
        if ("true".equals(answer.getHeaders().getFirst("Idempotent-Replayed"))) {
            redirect.addFlashAttribute("done", "service.deliveries.done.again");
            redirect.addFlashAttribute("doneArguments", List.of(form.shipment(), "", ""));
        }
        return "redirect:/deliveries";
    }

    private String show(Model model, DeskForm form, Map<String, String> errors) {
        List<Case> cases = risks.alerts(DESK, null).stream().map(this::toCase).toList();
        model.addAttribute("cases", cases);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("submission", UUID.randomUUID().toString());
        model.addAttribute("mayCredit", PageAccess.mayCreditAtDesk(Actor.current()));
        return "service/deliveries";
    }

    private Case toCase(RiskAlerts.Alert alert) {
        RiskAlerts.Affected order =
                alert.affected().isEmpty() ? null : alert.affected().get(0);
        Shipments.TrackingEvent last = order == null
                ? null
                : shipments.trackingOfOrder(order.orderId()).stream()
                        .filter(e -> e.shipmentNumber().equals(alert.subject().number()))
                        .max(Comparator.comparing(Shipments.TrackingEvent::at))
                        .orElse(null);
        String currency = order == null
                ? null
                : orders.find(order.orderId()).map(OrderSnapshot::currency).orElse(null);
        return new Case(alert, order, last, currency);
    }

    /** The typed amount in the order's currency; null when blank or not a number. */
    private static Money amount(String amount, String currency) {
        if (amount.isBlank() || currency.isBlank()) {
            return null;
        }
        try {
            return Money.of(new BigDecimal(amount.trim().replace(',', '.')), currency);
        } catch (IllegalArgumentException notAnAmount) {
            return null;
        }
    }

    /** The key of one form of one parcel: the same page may offer several. */
    private static String key(DeskForm form, String submission) {
        return submission == null || submission.isBlank() || submission.length() > 200
                ? null
                : Actor.current().username() + ":" + submission + ":" + form.action() + ":" + form.shipment();
    }

    private static Map<String, Object> fingerprint(DeskForm form) {
        Map<String, Object> f = new TreeMap<>();
        f.put("shipment", form.shipment());
        f.put("action", form.action());
        f.put("mode", form.mode());
        f.put("amount", form.amount());
        f.put("reason", form.reason());
        return f;
    }
}
