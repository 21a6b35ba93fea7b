package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.ordo.identity.Actor;
import org.ordo.identity.UserProfiles;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the pages: the signed-in user's {@code app_user.locale}, read once per session and kept there;
 * before login (and for the stateless API, which has no session) the browser's Accept-Language. Only the languages the
 * pages are translated into are answered; anything else is English.
 */
class UserLocales implements LocaleResolver {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** What the language switch offers: language tag → locale. */
    static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    static final String SESSION_KEY = UserLocales.class.getName() + ".locale";

    private final UserProfiles profiles;

    UserLocales(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (session.getAttribute(SESSION_KEY) instanceof Locale locale) {
                return locale;
            }
            Actor actor = Actor.current();
            if (actor != Actor.SYSTEM) {
                Locale locale = profiles.profile(actor.username())
                        .map(p -> supported(p.locale()))
                        .orElse(ENGLISH);
                session.setAttribute(SESSION_KEY, locale);
                return locale;
            }
        }
        return fromBrowser(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.getSession().setAttribute(SESSION_KEY, locale == null ? ENGLISH : locale);
    }

    /** The supported locale for a language tag: any Chinese is Simplified Chinese, anything else English. */
    static Locale supported(String tag) {
        if (tag == null) {
            return ENGLISH;
        }
        return Locale.forLanguageTag(tag.replace('_', '-')).getLanguage().equals("zh") ? CHINESE : ENGLISH;
    }

    static String tag(Locale locale) {
        return locale.toLanguageTag();
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return ENGLISH;
        }
        for (java.util.Enumeration<Locale> wanted = request.getLocales(); wanted.hasMoreElements(); ) {
            Locale locale = wanted.nextElement();
            if (locale.getLanguage().equals("zh")) {
                return CHINESE;
            }
            if (locale.getLanguage().equals("en")) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }
}
