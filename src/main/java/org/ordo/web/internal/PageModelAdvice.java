package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.ordo.identity.Actor;
import org.ordo.identity.UserProfiles;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout of every page needs: the user, the navigation their roles allow, the language and where they are. */
@ControllerAdvice(basePackageClasses = PageModelAdvice.class)
class PageModelAdvice {

    /** The signed-in user as the layout shows them. */
    public record CurrentUser(String username, String displayName) {

        public String shownName() {
            return displayName == null || displayName.isBlank() ? username : displayName;
        }
    }

    private final UserProfiles profiles;

    PageModelAdvice(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Actor actor = Actor.current();
        if (actor == Actor.SYSTEM) {
            return null;
        }
        return new CurrentUser(
                actor.username(),
                profiles.profile(actor.username())
                        .map(UserProfiles.UserProfile::displayName)
                        .orElse(null));
    }

    @ModelAttribute("nav")
    List<PageAccess.NavItem> navigation() {
        Actor actor = Actor.current();
        return actor == Actor.SYSTEM ? List.of() : PageAccess.navigation(actor);
    }

    @ModelAttribute("lang")
    String language() {
        return UserLocales.tag(LocaleContextHolder.getLocale());
    }

    @ModelAttribute("languages")
    List<Locale> languages() {
        return UserLocales.SUPPORTED;
    }

    /** The path and query of this page, to come back to after switching the language. */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .build()
                .toString();
    }

    /**
     * The same attributes for a page rendered outside a controller's model (the error pages), so that it keeps the
     * navigation and the language switch.
     */
    void addTo(java.util.Map<String, Object> model, HttpServletRequest request) {
        model.put("currentUser", currentUser());
        model.put("nav", navigation());
        model.put("lang", language());
        model.put("languages", languages());
        model.put("here", here(request));
        model.put("section", section(request));
    }

    /** The first segment of the path, to mark the active navigation entry. */
    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        int next = path.indexOf('/', 1);
        return next < 0 ? path : path.substring(0, next);
    }
}
