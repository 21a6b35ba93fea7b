package org.ordo.identity.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code PATCH /api/users/{username}}: only the fields present change. A field sent as null is told
 * apart from a field left out, so that {@code "customerId": null} can unlink a customer.
 */
public final class UserChanges {

    private final Set<String> present = new HashSet<>();
    private String displayName;
    private List<String> roles;
    private Boolean enabled;
    private String password;
    private UUID customerId;
    private String locale;
    private String timeZone;

    boolean has(String field) {
        return present.contains(field);
    }

    boolean isEmpty() {
        return present.isEmpty();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        present.add("displayName");
        this.displayName = displayName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        present.add("roles");
        this.roles = roles;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        present.add("enabled");
        this.enabled = enabled;
    }

    /** Write-only: never serialised back. */
    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        present.add("password");
        this.password = password;
    }

    String password() {
        return password;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public void setCustomerId(UUID customerId) {
        present.add("customerId");
        this.customerId = customerId;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        present.add("locale");
        this.locale = locale;
    }

    /** A zone id such as {@code Europe/Berlin}; null for the company's zone. */
    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        present.add("timeZone");
        this.timeZone = timeZone;
    }
}
