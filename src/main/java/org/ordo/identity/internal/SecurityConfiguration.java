package org.ordo.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ordo.identity.Logins;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/** API security: HTTP Basic or API tokens, stateless, roles checked per method. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Without this, Spring Security observes each of its filters, every authentication and every authorization: about a
     * dozen observations per API request that no dashboard reads, some 4 % of a request's CPU (docs/performance.md).
     * The request's own {@code http.server.requests} stays; {@code ordo.security.observations=true} brings them back.
     */
    @Bean
    @ConditionalOnProperty(name = "ordo.security.observations", havingValue = "false", matchIfMissing = true)
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, LoginService logins, ApiTokenService tokens, AddressThrottle throttle) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Ordo\"");
            if (e instanceof LockedException) {
                writeProblem(
                        response,
                        401,
                        "locked",
                        "Unauthorized",
                        "This user is locked for " + Logins.LOCK_MINUTES + " minutes after repeated failed logins.");
            } else {
                writeProblem(response, 401, "unauthenticated", "Unauthorized", "Credentials are missing or wrong.");
            }
        };
        AccessDeniedHandler denied = (request, response, e) ->
                writeProblem(response, 403, "forbidden", "Forbidden", "You are not allowed to do this.");
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // carriers sign their tracking events with their own secret instead of logging in
                        .requestMatchers(HttpMethod.POST, "/api/carriers/*/events")
                        .permitAll()
                        // metrics tell how the business runs (orders, revenue timings): administrators and scrapers
                        // only
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .authenticationManager(new ProviderManager(logins))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .addFilterBefore(new ThrottledAddresses(throttle), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenAuthentication(tokens, throttle), BasicAuthenticationFilter.class)
                .exceptionHandling(
                        ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    static void writeProblem(HttpServletResponse response, int status, String code, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"https://ordo.dev/problems/" + code + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"errorCode\":\"" + code + "\",\"detail\":\"" + detail + "\"}");
    }
}
