package org.ordo.service.internal;

import java.time.Instant;
import java.util.UUID;
import org.ordo.service.CasePriority;
import org.ordo.service.CaseStatus;
import org.ordo.service.CaseType;

/** A case as its row holds it; the service changes it under the row lock and the store writes it back. */
class ServiceCase {

    UUID id;
    String number;
    UUID customerId;
    UUID orderId;
    String orderNumber;
    UUID shipmentId;
    String shipmentNumber;
    UUID invoiceId;
    String invoiceNumber;
    UUID returnId;
    String returnNumber;
    CaseType type;
    CaseStatus status;
    CasePriority priority;
    String subject;
    String assignee;
    String origin;
    String originKey;
    String createdBy;
    Instant createdAt;
    Instant firstResponseDue;
    Instant resolutionDue;
    Instant firstRespondedAt;
    Instant resolvedAt;
    Instant closedAt;
    int reopenCount;
    Instant updatedAt;
    long version;

    /** What the audit trail keeps of it. */
    record State(
            String number,
            CaseType type,
            CaseStatus status,
            CasePriority priority,
            String subject,
            String assignee,
            UUID customerId,
            String orderNumber,
            String shipmentNumber,
            Instant firstRespondedAt,
            Instant resolvedAt,
            int reopenCount) {}

    State state() {
        return new State(
                number,
                type,
                status,
                priority,
                subject,
                assignee,
                customerId,
                orderNumber,
                shipmentNumber,
                firstRespondedAt,
                resolvedAt,
                reopenCount);
    }

    /** The next target to meet: the first response until there is one, then the resolution; none once resolved. */
    Instant dueAt() {
        if (!status.isOpen()) {
            return null;
        }
        return firstRespondedAt == null ? firstResponseDue : resolutionDue;
    }

    /**
     * Moves to {@code target} as the state table allows, keeping the times: a resolved case that moves on again is
     * reopened, with a new resolution target from now.
     */
    void moveTo(CaseStatus target, Instant now, java.time.Duration resolutionTarget) {
        status.requireCanMoveTo(target, number);
        if (status == CaseStatus.RESOLVED && target == CaseStatus.IN_PROGRESS) {
            reopenCount++;
            resolvedAt = null;
            resolutionDue = now.plus(resolutionTarget);
        }
        if (target == CaseStatus.RESOLVED) {
            resolvedAt = now;
        }
        if (target == CaseStatus.CLOSED) {
            closedAt = now;
        }
        status = target;
    }
}
