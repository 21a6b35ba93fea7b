package org.ordo.purchasing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.springframework.stereotype.Component;

/**
 * The rule book of purchase orders: how much a line may receive (ordered + the tolerance), which status its quantities
 * give, and when a line is expected. The consistency checks ask here too, so the rules live in one place.
 */
@Component
class PurchaseOrderPolicy {

    private final int tolerancePercent;

    PurchaseOrderPolicy(PurchasingProperties properties) {
        this.tolerancePercent = properties.receiptTolerancePercent();
    }

    int tolerancePercent() {
        return tolerancePercent;
    }

    /** The most a line of {@code ordered} units may receive in all: ordered plus the tolerance, rounded down. */
    long maxReceivable(long ordered) {
        return ordered + ordered * tolerancePercent / 100;
    }

    /** After a receipt: RECEIVED when every line has arrived in full, else PARTIALLY_RECEIVED. */
    PurchaseOrderStatus statusAfterReceipt(List<PurchaseOrder.Line> lines) {
        boolean complete = lines.stream().allMatch(l -> l.receivedQuantity >= l.quantity);
        return complete ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.PARTIALLY_RECEIVED;
    }

    /** Whether the status agrees with what the lines received (invariant 18). */
    boolean statusAgrees(PurchaseOrderStatus status, long ordered, long received, boolean everyLineComplete) {
        return switch (status) {
            case DRAFT, SENT, CONFIRMED, CANCELLED -> received == 0;
            case PARTIALLY_RECEIVED -> received > 0 && !everyLineComplete;
            case RECEIVED -> everyLineComplete;
            case CLOSED -> true;
        };
    }

    /** The confirmed date, else the day the order was sent (UTC) plus the offer's lead time; null before it is sent. */
    LocalDate expectedDate(LocalDate confirmed, Instant sentAt, int leadTimeDays) {
        if (confirmed != null) {
            return confirmed;
        }
        return sentAt == null
                ? null
                : LocalDate.ofInstant(sentAt, ZoneOffset.UTC).plusDays(leadTimeDays);
    }
}
