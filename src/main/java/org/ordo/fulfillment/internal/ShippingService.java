package org.ordo.fulfillment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.fulfillment.Shipping;
import org.springframework.stereotype.Component;

/** {@link Shipping} through the services behind the REST API, step by step, each step its own transaction. */
@Component
class ShippingService implements Shipping {

    private final ShipmentPlanningService planning;
    private final ShipmentService operations;
    private final DispatchService dispatch;

    ShippingService(ShipmentPlanningService planning, ShipmentService operations, DispatchService dispatch) {
        this.planning = planning;
        this.operations = operations;
        this.dispatch = dispatch;
    }

    @Override
    public List<String> plan(UUID orderId, String warehouse, Map<Integer, Long> quantities) {
        List<ShipmentPlanningService.PlanLine> lines = null;
        if (quantities != null) {
            lines = new ArrayList<>();
            for (Map.Entry<Integer, Long> e : quantities.entrySet()) {
                lines.add(new ShipmentPlanningService.PlanLine(e.getKey(), e.getValue()));
            }
        }
        return planning
                .plan(orderId.toString(), new ShipmentPlanningService.PlanRequest(warehouse, lines))
                .shipments()
                .stream()
                .map(ShipmentViews.ShipmentView::number)
                .toList();
    }

    @Override
    public String pickPackAndShip(String shipmentNumber) {
        ShipmentViews.ShipmentView shipment = operations.startPicking(shipmentNumber);
        for (ShipmentViews.LineView line : shipment.lines()) {
            for (long unit = 0; unit < line.quantity(); unit++) {
                operations.scan(shipmentNumber, line.gtin() != null ? line.gtin() : line.sku());
            }
        }
        operations.pack(shipmentNumber);
        return dispatch.ship(shipmentNumber, null).trackingNumber();
    }

    @Override
    public void deliver(String shipmentNumber) {
        operations.track(shipmentNumber, new ShipmentService.TrackingEvent("DELIVERED", null, null, null));
    }
}
