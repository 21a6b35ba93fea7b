package org.ordo.fulfillment.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordo.fulfillment.ShipmentStatus;
import org.ordo.shared.Address;
import org.ordo.shared.Money;

/** The JSON shapes of the shipment API. */
final class ShipmentViews {

    private ShipmentViews() {}

    /**
     * A shipment with its pick list. {@code lines} are in walking order (bin location, then SKU; lines without a
     * bin last); {@code allowedNext} are the states it may move to; {@code history} is oldest first.
     */
    record ShipmentView(
            UUID id,
            String number,
            UUID orderId,
            String orderNumber,
            String warehouse,
            ShipmentStatus status,
            List<ShipmentStatus> allowedNext,
            Address shipTo,
            List<LineView> lines,
            long totalQuantity,
            @JsonProperty("package") PackageView packageInfo,
            String carrier,
            String service,
            String trackingNumber,
            Money shippingCost,
            LocalDate expectedDeliveryDate,
            Instant plannedAt,
            String plannedBy,
            Instant pickingStartedAt,
            Instant packedAt,
            Instant shippedAt,
            Instant deliveredAt,
            Instant cancelledAt,
            String cancelReason,
            List<EventView> history,
            long version) {}

    /** One pick-list line: {@code pickedQuantity} and {@code packedQuantity} count the verified scans. */
    record LineView(
            int lineNumber,
            String sku,
            String name,
            String gtin,
            long quantity,
            String binLocation,
            long pickedQuantity,
            long packedQuantity) {}

    /** The one package of a shipment, once packed. */
    record PackageView(String sscc, Long weightGrams) {}

    record EventView(
            String type,
            Instant at,
            String location,
            String reason,
            ShipmentStatus fromStatus,
            ShipmentStatus toStatus,
            String actor) {}

    /**
     * The answer to planning: every shipment created, one per warehouse the stock is reserved in (a split
     * shipment has several).
     */
    record PlannedShipments(UUID orderId, String orderNumber, List<ShipmentView> shipments) {}

    /** The answer to a scan: the line it counted and what is left. */
    record ScanResult(
            String shipment,
            String code,
            int lineNumber,
            String sku,
            long quantity,
            long packedQuantity,
            long remainingOnLine,
            long remainingOnShipment,
            boolean complete) {}

    /** The shipping options of a shipment; {@code recommended} is the one {@code ship} picks when no service is given. */
    record RatesView(
            String shipment,
            long weightGrams,
            String destinationCountry,
            LocalDate shipDate,
            LocalDate promisedDate,
            List<RateOptionView> options) {}

    record RateOptionView(
            String carrier,
            String carrierName,
            String service,
            String serviceName,
            String serviceLevel,
            String zone,
            Money price,
            int transitDays,
            LocalDate expectedDeliveryDate,
            boolean meetsPromisedDate,
            boolean recommended) {}

    /**
     * A combined pick list for a batch of shipments of one warehouse: quantities still to pick summed per bin
     * location × SKU, sorted by bin then SKU (lines without a bin last).
     */
    record PickListView(String warehouse, List<String> shipments, long totalQuantity, List<PickLineView> lines) {}

    record PickLineView(
            String binLocation, String sku, String name, String gtin, long quantity, List<PickSource> shipments) {}

    record PickSource(String shipment, int lineNumber, long quantity) {}
}
