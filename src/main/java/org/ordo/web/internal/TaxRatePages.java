package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.catalog.TaxRateAdmin;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * VAT rates for administrators: the rates per country and tax category with their validity, and a new rate from a day
 * on (the one before it ends the day before; orders placed and invoices issued keep what they charged).
 */
@Controller
class TaxRatePages {

    /** The form as typed: the rate in percent (19 or 5.5), the day as yyyy-mm-dd. */
    record RateForm(String country, String taxCategory, String ratePercent, String validFrom) {}

    private final TaxRateAdmin rates;
    private final ProductCatalogAdmin catalog;
    private final MessageSource messages;

    TaxRatePages(TaxRateAdmin rates, ProductCatalogAdmin catalog, MessageSource messages) {
        this.rates = rates;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/admin/tax-rates")
    @PreAuthorize(PageAccess.ADMINS)
    String list(@RequestParam(required = false) String country, Model model) {
        return page(country, new RateForm(country, "STANDARD", "", ""), Map.of(), model);
    }

    @PostMapping("/admin/tax-rates")
    @PreAuthorize(PageAccess.ADMINS)
    String add(@ModelAttribute RateForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal rate = fraction(form.ratePercent(), errors);
        LocalDate from = day(form.validFrom(), errors);
        if (errors.isEmpty()) {
            try {
                TaxRateAdmin.Rate added =
                        rates.add(new TaxRateAdmin.NewRate(form.country(), form.taxCategory(), rate, from));
                redirect.addFlashAttribute("done", "admin.taxRate.added");
                redirect.addFlashAttribute("doneArg", added.country() + " " + added.taxCategory());
                return "redirect:/admin/tax-rates?country=" + added.country();
            } catch (OrdoException refused) {
                AdminForms.status(refused, response);
                return page(form.country(), form, AdminForms.errors(refused, Map.of("rate", "ratePercent")), model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(form.country(), form, errors, model);
    }

    private String page(String country, RateForm form, Map<String, String> errors, Model model) {
        String filter = AdminForms.blankToNull(country);
        model.addAttribute("country", filter == null ? "" : filter.toUpperCase(Locale.ROOT));
        model.addAttribute("rates", rates.rates(filter == null ? null : filter.toUpperCase(Locale.ROOT), null));
        model.addAttribute("taxCategories", catalog.taxCategories());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/tax-rates";
    }

    /** The percentage typed as a fraction (19 is 0.19); null and an error if it is none. */
    private BigDecimal fraction(String percent, Map<String, String> errors) {
        String text = AdminForms.blankToNull(percent);
        try {
            return new BigDecimal(text == null ? "" : text.replace(',', '.')).movePointLeft(2);
        } catch (NumberFormatException e) {
            errors.put("ratePercent", text("admin.taxRate.error.percent"));
            return null;
        }
    }

    /** The day typed (yyyy-mm-dd); null and an error if it is none. */
    private LocalDate day(String value, Map<String, String> errors) {
        String text = AdminForms.blankToNull(value);
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            errors.put("validFrom", text("admin.taxRate.error.day"));
            return null;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
