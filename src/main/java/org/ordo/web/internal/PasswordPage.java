package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ordo.identity.Actor;
import org.ordo.identity.UserProfiles;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in user changes their own password here: the current one, the new one twice. Passwords are never written
 * back into the page, not even after an error. The same page chooses the zone the user reads times in.
 */
@Controller
class PasswordPage {

    private final UserProfiles profiles;
    private final MessageSource messages;
    private final SessionCredentials credentials;
    private final UserLocales zones;

    PasswordPage(UserProfiles profiles, MessageSource messages, SessionCredentials credentials, UserLocales zones) {
        this.zones = zones;
        this.credentials = credentials;
        this.profiles = profiles;
        this.messages = messages;
    }

    @GetMapping("/settings/password")
    @PreAuthorize("isAuthenticated()")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("myZone", myZone());
        return "settings/password";
    }

    @PostMapping("/settings/time-zone")
    @PreAuthorize("isAuthenticated()")
    String changeTimeZone(
            @RequestParam(required = false) String timeZone,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String chosen = timeZone == null || timeZone.isBlank() ? null : timeZone.trim();
        try {
            profiles.changeTimeZone(Actor.current().username(), chosen);
        } catch (OrdoException refused) {
            if (refused.kind() != OrdoException.Kind.INVALID) {
                throw refused;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", Map.of("timeZone", text("settings.timeZone.unknown")));
            model.addAttribute("myZone", myZone());
            return "settings/password";
        }
        zones.rememberZone(request, chosen);
        redirect.addFlashAttribute("done", "settings.timeZone.changed");
        return "redirect:/settings/password";
    }

    private String myZone() {
        return profiles.profile(Actor.current().username())
                .map(UserProfiles.UserProfile::timeZone)
                .orElse(null);
    }

    @PostMapping("/settings/password")
    @PreAuthorize("isAuthenticated()")
    String change(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmPassword,
            Model model,
            HttpSession session,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            errors.put("confirmPassword", text("settings.password.mismatch"));
        } else {
            try {
                profiles.changePassword(Actor.current().username(), currentPassword, newPassword);
            } catch (OrdoException refused) {
                if (refused.kind() != OrdoException.Kind.INVALID) {
                    throw refused;
                }
                for (FieldViolation v : refused.violations()) {
                    errors.put(
                            v.field(),
                            "currentPassword".equals(v.field())
                                    ? text("settings.password.wrongCurrent")
                                    : text("settings.password.rule") + " (" + v.message() + ")");
                }
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors);
            model.addAttribute("myZone", myZone());
            return "settings/password";
        }
        // this session goes on with the new password; the user's other sessions end on their next page
        credentials.remember(session, Actor.current().username());
        redirect.addFlashAttribute("done", "settings.password.changed");
        return "redirect:/settings/password";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
