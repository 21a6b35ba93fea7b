package org.ordo.orders.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/** The request bodies of the order API (docs/api.md). */
final class OrderRequests {

    private OrderRequests() {}

    record PlaceOrder(
            UUID customerId,
            String channel,
            String externalReference,
            String currency,
            Address shippingAddress,
            LocalDate requestedDeliveryDate,
            String shippingMethod,
            String notes,
            List<PlaceLine> lines) {}

    /**
     * {@code unitPrice} overrides the price (roles SALES and ADMIN only); {@code discount} is a manual discount off the
     * price the rules give (SALES within its limit, else the order is held for a manager; ADMIN).
     */
    record PlaceLine(String sku, Long quantity, Money unitPrice, org.ordo.pricing.Pricing.ManualDiscount discount) {

        PlaceLine(String sku, Long quantity, Money unitPrice) {
            this(sku, quantity, unitPrice, null);
        }
    }

    /** Only the fields present change. A line with {@code lineNumber} sets that line's quantity (0 cancels it); without, it is added. */
    record ChangeOrder(
            Address shippingAddress,
            LocalDate requestedDeliveryDate,
            String shippingMethod,
            String notes,
            List<ChangeLine> lines,
            String reason) {}

    record ChangeLine(Integer lineNumber, String sku, Long quantity, Money unitPrice) {}

    record Reason(String reason) {}

    /** Without {@code lines} the whole order is cancelled. A line without quantity is cancelled entirely. */
    record Cancel(String reason, List<CancelLine> lines) {}

    record CancelLine(Integer lineNumber, Long quantity) {}
}
