package org.ordo.identity.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ordo.identity.Role;

/** One row of app_user. Never leaves the module as it is: {@link #view()} and {@link #state()} drop the password hash. */
record StoredUser(
        String username,
        String passwordHash,
        String displayName,
        Set<Role> roles,
        UUID customerId,
        String locale,
        String timeZone,
        boolean enabled,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** What the API shows of a user; {@code timeZone} null means the company's. */
    record View(
            String username,
            String displayName,
            List<Role> roles,
            UUID customerId,
            String locale,
            String timeZone,
            boolean enabled,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    View view() {
        return new View(
                username,
                displayName,
                sortedRoles(),
                customerId,
                locale,
                timeZone,
                enabled,
                version,
                createdAt,
                updatedAt);
    }

    /** The state the audit trail records before and after a change: no secrets, no timestamps. */
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", username);
        state.put("displayName", displayName);
        state.put("roles", sortedRoles());
        state.put("customerId", customerId);
        state.put("locale", locale);
        state.put("timeZone", timeZone);
        state.put("enabled", enabled);
        return state;
    }

    boolean isEnabledAdmin() {
        return enabled && roles.contains(Role.ADMIN);
    }

    OrdoUser principal() {
        return new OrdoUser(username, passwordHash, roles, customerId, enabled, version);
    }

    private List<Role> sortedRoles() {
        return roles.stream().sorted().toList();
    }
}
