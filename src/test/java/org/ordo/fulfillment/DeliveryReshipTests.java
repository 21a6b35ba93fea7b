package org.ordo.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.fulfillment.ShippingFixtures.fields;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The desk re-ships a parcel the carrier lost or damaged: a free replacement order reserves the goods again, and the
 * shipped units are written off as a loss without leaving on hand a second time.
 */
@OrdoTest
class DeliveryReshipTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Api admin;
    Api support;
    ShippingFixtures shipping;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        support = Api.at(port).basic(users.staff("SUPPORT"), TestUsers.PASSWORD);
        shipping = new ShippingFixtures(port);
    }

    @Test
    void aLostParcelIsReshippedOnceOnAFreeReplacementAndItsUnitsAreWrittenOffWithoutLeavingStockTwice() {
        JsonNode shipment = shipped(2, "LOST");
        String id = shipment.get("id").asString();
        String sku = shipment.get("lines").get(0).get("sku").asString();
        String warehouse = shipment.get("warehouse").asString();
        shipping.fixtures().receive(sku, warehouse, 5);

        Api.Response noReason =
                support.post("/api/shipments/" + id + "/reship", Map.of()).expect(400);
        assertThat(fields(noReason.json())).containsExactly("reason");
        Api desk = support.header("Idempotency-Key", Fixtures.unique("reship"));
        Map<String, Object> body = Map.of("reason", "carrier confirmed the parcel lost");
        JsonNode reshipped =
                desk.post("/api/shipments/" + id + "/reship", body).expect(201).json();
        JsonNode again =
                desk.post("/api/shipments/" + id + "/reship", body).expect(201).json();

        String replacement = reshipped.get("replacementOrderNumber").asString();
        assertThat(again.get("replacementOrderNumber").asString()).isEqualTo(replacement);
        assertThat(reshipped.get("shipment").get("status").asString()).isEqualTo("LOST");
        JsonNode writtenOff = reshipped.get("writtenOff").get(0);
        assertThat(writtenOff.get("quantity").asLong()).isEqualTo(2);
        assertThat(writtenOff.get("reason").asString()).isEqualTo("carrier confirmed the parcel lost");
        JsonNode order = admin.get(
                        "/api/orders/" + reshipped.get("replacementOrderId").asString())
                .expect(200)
                .json();
        assertThat(order.get("channel").asString()).isEqualTo("REPLACEMENT");
        assertThat(order.get("externalReference").asString())
                .isEqualTo(shipment.get("number").asString());
        assertThat(new BigDecimal(order.get("totals").get("total").get("amount").asString()))
                .isZero();
        // on hand fell once when the parcel shipped; the loss is a record, the replacement reserves anew (once)
        JsonNode level = shipping.fixtures().level(sku, warehouse);
        assertThat(level.get("onHand").asLong()).isEqualTo(5);
        assertThat(level.get("reserved").asLong()).isEqualTo(2);
        JsonNode history = admin.get("/api/shipments/" + id).expect(200).json().get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("RESHIPPED");
        assertThat(last.get("location").asString()).isEqualTo("replacement order " + replacement);
        assertThat(admin.get("/api/audit?entity=SHIPMENT&id=" + id).expect(200).text())
                .contains("RESHIPPED")
                .contains(replacement);
        assertThat(admin.get("/api/audit?entity=STOCK&id=" + sku + "@" + warehouse)
                        .expect(200)
                        .text())
                .contains("WRITTEN_OFF");
        JsonNode ledger = admin.get("/api/inventory/write-offs?reference="
                        + shipment.get("number").asString())
                .expect(200)
                .json()
                .get("writeOffs");
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).get("quantity").asLong()).isEqualTo(2);
        assertConsistent();
    }

    @Test
    void aDeliveredParcelOrOneMerelyNotTakenIsNotReshippedAndNothingChanges() {
        String delivered = shipped(1, null).get("id").asString();
        admin.post("/api/shipments/" + delivered + "/deliver", Map.of()).expect(200);
        JsonNode refused = support.post("/api/shipments/" + delivered + "/reship", Map.of("reason", "lost"))
                .expect(409)
                .json();
        assertThat(refused.get("errorCode").asString()).isEqualTo("not-in-exception");

        String notTaken = shipped(1, "FAILED_ATTEMPT").get("id").asString();
        JsonNode notLost = support.post("/api/shipments/" + notTaken + "/reship", Map.of("reason", "lost"))
                .expect(409)
                .json();
        assertThat(notLost.get("errorCode").asString()).isEqualTo("not-lost-or-damaged");
        assertThat(admin.get("/api/shipments/" + notTaken)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("EXCEPTION");
        assertConsistent();
    }

    @Test
    void aDamagedParcelIsReshippedAndNoLongerOnTheDesk() {
        String id = shipped(1, "DAMAGED").get("id").asString();
        support.post("/api/shipments/" + id + "/reship", Map.of("reason", "box crushed, goods broken"))
                .expect(201);

        JsonNode risks =
                admin.get("/api/risks?type=DELIVERY_EXCEPTION").expect(200).json();
        assertThat(risks.toString()).doesNotContain(id);
        support.post("/api/shipments/" + id + "/reship", Map.of("reason", "again"))
                .expect(409);
    }

    /** A shipped parcel of {@code quantity} units, with the carrier's {@code news} (null: none). */
    private JsonNode shipped(long quantity, String news) {
        JsonNode packed = shipping.packedShipment(quantity);
        String id = packed.get("id").asString();
        JsonNode shipped = admin.post("/api/shipments/" + id + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
        if (news != null) {
            admin.post("/api/shipments/" + id + "/events", Map.of("type", news)).expect(200);
        }
        return shipped;
    }

    private void assertConsistent() {
        JsonNode consistency = shipping.fixtures().consistency();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
    }
}
