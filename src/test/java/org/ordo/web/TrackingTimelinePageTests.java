package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The carrier's tracking shows on the order's timeline, and in plain words on the customer's order page. */
@OrdoTest
class TrackingTimelinePageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void aFailedDeliveryAttemptShowsOnTheTimelineAndInTheCustomersWordsWithoutTheDesksNotes() {
        Api admin = Api.at(port).asAdmin();
        JsonNode packed = new ShippingFixtures(port).packedShipment(1);
        JsonNode shipment = admin.post(
                        "/api/shipments/" + packed.get("id").asString() + "/ship",
                        Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
        String body = Api.JSON.writeValueAsString(Map.of(
                "events",
                List.of(Map.of(
                        "trackingNumber",
                        shipment.get("trackingNumber").asString(),
                        "eventId",
                        Fixtures.unique("E"),
                        "type",
                        "FAILED_ATTEMPT",
                        "at",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "location",
                        "Berlin Mitte",
                        "detail",
                        "nobody home"))));
        Api.at(port)
                .signedByCarrier(Api.CARRIER_SECRET, Instant.now(), body)
                .post("/api/carriers/UPS/events", body)
                .expect(200);
        admin.post(
                        "/api/shipments/" + shipment.get("id").asString() + "/events",
                        Map.of("type", "EXCEPTION", "reason", "desk note: customer rang twice"))
                .expect(200);
        JsonNode order = admin.get("/api/orders/" + shipment.get("orderId").asString())
                .expect(200)
                .json();

        PageClient desk = new PageClient(port);
        desk.logIn(users.staff("SUPPORT"), TestUsers.PASSWORD);
        String timeline = desk.get("/orders/" + order.get("id").asString()).body();
        assertThat(timeline)
                .contains("Delivery attempt failed")
                .contains("nobody home")
                .contains("Berlin Mitte")
                .contains("carrier:UPS")
                .contains("desk note: customer rang twice");

        PageClient portal = new PageClient(port);
        portal.logIn(users.customer(UUID.fromString(order.get("customerId").asString())), TestUsers.PASSWORD);
        String page =
                portal.get("/portal/orders/" + order.get("number").asString()).body();
        assertThat(page)
                .contains("Delivery attempt failed")
                .contains("nobody home")
                .contains("There is a delay or a problem with your parcel")
                .doesNotContain("desk note")
                .doesNotContain("carrier:UPS");
        portal.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/portal"));
        assertThat(portal.get("/portal/orders/" + order.get("number").asString())
                        .body())
                .contains("派送未成功")
                .contains("nobody home");
    }
}
