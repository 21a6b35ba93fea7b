package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Customer service finds every parcel in trouble on the delivery desk, with the carrier's last word on it. */
@OrdoTest
class DeliveryDeskPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void aParcelTheCarrierReportsLostWaitsOnTheDeskWithTheCarriersWords() {
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
                        "LOST",
                        "at",
                        Instant.now().minusSeconds(600).toString(),
                        "location",
                        "Hub Kassel",
                        "detail",
                        "parcel not found at the hub"))));
        Api.at(port)
                .signedByCarrier(Api.CARRIER_SECRET, Instant.now(), body)
                .post("/api/carriers/UPS/events", body)
                .expect(200);

        PageClient support = new PageClient(port);
        support.logIn(users.staff("SUPPORT"), TestUsers.PASSWORD);
        String desk = support.get("/deliveries").body();
        assertThat(desk)
                .contains("nav-nav.deliveries")
                .contains("data-shipment=\"" + shipment.get("number").asString() + "\"")
                .contains("Parcel lost")
                .contains("parcel not found at the hub")
                .contains("Hub Kassel");
        support.post("/settings/language", Map.of("language", "zh-CN", "returnTo", "/deliveries"));
        assertThat(support.get("/deliveries").body()).contains("派送服务台").contains("包裹丢失");

        PageClient sales = new PageClient(port);
        sales.logIn(users.staff("SALES"), TestUsers.PASSWORD);
        assertThat(sales.get("/deliveries").statusCode()).isEqualTo(403);
    }
}
