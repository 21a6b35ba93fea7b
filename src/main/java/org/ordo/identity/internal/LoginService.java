package org.ordo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ordo.identity.Logins;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every username-and-password login, from the login page and over HTTP Basic alike: the password check of
 * {@link PasswordAuthentication} (which refuses a locked user before looking at the password), the failures counted per
 * username in {@link LoginAttemptStore}, and per client address in {@link AddressThrottle}.
 */
@Component
class LoginService implements Logins {

    private final PasswordAuthentication passwords;
    private final LoginAttemptStore attempts;
    private final AddressThrottle throttle;
    private final UserStore users;
    private final Clock clock = Clock.systemUTC();

    LoginService(
            PasswordAuthentication passwords, LoginAttemptStore attempts, AddressThrottle throttle, UserStore users) {
        this.users = users;
        this.passwords = passwords;
        this.attempts = attempts;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username =
                authentication.getName() == null ? "" : authentication.getName().trim();
        // no username can be longer (see UserService.USERNAME): such attempts fail without a row of their own
        boolean countable = !username.isEmpty() && username.length() <= 100;
        try {
            Authentication result = passwords.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, authentication.getCredentials()));
            if (countable && result.getPrincipal() instanceof OrdoUser user && user.failedLogins() > 0) {
                attempts.succeeded(username);
            }
            return result;
        } catch (LockedException locked) {
            throttle.failed(clientAddress());
            throw locked;
        } catch (BadCredentialsException wrong) {
            throttle.failed(clientAddress());
            Instant now = clock.instant();
            if (countable && attempts.failed(username, now)) {
                throw new LockedException("Locked after repeated failed logins");
            }
            throw wrong;
        }
    }

    @Override
    public Optional<Duration> retryAfter(String clientAddress) {
        return throttle.retryAfter(clientAddress);
    }

    @Override
    public String credentialStamp(String username) {
        return users.find(username)
                .map(u -> stamp(u.passwordHash() + "|" + u.enabled()))
                .orElse("");
    }

    /** The first 16 hex digits of SHA-256: enough to tell two credentials apart, nothing to reverse. */
    private static String stamp(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The address of the client of the request being authenticated (behind a trusted proxy: the one it forwards for). */
    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? addressOf(attributes.getRequest())
                : null;
    }

    static String addressOf(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
