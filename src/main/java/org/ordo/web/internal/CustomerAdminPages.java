package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.CustomerAdmin;
import org.ordo.customers.CustomerAdmin.CustomerDetails;
import org.ordo.customers.CustomerAdmin.CustomerInput;
import org.ordo.customers.CustomerLanguages;
import org.ordo.customers.InvoicingPolicy;
import org.ordo.inventory.InventoryAdmin;
import org.ordo.notifications.MessageKind;
import org.ordo.notifications.NotificationPreferences;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
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
 * Customers for administrators: searched by name or e-mail, paged and exported; created or edited (contact, addresses,
 * currency, credit limit, payment terms, tax exemption, invoicing policy) with the version in the form, so a change someone
 * else saved meanwhile is reported instead of overwritten.
 */
@Controller
class CustomerAdminPages {

    private static final Map<String, String> FIELDS =
            Map.of("creditLimitAmount", "creditLimit", "creditLimitCurrency", "currency");

    private final CustomerAdmin customers;
    private final InventoryAdmin inventory;
    private final MessageSource messages;
    private final NotificationPreferences mailChoices;

    CustomerAdminPages(
            CustomerAdmin customers,
            InventoryAdmin inventory,
            MessageSource messages,
            NotificationPreferences mailChoices) {
        this.customers = customers;
        this.inventory = inventory;
        this.messages = messages;
        this.mailChoices = mailChoices;
    }

    /** The customer form as typed. An address whose fields are all blank is no address; no shipping address is the billing one. */
    public record CustomerForm(
            String name,
            String email,
            String phone,
            String billingAddressName,
            String billingAddressLine1,
            String billingAddressLine2,
            String billingAddressCity,
            String billingAddressRegion,
            String billingAddressPostalCode,
            String billingAddressCountry,
            String shippingAddressName,
            String shippingAddressLine1,
            String shippingAddressLine2,
            String shippingAddressCity,
            String shippingAddressRegion,
            String shippingAddressPostalCode,
            String shippingAddressCountry,
            String currency,
            String creditLimit,
            String paymentTermsDays,
            String preferredWarehouse,
            String active,
            String invoicingPolicy,
            String taxExempt,
            String vatId,
            String language,
            String billingEmail,
            String version,
            String group) {

        public boolean isActive() {
            return "true".equals(active) || "on".equals(active);
        }

        public boolean isTaxExempt() {
            return "true".equals(taxExempt) || "on".equals(taxExempt);
        }
    }

    /** The form of a new customer: the usual defaults. */
    private static CustomerForm blankForm() {
        return new CustomerForm(
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "EUR",
                "0",
                "30",
                "",
                "true",
                InvoicingPolicy.ON_SHIPMENT.name(),
                "",
                "",
                CustomerLanguages.DEFAULT,
                "",
                null,
                "");
    }

    /** The form of a stored customer. */
    private static CustomerForm formOf(CustomerDetails c) {
        Address b =
                c.billingAddress() == null ? new Address(null, null, null, null, null, null, null) : c.billingAddress();
        // a shipping address equal to the billing address is shown as none: it follows the billing address
        Address s = c.shippingAddress() == null || c.shippingAddress().equals(c.billingAddress())
                ? new Address(null, null, null, null, null, null, null)
                : c.shippingAddress();
        return new CustomerForm(
                c.name(),
                c.email(),
                c.phone(),
                b.name(),
                b.line1(),
                b.line2(),
                b.city(),
                b.region(),
                b.postalCode(),
                b.country(),
                s.name(),
                s.line1(),
                s.line2(),
                s.city(),
                s.region(),
                s.postalCode(),
                s.country(),
                c.currency(),
                c.creditLimit().amount().toPlainString(),
                Integer.toString(c.paymentTermsDays()),
                c.preferredWarehouse(),
                Boolean.toString(c.active()),
                c.invoicingPolicy().name(),
                Boolean.toString(c.taxExempt()),
                c.vatId(),
                c.language(),
                c.billingEmail(),
                Long.toString(c.version()),
                c.group());
    }

    /** The form as typed, onto another version of the customer (after a colleague's change). */
    private static CustomerForm withVersion(CustomerForm f, long v) {
        return new CustomerForm(
                f.name(),
                f.email(),
                f.phone(),
                f.billingAddressName(),
                f.billingAddressLine1(),
                f.billingAddressLine2(),
                f.billingAddressCity(),
                f.billingAddressRegion(),
                f.billingAddressPostalCode(),
                f.billingAddressCountry(),
                f.shippingAddressName(),
                f.shippingAddressLine1(),
                f.shippingAddressLine2(),
                f.shippingAddressCity(),
                f.shippingAddressRegion(),
                f.shippingAddressPostalCode(),
                f.shippingAddressCountry(),
                f.currency(),
                f.creditLimit(),
                f.paymentTermsDays(),
                f.preferredWarehouse(),
                f.active(),
                f.invoicingPolicy(),
                f.taxExempt(),
                f.vatId(),
                f.language(),
                f.billingEmail(),
                Long.toString(v),
                f.group());
    }

    public record Filter(String q) {

        public String query(String path, int page) {
            return ListLink.to(path).filter("q", q).page(page);
        }
    }

    @GetMapping("/admin/customers")
    @PreAuthorize(PageAccess.ADMINS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        PageResult<CustomerDetails> result =
                customers.search(AdminForms.blankToNull(q), Paging.of(AdminForms.page(page), AdminForms.PAGE_SIZE));
        model.addAttribute("filter", new Filter(q));
        model.addAttribute("result", result);
        model.addAttribute("lastPage", AdminForms.lastPage(result));
        return "admin/customers";
    }

    @GetMapping("/admin/customers.csv")
    @PreAuthorize(PageAccess.ADMINS)
    ResponseEntity<String> export(@RequestParam(required = false) String q) {
        List<List<Object>> rows = new ArrayList<>();
        for (CustomerDetails c :
                AdminForms.all(page -> customers.search(AdminForms.blankToNull(q), AdminForms.exportPage(page)))) {
            Address b = c.billingAddress();
            rows.add(Arrays.asList(
                    c.id(),
                    c.number(),
                    c.name(),
                    c.email(),
                    c.phone(),
                    b == null ? null : b.city(),
                    b == null ? null : b.country(),
                    c.currency(),
                    c.creditLimit().amount(),
                    c.paymentTermsDays(),
                    c.invoicingPolicy(),
                    c.taxExempt(),
                    c.vatId(),
                    c.active(),
                    c.version()));
        }
        return AdminForms.csv(
                "customers.csv",
                List.of(
                        "id",
                        "number",
                        "name",
                        "email",
                        "phone",
                        "city",
                        "country",
                        "currency",
                        "credit_limit",
                        "payment_terms_days",
                        "invoicing_policy",
                        "tax_exempt",
                        "vat_id",
                        "active",
                        "version"),
                rows);
    }

    @GetMapping("/admin/customers/new")
    @PreAuthorize(PageAccess.ADMINS)
    String create(Model model) {
        return form(blankForm(), null, Map.of(), null, model);
    }

    @PostMapping("/admin/customers")
    @PreAuthorize(PageAccess.ADMINS)
    String create(
            @ModelAttribute CustomerForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer terms = terms(form, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, null, errors, null, model);
        }
        try {
            CustomerDetails created = customers.create(input(form, terms));
            redirect.addFlashAttribute("done", "admin.customer.created");
            redirect.addFlashAttribute("doneArg", created.name());
            return "redirect:/admin/customers/" + created.id();
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            return form(form, null, AdminForms.errors(refused, FIELDS), null, model);
        }
    }

    @GetMapping("/admin/customers/{id}")
    @PreAuthorize(PageAccess.ADMINS)
    String edit(@PathVariable String id, Model model) {
        CustomerDetails customer = found(id);
        return form(formOf(customer), customer, Map.of(), null, model);
    }

    @PostMapping("/admin/customers/{id}")
    @PreAuthorize(PageAccess.ADMINS)
    String update(
            @PathVariable String id,
            @ModelAttribute CustomerForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CustomerDetails current = found(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer terms = terms(form, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, current, errors, null, model);
        }
        try {
            customers.update(current.id(), version(form.version()), input(form, terms));
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            if (refused.kind() == OrdoException.Kind.STALE) {
                CustomerDetails now = found(id);
                return form(withVersion(form, now.version()), now, Map.of(), now, model);
            }
            return form(form, current, AdminForms.errors(refused, FIELDS), null, model);
        }
        redirect.addFlashAttribute("done", "admin.customer.saved");
        redirect.addFlashAttribute("doneArg", form.name());
        return "redirect:/admin/customers/" + current.id();
    }

    private String form(
            CustomerForm form,
            CustomerDetails customer,
            Map<String, String> errors,
            CustomerDetails conflict,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("customer", customer);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("currencies", AdminCurrencies.CODES);
        model.addAttribute("policies", InvoicingPolicy.values());
        model.addAttribute("languages", CustomerLanguages.TAGS);
        model.addAttribute("warehouses", inventory.warehouses());
        model.addAttribute("mailChoices", customer == null ? List.of() : mailChoices.of(customer.id()));
        return "admin/customer-form";
    }

    /** The e-mails the customer gets: the optional kinds ticked are on, the others off; transactional ones stay on. */
    @PostMapping("/admin/customers/{id}/notifications")
    @PreAuthorize(PageAccess.ADMINS)
    String chooseMails(
            @PathVariable String id,
            @RequestParam(name = "on", required = false) List<String> on,
            RedirectAttributes redirect) {
        CustomerDetails customer = found(id);
        Set<MessageKind> off = EnumSet.noneOf(MessageKind.class);
        for (MessageKind kind : MessageKind.values()) {
            if (!kind.transactional() && !kind.internal() && (on == null || !on.contains(kind.name()))) {
                off.add(kind);
            }
        }
        mailChoices.set(customer.id(), off);
        redirect.addFlashAttribute("done", "admin.customer.mailsSaved");
        redirect.addFlashAttribute("doneArg", customer.name());
        return "redirect:/admin/customers/" + customer.id();
    }

    private static CustomerInput input(CustomerForm f, Integer terms) {
        String currency = f.currency() == null ? null : f.currency().trim().toUpperCase(java.util.Locale.ROOT);
        InvoicingPolicy policy = null;
        try {
            policy = f.invoicingPolicy() == null || f.invoicingPolicy().isBlank()
                    ? null
                    : InvoicingPolicy.valueOf(f.invoicingPolicy());
        } catch (IllegalArgumentException e) {
            policy = null;
        }
        return new CustomerInput(
                AdminForms.blankToNull(f.name()),
                AdminForms.blankToNull(f.email()),
                AdminForms.blankToNull(f.phone()),
                AdminForms.address(
                        f.billingAddressName(),
                        f.billingAddressLine1(),
                        f.billingAddressLine2(),
                        f.billingAddressCity(),
                        f.billingAddressRegion(),
                        f.billingAddressPostalCode(),
                        f.billingAddressCountry()),
                AdminForms.address(
                        f.shippingAddressName(),
                        f.shippingAddressLine1(),
                        f.shippingAddressLine2(),
                        f.shippingAddressCity(),
                        f.shippingAddressRegion(),
                        f.shippingAddressPostalCode(),
                        f.shippingAddressCountry()),
                currency,
                new MoneyInput(AdminForms.blankToNull(f.creditLimit()) == null ? "0" : f.creditLimit(), currency),
                terms,
                AdminForms.blankToNull(f.preferredWarehouse()),
                f.isActive(),
                policy,
                f.isTaxExempt(),
                AdminForms.blankToNull(f.vatId()) == null
                        ? null
                        : f.vatId().trim().toUpperCase(java.util.Locale.ROOT),
                AdminForms.blankToNull(f.language()),
                AdminForms.blankToNull(f.billingEmail()),
                AdminForms.blankToNull(f.group()));
    }

    private Integer terms(CustomerForm form, Map<String, String> errors) {
        String text = AdminForms.blankToNull(form.paymentTermsDays());
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.put(
                    "paymentTermsDays",
                    messages.getMessage("admin.error.wholeNumber", null, LocaleContextHolder.getLocale()));
            return null;
        }
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private CustomerDetails found(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw OrdoException.notFound("Customer", id);
        }
        return customers.details(uuid).orElseThrow(() -> OrdoException.notFound("Customer", id));
    }
}
