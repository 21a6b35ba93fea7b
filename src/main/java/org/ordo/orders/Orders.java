package org.ordo.orders;

import java.util.Optional;
import java.util.UUID;

/** Read access to orders for other modules (fulfilment, invoicing, returns, reporting). */
public interface Orders {

    /** The order with its lines and active reservations, by id or number. */
    Optional<OrderSnapshot> find(String idOrNumber);

    default Optional<OrderSnapshot> find(UUID id) {
        return find(id.toString());
    }
}
