package org.ordo.orders.internal;

import java.math.BigDecimal;
import java.util.UUID;
import org.ordo.orders.OpenOrders;
import org.springframework.stereotype.Component;

/** {@link OpenOrders} on the credit check's own query. */
@Component
class OpenOrderQueries implements OpenOrders {

    private final OrderStore store;

    OpenOrderQueries(OrderStore store) {
        this.store = store;
    }

    @Override
    public BigDecimal openOrderValue(UUID customerId) {
        return store.openOrderValue(customerId);
    }
}
