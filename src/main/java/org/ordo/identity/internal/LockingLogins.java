package org.ordo.identity.internal;

import org.ordo.identity.Logins;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** {@link Logins}: {@link PasswordAuthentication} behind the lockout of {@link LoginAttempts}. */
@Component
class LockingLogins implements Logins {

    private final PasswordAuthentication passwords;
    private final LoginAttempts attempts;
    private final Clock clock = Clock.systemUTC();

    LockingLogins(PasswordAuthentication passwords, LoginAttempts attempts) {
        this.passwords = passwords;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        // no username can be longer (see UserManagement.USERNAME): such attempts fail without a row of their own
        boolean countable = !username.isEmpty() && username.length() <= 100;
        Instant now = clock.instant();
        if (countable && attempts.isLocked(username, now)) {
            throw new LockedException("Locked after repeated failed logins");
        }
        try {
            Authentication result = passwords.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, authentication.getCredentials()));
            if (countable) {
                attempts.succeeded(username);
            }
            return result;
        } catch (BadCredentialsException wrong) {
            if (countable && attempts.failed(username, now)) {
                throw new LockedException("Locked after repeated failed logins");
            }
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
