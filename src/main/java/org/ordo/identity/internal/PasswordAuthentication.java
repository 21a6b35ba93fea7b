package org.ordo.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Username and password (HTTP Basic) against app_user. Credentials this node verified recently are taken from
 * {@link VerifiedCredentials} without a read while its entries are trusted; otherwise the user row is read (a
 * primary-key lookup) and BCrypt is skipped only for a password verified against exactly that version of the user.
 * A changed password, role, enabled flag, failed login or lockout on any node forgets the user's entries on every node
 * ({@link org.ordo.platform.ChangeNotices}).
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

    private final UserStore accounts;
    private final PasswordEncoder encoder;
    private final VerifiedCredentials verified;
    private volatile String dummyHash;

    PasswordAuthentication(UserStore accounts, PasswordEncoder encoder, VerifiedCredentials verified) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (username != null) {
            Optional<OrdoUser> remembered = verified.trustedPassword(username, password);
            if (remembered.isPresent()) {
                return authenticated(remembered.get());
            }
        }
        long stamp = username == null ? 0 : verified.stamp(username);
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
        if (!verified.confirms(user, password) && !encoder.matches(password, user.passwordHash())) {
            throw new BadCredentialsException("Bad credentials");
        }
        if (!user.enabled()) {
            throw new DisabledException("User is disabled");
        }
        // remembered as it is after this login, which clears earlier failures (LoginService)
        verified.rememberPassword(stamp, user.withoutFailedLogins(), password);
        return authenticated(user);
    }

    private static Authentication authenticated(OrdoUser user) {
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
