package org.ordo.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.identity.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An authenticated Ordo user: the Spring Security principal that also knows its {@link Actor}. {@code lockedUntil} and
 * {@code failedLogins} are its login lockout as read with it, so that checking the lockout costs no read of its own.
 */
record OrdoUser(
        String username,
        String passwordHash,
        Set<Role> roles,
        UUID customerId,
        boolean enabled,
        long version,
        Instant lockedUntil,
        int failedLogins)
        implements UserDetails, Actor.ActorPrincipal {

    OrdoUser(String username, String passwordHash, Set<Role> roles, UUID customerId, boolean enabled, long version) {
        this(username, passwordHash, roles, customerId, enabled, version, null, 0);
    }

    /** This user without the failed logins a successful login clears. */
    OrdoUser withoutFailedLogins() {
        return new OrdoUser(username, passwordHash, roles, customerId, enabled, version);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public Actor actor() {
        return new Actor(username, roles, customerId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
