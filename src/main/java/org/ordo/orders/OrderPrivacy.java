package org.ordo.orders;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The personal data orders hold about a customer, for its export and erasure (docs/domain.md, "Personal data"). */
public interface OrderPrivacy {

    /** The customer's orders (with their delivery addresses), their lines and histories, every column as stored. */
    OrderData personalData(UUID customerId);

    record OrderData(
            List<Map<String, Object>> orders, List<Map<String, Object>> lines, List<Map<String, Object>> history) {}

    /** The numbers of the customer's orders still under way: in draft or open ({@link OrderStatus#isOpen()}). */
    List<String> openOrderNumbers(UUID customerId);

    /**
     * Replaces the delivery addresses (but the country), notes and hold reasons of the customer's orders and the reasons and
     * details of their histories by the erasure marker; inside the caller's transaction. Amounts, lines and statuses stay.
     */
    void erase(UUID customerId);
}
