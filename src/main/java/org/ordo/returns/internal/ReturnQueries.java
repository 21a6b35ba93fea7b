package org.ordo.returns.internal;

import java.util.List;
import java.util.UUID;
import org.ordo.platform.Paging;
import org.ordo.returns.Returns;
import org.springframework.stereotype.Component;

/** {@link Returns} on the same search as the return API. */
@Component
class ReturnQueries implements Returns {

    private final ReturnStore store;

    ReturnQueries(ReturnStore store) {
        this.store = store;
    }

    @Override
    public List<Summary> ofOrder(UUID orderId) {
        return store
                .search(new ReturnStore.SearchFilter(List.of(), orderId, null, null), Paging.of(0, Paging.MAX_SIZE))
                .items()
                .stream()
                .map(r -> new Summary(
                        r.id(),
                        r.number(),
                        r.status(),
                        r.resolution(),
                        r.quantity(),
                        r.receivedQuantity(),
                        r.refundAmount(),
                        r.refundStatus(),
                        r.requestedAt()))
                .toList();
    }
}
