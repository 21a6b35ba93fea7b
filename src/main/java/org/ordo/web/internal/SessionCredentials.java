package org.ordo.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.ordo.identity.Logins;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session holds while its user's credentials are the ones it logged in with: a password changed (by the user
 * elsewhere or by an administrator) or a user disabled ends every other session of that user on its next page, on every
 * node, since the session remembers a fingerprint of the credentials ({@link Logins#credentialStamp}) and compares it
 * with the database. The session in which the password was changed keeps going.
 */
@Component
class SessionCredentials {

    static final String STAMP = "ordo.credentials";

    private final Logins logins;

    SessionCredentials(Logins logins) {
        this.logins = logins;
    }

    /** After a login or the user's own password change: this session holds the current credentials. */
    void remember(HttpSession session, String username) {
        session.setAttribute(STAMP, logins.credentialStamp(username));
    }

    /** The filter that ends a session whose credentials changed, and sends its browser to the login page. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Authentication user = SecurityContextHolder.getContext().getAuthentication();
                Object stamp = session == null ? null : session.getAttribute(STAMP);
                if (stamp != null && user != null && !stamp.equals(logins.credentialStamp(user.getName()))) {
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
