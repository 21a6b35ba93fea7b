package org.ordo.customers;

import java.util.Optional;
import java.util.UUID;

/** Read access to customers for other modules. */
public interface Customers {

    Optional<CustomerSnapshot> find(UUID id);

    /**
     * Reads the customer and locks its row until the caller's transaction ends, so that credit checks of one
     * customer serialise, on one node or many. Must run inside a transaction.
     *
     * @throws org.ordo.shared.OrdoException not found when there is no such customer
     */
    CustomerSnapshot lockForCreditCheck(UUID id);
}
