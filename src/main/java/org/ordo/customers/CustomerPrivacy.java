package org.ordo.customers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The personal data the customers module holds about a customer, for its export and erasure (docs/domain.md, "Personal
 * data").
 */
public interface CustomerPrivacy {

    /** The audit action of an erasure, in the customer's trail ({@code CUSTOMER}). */
    String ERASED_ACTION = "PERSONAL_DATA_ERASED";

    /**
     * The customer's row (master data, addresses) and its notes, every column as stored.
     *
     * @throws org.ordo.shared.OrdoException not found
     */
    CustomerData personalData(UUID customerId);

    record CustomerData(Map<String, Object> customer, List<Map<String, Object>> notes) {}

    /** Whether the customer's personal data was erased already (its audit trail records the erasure). */
    boolean erased(UUID customerId);

    /**
     * Replaces the customer's name, e-mail, phone, VAT id, addresses and the texts of its notes by the erasure marker,
     * deactivates it and records the erasure with {@code reason} in its audit trail; inside the caller's transaction.
     *
     * @throws org.ordo.shared.OrdoException not found
     */
    void erase(UUID customerId, String reason);
}
