package org.ordo.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses credentials from a client address that failed too often (429 with {@code Retry-After}) before they are checked,
 * so a guessing client costs no password check and learns nothing more. Requests without credentials pass (health checks,
 * the API documents). Not a bean on purpose, like {@link ApiTokenAuthentication}.
 */
class ThrottledAddresses extends OncePerRequestFilter {

    private final AddressThrottle throttle;

    ThrottledAddresses(AddressThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = request.getHeader("Authorization") == null
                ? Optional.empty()
                : throttle.retryAfter(LoginService.addressOf(request));
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            SecurityConfiguration.writeProblem(
                    response,
                    429,
                    "too-many-failed-logins",
                    "Too Many Requests",
                    "Too many failed logins from this address; try again in " + seconds + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }
}
