package org.ordo.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A carrier reports tracking events by its signed webhook; a person can report the same kinds through the API. */
@OrdoTest
class CarrierEventTests {

    static final String PATH = "/api/carriers/UPS/events";

    @LocalServerPort
    int port;

    Api admin;
    Api anonymous;
    ShippingFixtures shipping;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        anonymous = Api.at(port).anonymous();
        shipping = new ShippingFixtures(port);
    }

    @Test
    void aSignedEventMovesTheShipmentAndItsResendingChangesNothing() {
        JsonNode shipment = shippedByUps();
        String tracking = shipment.get("trackingNumber").asString();
        String body = events(event(tracking, Fixtures.unique("E"), "IN_TRANSIT", "Hub Leipzig"));

        JsonNode receipt = signed(body, Instant.now()).expect(200).json();
        assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
        assertThat(status(shipment)).isEqualTo("IN_TRANSIT");
        int history = history(shipment).size();

        JsonNode again = signed(body, Instant.now()).expect(200).json();
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(history(shipment)).hasSize(history);
        JsonNode last = history(shipment).get(history - 1);
        assertThat(last.get("actor").asString()).isEqualTo("carrier:UPS");
    }

    @Test
    void aCallWithoutAValidSignatureIsRefusedAndChangesNothing() {
        JsonNode shipment = shippedByUps();
        String body = events(event(shipment.get("trackingNumber").asString(), Fixtures.unique("E"), "DELIVERED", null));
        Instant now = Instant.now();

        Api.Response unsigned = anonymous.post(PATH, body).expect(401);
        assertThat(unsigned.json().get("errorCode").asString()).isEqualTo("bad-signature");
        assertThat(unsigned.header("Content-Type")).startsWith("application/problem+json");
        anonymous.signedByCarrier("another secret", now, body).post(PATH, body).expect(401);
        // a captured call replayed later: its timestamp is out of the window, a new one breaks the signature
        signed(body, now.minus(6, ChronoUnit.MINUTES)).expect(401);
        anonymous
                .signedByCarrier(Api.CARRIER_SECRET, now, body)
                .header("X-Ordo-Timestamp", Long.toString(now.getEpochSecond() + 1))
                .post(PATH, body)
                .expect(401);
        // a body changed after signing
        anonymous
                .signedByCarrier(Api.CARRIER_SECRET, now, body)
                .post(PATH, body.replace("DELIVERED", "LOST"))
                .expect(401);
        assertThat(status(shipment)).isEqualTo("SHIPPED");
    }

    @Test
    void aCarrierWithoutASecretOrUnknownTakesNoEvents() {
        String body = events();
        signed("/api/carriers/DHL/events", body, Instant.now()).expect(404);
        signed("/api/carriers/NOSUCH/events", body, Instant.now()).expect(404);
    }

    @Test
    void eventsForUnknownTrackingNumbersOrRefusedAreReportedWhileTheOthersAreRecorded() {
        JsonNode shipment = shippedByUps();
        String tracking = shipment.get("trackingNumber").asString();
        String unknownId = Fixtures.unique("E");
        String body = events(
                event("1Z0000000000000000", unknownId, "IN_TRANSIT", null),
                event(tracking, Fixtures.unique("E"), "NO_SUCH_KIND", null),
                event(tracking, Fixtures.unique("E"), "FAILED_ATTEMPT", "Berlin"));

        JsonNode receipt = signed(body, Instant.now()).expect(200).json();
        assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
        assertThat(receipt.get("unknown").get(0).get("eventId").asString()).isEqualTo(unknownId);
        assertThat(receipt.get("rejected").get(0).get("errorCode").asString()).isEqualTo("validation-failed");
        assertThat(status(shipment)).isEqualTo("EXCEPTION");
    }

    @Test
    void eachKindOfExceptionPutsTheShipmentInExceptionAndKeepsItsKind() {
        for (String kind : List.of("FAILED_ATTEMPT", "ADDRESS_PROBLEM", "DAMAGED", "LOST")) {
            JsonNode shipment = shippedByUps();
            signed(
                            events(event(shipment.get("trackingNumber").asString(), Fixtures.unique("E"), kind, null)),
                            Instant.now())
                    .expect(200);
            assertThat(status(shipment)).as(kind).isEqualTo("EXCEPTION");
            JsonNode history = history(shipment);
            assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo(kind);
        }
    }

    @Test
    void aShipmentReturnedToTheSenderAfterAnExceptionIsReturned() {
        JsonNode shipment = shippedByUps();
        String id = shipment.get("id").asString();
        // the same kinds through the shipment's own events, for a person reporting on the carrier's behalf
        admin.post("/api/shipments/" + id + "/events", Map.of("type", "ADDRESS_PROBLEM"))
                .expect(200);
        JsonNode returned = admin.post("/api/shipments/" + id + "/events", Map.of("type", "RETURNED_TO_SENDER"))
                .expect(200)
                .json();
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
    }

    private JsonNode shippedByUps() {
        JsonNode packed = shipping.packedShipment(1);
        return admin.post(
                        "/api/shipments/" + packed.get("id").asString() + "/ship",
                        Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
    }

    private String status(JsonNode shipment) {
        return admin.get("/api/shipments/" + shipment.get("id").asString())
                .expect(200)
                .json()
                .get("status")
                .asString();
    }

    private JsonNode history(JsonNode shipment) {
        return admin.get("/api/shipments/" + shipment.get("id").asString())
                .expect(200)
                .json()
                .get("history");
    }

    private Api.Response signed(String body, Instant at) {
        return signed(PATH, body, at);
    }

    private Api.Response signed(String path, String body, Instant at) {
        return anonymous.signedByCarrier(Api.CARRIER_SECRET, at, body).post(path, body);
    }

    private static Map<String, Object> event(String tracking, String eventId, String type, String location) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("trackingNumber", tracking);
        event.put("eventId", eventId);
        event.put("type", type);
        event.put(
                "at",
                Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString());
        if (location != null) {
            event.put("location", location);
        }
        return event;
    }

    @SafeVarargs
    private static String events(Map<String, Object>... events) {
        return Api.JSON.writeValueAsString(Map.of("events", List.of(events)));
    }
}
