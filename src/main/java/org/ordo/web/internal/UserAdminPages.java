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
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.ordo.identity.UserAdmin;
import org.ordo.identity.UserAdmin.UserView;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
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

/**
 * Users and their roles for administrators: list, create (the password rule said next to the field; a CUSTOMER user linked
 * to a customer found by name, e-mail or id), change roles, disable and enable, reset a password. Nobody may take the ADMIN
 * role from themselves or disable themselves; the identity module refuses it and the page says why.
 */
@Controller
class UserAdminPages {

    private final UserAdmin users;
    private final Customers customers;
    private final MessageSource messages;

    UserAdminPages(UserAdmin users, Customers customers, MessageSource messages) {
        this.users = users;
        this.customers = customers;
        this.messages = messages;
    }

    /** The user form as typed; the password is never written back into a page. */
    public record UserForm(
            String username, String displayName, List<String> roles, String customer, boolean enabled, String version) {

        public boolean has(Role role) {
            return roles != null && roles.contains(role.name());
        }
    }

    public record Filter(String q) {

        public String query(String path, int page) {
            return ListLink.to(path).filter("q", q).page(page);
        }
    }

    @GetMapping("/admin/users")
    @PreAuthorize(PageAccess.ADMINS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        PageResult<UserView> result =
                users.users(AdminForms.blankToNull(q), Paging.of(AdminForms.page(page), AdminForms.PAGE_SIZE));
        model.addAttribute("filter", new Filter(q));
        model.addAttribute("result", result);
        model.addAttribute("lastPage", AdminForms.lastPage(result));
        model.addAttribute("me", Actor.current().username());
        return "admin/users";
    }

    @GetMapping("/admin/users.csv")
    @PreAuthorize(PageAccess.ADMINS)
    ResponseEntity<String> export(@RequestParam(required = false) String q) {
        List<List<Object>> rows = new ArrayList<>();
        for (UserView u : AdminForms.all(page -> users.users(AdminForms.blankToNull(q), AdminForms.exportPage(page)))) {
            rows.add(Arrays.asList(
                    u.username(),
                    u.displayName(),
                    String.join(" ", u.roles().stream().map(Role::name).toList()),
                    u.customerId(),
                    u.locale(),
                    u.enabled(),
                    u.createdAt(),
                    u.updatedAt()));
        }
        return AdminForms.csv(
                "users.csv",
                List.of(
                        "username",
                        "display_name",
                        "roles",
                        "customer_id",
                        "locale",
                        "enabled",
                        "created_at",
                        "updated_at"),
                rows);
    }

    @GetMapping("/admin/users/new")
    @PreAuthorize(PageAccess.ADMINS)
    String create(Model model) {
        return form(new UserForm("", "", List.of(), "", true, null), null, Map.of(), model);
    }

    @PostMapping("/admin/users")
    @PreAuthorize(PageAccess.ADMINS)
    String create(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String customer,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UserForm form = new UserForm(username, displayName, roles == null ? List.of() : roles, customer, true, null);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> chosen = roles(form.roles(), errors);
        UUID customerId = customer(customer, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, null, errors, model);
        }
        String name = username == null ? null : username.trim();
        try {
            users.create(name, password, AdminForms.blankToNull(displayName), chosen, customerId);
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            return form(form, null, explained(refused), model);
        }
        redirect.addFlashAttribute("done", "admin.user.created");
        redirect.addFlashAttribute("doneArg", name);
        return "redirect:/admin/users/" + name;
    }

    @GetMapping("/admin/users/{username}")
    @PreAuthorize(PageAccess.ADMINS)
    String edit(@PathVariable String username, Model model) {
        UserView user = found(username);
        return form(formOf(user), user, Map.of(), model);
    }

    @PostMapping("/admin/users/{username}")
    @PreAuthorize(PageAccess.ADMINS)
    String update(
            @PathVariable String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String enabled,
            @RequestParam(required = false) String version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UserView user = found(username);
        UserForm form = new UserForm(
                username, displayName, roles == null ? List.of() : roles, customer, "true".equals(enabled), version);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> chosen = roles(form.roles(), errors);
        UUID customerId = customer(customer, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, user, errors, model);
        }
        try {
            users.update(
                    username,
                    version(version),
                    new UserAdmin.UserUpdate(displayName, chosen, customerId, form.enabled()));
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            if (refused.kind() == OrdoException.Kind.STALE) {
                UserView now = found(username);
                Map<String, String> stale = Map.of("form", text("admin.conflict.user"));
                return form(
                        new UserForm(
                                username,
                                displayName,
                                form.roles(),
                                customer,
                                form.enabled(),
                                Long.toString(now.version())),
                        now,
                        stale,
                        model);
            }
            return form(form, user, explained(refused), model);
        }
        redirect.addFlashAttribute("done", "admin.user.saved");
        redirect.addFlashAttribute("doneArg", username);
        return "redirect:/admin/users/" + username;
    }

    /** Disables or enables a user from the list or the user's page, keeping the rest as it is. */
    @PostMapping("/admin/users/{username}/enabled")
    @PreAuthorize(PageAccess.ADMINS)
    String enable(
            @PathVariable String username,
            @RequestParam(required = false) String enabled,
            @RequestParam(required = false) String version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UserView user = found(username);
        boolean enable = "true".equals(enabled);
        try {
            users.update(
                    username,
                    version(version),
                    new UserAdmin.UserUpdate(
                            user.displayName(), EnumSet.copyOf(user.roles()), user.customerId(), enable));
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            UserView now = found(username);
            Map<String, String> errors = refused.kind() == OrdoException.Kind.STALE
                    ? Map.of("form", text("admin.conflict.user"))
                    : explained(refused);
            return form(formOf(now), now, errors, model);
        }
        redirect.addFlashAttribute("done", enable ? "admin.user.enabled" : "admin.user.disabled");
        redirect.addFlashAttribute("doneArg", username);
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/admin/users/{username}/password")
    @PreAuthorize(PageAccess.ADMINS)
    String resetPassword(
            @PathVariable String username,
            @RequestParam(required = false) String password,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UserView user = found(username);
        try {
            users.resetPassword(username, password);
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            Map<String, String> errors = new LinkedHashMap<>();
            AdminForms.errors(refused, Map.of())
                    .forEach((field, message) -> errors.put(field.equals("password") ? "newPassword" : field, message));
            return form(formOf(user), user, errors, model);
        }
        redirect.addFlashAttribute("done", "admin.user.passwordReset");
        redirect.addFlashAttribute("doneArg", username);
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/admin/users/{username}/time-zone")
    @PreAuthorize(PageAccess.ADMINS)
    String changeTimeZone(
            @PathVariable String username,
            @RequestParam(required = false) String timeZone,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UserView user = found(username);
        try {
            users.changeTimeZone(username, AdminForms.blankToNull(timeZone));
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            return form(formOf(user), user, Map.of("timeZone", text("settings.timeZone.unknown")), model);
        }
        redirect.addFlashAttribute("done", "admin.user.timeZoneSaved");
        redirect.addFlashAttribute("doneArg", username);
        return "redirect:/admin/users/" + username;
    }

    private String form(UserForm form, UserView user, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("errors", errors);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute(
                "self", user != null && user.username().equals(Actor.current().username()));
        UUID linked = user == null ? null : user.customerId();
        model.addAttribute(
                "linkedCustomer", linked == null ? null : customers.find(linked).orElse(null));
        return "admin/user-form";
    }

    private UserForm formOf(UserView user) {
        String customer = user.customerId() == null ? "" : user.customerId().toString();
        return new UserForm(
                user.username(),
                user.displayName(),
                user.roles().stream().map(Role::name).toList(),
                customer,
                user.enabled(),
                Long.toString(user.version()));
    }

    private Set<Role> roles(List<String> names, Map<String, String> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.put("roles", text("error.choice"));
            }
        }
        return roles;
    }

    /** The customer typed as an id, a name or an e-mail address; it must name exactly one customer. */
    private UUID customer(String typed, Map<String, String> errors) {
        String text = AdminForms.blankToNull(typed);
        if (text == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            if (customers.find(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException notAnId) {
            List<CustomerSnapshot> found = customers.search(text, 10);
            List<CustomerSnapshot> exact = found.stream()
                    .filter(c -> c.name().equalsIgnoreCase(text) || text.equalsIgnoreCase(c.email()))
                    .toList();
            if (exact.size() == 1) {
                return exact.get(0).id();
            }
            if (found.size() == 1) {
                return found.get(0).id();
            }
            if (found.size() > 1) {
                errors.put("customer", text("admin.user.customer.several"));
                return null;
            }
        }
        errors.put("customer", text("admin.user.customer.none"));
        return null;
    }

    /** The module's reasons next to the fields; locking oneself out is explained in the user's language. */
    private Map<String, String> explained(OrdoException refused) {
        Map<String, String> errors = AdminForms.errors(refused, Map.of("customerId", "customer"));
        if ("self-lockout".equals(refused.errorCode())) {
            errors.put("form", text("admin.user.selfLockout"));
            errors.computeIfPresent("roles", (f, m) -> text("admin.user.selfLockout.roles"));
            errors.computeIfPresent("enabled", (f, m) -> text("admin.user.selfLockout.enabled"));
        } else if ("last-admin".equals(refused.errorCode())) {
            errors.put("form", text("admin.user.lastAdmin"));
        }
        return errors;
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private UserView found(String username) {
        return users.user(username).orElseThrow(() -> OrdoException.notFound("User", username));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
