package org.ordo.returns;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The personal data returns hold about a customer, for its export and erasure (docs/domain.md, "Personal data"). */
public interface ReturnPrivacy {

    /** The customer's returns, their lines, receipts and histories, every column as stored. */
    ReturnData personalData(UUID customerId);

    record ReturnData(
            List<Map<String, Object>> returns,
            List<Map<String, Object>> lines,
            List<Map<String, Object>> receipts,
            List<Map<String, Object>> history) {}

    /**
     * Replaces the free texts of the customer's returns (note, rejection reason, inspection notes) and of their histories
     * by the erasure marker; inside the caller's transaction. Quantities, resolutions and refunds stay.
     */
    void erase(UUID customerId);
}
