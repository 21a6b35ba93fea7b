package org.ordo.web.internal;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.ordo.fulfillment.Shipments;
import org.ordo.reporting.RiskAlerts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The delivery desk: the parcels the carrier reported in trouble and those unheard of for longer than their service
 * takes (the risks {@code DELIVERY_EXCEPTION} and {@code SHIPMENT_SILENT}), with the carrier's last word on each.
 */
@Controller
class DeliveryDeskPages {

    private static final EnumSet<RiskAlerts.Type> DESK =
            EnumSet.of(RiskAlerts.Type.DELIVERY_EXCEPTION, RiskAlerts.Type.SHIPMENT_SILENT);

    private final RiskAlerts risks;
    private final Shipments shipments;

    DeliveryDeskPages(RiskAlerts risks, Shipments shipments) {
        this.risks = risks;
        this.shipments = shipments;
    }

    /** A parcel on the desk, and the last thing its carrier reported (null when nothing since it shipped). */
    public record Case(RiskAlerts.Alert alert, RiskAlerts.Affected order, Shipments.TrackingEvent last) {}

    @GetMapping("/deliveries")
    @PreAuthorize(PageAccess.DELIVERY_DESK)
    String desk(Model model) {
        List<Case> cases = risks.alerts(DESK, null).stream().map(this::toCase).toList();
        model.addAttribute("cases", cases);
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
        return new Case(alert, order, last);
    }
}
