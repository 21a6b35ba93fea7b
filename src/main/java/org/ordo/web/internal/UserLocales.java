package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.ordo.identity.Actor;
import org.ordo.identity.UserProfiles;
import org.ordo.platform.CompanyCalendar;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * The language of the pages: the signed-in user's {@code app_user.locale}, read once per session and kept there;
 * before login (and for the stateless API, which has no session) the browser's Accept-Language. Only the languages the
 * pages are translated into are answered; anything else is English. Likewise the zone the pages show times in: the
 * user's {@code app_user.time_zone}, else the company's.
 */
class UserLocales implements LocaleContextResolver {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** What the language switch offers: language tag → locale. */
    static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    static final String SESSION_KEY = UserLocales.class.getName() + ".locale";
    static final String ZONE_KEY = UserLocales.class.getName() + ".zone";

    private final UserProfiles profiles;
    private final CompanyCalendar calendar;

    UserLocales(UserProfiles profiles, CompanyCalendar calendar) {
        this.profiles = profiles;
        this.calendar = calendar;
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return new TimeZoneAwareLocaleContext() {
            @Override
            public Locale getLocale() {
                return resolveLocale(request);
            }

            @Override
            public TimeZone getTimeZone() {
                return TimeZone.getTimeZone(zone(request));
            }
        };
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        setLocale(request, response, context == null ? null : context.getLocale());
        if (context instanceof TimeZoneAwareLocaleContext zoned && zoned.getTimeZone() != null) {
            request.getSession().setAttribute(ZONE_KEY, zoned.getTimeZone().toZoneId());
        }
    }

    /** The zone the signed-in user reads times in, read once per session; the company's for anyone else. */
    ZoneId zone(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return calendar.zone();
        }
        if (session.getAttribute(ZONE_KEY) instanceof ZoneId zone) {
            return zone;
        }
        Actor actor = Actor.current();
        if (actor == Actor.SYSTEM) {
            return calendar.zone();
        }
        ZoneId zone = profiles.profile(actor.username())
                .map(UserProfiles.UserProfile::timeZone)
                .map(ZoneId::of)
                .orElse(calendar.zone());
        session.setAttribute(ZONE_KEY, zone);
        return zone;
    }

    /** After the user chose another zone (null: the company's), so that this session's next page shows it. */
    void rememberZone(HttpServletRequest request, String timeZone) {
        request.getSession().setAttribute(ZONE_KEY, timeZone == null ? calendar.zone() : ZoneId.of(timeZone));
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
