package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.customers.CustomerDirectory;
import org.ordo.customers.CustomerNotes;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.identity.Actor;
import org.ordo.invoicing.CustomerAccounts;
import org.ordo.invoicing.CustomerInvoices;
import org.ordo.notifications.CustomerMessages;
import org.ordo.orders.OpenOrders;
import org.ordo.orders.Orders;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.returns.ReturnDesk;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Customer service: finding a customer (name, e-mail or id) and the customer 360 — contact, addresses, credit limit and
 * exposure, balance and money on account, recent orders, open invoices (for roles that read invoices), returns and the
 * service notes, to which a dated note may be added.
 */
@Controller
class CustomerPages {

    static final int PAGE_SIZE = 25;
    static final int RECENT = 10;

    private final CustomerDirectory directory;
    private final CustomerNotes notes;
    private final CustomerAccounts accounts;
    private final CustomerInvoices invoices;
    private final OpenOrders openOrders;
    private final Orders orders;
    private final ReturnDesk returns;
    private final MessageSource messages;
    private final CustomerMessages mails;

    CustomerPages(
            CustomerDirectory directory,
            CustomerNotes notes,
            CustomerAccounts accounts,
            CustomerInvoices invoices,
            OpenOrders openOrders,
            Orders orders,
            ReturnDesk returns,
            MessageSource messages,
            CustomerMessages mails) {
        this.directory = directory;
        this.notes = notes;
        this.accounts = accounts;
        this.invoices = invoices;
        this.openOrders = openOrders;
        this.orders = orders;
        this.returns = returns;
        this.messages = messages;
        this.mails = mails;
    }

    /** The search as typed, for the paging links and the export. */
    public record Query(String q) {

        public String page(int page) {
            return uri("/customers")
                    .queryParamIfPresent("page", page > 0 ? java.util.Optional.of(page) : java.util.Optional.empty())
                    .encode()
                    .build()
                    .toUriString();
        }

        public String csv() {
            return uri("/customers.csv").encode().build().toUriString();
        }

        private UriComponentsBuilder uri(String path) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            if (q != null && !q.isBlank()) {
                uri.queryParam("q", q);
            }
            return uri;
        }
    }

    @GetMapping("/customers")
    @PreAuthorize(PageAccess.CUSTOMER_SERVICE)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        PageResult<CustomerSnapshot> result = directory.search(q, Paging.of(Downloads.page(page), PAGE_SIZE));
        model.addAttribute("query", new Query(q == null ? "" : q));
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Downloads.lastPage(result));
        return "service/customers";
    }

    @GetMapping("/customers.csv")
    @PreAuthorize(PageAccess.CUSTOMER_SERVICE)
    ResponseEntity<String> csv(@RequestParam(required = false) String q) {
        return Downloads.csv(
                "customers",
                List.of(
                        "id",
                        "number",
                        "name",
                        "email",
                        "city",
                        "country",
                        "currency",
                        "creditLimit",
                        "paymentTermsDays",
                        "active"),
                Downloads.rows(
                        p -> directory.search(q, Downloads.exportPage(p)),
                        c -> List.of(
                                c.id(),
                                c.number(),
                                c.name(),
                                c.email() == null ? "" : c.email(),
                                c.billingAddress() == null
                                        ? ""
                                        : c.billingAddress().city(),
                                c.billingAddress() == null
                                        ? ""
                                        : c.billingAddress().country(),
                                c.currency(),
                                c.creditLimit().amount(),
                                c.paymentTermsDays(),
                                c.active())));
    }

    @GetMapping("/customers/{id}")
    @PreAuthorize(PageAccess.CUSTOMER_SERVICE)
    String detail(@PathVariable String id, Model model) {
        return show(contact(id), "", Map.of(), model);
    }

    @PostMapping("/customers/{id}/notes")
    @PreAuthorize(PageAccess.CUSTOMER_SERVICE)
    String addNote(
            @PathVariable String id,
            @RequestParam(required = false) String text,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CustomerDirectory.Contact contact = contact(id);
        String typed = text == null ? "" : text;
        if (typed.isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(contact, typed, Map.of("text", text("error.required")), model);
        }
        try {
            notes.add(contact.customer().id(), typed);
        } catch (OrdoException refused) {
            response.setStatus(PortalPages.status(refused));
            String message = refused.violations().isEmpty()
                    ? refused.getMessage()
                    : refused.violations().get(0).message();
            return show(contact, typed, Map.of("text", message), model);
        }
        redirect.addFlashAttribute("done", "service.customer.noteAdded");
        return "redirect:/customers/" + contact.customer().id() + "#notes";
    }

    /** Credit as customer service weighs it: exposure = balance + open orders, against the limit (invariant 11). */
    public record Credit(Money limit, Money balance, Money openOrders, Money exposure, Money available, boolean over) {}

    private String show(CustomerDirectory.Contact contact, String noteText, Map<String, String> errors, Model model) {
        CustomerSnapshot customer = contact.customer();
        Actor actor = Actor.current();
        List<CustomerAccounts.Balance> balances = accounts.balances(customer.id());
        Money zero = Money.zero(Money.currency(customer.currency()));
        Money balance = balances.stream()
                .filter(b -> b.currency().equals(customer.currency()))
                .map(CustomerAccounts.Balance::balance)
                .findFirst()
                .orElse(zero);
        Money open = Money.of(openOrders.openOrderValue(customer.id()), customer.currency());
        Money exposure = balance.plus(open);
        Money limit = customer.creditLimit();
        model.addAttribute("contact", contact);
        model.addAttribute("customer", customer);
        model.addAttribute(
                "credit",
                new Credit(limit, balance, open, exposure, limit.minus(exposure), exposure.isGreaterThan(limit)));
        model.addAttribute("balances", balances);
        model.addAttribute(
                "orders",
                orders.search(
                        new Orders.Search(Set.of(), customer.id(), null, null, null, null), Paging.of(0, RECENT)));
        boolean showInvoices = PageAccess.mayReadInvoices(actor);
        model.addAttribute("showInvoices", showInvoices);
        model.addAttribute("showPayments", PageAccess.mayUseAccounting(actor));
        model.addAttribute("showCases", PageAccess.mayReadCases(actor));
        model.addAttribute(
                "openInvoices",
                showInvoices
                        ? invoices.search(customer.id(), CustomerInvoices.OPEN, Paging.of(0, 50))
                        : new PageResult<CustomerInvoices.Entry>(List.of(), 0, 50, 0));
        model.addAttribute("returns", returns.search(Set.of(), customer.id(), Paging.of(0, RECENT)));
        model.addAttribute("notes", notes.of(customer.id(), 100));
        model.addAttribute(
                "mails", mails.of(customer.id()).stream().limit(RECENT).toList());
        model.addAttribute("noteText", noteText);
        model.addAttribute("noteMax", CustomerNotes.MAX_LENGTH);
        model.addAttribute("externalIds", directory.externalIds(customer.id()));
        model.addAttribute("errors", errors);
        return "service/customer";
    }

    private CustomerDirectory.Contact contact(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw OrdoException.notFound("Customer", id);
        }
        return directory.contact(uuid).orElseThrow(() -> OrdoException.notFound("Customer", id));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
