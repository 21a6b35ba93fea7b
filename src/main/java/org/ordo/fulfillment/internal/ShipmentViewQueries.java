package org.ordo.fulfillment.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.identity.Actor;
import org.ordo.inventory.Inventory;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;

/** Builds the JSON views of shipments, with bin locations from inventory and GTINs from the catalog. */
@Component
class ShipmentViewQueries {

    /** Bin order for walking the warehouse: by bin, lines without a bin last, then by SKU. */
    static final Comparator<String> BINS = Comparator.nullsLast(Comparator.naturalOrder());

    private final ShipmentStore store;
    private final Inventory inventory;
    private final Catalog catalog;

    ShipmentViewQueries(ShipmentStore store, Inventory inventory, Catalog catalog) {
        this.store = store;
        this.inventory = inventory;
        this.catalog = catalog;
    }

    /** The shipment, if the caller may see it; a customer asking for another customer's shipment gets 404. */
    Shipment visible(String idOrNumber) {
        Shipment shipment = store.find(idOrNumber).orElseThrow(() -> OrdoException.notFound("Shipment", idOrNumber));
        Actor actor = Actor.current();
        if (actor.isCustomer() && !shipment.customerId.equals(actor.customerId())) {
            throw OrdoException.notFound("Shipment", idOrNumber);
        }
        return shipment;
    }

    ShipmentViews.ShipmentView view(Shipment s) {
        return view(s, catalog.find(skus(s)));
    }

    /** As {@link #view(Shipment)}, with the catalog's products of its lines read already. */
    ShipmentViews.ShipmentView view(Shipment s, Map<String, ProductSnapshot> products) {
        Map<String, String> bins = inventory.binLocations(s.warehouse, skus(s));
        List<ShipmentViews.LineView> lines = s.lines.stream()
                .map(l -> new ShipmentViews.LineView(
                        l.lineNumber,
                        l.sku,
                        l.productName,
                        gtin(products, l.sku),
                        l.quantity,
                        bins.get(l.sku),
                        l.picked,
                        l.packed))
                .sorted(Comparator.comparing(ShipmentViews.LineView::binLocation, BINS)
                        .thenComparing(ShipmentViews.LineView::sku))
                .toList();
        List<ShipmentViews.EventView> history = store.events(s.id).stream()
                .map(e -> new ShipmentViews.EventView(
                        e.type(), e.at(), e.location(), e.reason(), e.from(), e.to(), e.actor()))
                .toList();
        return new ShipmentViews.ShipmentView(
                s.id,
                s.number,
                s.orderId,
                s.orderNumber,
                s.warehouse,
                s.status,
                s.status.allowedNext(),
                s.shipTo,
                lines,
                s.totalQuantity(),
                s.sscc == null ? null : new ShipmentViews.PackageView(s.sscc, s.weightGrams),
                s.carrier,
                s.service,
                s.trackingNumber,
                s.shippingCost,
                s.expectedDeliveryDate,
                s.plannedAt,
                s.plannedBy,
                s.pickingStartedAt,
                s.packedAt,
                s.shippedAt,
                s.deliveredAt,
                s.cancelledAt,
                s.cancelReason,
                history,
                s.version);
    }

    static Set<String> skus(Shipment s) {
        return s.lines.stream().map(l -> l.sku).collect(Collectors.toSet());
    }

    private static String gtin(Map<String, ProductSnapshot> products, String sku) {
        ProductSnapshot p = products.get(sku);
        return p == null ? null : p.gtin();
    }
}
