package org.ordo.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The personal data identity holds about a customer's portal users (role CUSTOMER), for the customer's export and
 * erasure (docs/domain.md, "Personal data"). Password and token hashes are never exported.
 */
public interface PortalUserPrivacy {

    /** The audit action of an erasure, in each user's trail ({@code USER}). */
    String ERASED_ACTION = "PERSONAL_DATA_ERASED";

    /** The customer's users (username, display name, roles, locale, enabled, times) and their API tokens' names and times. */
    PortalUserData personalData(UUID customerId);

    record PortalUserData(List<Map<String, Object>> users, List<Map<String, Object>> apiTokens) {}

    /**
     * Disables every user of the customer, replaces their display names and token names by the erasure marker, revokes
     * their tokens and records the erasure with {@code reason} in each user's audit trail; inside the caller's
     * transaction. The username stays: it is the key that orders, histories and the audit trail name the actor by.
     */
    void erase(UUID customerId, String reason);
}
