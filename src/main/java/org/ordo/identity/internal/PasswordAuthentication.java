package org.ordo.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Username and password (HTTP Basic) against app_user, with BCrypt skipped for a password this node verified
 * recently for the same version of the user ({@link VerifiedPasswords}). The user row is read on every request
 * (a primary-key lookup), so disabling a user or changing a password on any node takes effect at once.
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

    private final UserStore accounts;
    private final PasswordEncoder encoder;
    private final VerifiedPasswords verified;
    private volatile String dummyHash;

    @Autowired
    PasswordAuthentication(UserStore accounts, PasswordEncoder encoder, IdentityProperties properties) {
        this(
                accounts,
                encoder,
                new VerifiedPasswords(
                        properties.passwordCache().ttl(),
                        properties.passwordCache().maxEntries()));
    }

    PasswordAuthentication(UserStore accounts, PasswordEncoder encoder, VerifiedPasswords verified) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        Optional<OrdoUser> found = username == null ? Optional.empty() : accounts.find(username);
        if (found.isEmpty() || !fitsBcrypt(password)) {
            // as slow as a real check, so that response times do not tell which usernames exist
            encoder.matches("not-a-password", dummyHash());
            throw new BadCredentialsException("Bad credentials");
        }
        OrdoUser user = found.get();
        if (user.lockedAt(Instant.now())) {
            // no password is checked while locked, not even the right one: the lock holds for every way in
            throw new LockedException("Locked after repeated failed logins");
        }
        if (!verified.contains(user, password)) {
            if (!encoder.matches(password, user.passwordHash())) {
                throw new BadCredentialsException("Bad credentials");
            }
            verified.remember(user, password);
        }
        if (!user.enabled()) {
            throw new DisabledException("User is disabled");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** BCrypt refuses more than 72 bytes; such a password cannot be anyone's. */
    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= UserService.MAX_PASSWORD_BYTES;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode("not-the-password-of-anyone");
            dummyHash = hash;
        }
        return hash;
    }
}
