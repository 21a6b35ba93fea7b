package org.ordo.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import org.ordo.fulfillment.Shipments;
import org.ordo.orders.Orders;

/** The carrier's tracking events woven into an order's timeline, in the back office's and the customer's words. */
final class TrackingTimeline {

    private TrackingTimeline() {}

    /**
     * The order's history with each tracking event as an entry of kind {@code TRACK_<kind>} (translated as
     * {@code history.kind.TRACK_…}), its detail as the reason and the shipment and place as details; oldest first.
     */
    static List<Orders.HistoryEntry> withTracking(
            List<Orders.HistoryEntry> history, List<Shipments.TrackingEvent> tracking) {
        List<Orders.HistoryEntry> merged = new ArrayList<>(history);
        for (Shipments.TrackingEvent t : tracking) {
            StringJoiner where = new StringJoiner(" · ");
            where.add(t.shipmentNumber());
            if (t.location() != null) {
                where.add(t.location());
            }
            merged.add(new Orders.HistoryEntry(
                    t.at(), t.actor(), "TRACK_" + t.kind(), null, null, t.detail(), where.toString()));
        }
        // stable: what happened at the same moment keeps the order's own entries first
        merged.sort(Comparator.comparing(Orders.HistoryEntry::at));
        return merged;
    }

    /**
     * What the customer reads of a tracking event: the carrier's own words (its detail, else the place) and never
     * a note a person typed; deliveries are left out, the order's steps and its parcels tell them.
     */
    static List<PortalPages.Step> forCustomer(List<Shipments.TrackingEvent> tracking) {
        List<PortalPages.Step> steps = new ArrayList<>();
        for (Shipments.TrackingEvent t : tracking) {
            if (t.kind().equals("DELIVERED")) {
                continue;
            }
            String kind = t.kind().equals("RETURNED_TO_SENDER") ? "RETURNED" : t.kind();
            String note = t.byCarrier() && t.detail() != null ? t.detail() : t.location();
            steps.add(new PortalPages.Step(t.at(), "portal.step.TRACK_" + kind, note));
        }
        return steps;
    }
}
