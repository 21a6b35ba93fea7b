package org.ordo.web.internal;

import org.ordo.identity.UserProfiles;
import org.ordo.platform.CompanyCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/** Beans of the pages. */
@Configuration(proxyBeanMethods = false)
class PageConfiguration {

    /** Named as the DispatcherServlet looks it up, which also replaces Spring Boot's Accept-Language resolver. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    UserLocales localeResolver(UserProfiles profiles, CompanyCalendar calendar) {
        return new UserLocales(profiles, calendar);
    }
}
