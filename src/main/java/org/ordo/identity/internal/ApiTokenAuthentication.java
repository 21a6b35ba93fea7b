package org.ordo.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api token>}. A bearer token that does not authenticate ends the
 * request with a 401 problem at once, rather than falling back to anonymous. Not a bean on purpose: as a bean,
 * Spring Boot would also register it as a servlet filter outside the security chain.
 */
class ApiTokenAuthentication extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokenService tokens;
    private final AddressThrottle throttle;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenAuthentication(ApiTokenService tokens, AddressThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<OrdoUser> user =
                tokens.authenticate(header.substring(BEARER.length()).trim());
        if (user.isEmpty()) {
            // a wrong token counts like a wrong password: an address guessing tokens is throttled too
            throttle.failed(LoginService.addressOf(request));
            contexts.clearContext();
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Ordo\", error=\"invalid_token\"");
            SecurityConfiguration.writeProblem(
                    response,
                    401,
                    "invalid-token",
                    "Unauthorized",
                    "The API token is unknown, revoked or expired, or its user is disabled.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
