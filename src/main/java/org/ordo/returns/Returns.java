package org.ordo.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordo.shared.Money;

/** Read access to returns for other modules (the pages). */
public interface Returns {

    /** The returns (RMAs) of one order, as {@code GET /api/returns?orderId=} lists them. */
    List<Summary> ofOrder(UUID orderId);

    /** A return in a list; {@code refundAmount} and {@code refundStatus} are null unless a refund is involved. */
    record Summary(
            UUID id,
            String number,
            ReturnStatus status,
            Resolution resolution,
            long quantity,
            long receivedQuantity,
            Money refundAmount,
            String refundStatus,
            Instant requestedAt) {}
}
