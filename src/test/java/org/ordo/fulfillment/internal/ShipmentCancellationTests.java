package org.ordo.fulfillment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A cancelled order takes its open shipments with it; what was never reserved can never ship. */
@OrdoTest
class ShipmentCancellationTests {

    @LocalServerPort
    int port;

    @Autowired
    ShipmentService operations;

    @Test
    void cancellingTheOrderCancelsItsOpenShipmentsOnceAndNothingShips() {
        Api admin = Api.at(port).asAdmin();
        ShippingFixtures shipping = new ShippingFixtures(port);
        Fixtures fixtures = shipping.fixtures();
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(ShippingFixtures.gtin());
        fixtures.receive(sku, warehouse, 4);
        JsonNode order = shipping.order(fixtures.customer("100000.00"), null, sku, 4);
        String orderId = order.get("id").asString();
        JsonNode packed =
                shipping.pickAndPack(shipping.plan(orderId).get(0).get("id").asString());
        String shipmentId = packed.get("id").asString();

        admin.post("/api/orders/" + orderId + "/cancel", Map.of("reason", "customer changed their mind"))
                .expect(200);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(admin.get("/api/shipments/" + shipmentId)
                                .expect(200)
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("CANCELLED"));
        Api.Response ship = admin.post("/api/shipments/" + shipmentId + "/ship", Map.of("carrier", "UPS"))
                .expect(409);
        assertThat(ship.json().get("currentState").asString()).isEqualTo("CANCELLED");
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(4);
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isZero();
        // the event is delivered again after a crash: the second run finds nothing left to cancel
        assertThat(operations.cancelOpenShipmentsOf(UUID.fromString(orderId), "replayed"))
                .isZero();
        JsonNode history =
                admin.get("/api/shipments/" + shipmentId).expect(200).json().get("history");
        assertThat(history.valueStream()
                        .filter(e -> e.get("type").asString().equals("CANCELLED"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aShipmentPlannedFromAnOrderThatLostItsReservationCannotShip() {
        Api admin = Api.at(port).asAdmin();
        ShippingFixtures shipping = new ShippingFixtures(port);
        Fixtures fixtures = shipping.fixtures();
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(ShippingFixtures.gtin());
        fixtures.receive(sku, warehouse, 2);
        String orderId = shipping.order(fixtures.customer("100000.00"), null, sku, 2)
                .get("id")
                .asString();
        String shipmentId = shipping.pickAndPack(
                        shipping.plan(orderId).get(0).get("id").asString())
                .get("id")
                .asString();
        // the order is cancelled while the listener has not yet caught up: ship must still refuse
        admin.post("/api/orders/" + orderId + "/cancel", Map.of("reason", "fraud suspected"))
                .expect(200);

        Api.Response ship = admin.post("/api/shipments/" + shipmentId + "/ship", Map.of("carrier", "UPS"));

        assertThat(ship.status()).isEqualTo(409);
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(2);
        JsonNode ledger = admin.get("/api/inventory/movements?sku=" + sku + "&warehouse=" + warehouse)
                .expect(200)
                .json()
                .get("items");
        assertThat(ledger.valueStream().map(m -> m.get("type").asString())).doesNotContain("SHIPMENT");
    }
}
