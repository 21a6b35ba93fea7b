package org.ordo.web.internal;

import org.ordo.identity.UserProfiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/** Beans of the pages. */
@Configuration(proxyBeanMethods = false)
class PageConfiguration {

    /** Named as the DispatcherServlet looks it up, which also replaces Spring Boot's Accept-Language resolver. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver(UserProfiles profiles) {
        return new UserLocales(profiles);
    }
}
