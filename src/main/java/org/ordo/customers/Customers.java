package org.ordo.customers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read access to customers for other modules. */
public interface Customers {

    /**
     * The customer as it is now. In a transaction that locked it ({@link #lockIfExists}, {@link #lockForCreditCheck})
     * and has not changed a customer since, the locked read answers without a statement.
     */
    Optional<CustomerSnapshot> find(UUID id);

    /** Names of these customers, by id (unknown ids are absent): for lists that show orders of many customers. */
    Map<UUID, String> names(Collection<UUID> ids);

    /** Up to {@code limit} customers whose number is {@code q} or whose name or e-mail contains it (any case; null for all), ordered by name. */
    List<CustomerSnapshot> search(String q, int limit);

    /**
     * The customer a person's reference names: its number ({@code CUS-000123}, any case) or its exact name (any case)
     * when no other customer has that name. Empty when none or several answer to it.
     */
    Optional<UUID> idOf(String reference);

    /** The customer groups in use (e.g. Wholesale), in alphabetical order. */
    List<String> groups();

    /**
     * Reads the customer and locks its row until the caller's transaction ends, so that credit checks of one
     * customer serialise, on one node or many. Must run inside a transaction.
     *
     * @throws org.ordo.shared.OrdoException not found when there is no such customer
     */
    CustomerSnapshot lockForCreditCheck(UUID id);

    /** {@link #lockForCreditCheck}, empty when there is no such customer. Must run inside a transaction. */
    Optional<CustomerSnapshot> lockIfExists(UUID id);
}
