package org.ordo.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.TrackingLinks;
import org.ordo.orders.OrderStatus;
import org.ordo.orders.Orders;

/** What a customer reads of an order's history, and where a parcel is tracked. */
class PortalTimelineTests {

    private static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");

    @Test
    void theCustomersTimelineSaysWhatHappenedWithoutActorsNotesOrBookkeeping() {
        List<PortalPages.Step> steps = PortalPages.steps(List.of(
                new Orders.HistoryEntry(AT, "sales", "STATUS", null, OrderStatus.PLACED, "entered by phone", null),
                new Orders.HistoryEntry(
                        AT,
                        "system",
                        "STATUS",
                        OrderStatus.PLACED,
                        OrderStatus.ON_HOLD,
                        "credit limit exceeded: 1200 > 1000",
                        null),
                new Orders.HistoryEntry(
                        AT, "accounting", "STATUS", OrderStatus.ON_HOLD, OrderStatus.PLACED, "paid in advance", null),
                new Orders.HistoryEntry(AT, "admin", "BACKDATED", null, null, null, "placed 2026-11-01"),
                new Orders.HistoryEntry(AT, "warehouse", "SHIPMENT", null, null, null, "SHP-1 from WH-1"),
                new Orders.HistoryEntry(AT, "warehouse", "SHIPMENT", null, null, null, "SHP-2 from WH-2"),
                new Orders.HistoryEntry(
                        AT, "system", "STATUS", OrderStatus.IN_FULFILLMENT, OrderStatus.SHIPPED, null, null),
                new Orders.HistoryEntry(AT, "system", null, null, null, null, null)));
        assertThat(steps)
                .extracting(PortalPages.Step::key)
                .containsExactly(
                        "portal.step.PLACED",
                        "portal.step.ON_HOLD",
                        "portal.step.RELEASED",
                        "portal.step.SHIPMENT",
                        "portal.step.SHIPPED");
    }

    @Test
    void aParcelIsTrackedOnItsCarriersOwnPageAndAnUnknownCarrierHasNoLink() {
        assertThat(TrackingLinks.url("UPS", "1Z4W8V621100001439"))
                .isEqualTo("https://www.ups.com/track?tracknum=1Z4W8V621100001439");
        assertThat(TrackingLinks.url("dhl", "JD 0146"))
                .startsWith("https://www.dhl.com/")
                .endsWith("tracking-id=JD+0146");
        assertThat(TrackingLinks.url("POST", "RR123456785DE")).startsWith("https://www.deutschepost.de/");
        assertThat(TrackingLinks.url("ACME", "123")).isNull();
        assertThat(TrackingLinks.url("UPS", null)).isNull();
    }
}
