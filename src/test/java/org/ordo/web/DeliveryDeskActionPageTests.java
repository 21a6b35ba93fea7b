package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The desk's forms act once per submission, name what they refuse, and offer money only to those who may pay out. */
@OrdoTest
class DeliveryDeskActionPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void aReshipSubmittedTwiceFromTheDeskPlacesOneReplacementAndAParcelNotLostIsRefusedInWords() {
        ShippingFixtures shipping = new ShippingFixtures(port);
        JsonNode lost = shipped(shipping, "LOST");
        String sku = lost.get("lines").get(0).get("sku").asString();
        String warehouse = lost.get("warehouse").asString();
        shipping.fixtures().receive(sku, warehouse, 3);
        PageClient support = new PageClient(port);
        support.logIn(users.staff("SUPPORT"), TestUsers.PASSWORD);
        String number = lost.get("number").asString();
        assertThat(support.get("/deliveries").body()).contains("data-actions=\"" + number + "\"");

        Map<String, String> form = Map.of("reason", "carrier lost it", "submission", Fixtures.unique("k"));
        assertThat(support.post("/deliveries/" + number + "/reship", form).statusCode())
                .isEqualTo(302);
        assertThat(support.get("/deliveries").body()).contains("is re-shipped on replacement order");
        assertThat(support.post("/deliveries/" + number + "/reship", form).statusCode())
                .isEqualTo(302);

        assertThat(shipping.fixtures().level(sku, warehouse).get("reserved").asLong())
                .isEqualTo(1);
        assertThat(support.get("/deliveries").body())
                .contains("already done")
                .doesNotContain("data-shipment=\"" + number + "\"");
        String notTaken = shipped(shipping, "FAILED_ATTEMPT").get("number").asString();
        var refused = support.post(
                "/deliveries/" + notTaken + "/reship", Map.of("reason", "lost", "submission", Fixtures.unique("k")));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("desk-error").contains("only a parcel lost or damaged");
    }

    @Test
    void theWarehouseReshipsButIsOfferedNoCreditAndANonNumberAmountIsNamed() {
        ShippingFixtures shipping = new ShippingFixtures(port);
        String number = shipped(shipping, "DAMAGED").get("number").asString();
        PageClient warehouse = new PageClient(port);
        warehouse.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        String desk = warehouse.get("/deliveries").body();
        assertThat(desk).contains("reship-form").doesNotContain("credit-form");
        assertThat(warehouse
                        .post("/deliveries/" + number + "/credit", Map.of("mode", "CREDIT", "reason", "x"))
                        .statusCode())
                .isEqualTo(403);

        PageClient support = new PageClient(port);
        support.logIn(users.staff("SUPPORT"), TestUsers.PASSWORD);
        assertThat(support.get("/deliveries").body()).contains("credit-form");
        var refused = support.post(
                "/deliveries/" + number + "/credit",
                Map.of("mode", "CREDIT", "amount", "ten", "currency", "EUR", "reason", "x"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Enter an amount such as 12.50.");
    }

    private JsonNode shipped(ShippingFixtures shipping, String news) {
        Api admin = Api.at(port).asAdmin();
        String id = shipping.packedShipment(1).get("id").asString();
        JsonNode shipped = admin.post("/api/shipments/" + id + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
        admin.post("/api/shipments/" + id + "/events", Map.of("type", news)).expect(200);
        return shipped;
    }
}
