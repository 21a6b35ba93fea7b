package org.ordo.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;

/**
 * Customer service cases, for the API and the pages. A customer's own user acts only on its own customer's cases: others
 * are not found for it, and it may open a case only about its own orders.
 */
public interface ServiceDesk {

    /** The states a filter offers. */
    List<CaseStatus> STATUSES = List.of(CaseStatus.values());

    /**
     * A new case; {@code orderId} (id or number) is optional, and the shipment, invoice or return must be one of that
     * order's. A customer's own user may leave {@code customerId} out.
     */
    record Open(
            UUID customerId,
            String orderId,
            String shipmentId,
            String invoiceId,
            String returnId,
            String type,
            String subject,
            String message) {}

    /** What staff change on a case; a null field stays as it is, an empty assignee unassigns. */
    record Change(String status, String assignee, String priority) {}

    /** A message: {@code kind} STAFF_REPLY (default for staff) or INTERNAL_NOTE; a customer always replies. */
    record Post(String kind, String body) {}

    /** Filters of {@link #search}; each may be null. */
    record Search(List<CaseStatus> statuses, CaseType type, UUID customerId, String assignee, UUID orderId) {}

    /** One entry of the conversation. */
    record Message(UUID id, CaseMessageKind kind, String body, String author, Instant at) {}

    /** A case in a list; {@code dueAt} is its next target (null once resolved). */
    record Summary(
            UUID id,
            String number,
            UUID customerId,
            String customerName,
            UUID orderId,
            String orderNumber,
            CaseType type,
            CaseStatus status,
            CasePriority priority,
            String subject,
            String assignee,
            Instant createdAt,
            Instant dueAt,
            long version) {}

    /** A case with its links, targets and conversation (for a customer without internal notes). */
    record CaseView(
            UUID id,
            String number,
            UUID customerId,
            String customerName,
            UUID orderId,
            String orderNumber,
            UUID shipmentId,
            String shipmentNumber,
            UUID invoiceId,
            String invoiceNumber,
            UUID returnId,
            String returnNumber,
            CaseType type,
            CaseStatus status,
            CasePriority priority,
            String subject,
            String assignee,
            String origin,
            String createdBy,
            Instant createdAt,
            Instant firstResponseDue,
            Instant firstRespondedAt,
            Instant resolutionDue,
            Instant resolvedAt,
            Instant closedAt,
            int reopenCount,
            Instant dueAt,
            List<CaseStatus> allowedNext,
            List<Message> messages,
            long version) {}

    CaseView open(Open request);

    /** Sorted by the next target, the most urgent first, then the ones resolved, newest first. */
    PageResult<Summary> search(Search search, Paging paging);

    Optional<CaseView> find(String idOrNumber);

    CaseView change(String idOrNumber, Change change);

    CaseView post(String idOrNumber, Post post);
}
