package org.ordo.web.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.ordo.identity.UserProfiles;
import org.ordo.platform.CompanyCalendar;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Beans of the pages. */
@Configuration(proxyBeanMethods = false)
class PageConfiguration {

    /** Named as the DispatcherServlet looks it up, which also replaces Spring Boot's Accept-Language resolver. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    UserLocales localeResolver(UserProfiles profiles, CompanyCalendar calendar) {
        return new UserLocales(profiles, calendar);
    }

    /**
     * Versioned links to the static resources in pages, registered as Spring Boot would (which then registers none), but
     * not for the API: its answers link no static resource, and the filter worked out each API request's path again.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> pageResourceUrlEncoding() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new PagesOnlyResourceUrlEncoding());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static final class PagesOnlyResourceUrlEncoding extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request instanceof HttpServletRequest http && isApi(http)) {
                chain.doFilter(request, response);
            } else {
                super.doFilter(request, response, chain);
            }
        }

        static boolean isApi(HttpServletRequest request) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/api/") || path.startsWith("/actuator/");
        }
    }
}
