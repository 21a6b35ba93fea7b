package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.identity.TokenAdmin;
import org.ordo.identity.TokenAdmin.TokenInfo;
import org.ordo.identity.UserAdmin;
import org.ordo.platform.CompanyCalendar;
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
 * API tokens of every user for administrators: listed without their secrets, issued (the secret is shown once, on the page
 * the issuing redirects to, and never again), revoked.
 */
@Controller
class TokenAdminPages {

    private final TokenAdmin tokens;
    private final UserAdmin users;
    private final MessageSource messages;
    private final CompanyCalendar calendar;

    TokenAdminPages(TokenAdmin tokens, UserAdmin users, MessageSource messages, CompanyCalendar calendar) {
        this.calendar = calendar;
        this.tokens = tokens;
        this.users = users;
        this.messages = messages;
    }

    public record Filter(String owner) {

        public String query(String path, int page) {
            return ListLink.to(path).filter("owner", owner).page(page);
        }
    }

    public record TokenForm(String owner, String name, String expires) {}

    @GetMapping("/admin/tokens")
    @PreAuthorize(PageAccess.ADMINS)
    String list(
            @RequestParam(required = false) String owner, @RequestParam(required = false) String page, Model model) {
        PageResult<TokenInfo> result =
                tokens.tokens(AdminForms.blankToNull(owner), Paging.of(AdminForms.page(page), AdminForms.PAGE_SIZE));
        model.addAttribute("filter", new Filter(owner));
        model.addAttribute("result", result);
        model.addAttribute("lastPage", AdminForms.lastPage(result));
        model.addAttribute("now", Instant.now());
        return "admin/tokens";
    }

    @GetMapping("/admin/tokens.csv")
    @PreAuthorize(PageAccess.ADMINS)
    ResponseEntity<String> export(@RequestParam(required = false) String owner) {
        List<List<Object>> rows =
                AdminForms.all(page -> tokens.tokens(AdminForms.blankToNull(owner), AdminForms.exportPage(page)))
                        .stream()
                        .map(t -> Arrays.<Object>asList(
                                t.id(),
                                t.name(),
                                t.username(),
                                t.createdAt(),
                                t.lastUsedAt(),
                                t.expiresAt(),
                                t.revoked()))
                        .toList();
        return AdminForms.csv(
                "api-tokens.csv",
                List.of("id", "name", "owner", "created_at", "last_used_at", "expires_at", "revoked"),
                rows);
    }

    @GetMapping("/admin/tokens/new")
    @PreAuthorize(PageAccess.ADMINS)
    String create(@RequestParam(required = false) String owner, Model model) {
        return form(
                new TokenForm(owner == null || owner.isBlank() ? Actor.current().username() : owner, "", ""),
                Map.of(),
                model);
    }

    @PostMapping("/admin/tokens")
    @PreAuthorize(PageAccess.ADMINS)
    String create(
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String expires,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        TokenForm form = new TokenForm(owner, name, expires);
        Map<String, String> errors = new LinkedHashMap<>();
        String username = AdminForms.blankToNull(owner);
        if (username == null) {
            errors.put("owner", text("error.required"));
        } else if (users.user(username).isEmpty()) {
            errors.put("owner", text("admin.token.owner.unknown"));
        }
        Instant expiresAt = null;
        if (AdminForms.blankToNull(expires) != null) {
            try {
                expiresAt = calendar.endOf(LocalDate.parse(expires.trim()));
            } catch (DateTimeParseException e) {
                errors.put("expires", text("error.date"));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, errors, model);
        }
        TokenAdmin.IssuedToken issued;
        try {
            issued = tokens.issue(username, name == null ? null : name.trim(), expiresAt);
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            return form(form, AdminForms.errors(refused, Map.of("expiresAt", "expires")), model);
        }
        // plain text in the flash: it lives until the next request, which shows it, and is gone after
        redirect.addFlashAttribute("issuedSecret", issued.secret());
        redirect.addFlashAttribute("issuedName", issued.name());
        redirect.addFlashAttribute("issuedOwner", issued.username());
        redirect.addFlashAttribute(
                "issuedExpires",
                issued.expiresAt() == null ? null : issued.expiresAt().toString());
        return "redirect:/admin/tokens/issued";
    }

    /** The secret of the token just issued, once; opened again, it is gone. */
    @GetMapping("/admin/tokens/issued")
    @PreAuthorize(PageAccess.ADMINS)
    String issued(Model model, HttpServletResponse response) {
        if (!model.containsAttribute("issuedSecret")) {
            return "redirect:/admin/tokens";
        }
        response.setHeader("Cache-Control", "no-store");
        Object expires = model.getAttribute("issuedExpires");
        model.addAttribute("issuedExpiresAt", expires == null ? null : Instant.parse(expires.toString()));
        return "admin/token-issued";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    @PreAuthorize(PageAccess.ADMINS)
    String revoke(
            @PathVariable String id, @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        UUID token;
        try {
            token = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw OrdoException.notFound("Token", id);
        }
        tokens.revoke(token);
        redirect.addFlashAttribute("done", "admin.token.revoked");
        redirect.addFlashAttribute("doneArg", id);
        return "redirect:"
                + (returnTo != null && returnTo.startsWith("/admin/tokens")
                        ? SignInPage.localPath(returnTo)
                        : "/admin/tokens");
    }

    private String form(TokenForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("minDate", calendar.today().toString());
        return "admin/token-form";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
