package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.purchasing.SupplierScorecards;
import org.ordo.shared.OrdoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * How a supplier performed over a period the buyer picks: on-time deliveries, fill rate, lead time and its spread, and
 * the price changes of its offers; as a page and as CSV. A malformed date is named at its field.
 */
@Controller
class SupplierScorecardPages {

    private final SupplierScorecards scorecards;
    private final ViolationTexts violations;

    SupplierScorecardPages(SupplierScorecards scorecards, ViolationTexts violations) {
        this.scorecards = scorecards;
        this.violations = violations;
    }

    /** The period as typed, for the form and the CSV link. */
    public record Period(String from, String to) {

        public String csv(UUID supplier) {
            return ListLink.to("/purchasing/suppliers/" + supplier + "/scorecard.csv")
                    .filter("from", from)
                    .filter("to", to)
                    .build();
        }
    }

    @GetMapping("/purchasing/suppliers/{id}/scorecard")
    @PreAuthorize(PageAccess.BUYERS)
    String scorecard(
            @PathVariable UUID id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        SupplierScorecards.Scorecard card;
        try {
            card = scorecards.scorecard(id, blankToNull(from), blankToNull(to));
        } catch (OrdoException refused) {
            if (refused.violations().isEmpty()) {
                throw refused;
            }
            refused.violations().forEach(v -> errors.putIfAbsent(v.field(), violations.of(v)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            card = scorecards.scorecard(id, null, null);
        }
        model.addAttribute("card", card);
        model.addAttribute(
                "period",
                errors.isEmpty() ? new Period(card.from().toString(), card.to().toString()) : new Period(from, to));
        model.addAttribute("errors", errors);
        return "planning/scorecard";
    }

    @GetMapping("/purchasing/suppliers/{id}/scorecard.csv")
    @PreAuthorize(PageAccess.BUYERS)
    ResponseEntity<String> csv(
            @PathVariable UUID id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        SupplierScorecards.Scorecard s = scorecards.scorecard(id, blankToNull(from), blankToNull(to));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("from", s.from()));
        rows.add(List.of("to", s.to()));
        rows.add(row("deliveries", s.deliveries()));
        rows.add(row("deliveriesWithConfirmedDate", s.deliveriesWithConfirmedDate()));
        rows.add(row("onTimeDeliveries", s.onTimeDeliveries()));
        rows.add(row("onTimeRate", s.onTimeRate()));
        rows.add(row("orderedOnFinishedOrders", s.orderedOnFinishedOrders()));
        rows.add(row("receivedOnFinishedOrders", s.receivedOnFinishedOrders()));
        rows.add(row("fillRate", s.fillRate()));
        rows.add(row("leadTimeMeanDays", s.leadTimeMeanDays()));
        rows.add(row("leadTimeStandardDeviationDays", s.leadTimeStandardDeviationDays()));
        for (SupplierScorecards.PriceChange c : s.priceChanges()) {
            rows.add(row(
                    "priceChange " + c.sku() + " " + c.changedAt(),
                    (c.previousPrice() == null ? "" : c.previousPrice() + " → ") + c.unitPrice()));
        }
        return Downloads.csv(
                "scorecard-" + s.supplierId() + "-" + s.from() + "-" + s.to(), List.of("name", "value"), rows);
    }

    private static List<Object> row(String name, Object value) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.add(value);
        return row;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
