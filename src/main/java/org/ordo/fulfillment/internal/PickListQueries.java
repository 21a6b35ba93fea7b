package org.ordo.fulfillment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.inventory.Inventory;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;

/** Combines the pick lists of a batch of shipments of one warehouse into one walk through its bins. */
@Component
class PickListQueries {

    static final int MAX_SHIPMENTS = 200;

    record PickListRequest(List<String> shipments) {}

    private final ShipmentStore store;
    private final Inventory inventory;
    private final Catalog catalog;

    PickListQueries(ShipmentStore store, Inventory inventory, Catalog catalog) {
        this.store = store;
        this.inventory = inventory;
        this.catalog = catalog;
    }

    /**
     * Sums what is still to pick (quantity − picked) per bin × SKU over shipments that are PLANNED or PICKING,
     * sorted by bin then SKU. Shipments must all be from one warehouse: bins are per warehouse.
     */
    ShipmentViews.PickListView combine(PickListRequest request) {
        List<String> ids = request == null ? null : request.shipments();
        if (ids == null || ids.isEmpty() || ids.size() > MAX_SHIPMENTS) {
            throw OrdoException.invalid("shipments", "must list 1 to " + MAX_SHIPMENTS + " shipments (id or number)");
        }
        List<Shipment> shipments = pickable(ids);
        String warehouse = Objects.requireNonNull(shipments.get(0).warehouse);
        List<ShipmentViews.PickLineView> lines = pickLines(shipments, warehouse);
        long total =
                lines.stream().mapToLong(ShipmentViews.PickLineView::quantity).sum();
        return new ShipmentViews.PickListView(
                warehouse, shipments.stream().map(s -> s.number).toList(), total, lines);
    }

    /** The shipments listed: each known, once, PLANNED or PICKING, all from one warehouse; every problem at once. */
    private List<Shipment> pickable(List<String> ids) {
        List<FieldViolation> problems = new ArrayList<>();
        List<Shipment> shipments = new ArrayList<>();
        Set<java.util.UUID> seen = new HashSet<>();
        String warehouse = null;
        for (int i = 0; i < ids.size(); i++) {
            String field = "shipments[" + i + "]";
            String id = ids.get(i);
            Shipment s = id == null ? null : store.find(id).orElse(null);
            if (s == null) {
                problems.add(new FieldViolation(field, "is not a known shipment"));
                continue;
            }
            if (!seen.add(s.id)) {
                problems.add(new FieldViolation(field, s.number + " is listed twice"));
                continue;
            }
            if (s.status != org.ordo.fulfillment.ShipmentStatus.PLANNED
                    && s.status != org.ordo.fulfillment.ShipmentStatus.PICKING) {
                problems.add(new FieldViolation(
                        field, s.number + " is " + s.status + "; only PLANNED or PICKING shipments are picked"));
                continue;
            }
            if (warehouse == null) {
                warehouse = s.warehouse;
            } else if (!warehouse.equals(s.warehouse)) {
                problems.add(new FieldViolation(
                        field,
                        s.number + " ships from " + s.warehouse + ", not " + warehouse
                                + "; a pick list covers one warehouse"));
                continue;
            }
            shipments.add(s);
        }
        if (!problems.isEmpty()) {
            throw OrdoException.rule("invalid-pick-list", "These shipments cannot be picked together.", problems);
        }
        return shipments;
    }

    /** What is left to pick of the shipments, per bin × SKU, sorted by bin then SKU, with the shipment lines it comes from. */
    private List<ShipmentViews.PickLineView> pickLines(List<Shipment> shipments, String warehouse) {
        Set<String> skus = new HashSet<>();
        shipments.forEach(s -> s.lines.forEach(l -> skus.add(l.sku)));
        Map<String, String> bins = inventory.binLocations(warehouse, skus);
        Map<String, ProductSnapshot> products = catalog.find(skus);

        record Key(String bin, String sku) {}
        Map<Key, List<ShipmentViews.PickSource>> sources = new LinkedHashMap<>();
        Map<Key, String> names = new LinkedHashMap<>();
        for (Shipment s : shipments) {
            for (Shipment.Line l : s.lines) {
                long toPick = l.quantity - l.picked;
                if (toPick > 0) {
                    Key key = new Key(bins.get(l.sku), l.sku);
                    sources.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new ShipmentViews.PickSource(s.number, l.lineNumber, toPick));
                    names.putIfAbsent(key, l.productName);
                }
            }
        }
        return sources.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing(Key::bin, ShipmentViewQueries.BINS).thenComparing(Key::sku)))
                .map(e -> new ShipmentViews.PickLineView(
                        e.getKey().bin(),
                        e.getKey().sku(),
                        names.get(e.getKey()),
                        products.containsKey(e.getKey().sku())
                                ? products.get(e.getKey().sku()).gtin()
                                : null,
                        e.getValue().stream()
                                .mapToLong(ShipmentViews.PickSource::quantity)
                                .sum(),
                        List.copyOf(e.getValue())))
                .toList();
    }
}
