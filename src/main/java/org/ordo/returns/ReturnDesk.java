package org.ordo.returns;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Money;

/**
 * Returns (RMAs) from Java, for the pages: the same search, rules, history, audit and events as {@code /api/returns}, without
 * HTTP. The caller decides who may do what (the roles) and whose returns a customer's user sees; the acting
 * {@link org.ordo.identity.Actor} is recorded. Refusals are {@link org.ordo.shared.OrdoException}s naming the field or the
 * current state (409).
 */
public interface ReturnDesk {

    /** Returns in these states (any when empty) of one customer (any when null), newest first. */
    PageResult<Listed> search(Set<ReturnStatus> statuses, UUID customerId, Paging paging);

    /** One return by id or number. */
    Optional<Detail> find(String idOrNumber);

    /** Per order line, the units asked for on the order's open (requested or approved) returns. */
    Map<Integer, Long> openQuantities(UUID orderId);

    /** Opens a return; per line at most shipped − returned − requested on open returns (else a 422 naming {@code lines[i].quantity}). */
    Detail request(UUID orderId, List<RequestedLine> lines, Resolution resolution, String note);

    Detail approve(String idOrNumber);

    Detail reject(String idOrNumber, String reason);

    /** The goods arrived: per line the quantity, restocked (back on hand where it shipped from) or scrapped. */
    Detail receive(String idOrNumber, List<ReceivedLine> lines);

    Detail inspect(String idOrNumber, String notes);

    /** Carries out the resolution chosen at the request: refund, credit or replacement. */
    Detail resolve(String idOrNumber);

    /** Records that a due refund was paid back ({@code reference} names the payment); the return is closed. */
    Detail refund(String idOrNumber, String reference);

    record RequestedLine(int lineNumber, long quantity, ReturnReason reason) {}

    record ReceivedLine(int lineNumber, long quantity, boolean restock) {}

    /** A return in a list. */
    record Listed(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            UUID customerId,
            ReturnStatus status,
            Resolution resolution,
            long quantity,
            long receivedQuantity,
            Instant requestedAt) {}

    /**
     * A return with its lines and history (oldest first). {@code refundAmount}/{@code refundStatus} (DUE, REFUNDED) are null
     * unless a refund was issued; {@code replacementOrderNumber} is null unless a replacement was placed.
     */
    record Detail(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            UUID customerId,
            ReturnStatus status,
            List<ReturnStatus> allowedNext,
            Resolution resolution,
            String note,
            List<Line> lines,
            String rejectionReason,
            String inspectionNotes,
            List<String> creditNotes,
            Money refundAmount,
            String refundStatus,
            String replacementOrderNumber,
            Instant requestedAt,
            String requestedBy,
            List<History> history) {}

    /** {@code received} = {@code restocked} + {@code scrapped} ≤ {@code quantity}. */
    record Line(
            int lineNumber,
            String sku,
            String name,
            long quantity,
            ReturnReason reason,
            long received,
            long restocked,
            long scrapped) {}

    record History(Instant at, String actor, ReturnStatus from, ReturnStatus to, String note) {}
}
