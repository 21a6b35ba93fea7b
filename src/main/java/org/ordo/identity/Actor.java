package org.ordo.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: a user with roles, possibly linked to a customer (role CUSTOMER), or the system itself
 * (scheduled jobs, event listeners). Recorded as the actor of every history and audit entry.
 */
public record Actor(String username, Set<Role> roles, UUID customerId) {

    public static final Actor SYSTEM = new Actor("system", EnumSet.noneOf(Role.class), null);

    /** The actor of the current request, or {@link #SYSTEM} outside one. */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null
                || !auth.isAuthenticated()
                || auth.getName() == null
                || "anonymousUser".equals(auth.getName())) {
            return SYSTEM;
        }
        if (auth.getPrincipal() instanceof ActorPrincipal principal) {
            return principal.actor();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : auth.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // not one of Ordo's roles
                }
            }
        }
        return new Actor(auth.getName(), roles, null);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** True for a customer's own user, who may see only that customer's data. */
    public boolean isCustomer() {
        return roles.contains(Role.CUSTOMER) && !roles.contains(Role.ADMIN);
    }

    /** Implemented by the authenticated principal so that {@link #current()} knows the linked customer. */
    public interface ActorPrincipal {
        Actor actor();
    }
}
