package org.ordo.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.shared.Address;

/**
 * Taking and changing orders from Java, for data import and demos: the same validation, credit check, sourcing,
 * reservations, history, audit and events as the order API, without HTTP. The caller's
 * {@link org.ordo.identity.Actor} is recorded as the one who acted; prices come from the catalog and price rules unless
 * a line carries a price agreed beforehand.
 */
public interface OrderEntry {

    /**
     * Places an order in the customer's currency, shipped to the given address or, without one, to the customer's shipping
     * address.
     */
    OrderSnapshot place(NewOrder order);

    /**
     * What {@link #place} would make of this order now, by the same validation, pricing, tax, sourcing, promise and credit
     * rules, without writing or locking anything: for an order being typed. Problems of single lines and of the customer
     * are reported in the quote rather than thrown, so the rest can still be priced; the stock it shows is not held.
     */
    OrderQuote quote(NewOrder order);

    /** The shipping methods an order may name: the default (STANDARD) first, then the others by name. */
    List<String> shippingMethods();

    /** Sets quantities of existing lines (0 cancels a line) and adds lines (those without a line number). */
    OrderSnapshot change(UUID orderId, List<LineChange> lines, String reason);

    /**
     * Changes lines, shipping address, requested delivery date and shipping method in one step (null leaves a part as it
     * is); only while the order's state allows changes.
     */
    OrderSnapshot change(UUID orderId, OrderChange change);

    /** Cancels the whole order, releasing every reservation. */
    OrderSnapshot cancel(UUID orderId, String reason);

    /** Cancels {@code quantity} of one line (backordered quantity first, then reserved). */
    OrderSnapshot cancelLine(UUID orderId, int lineNumber, long quantity, String reason);

    OrderSnapshot hold(UUID orderId, String reason);

    OrderSnapshot release(UUID orderId, String reason);

    /**
     * For data import and demos: moves an order's placement to an earlier {@code placedAt} in the same year (the
     * order number carries the year), and its whole timeline with it — line placement times (the backorder queue
     * follows them), history entries, shipped/delivered/completed times, requested and promised dates. What is
     * recorded outside the order (stock ledger, audit trail) keeps its real time, and the order's history gets an
     * entry, at the real time, saying that it was backdated.
     *
     * @throws org.ordo.shared.OrdoException invalid (400) for a time in the future, later than the current placement
     *                                       or in another year
     */
    OrderSnapshot backdate(UUID orderId, Instant placedAt);

    /**
     * As {@link #backdate(UUID, Instant)}, and spaces the fulfilment out as it happened: what the order recorded of
     * fulfilment and shipping is set {@code toShip} after the placement, delivery and completion {@code toDeliver}
     * after that. Both must end before now.
     */
    OrderSnapshot backdate(UUID orderId, Instant placedAt, java.time.Duration toShip, java.time.Duration toDeliver);

    /**
     * {@code channel} and {@code shippingMethod} may be null (API and STANDARD); {@code shippingAddress} null for the
     * customer's, {@code requestedDeliveryDate} null for as soon as possible.
     */
    record NewOrder(
            UUID customerId,
            String channel,
            String externalReference,
            String shippingMethod,
            String notes,
            List<NewLine> lines,
            Address shippingAddress,
            LocalDate requestedDeliveryDate) {

        public NewOrder(
                UUID customerId,
                String channel,
                String externalReference,
                String shippingMethod,
                String notes,
                List<NewLine> lines) {
            this(customerId, channel, externalReference, shippingMethod, notes, lines, null, null);
        }
    }

    /**
     * {@code discount}: a manual discount off the price the rules give (may be null). {@code agreedUnitPrice}: a net
     * unit price agreed with the customer beforehand (a quotation's), placed as it is whoever places the order; null
     * for the price the rules give.
     */
    record NewLine(
            String sku,
            long quantity,
            org.ordo.pricing.Pricing.ManualDiscount discount,
            org.ordo.shared.Money agreedUnitPrice) {

        public NewLine(String sku, long quantity, org.ordo.pricing.Pricing.ManualDiscount discount) {
            this(sku, quantity, discount, null);
        }

        public NewLine(String sku, long quantity) {
            this(sku, quantity, null);
        }
    }

    /** With a line number: that line's new quantity. Without: a new line of {@code sku}. */
    record LineChange(Integer lineNumber, String sku, long quantity) {}

    /**
     * A change of an order; every part may be null (unchanged). {@code madeOnVersion}: the order's version the change was
     * made on (a form shows it); when the order has changed since, the change is refused as stale (like an API If-Match)
     * instead of overwriting what someone else did. Null: no such check.
     */
    record OrderChange(
            List<LineChange> lines,
            Address shippingAddress,
            LocalDate requestedDeliveryDate,
            String shippingMethod,
            String reason,
            Long madeOnVersion) {}
}
