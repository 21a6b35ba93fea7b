package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.catalog.Catalog;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.pricing.PriceLists;
import org.ordo.pricing.PricingRequests;
import org.ordo.pricing.Promotions;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
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
 * Price lists and promotions: read by the staff who sell or answer for prices, kept by ADMIN and SALES, as
 * {@code /api/price-lists} and {@code /api/promotions} allow. The rule book's refusals are shown next to their fields.
 */
@Controller
class PricingPages {

    static final int CUSTOMER_MATCHES = 10;
    static final int BREAK_ROWS = 3;

    private final PriceLists priceLists;
    private final Promotions promotions;
    private final Customers customers;
    private final Catalog catalog;
    private final ViolationTexts violationTexts;
    private final PricingForms forms;

    PricingPages(
            PriceLists priceLists,
            Promotions promotions,
            Customers customers,
            Catalog catalog,
            ViolationTexts violationTexts,
            PricingForms forms) {
        this.priceLists = priceLists;
        this.promotions = promotions;
        this.customers = customers;
        this.catalog = catalog;
        this.violationTexts = violationTexts;
        this.forms = forms;
    }

    @GetMapping("/pricing/price-lists")
    @PreAuthorize(PageAccess.PRICING_READERS)
    String priceLists(Model model) {
        return listsPage(PricingForms.ListForm.empty(), List.of(), Map.of(), model);
    }

    /** Creates the list, or with {@code find} only looks up customers by the text typed to choose from. */
    @PostMapping("/pricing/price-lists")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String createPriceList(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PricingForms.ListForm form = PricingForms.ListForm.of(params);
        if (params.containsKey("find")) {
            String q = form.customerQuery().trim();
            return listsPage(form, q.isEmpty() ? List.of() : customers.search(q, CUSTOMER_MATCHES), Map.of(), model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        PricingRequests.NewPriceList request = forms.newPriceList(form, errors);
        if (errors.isEmpty()) {
            try {
                PricingRequests.PriceList created = priceLists.create(request);
                redirect.addFlashAttribute("done", "pricing.priceList.created");
                redirect.addFlashAttribute("doneArg", created.name());
                return "redirect:/pricing/price-lists/" + created.id();
            } catch (OrdoException refused) {
                AdminForms.status(refused, response);
                return listsPage(form, List.of(), errors(refused), model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return listsPage(form, List.of(), errors, model);
    }

    @GetMapping("/pricing/price-lists/{id}")
    @PreAuthorize(PageAccess.PRICING_READERS)
    String priceList(@PathVariable UUID id, Model model) {
        return listPage(priceLists.get(id), PricingForms.PriceForm.empty(), Map.of(), model);
    }

    /** Adds the SKU's price with its breaks, or replaces the one it has. */
    @PostMapping("/pricing/price-lists/{id}/prices")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String setPrice(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PricingRequests.PriceList list = priceLists.get(id);
        PricingForms.PriceForm form = PricingForms.PriceForm.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        PricingRequests.SetPrice request = forms.setPrice(form, list.currency(), errors);
        if (errors.isEmpty()) {
            try {
                priceLists.setPrice(id, form.sku().trim(), request);
                redirect.addFlashAttribute("done", "pricing.price.saved");
                redirect.addFlashAttribute("doneArg", form.sku().trim());
                return "redirect:/pricing/price-lists/" + id;
            } catch (OrdoException refused) {
                AdminForms.status(refused, response);
                return listPage(list, form, errors(refused), model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return listPage(list, form, errors, model);
    }

    @GetMapping("/pricing/promotions")
    @PreAuthorize(PageAccess.PRICING_READERS)
    String promotions(Model model) {
        return promotionsPage(PricingForms.PromotionForm.empty(), Map.of(), model);
    }

    @PostMapping("/pricing/promotions")
    @PreAuthorize(PageAccess.ORDER_TAKERS)
    String createPromotion(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PricingForms.PromotionForm form = PricingForms.PromotionForm.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        PricingRequests.NewPromotion request = forms.newPromotion(form, errors);
        if (errors.isEmpty()) {
            try {
                PricingRequests.Promotion created = promotions.create(request);
                redirect.addFlashAttribute("done", "pricing.promotion.created");
                redirect.addFlashAttribute("doneArg", created.name());
                return "redirect:/pricing/promotions";
            } catch (OrdoException refused) {
                AdminForms.status(refused, response);
                return promotionsPage(form, errors(refused), model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return promotionsPage(form, errors, model);
    }

    private String listsPage(
            PricingForms.ListForm form, List<CustomerSnapshot> matches, Map<String, String> errors, Model model) {
        List<PricingRequests.PriceList> lists = priceLists.list();
        List<UUID> named = new ArrayList<>(form.customerIds());
        lists.forEach(l -> named.addAll(l.customerIds()));
        model.addAttribute("priceLists", lists);
        model.addAttribute("customerNames", customers.names(named));
        model.addAttribute(
                "matches", matches.stream().filter(CustomerSnapshot::active).toList());
        model.addAttribute("groups", customers.groups());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("mayKeep", PageAccess.mayTakeOrders(Actor.current()));
        return "pricing/price-lists";
    }

    private String listPage(
            PricingRequests.PriceList list, PricingForms.PriceForm form, Map<String, String> errors, Model model) {
        model.addAttribute("list", list);
        model.addAttribute("customerNames", customers.names(list.customerIds()));
        model.addAttribute("form", form);
        model.addAttribute("breakRows", BREAK_ROWS);
        model.addAttribute("errors", errors);
        model.addAttribute("mayKeep", PageAccess.mayTakeOrders(Actor.current()));
        return "pricing/price-list";
    }

    private String promotionsPage(PricingForms.PromotionForm form, Map<String, String> errors, Model model) {
        LocalDate today = LocalDate.now();
        Map<String, List<PricingRequests.Promotion>> byTime = new LinkedHashMap<>();
        byTime.put("current", new ArrayList<>());
        byTime.put("future", new ArrayList<>());
        byTime.put("past", new ArrayList<>());
        for (PricingRequests.Promotion p : promotions.list()) {
            String when = p.validFrom().isAfter(today)
                    ? "future"
                    : p.validTo() != null && p.validTo().isBefore(today) ? "past" : "current";
            byTime.get(when).add(p);
        }
        model.addAttribute("promotionsByTime", byTime);
        model.addAttribute("kinds", PricingForms.KINDS);
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayKeep", PageAccess.mayTakeOrders(Actor.current()));
        return "pricing/promotions";
    }

    /** The refusal's violations by form field ({@code breaks[1].minQuantity} is {@code breaks[1].minQuantity}). */
    private Map<String, String> errors(OrdoException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : refused.violations()) {
            errors.putIfAbsent(PricingForms.fieldOf(v.field()), violationTexts.of(v));
        }
        if (errors.isEmpty()) {
            errors.put("form", violationTexts.refusal(refused));
        }
        return errors;
    }
}
