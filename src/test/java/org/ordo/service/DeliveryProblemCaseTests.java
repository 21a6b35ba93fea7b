package org.ordo.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A carrier's delivery exception opens one DELIVERY_PROBLEM case about the order and its shipment. */
@OrdoTest
class DeliveryProblemCaseTests {

    @LocalServerPort
    int port;

    Api admin;
    ShippingFixtures shipping;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        shipping = new ShippingFixtures(port);
    }

    @Test
    void aDeliveryExceptionOpensExactlyOneCaseAndLaterNewsIsNotedOnIt() {
        JsonNode shipment = shipped();
        String id = shipment.get("id").asString();
        String at =
                Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> failed = Map.of("type", "FAILED_ATTEMPT", "at", at, "reason", "Nobody home");
        admin.post("/api/shipments/" + id + "/events", failed).expect(200);

        JsonNode c = awaitCases(shipment, 1).get(0);
        assertThat(c.get("type").asString()).isEqualTo("DELIVERY_PROBLEM");
        JsonNode view =
                admin.get("/api/cases/" + c.get("id").asString()).expect(200).json();
        assertThat(view.get("shipmentId").asString()).isEqualTo(id);
        assertThat(view.get("shipmentNumber").asString())
                .isEqualTo(shipment.get("number").asString());
        assertThat(view.get("origin").asString()).isEqualTo("CARRIER");
        assertThat(view.get("messages").get(0).get("body").asString()).contains("failed attempt", "Nobody home");

        // the same event again is recognised by the shipment; a second exception while the case is open is noted on it
        admin.post("/api/shipments/" + id + "/events", failed).expect(200);
        admin.post("/api/shipments/" + id + "/events", Map.of("type", "DAMAGED", "reason", "Box crushed"))
                .expect(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> admin.get("/api/cases/" + c.get("id").asString())
                                .expect(200)
                                .json()
                                .get("messages")
                                .size()
                        == 2);
        assertThat(cases(shipment)).hasSize(1);
    }

    private JsonNode shipped() {
        JsonNode packed = shipping.packedShipment(1);
        return admin.post(
                        "/api/shipments/" + packed.get("id").asString() + "/ship",
                        Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
    }

    private JsonNode awaitCases(JsonNode shipment, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> cases(shipment), items -> items.size() >= count);
    }

    private JsonNode cases(JsonNode shipment) {
        String orderId = shipment.get("orderId").asString();
        return admin.get("/api/cases?type=DELIVERY_PROBLEM&orderId=" + orderId)
                .expect(200)
                .json()
                .get("items");
    }
}
