package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.purchasing.PurchasingDesk;
import org.ordo.shared.Address;
import org.ordo.shared.OrdoException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Suppliers for buyers: found by name, created and edited, and their offers (price, pack, MOQ, lead time) set per SKU. */
@Controller
class SupplierPages {

    private final PurchasingDesk desk;
    private final PurchasingForms forms;

    SupplierPages(PurchasingDesk desk, PurchasingForms forms) {
        this.desk = desk;
        this.forms = forms;
    }

    /** The list's filters as chosen; {@code active} is "true", "false" or blank for all. */
    public record Filter(String q, String active) {

        public String query(String path, int page) {
            return ListLink.to(path).filter("q", q).filter("active", active).page(page);
        }
    }

    /** The supplier form as typed. */
    public record SupplierForm(
            String name,
            String contactName,
            String email,
            String currency,
            String paymentTermsDays,
            String addressName,
            String addressLine1,
            String addressLine2,
            String addressCity,
            String addressRegion,
            String addressPostalCode,
            String addressCountry,
            String active) {

        static SupplierForm blank() {
            return new SupplierForm("", "", "", "EUR", "30", "", "", "", "", "", "", "", "true");
        }

        static SupplierForm of(PurchasingDesk.Supplier s) {
            Address a = s.address() == null ? new Address(null, null, null, null, null, null, null) : s.address();
            return new SupplierForm(
                    s.name(),
                    s.contactName(),
                    s.email(),
                    s.currency(),
                    Integer.toString(s.paymentTermsDays()),
                    a.name(),
                    a.line1(),
                    a.line2(),
                    a.city(),
                    a.region(),
                    a.postalCode(),
                    a.country(),
                    Boolean.toString(s.active()));
        }

        public boolean isActive() {
            return "true".equals(active) || "on".equals(active);
        }

        PurchasingDesk.SupplierInput input(Map<String, String> errors, String notANumber) {
            Integer terms = PurchaseOrderPages.whole(paymentTermsDays, "paymentTermsDays", errors, notANumber);
            return new PurchasingDesk.SupplierInput(
                    AdminForms.blankToNull(name),
                    AdminForms.blankToNull(contactName),
                    AdminForms.blankToNull(email),
                    currency == null ? null : currency.trim().toUpperCase(java.util.Locale.ROOT),
                    terms,
                    AdminForms.address(
                            addressName,
                            addressLine1,
                            addressLine2,
                            addressCity,
                            addressRegion,
                            addressPostalCode,
                            addressCountry),
                    isActive());
        }
    }

    /** An offer as typed. */
    public record OfferForm(
            String sku,
            String supplierItemCode,
            String unitPrice,
            String minimumOrderQuantity,
            String packSize,
            String leadTimeDays) {

        static OfferForm blank() {
            return new OfferForm("", "", "", "1", "1", "");
        }

        static OfferForm of(PurchasingDesk.Offer o) {
            return new OfferForm(
                    o.sku(),
                    o.supplierItemCode(),
                    o.unitPrice().amount().toPlainString(),
                    Long.toString(o.minimumOrderQuantity()),
                    Long.toString(o.packSize()),
                    Integer.toString(o.leadTimeDays()));
        }
    }

    @GetMapping("/purchasing/suppliers")
    @PreAuthorize(PageAccess.BUYERS)
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String active,
            @RequestParam(required = false) String page,
            Model model) {
        Boolean onlyActive = "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
        PageResult<PurchasingDesk.Supplier> result =
                desk.suppliers(q, onlyActive, Paging.of(AdminForms.page(page), AdminForms.PAGE_SIZE));
        model.addAttribute("filter", new Filter(q == null ? "" : q.trim(), onlyActive == null ? "" : active));
        model.addAttribute("result", result);
        model.addAttribute("lastPage", AdminForms.lastPage(result));
        return "purchasing/suppliers";
    }

    @GetMapping("/purchasing/suppliers/new")
    @PreAuthorize(PageAccess.BUYERS)
    String create(Model model) {
        return form(SupplierForm.blank(), null, Map.of(), model);
    }

    @PostMapping("/purchasing/suppliers")
    @PreAuthorize(PageAccess.BUYERS)
    String create(
            @ModelAttribute SupplierForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        PurchasingDesk.SupplierInput input = form.input(errors, forms.text("purchasing.error.wholeNumber"));
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, null, errors, model);
        }
        PurchasingDesk.Supplier created;
        try {
            created = desk.createSupplier(input);
        } catch (OrdoException refused) {
            PurchasingForms.status(refused, response);
            return form(form, null, forms.errors(refused, AdminForms::fieldOf), model);
        }
        redirect.addFlashAttribute(
                "done", new PurchasingForms.Done("purchasing.supplier.saved", List.of(created.name())));
        return "redirect:/purchasing/suppliers/" + created.id();
    }

    @GetMapping("/purchasing/suppliers/{id}")
    @PreAuthorize(PageAccess.BUYERS)
    String edit(@PathVariable String id, @RequestParam(required = false) String offer, Model model) {
        PurchasingDesk.Supplier supplier = found(id);
        OfferForm offerForm = desk.offers(supplier.id()).stream()
                .filter(o -> o.sku().equals(offer))
                .findFirst()
                .map(OfferForm::of)
                .orElse(OfferForm.blank());
        model.addAttribute("offerForm", offerForm);
        model.addAttribute("offerErrors", Map.of());
        return form(SupplierForm.of(supplier), supplier, Map.of(), model);
    }

    @PostMapping("/purchasing/suppliers/{id}")
    @PreAuthorize(PageAccess.BUYERS)
    String update(
            @PathVariable String id,
            @ModelAttribute SupplierForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PurchasingDesk.Supplier supplier = found(id);
        Map<String, String> errors = new LinkedHashMap<>();
        PurchasingDesk.SupplierInput input = form.input(errors, forms.text("purchasing.error.wholeNumber"));
        try {
            if (errors.isEmpty()) {
                desk.updateSupplier(supplier.id(), input);
            }
        } catch (OrdoException refused) {
            PurchasingForms.status(refused, response);
            errors = forms.errors(refused, AdminForms::fieldOf);
        }
        if (!errors.isEmpty()) {
            if (response.getStatus() < 400) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            model.addAttribute("offerForm", OfferForm.blank());
            model.addAttribute("offerErrors", Map.of());
            return form(form, supplier, errors, model);
        }
        redirect.addFlashAttribute("done", new PurchasingForms.Done("purchasing.supplier.saved", List.of(form.name())));
        return "redirect:/purchasing/suppliers/" + supplier.id();
    }

    /** Sets the supplier's offer of a SKU (a new one or a change). */
    @PostMapping("/purchasing/suppliers/{id}/offers")
    @PreAuthorize(PageAccess.BUYERS)
    String putOffer(
            @PathVariable String id,
            @ModelAttribute OfferForm offer,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PurchasingDesk.Supplier supplier = found(id);
        Map<String, String> errors = new LinkedHashMap<>();
        String wholeNumber = forms.text("purchasing.error.wholeNumber");
        Long moq = toLong(
                PurchaseOrderPages.whole(offer.minimumOrderQuantity(), "minimumOrderQuantity", errors, wholeNumber));
        Long pack = toLong(PurchaseOrderPages.whole(offer.packSize(), "packSize", errors, wholeNumber));
        Integer lead = PurchaseOrderPages.whole(offer.leadTimeDays(), "leadTimeDays", errors, wholeNumber);
        String sku = offer.sku() == null ? "" : offer.sku().trim();
        if (sku.isEmpty()) {
            errors.put("sku", forms.text("violation.required"));
        }
        try {
            if (errors.isEmpty()) {
                desk.putOffer(
                        supplier.id(),
                        sku,
                        new PurchasingDesk.OfferInput(
                                AdminForms.blankToNull(offer.supplierItemCode()),
                                AdminForms.blankToNull(offer.unitPrice()) == null
                                        ? null
                                        : new MoneyInput(offer.unitPrice().trim(), supplier.currency()),
                                moq,
                                pack,
                                lead));
            }
        } catch (OrdoException refused) {
            PurchasingForms.status(refused, response);
            errors = forms.errors(refused, f -> f.startsWith("unitPrice") ? "unitPrice" : AdminForms.fieldOf(f));
        }
        if (!errors.isEmpty()) {
            if (response.getStatus() < 400) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            model.addAttribute("offerForm", offer);
            model.addAttribute("offerErrors", errors);
            return form(SupplierForm.of(supplier), supplier, Map.of(), model);
        }
        redirect.addFlashAttribute("done", new PurchasingForms.Done("purchasing.offer.saved", List.of(sku)));
        return "redirect:/purchasing/suppliers/" + supplier.id() + "#offers";
    }

    private String form(SupplierForm form, PurchasingDesk.Supplier supplier, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("supplier", supplier);
        model.addAttribute("errors", errors);
        model.addAttribute("offers", supplier == null ? List.of() : desk.offers(supplier.id()));
        return "purchasing/supplier";
    }

    private PurchasingDesk.Supplier found(String id) {
        try {
            return desk.supplier(UUID.fromString(id)).orElseThrow(() -> OrdoException.notFound("Supplier", id));
        } catch (IllegalArgumentException e) {
            throw OrdoException.notFound("Supplier", id);
        }
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
