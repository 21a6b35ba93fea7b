package org.ordo.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.ordo.identity.Logins;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security of the pages: everything the API chain (HTTP Basic and tokens, stateless) does not match. Form login at
 * {@code /login} through {@link Logins} (with its lockout), a session cookie, CSRF on every form, logout, no remember-me.
 * Pages may run only the application's own scripts: the Content-Security-Policy allows no inline script or style.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    /** What the API's security chain owns (see identity's SecurityConfiguration). */
    static final String[] API_PATHS = {
        "/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"
    };

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain pageSecurity(HttpSecurity http, Logins logins, SessionCredentials credentials)
            throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] api = new RequestMatcher[API_PATHS.length];
        for (int i = 0; i < API_PATHS.length; i++) {
            api[i] = paths.matcher(API_PATHS[i]);
        }
        AuthenticationFailureHandler failure = (request, response, e) -> response.sendRedirect(
                request.getContextPath() + "/login?" + (e instanceof LockedException ? "locked" : "error"));
        http.securityMatcher(new NegatedRequestMatcher(new OrRequestMatcher(api)))
                .addFilterBefore(throttledLogins(logins), UsernamePasswordAuthenticationFilter.class)
                .authenticationManager(new ProviderManager(logins))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error",
                                DeniedPage.PATH)
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .requestCache(cache -> cache.requestCache(pageNavigationsOnly()))
                .addFilterBefore(credentials.filter(), AuthorizationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(failure)
                        .successHandler(rememberingCredentials(credentials)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(denied -> denied.accessDeniedPage(DeniedPage.PATH))
                .rememberMe(remember -> remember.disable())
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** After login: the session remembers the credentials, and the user goes where the login found them (else home). */
    private static SavedRequestAwareAuthenticationSuccessHandler rememberingCredentials(
            SessionCredentials credentials) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws ServletException, IOException {
                credentials.remember(request.getSession(), authentication.getName());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        handler.setRequestCache(pageNavigationsOnly());
        return handler;
    }

    /**
     * A login form sent from a client address that failed too often (with any username, on the page or over the API) is
     * refused with 429 and {@code Retry-After} before the password is looked at.
     */
    private static OncePerRequestFilter throttledLogins(Logins logins) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<Duration> wait =
                        "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
                                ? logins.retryAfter(request.getRemoteAddr())
                                : Optional.empty();
                if (wait.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
                response.setStatus(429);
                response.setHeader(
                        "Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter()
                        .write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Ordo</title></head><body>"
                                + "<p>Too many failed logins from your address: try again in " + minutes
                                + " minutes.</p>"
                                + "<p>来自您地址的登录失败次数过多：请在 " + minutes
                                + " 分钟后重试。</p><p><a href=\"/login\">Ordo</a></p></body></html>");
            }
        };
    }

    /**
     * After login the user returns to the page they asked for, but only to a page: a fragment that htmx asked for from an
     * old page after the session ended (a type-ahead, a progress poll) would be a bare piece of HTML to land on.
     */
    private static HttpSessionRequestCache pageNavigationsOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && !request.getRequestURI().startsWith(request.getContextPath() + "/favicon."));
        return cache;
    }
}
