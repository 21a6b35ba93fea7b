package org.ordo.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The service desk's whole story of a parcel with a wrong address: the carrier says so by its signed webhook, a case
 * opens, customer service corrects the address (a new label for the same shipment), answers the customer and
 * resolves the case, and the carrier delivers; the shipment's history, the order and the audit trail tell all of it.
 */
@OrdoTest
class AddressProblemToDeliveryTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Api admin;
    Api support;
    Api carrier;
    ShippingFixtures shipping;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        support = Api.at(port).basic(users.staff("SUPPORT"), TestUsers.PASSWORD);
        carrier = Api.at(port).anonymous();
        shipping = new ShippingFixtures(port);
    }

    @Test
    void anAddressProblemReportedByTheCarrierEndsDeliveredWithACaseTheAddressCorrectedAndEveryStepAudited() {
        JsonNode shipment = shippedByUps();
        String id = shipment.get("id").asString();
        String orderId = shipment.get("orderId").asString();
        String tracking = shipment.get("trackingNumber").asString();

        report(tracking, "ADDRESS_PROBLEM", 120);
        JsonNode opened = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> admin.get("/api/cases?type=DELIVERY_PROBLEM&orderId=" + orderId)
                                .expect(200)
                                .json()
                                .get("items"),
                        items -> items.size() == 1)
                .get(0);
        String caseId = opened.get("id").asString();

        support.post(
                        "/api/shipments/" + id + "/address",
                        Map.of("address", address("Hauptstraße 12a"), "reason", "house number missing"))
                .expect(200);
        assertThat(admin.download("GET", "/api/shipments/" + id + "/label", null)
                        .expect(200)
                        .contentType())
                .startsWith("application/pdf");
        support.post("/api/cases/" + caseId + "/messages", Map.of("body", "We corrected the house number."))
                .expect(201);
        support.patch("/api/cases/" + caseId, Map.of("status", "RESOLVED")).expect(200);

        report(tracking, "DELIVERED", 10);

        JsonNode delivered = admin.get("/api/shipments/" + id).expect(200).json();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("shipTo").get("line1").asString()).isEqualTo("Hauptstraße 12a");
        assertThat(types(delivered.get("history")))
                .containsSubsequence("ADDRESS_PROBLEM", "ADDRESS_CORRECTED", "DELIVERED");
        assertThat(admin.get("/api/orders/" + orderId)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isIn("DELIVERED", "COMPLETED");
        assertThat(admin.get("/api/audit?entity=SHIPMENT&id=" + id).expect(200).text())
                .contains("ADDRESS_CORRECTED");
        JsonNode theCase = admin.get("/api/cases/" + caseId).expect(200).json();
        assertThat(theCase.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(theCase.get("shipmentId").asString()).isEqualTo(id);
        assertThat(admin.get("/api/audit?entity=CASE&id=" + caseId).expect(200).text())
                .contains("RESOLVED");
    }

    private void report(String tracking, String type, long secondsAgo) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("trackingNumber", tracking);
        event.put("eventId", Fixtures.unique("E"));
        event.put("type", type);
        event.put(
                "at",
                Instant.now()
                        .minusSeconds(secondsAgo)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        String body = Api.JSON.writeValueAsString(Map.of("events", List.of(event)));
        JsonNode receipt = carrier.signedByCarrier(Api.CARRIER_SECRET, Instant.now(), body)
                .post("/api/carriers/UPS/events", body)
                .expect(200)
                .json();
        assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
    }

    private JsonNode shippedByUps() {
        JsonNode packed = shipping.packedShipment(1);
        return admin.post(
                        "/api/shipments/" + packed.get("id").asString() + "/ship",
                        Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
    }

    private static Map<String, Object> address(String line1) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "Erika Mustermann");
        a.put("line1", line1);
        a.put("city", "Berlin");
        a.put("postalCode", "10115");
        a.put("country", "DE");
        return a;
    }

    private static List<String> types(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false)
                .map(h -> h.get("type").asString())
                .toList();
    }
}
