package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.ordo.identity.Actor;
import org.ordo.identity.Logins;
import org.ordo.identity.UserProfiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The login page (the form posts to Spring Security's /login) and the user's language switch. */
@Controller
class SignInPage {

    private final UserProfiles profiles;
    private final LocaleResolver locales;

    SignInPage(UserProfiles profiles, LocaleResolver locales) {
        this.profiles = profiles;
        this.locales = locales;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (Actor.current() != Actor.SYSTEM) {
            return "redirect:/";
        }
        model.addAttribute("lockMinutes", Logins.LOCK_MINUTES);
        return "login";
    }

    /** Stores the language in the user's profile, so it follows them to every node and the next session. */
    @PostMapping("/settings/language")
    String language(
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        Locale locale = UserLocales.supported(language);
        profiles.changeLocale(Actor.current().username(), UserLocales.tag(locale));
        locales.setLocale(request, response, locale);
        return "redirect:" + localPath(returnTo);
    }

    /** Only a path of this application: never an absolute or protocol-relative URL (no open redirect). */
    static String localPath(String returnTo) {
        if (returnTo == null
                || !returnTo.startsWith("/")
                || returnTo.startsWith("//")
                || returnTo.contains("\\")
                || returnTo.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return returnTo;
    }
}
