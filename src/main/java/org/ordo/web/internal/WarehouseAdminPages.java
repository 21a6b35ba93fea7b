package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.inventory.WarehouseView;
import org.ordo.shared.Address;
import org.ordo.shared.OrdoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Warehouses for administrators: all of them (a company has few), created or edited (name, address, active). */
@Controller
class WarehouseAdminPages {

    private final InventoryAdmin inventory;

    WarehouseAdminPages(InventoryAdmin inventory) {
        this.inventory = inventory;
    }

    /** The warehouse form as typed; an address whose fields are all blank is no address. */
    public record WarehouseForm(
            String code,
            String name,
            String addressName,
            String addressLine1,
            String addressLine2,
            String addressCity,
            String addressRegion,
            String addressPostalCode,
            String addressCountry,
            String active) {

        static WarehouseForm blank() {
            return new WarehouseForm("", "", "", "", "", "", "", "", "", "true");
        }

        static WarehouseForm of(WarehouseView w) {
            Address a = w.address() == null ? new Address(null, null, null, null, null, null, null) : w.address();
            return new WarehouseForm(
                    w.code(),
                    w.name(),
                    a.name(),
                    a.line1(),
                    a.line2(),
                    a.city(),
                    a.region(),
                    a.postalCode(),
                    a.country(),
                    Boolean.toString(w.active()));
        }

        public boolean isActive() {
            return "true".equals(active) || "on".equals(active);
        }

        Address address() {
            return AdminForms.address(
                    addressName,
                    addressLine1,
                    addressLine2,
                    addressCity,
                    addressRegion,
                    addressPostalCode,
                    addressCountry);
        }
    }

    @GetMapping("/admin/warehouses")
    @PreAuthorize(PageAccess.ADMINS)
    String list(Model model) {
        model.addAttribute("warehouses", inventory.warehouses());
        return "admin/warehouses";
    }

    @GetMapping("/admin/warehouses.csv")
    @PreAuthorize(PageAccess.ADMINS)
    ResponseEntity<String> export() {
        List<List<Object>> rows = inventory.warehouses().stream()
                .map(w -> Arrays.<Object>asList(
                        w.code(),
                        w.name(),
                        w.address() == null ? null : w.address().line1(),
                        w.address() == null ? null : w.address().postalCode(),
                        w.address() == null ? null : w.address().city(),
                        w.address() == null ? null : w.address().country(),
                        w.active()))
                .toList();
        return AdminForms.csv(
                "warehouses.csv", List.of("code", "name", "line1", "postal_code", "city", "country", "active"), rows);
    }

    @GetMapping("/admin/warehouses/new")
    @PreAuthorize(PageAccess.ADMINS)
    String create(Model model) {
        return form(WarehouseForm.blank(), null, Map.of(), model);
    }

    @PostMapping("/admin/warehouses")
    @PreAuthorize(PageAccess.ADMINS)
    String create(
            @ModelAttribute WarehouseForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String code = form.code() == null ? null : form.code().trim();
        try {
            inventory.createWarehouse(code, form.name(), form.address());
            if (!form.isActive()) {
                inventory.updateWarehouse(code, form.name(), form.address(), false);
            }
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            Map<String, String> errors = AdminForms.errors(refused, Map.of());
            if (refused.violations().isEmpty() && refused.kind() == OrdoException.Kind.CONFLICT) {
                errors = Map.of("code", refused.getMessage());
            }
            return form(form, null, errors, model);
        }
        redirect.addFlashAttribute("done", "admin.warehouse.saved");
        redirect.addFlashAttribute("doneArg", code);
        return "redirect:/admin/warehouses";
    }

    @GetMapping("/admin/warehouses/{code}")
    @PreAuthorize(PageAccess.ADMINS)
    String edit(@PathVariable String code, Model model) {
        WarehouseView warehouse = found(code);
        return form(WarehouseForm.of(warehouse), warehouse, Map.of(), model);
    }

    @PostMapping("/admin/warehouses/{code}")
    @PreAuthorize(PageAccess.ADMINS)
    String update(
            @PathVariable String code,
            @ModelAttribute WarehouseForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        WarehouseView warehouse = found(code);
        try {
            inventory.updateWarehouse(code, form.name(), form.address(), form.isActive());
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            return form(form, warehouse, AdminForms.errors(refused, Map.of()), model);
        }
        redirect.addFlashAttribute("done", "admin.warehouse.saved");
        redirect.addFlashAttribute("doneArg", code);
        return "redirect:/admin/warehouses";
    }

    private String form(WarehouseForm form, WarehouseView warehouse, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("errors", errors);
        return "admin/warehouse-form";
    }

    private WarehouseView found(String code) {
        return inventory.warehouses().stream()
                .filter(w -> w.code().equals(code))
                .findFirst()
                .orElseThrow(() -> OrdoException.notFound("Warehouse", code));
    }
}
