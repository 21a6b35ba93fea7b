package org.ordo.fulfillment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/**
 * Working shipments through the warehouse step by step, for the warehouse pages: the same queries, state checks, scan
 * verification, rate choice, documents, audit and events as the shipment API ({@code /api/shipments/**}), with the
 * current user as the actor. Refusals are {@link org.ordo.shared.OrdoException}s naming the field, as in the API.
 */
public interface ShipmentHandling {

    /** Shipments of one warehouse (null: every warehouse) in these states (empty: any), oldest planned first: the order work is done in. */
    PageResult<Listed> queue(String warehouse, Collection<ShipmentStatus> statuses, Paging paging);

    /** How many shipments are in each open state (PLANNED, PICKING, PACKED; absent states count 0), in one warehouse or (null) all. */
    Map<ShipmentStatus, Long> openCounts(String warehouse);

    /**
     * Orders released to fulfilment (CONFIRMED, IN_FULFILLMENT, PARTIALLY_SHIPPED) with reserved stock in a warehouse that
     * no open shipment holds yet, one row per order × warehouse, oldest placement first. Planning them ({@link Shipping#plan})
     * creates the shipments to pick.
     */
    PageResult<Unplanned> awaitingPlan(String warehouse, Paging paging);

    /** One shipment with its pick list in walking order (bin, then SKU). */
    Optional<Detail> find(String idOrNumber);

    /** PLANNED → PICKING: the goods are picked and go to the packing station. */
    Detail startPicking(String idOrNumber);

    /**
     * Counts one unit of the line the code (SKU or GTIN) names as packed. A code not on the pick list, or one unit more than
     * the line asks for, is refused (422 naming {@code code}) and changes nothing.
     */
    Scanned scan(String idOrNumber, String code);

    /**
     * Counts {@code quantity} units of the line the code names, as keyed by the packer after scanning one: at most
     * {@link #maxKeyedQuantity()} (else 422 {@code keyed-quantity-over-limit}) and at most what the line misses (else 422
     * {@code more-than-missing}); a refusal changes nothing.
     */
    Scanned scan(String idOrNumber, String code, int quantity);

    /** The most units one scan may count ({@code ordo.fulfillment.packing.max-keyed-quantity}). */
    int maxKeyedQuantity();

    /** PICKING → PACKED once every unit is scanned (else 409); the package gets its SSCC and weight. */
    Detail pack(String idOrNumber);

    /** The services that take this shipment's parcel, cheapest first, priced from the configured rate tables. */
    Rates rates(String idOrNumber);

    /**
     * PACKED → SHIPPED with the carrier's service ({@code service} null: the recommended one of {@code carrier}, or of every
     * carrier when that is null too); {@code trackingNumber} null: one is generated in the carrier's format.
     */
    Detail ship(String idOrNumber, String carrier, String service, String trackingNumber);

    /** Quantities still to pick over PLANNED or PICKING shipments of one warehouse, summed per bin × SKU, sorted by bin then SKU. */
    PickList pickList(List<String> shipments);

    /** The shipping label as PDF, once shipped (else 409), as {@code GET /api/shipments/{id}/label}. */
    byte[] label(String idOrNumber);

    /** The packing slip as PDF, as {@code GET /api/shipments/{id}/packing-slip}. */
    byte[] packingSlip(String idOrNumber);

    /** A shipment in a work list; carrier, tracking number and shipped time are null until it ships. */
    record Listed(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            String warehouse,
            ShipmentStatus status,
            long quantity,
            String carrier,
            String service,
            String trackingNumber,
            Instant plannedAt,
            Instant shippedAt) {}

    /** Reserved stock of an order in a warehouse that waits for a shipment to be planned. */
    record Unplanned(
            UUID orderId,
            String orderNumber,
            OrderStatus orderStatus,
            Instant placedAt,
            String warehouse,
            long quantity) {}

    /**
     * A shipment and its pick list. {@code lines} are in walking order; {@code sscc} and {@code weightGrams} are set once
     * packed; carrier and service (codes and names), tracking number, cost and expected delivery once shipped. {@code promisedDate}
     * is the order's.
     */
    record Detail(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            String warehouse,
            ShipmentStatus status,
            Address shipTo,
            List<Line> lines,
            String sscc,
            Long weightGrams,
            String carrier,
            String carrierName,
            String service,
            String serviceName,
            String trackingNumber,
            Money shippingCost,
            LocalDate expectedDeliveryDate,
            LocalDate promisedDate,
            Instant plannedAt,
            Instant pickingStartedAt,
            Instant packedAt,
            Instant shippedAt,
            long version) {

        public long totalQuantity() {
            return lines.stream().mapToLong(Line::quantity).sum();
        }

        public long packedQuantity() {
            return lines.stream().mapToLong(Line::packed).sum();
        }

        /** Every unit has been scanned. */
        public boolean fullyScanned() {
            return lines.stream().allMatch(l -> l.packed() >= l.quantity());
        }
    }

    /** One pick-list line; {@code binLocation} and {@code gtin} may be null; {@code picked} and {@code packed} count verified scans. */
    record Line(
            int lineNumber,
            String sku,
            String name,
            String gtin,
            String binLocation,
            long quantity,
            long picked,
            long packed) {

        public long missing() {
            return quantity - packed;
        }
    }

    /** What one accepted scan counted. */
    record Scanned(
            String code,
            int lineNumber,
            String sku,
            long quantity,
            long packed,
            long remainingOnShipment,
            boolean complete) {}

    /** The shipping options of one shipment; {@code promisedDate} may be null. */
    record Rates(
            long weightGrams,
            String destinationCountry,
            LocalDate shipDate,
            LocalDate promisedDate,
            List<RateOption> options) {}

    /** One carrier service; {@code recommended} marks the one shipping takes when none is chosen. */
    record RateOption(
            String carrier,
            String carrierName,
            String service,
            String serviceName,
            String serviceLevel,
            Money price,
            int transitDays,
            LocalDate expectedDeliveryDate,
            boolean meetsPromisedDate,
            boolean recommended) {}

    /** A combined pick list; {@code lines} sorted by bin (lines without a bin last), then SKU. */
    record PickList(String warehouse, List<String> shipments, long totalQuantity, List<PickLine> lines) {}

    record PickLine(
            String binLocation, String sku, String name, String gtin, long quantity, List<PickSource> sources) {}

    /** How much of a pick line is for which shipment line. */
    record PickSource(String shipment, int lineNumber, long quantity) {}

    /** A carrier's service by its name as configured ("UPS Standard"); its code when the carrier has no such service. */
    String serviceName(String carrier, String service);
}
