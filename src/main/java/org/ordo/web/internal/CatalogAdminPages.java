package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.catalog.ProductCatalogAdmin;
import org.ordo.catalog.ProductCatalogAdmin.ProductDetails;
import org.ordo.catalog.ProductCatalogAdmin.ProductInput;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Gtin;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog for administrators: products searched by SKU, name or GTIN, paged and exported; a product created or edited
 * with its version in the form, so that a change someone else saved meanwhile is reported instead of overwritten.
 */
@Controller
class CatalogAdminPages {

    /** How the form names what the catalog calls {@code unitPrice.amount} and {@code unitPrice.currency}. */
    private static final Map<String, String> FIELDS =
            Map.of("unitPriceAmount", "price", "unitPriceCurrency", "currency");

    private final ProductCatalogAdmin catalog;
    private final MessageSource messages;

    CatalogAdminPages(ProductCatalogAdmin catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    /** The product form as typed: everything a string, so nothing typed is lost on an error. */
    public record ProductForm(
            String sku,
            String name,
            String description,
            String price,
            String currency,
            String taxCategory,
            String gtin,
            String weightGrams,
            String active,
            String version,
            String category) {

        static ProductForm blank() {
            return new ProductForm("", "", "", "", "EUR", "STANDARD", "", "", "true", null, "");
        }

        static ProductForm of(ProductDetails p) {
            return new ProductForm(
                    p.sku(),
                    p.name(),
                    p.description(),
                    p.unitPrice().amountText(),
                    p.unitPrice().currencyCode(),
                    p.taxCategory(),
                    p.gtin(),
                    p.weightGrams() == null ? "" : p.weightGrams().toString(),
                    Boolean.toString(p.active()),
                    Long.toString(p.version()),
                    p.category());
        }

        public boolean isActive() {
            return "true".equals(active) || "on".equals(active);
        }

        ProductForm withVersion(long newVersion) {
            return new ProductForm(
                    sku,
                    name,
                    description,
                    price,
                    currency,
                    taxCategory,
                    gtin,
                    weightGrams,
                    active,
                    Long.toString(newVersion),
                    category);
        }
    }

    public record Filter(String q, String active) {

        public String query(String path, int page) {
            return ListLink.to(path).filter("q", q).filter("active", active).page(page);
        }

        Boolean activeFlag() {
            return "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
        }
    }

    @GetMapping("/admin/products")
    @PreAuthorize(PageAccess.ADMINS)
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String active,
            @RequestParam(required = false) String page,
            Model model) {
        Filter filter = new Filter(q, active);
        PageResult<ProductDetails> result = catalog.search(
                AdminForms.blankToNull(q), filter.activeFlag(), Paging.of(AdminForms.page(page), AdminForms.PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("lastPage", AdminForms.lastPage(result));
        return "admin/products";
    }

    @GetMapping("/admin/products.csv")
    @PreAuthorize(PageAccess.ADMINS)
    ResponseEntity<String> export(
            @RequestParam(required = false) String q, @RequestParam(required = false) String active) {
        Filter filter = new Filter(q, active);
        List<List<Object>> rows = new ArrayList<>();
        for (ProductDetails p : AdminForms.all(
                page -> catalog.search(AdminForms.blankToNull(q), filter.activeFlag(), AdminForms.exportPage(page)))) {
            rows.add(java.util.Arrays.asList(
                    p.sku(),
                    p.name(),
                    p.gtin(),
                    p.unitPrice().amount(),
                    p.unitPrice().currencyCode(),
                    p.taxCategory(),
                    p.weightGrams(),
                    p.active(),
                    p.version(),
                    p.updatedAt()));
        }
        return AdminForms.csv(
                "products.csv",
                List.of(
                        "sku",
                        "name",
                        "gtin",
                        "unit_price",
                        "currency",
                        "tax_category",
                        "weight_grams",
                        "active",
                        "version",
                        "updated_at"),
                rows);
    }

    @GetMapping("/admin/products/new")
    @PreAuthorize(PageAccess.ADMINS)
    String create(Model model) {
        return form(ProductForm.blank(), null, Map.of(), null, model);
    }

    @PostMapping("/admin/products")
    @PreAuthorize(PageAccess.ADMINS)
    String create(
            @ModelAttribute ProductForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer weight = weight(form, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, null, errors, null, model);
        }
        try {
            ProductDetails created = catalog.create(input(form, weight));
            redirect.addFlashAttribute("done", "admin.product.created");
            redirect.addFlashAttribute("doneArg", created.sku());
            return "redirect:/admin/products/" + created.sku();
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            return form(form, null, explained(refused, form), null, model);
        }
    }

    @GetMapping("/admin/products/{sku}")
    @PreAuthorize(PageAccess.ADMINS)
    String edit(@PathVariable String sku, Model model) {
        ProductDetails product = found(sku);
        return form(ProductForm.of(product), product, Map.of(), null, model);
    }

    @PostMapping("/admin/products/{sku}")
    @PreAuthorize(PageAccess.ADMINS)
    String update(
            @PathVariable String sku,
            @ModelAttribute ProductForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProductDetails current = found(sku);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer weight = weight(form, errors);
        long version = version(form.version());
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, current, errors, null, model);
        }
        try {
            catalog.update(sku, version, input(form, weight));
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            if (refused.kind() == OrdoException.Kind.STALE) {
                // what was typed stays; the form now carries the current version, so saving again overwrites knowingly
                ProductDetails now = found(sku);
                return form(form.withVersion(now.version()), now, Map.of(), now, model);
            }
            return form(form, current, explained(refused, form), null, model);
        }
        redirect.addFlashAttribute("done", "admin.product.saved");
        redirect.addFlashAttribute("doneArg", sku);
        return "redirect:/admin/products/" + sku;
    }

    private String form(
            ProductForm form,
            ProductDetails product,
            Map<String, String> errors,
            ProductDetails conflict,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("externalIds", product == null ? List.of() : catalog.externalIds(product.sku()));
        model.addAttribute("taxCategories", catalog.taxCategories());
        model.addAttribute("currencies", AdminCurrencies.CODES);
        return "admin/product-form";
    }

    private static ProductInput input(ProductForm form, Integer weight) {
        return new ProductInput(
                form.sku() == null ? null : form.sku().trim(),
                AdminForms.blankToNull(form.name()),
                AdminForms.blankToNull(form.description()),
                new MoneyInput(form.price(), form.currency()),
                form.taxCategory(),
                AdminForms.blankToNull(form.gtin()),
                weight,
                form.isActive(),
                AdminForms.blankToNull(form.category()));
    }

    private Integer weight(ProductForm form, Map<String, String> errors) {
        String text = AdminForms.blankToNull(form.weightGrams());
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.put("weightGrams", text("admin.error.wholeNumber"));
            return null;
        }
    }

    /** The module's reasons; a GTIN of the right length with a wrong check digit is told which digit it should end in. */
    private Map<String, String> explained(OrdoException refused, ProductForm form) {
        Map<String, String> errors = AdminForms.errors(refused, FIELDS);
        String gtin = AdminForms.blankToNull(form.gtin());
        if (errors.containsKey("gtin")
                && gtin != null
                && gtin.matches("\\d{8}|\\d{12}|\\d{13}|\\d{14}")
                && !Gtin.isValid(gtin)) {
            errors.put(
                    "gtin",
                    text("admin.product.gtin.checkDigit", Gtin.checkDigit(gtin.substring(0, gtin.length() - 1))));
        }
        return errors;
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (RuntimeException e) {
            // a form without its version cannot prove it saw the current state
            return -1;
        }
    }

    private ProductDetails found(String sku) {
        return catalog.details(sku).orElseThrow(() -> OrdoException.notFound("Product", sku));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
