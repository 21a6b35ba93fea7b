package org.ordo.returns.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.returns.Resolution;
import org.ordo.returns.ReturnDesk;
import org.ordo.returns.ReturnStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link ReturnDesk} on the operations and the search of the return API (no If-Match: the pages act on what they show). */
@Component
class ReturnDeskService implements ReturnDesk {

    private final ReturnService management;
    private final ReturnStore store;

    ReturnDeskService(ReturnService management, ReturnStore store) {
        this.management = management;
        this.store = store;
    }

    @Override
    public PageResult<Listed> search(Set<ReturnStatus> statuses, UUID customerId, Paging paging) {
        List<ReturnStatus> wanted =
                statuses == null ? List.of() : statuses.stream().sorted().toList();
        return store.search(new ReturnStore.SearchFilter(wanted, null, customerId, null), paging)
                .map(r -> new Listed(
                        r.id(),
                        r.number(),
                        r.orderId(),
                        r.orderNumber(),
                        r.customerId(),
                        r.status(),
                        r.resolution(),
                        r.quantity(),
                        r.receivedQuantity(),
                        r.requestedAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Detail> find(String idOrNumber) {
        return store.find(idOrNumber).map(this::detail);
    }

    @Override
    public Map<Integer, Long> openQuantities(UUID orderId) {
        return store.openQuantities(orderId);
    }

    @Override
    public Detail request(UUID orderId, List<RequestedLine> lines, Resolution resolution, String note) {
        return detail(management.request(
                orderId.toString(),
                new ReturnService.RequestReturn(
                        lines.stream()
                                .map(l -> new ReturnService.RequestLine(
                                        l.lineNumber(),
                                        l.quantity(),
                                        l.reason() == null ? null : l.reason().name()))
                                .toList(),
                        resolution == null ? null : resolution.name(),
                        note)));
    }

    @Override
    public Detail approve(String idOrNumber) {
        return detail(management.approve(idOrNumber, null));
    }

    @Override
    public Detail reject(String idOrNumber, String reason) {
        return detail(management.reject(idOrNumber, null, new ReturnService.Reject(reason)));
    }

    @Override
    public Detail receive(String idOrNumber, List<ReceivedLine> lines) {
        return detail(management.receive(
                idOrNumber,
                null,
                new ReturnService.Receive(
                        lines.stream()
                                .map(l ->
                                        new ReturnService.ReceiveLine(l.lineNumber(), l.quantity(), l.restock(), null))
                                .toList(),
                        null)));
    }

    @Override
    public Detail inspect(String idOrNumber, String notes) {
        return detail(management.inspect(idOrNumber, null, new ReturnService.Inspect(notes)));
    }

    @Override
    public Detail resolve(String idOrNumber) {
        return detail(management.resolve(idOrNumber, null));
    }

    @Override
    public Detail refund(String idOrNumber, String reference) {
        return detail(management.refund(idOrNumber, null, new ReturnService.Refund(reference)));
    }

    private Detail detail(Rma r) {
        return new Detail(
                r.id,
                r.number,
                r.orderId,
                r.orderNumber,
                r.customerId,
                r.status,
                r.status.allowedNext(),
                r.resolution,
                r.note,
                r.lines.stream()
                        .map(l -> new Line(
                                l.lineNumber,
                                l.sku,
                                l.productName,
                                l.quantity,
                                l.reason,
                                l.received,
                                l.restocked,
                                l.scrapped))
                        .toList(),
                r.rejectionReason,
                r.inspectionNotes,
                r.creditNotes.stream().map(Rma.CreditNote::number).toList(),
                r.refundAmount,
                r.refundStatus == null ? null : r.refundStatus.name(),
                r.replacementOrderNumber,
                r.requestedAt,
                r.requestedBy,
                store.history(r.id).stream()
                        .map(h -> new History(h.at(), h.actor(), h.from(), h.to(), h.note()))
                        .toList());
    }
}
