package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.ordo.purchasing.PurchasingDesk;
import org.ordo.shared.OrdoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A supplier's scorecard for buyers: deliveries on time against the confirmed dates, fill rate, lead time and the price
 * changes of its offers over a period (the last 90 days unless chosen), and the same figures as CSV.
 */
@Controller
class ScorecardPages {

    private final PurchasingDesk desk;
    private final PurchasingForms forms;

    ScorecardPages(PurchasingDesk desk, PurchasingForms forms) {
        this.desk = desk;
        this.forms = forms;
    }

    @GetMapping("/purchasing/suppliers/{id}/scorecard")
    @PreAuthorize(PageAccess.BUYERS)
    String scorecard(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            HttpServletResponse response) {
        UUID supplierId = supplierId(id);
        String fromText = AdminForms.blankToNull(from);
        String toText = AdminForms.blankToNull(to);
        Map<String, String> errors = Map.of();
        PurchasingDesk.Scorecard scorecard;
        try {
            if (toBeforeFrom(fromText, toText)) {
                throw OrdoException.invalid("to", forms.text("purchasing.scorecard.toBeforeFrom"));
            }
            scorecard = desk.scorecard(supplierId, fromText, toText);
        } catch (OrdoException refused) {
            if (refused.kind() == OrdoException.Kind.NOT_FOUND) {
                throw refused;
            }
            PurchasingForms.status(refused, response);
            errors = forms.errors(refused, f -> f.equals("from") || f.equals("to") ? f : null);
            scorecard = desk.scorecard(supplierId, null, null);
        }
        model.addAttribute("scorecard", scorecard);
        model.addAttribute("from", fromText == null ? scorecard.from().toString() : fromText);
        model.addAttribute("to", toText == null ? scorecard.to().toString() : toText);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "csv",
                ListLink.to("/purchasing/suppliers/" + supplierId + "/scorecard.csv")
                        .filter("from", scorecard.from().toString())
                        .filter("to", scorecard.to().toString())
                        .build());
        return "purchasing/scorecard";
    }

    @GetMapping("/purchasing/suppliers/{id}/scorecard.csv")
    @PreAuthorize(PageAccess.BUYERS)
    ResponseEntity<String> csv(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        UUID supplierId = supplierId(id);
        PurchasingDesk.ScorecardCsv csv =
                desk.scorecardCsv(supplierId, AdminForms.blankToNull(from), AdminForms.blankToNull(to));
        return AdminForms.csv(csv.filename(), csv.header(), csv.rows());
    }

    private static boolean toBeforeFrom(String from, String to) {
        try {
            return from != null && to != null && LocalDate.parse(to).isBefore(LocalDate.parse(from));
        } catch (DateTimeParseException e) {
            return false; // the module names the malformed date
        }
    }

    private static UUID supplierId(String id) {
        UUID supplierId = PurchaseOrderPages.uuid(id);
        if (supplierId == null) {
            throw OrdoException.notFound("Supplier", id);
        }
        return supplierId;
    }
}
