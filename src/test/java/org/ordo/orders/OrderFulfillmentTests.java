package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ordo.testing.Fixtures.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.shared.IllegalTransitionException;
import org.ordo.shared.OrdoException;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The order side of fulfilment: shipping consumes reservations and writes the ledger; statuses follow the lines. */
@OrdoTest
class OrderFulfillmentTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Test
    void shippingConsumesReservationsWritesTheLedgerAndMovesTheOrderOn() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String east = fixtures.warehouse();
        String west = fixtures.warehouse();
        String sku = fixtures.product("2.50");
        fixtures.receive(sku, east, 4);
        fixtures.receive(sku, west, 6);
        UUID customer = fixtures.customer("100000.00");
        UUID id = UUID.fromString(admin.post("/api/orders", order(customer, sku, 10))
                .expect(201)
                .json()
                .get("id")
                .asString());

        tx.executeWithoutResult(s -> fulfillment.beginFulfillment(id));
        OrderSnapshot partly = tx.execute(s ->
                fulfillment.recordShipment(id, "SHP-T-1", List.of(new OrderFulfillment.ShippedQuantity(1, east, 4))));

        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(partly.line(1).shipped()).isEqualTo(4);
        assertThat(partly.line(1).reserved()).isEqualTo(6);
        assertThat(fixtures.level(sku, east).get("onHand").asLong()).isZero();
        assertThat(fixtures.level(sku, east).get("reserved").asLong()).isZero();
        JsonNode ledger = admin.get("/api/inventory/movements?sku=" + sku + "&warehouse=" + east)
                .expect(200)
                .json()
                .get("items");
        assertThat(ledger.get(ledger.size() - 1).get("type").asString()).isEqualTo("SHIPMENT");
        assertThat(ledger.get(ledger.size() - 1).get("quantity").asLong()).isEqualTo(-4);
        assertThat(ledger.get(ledger.size() - 1).get("reference").asString()).isEqualTo("SHP-T-1");

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> fulfillment.recordShipment(
                        id, "SHP-T-2", List.of(new OrderFulfillment.ShippedQuantity(1, west, 7)))))
                .isInstanceOfSatisfying(
                        OrdoException.class, e -> assertThat(e.errorCode()).isEqualTo("not-reserved"));
        assertThat(fixtures.level(sku, west).get("onHand").asLong()).isEqualTo(6);

        OrderSnapshot shipped = tx.execute(s ->
                fulfillment.recordShipment(id, "SHP-T-2", List.of(new OrderFulfillment.ShippedQuantity(1, west, 6))));
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.line(1).status()).isEqualTo(LineStatus.SHIPPED);

        OrderSnapshot delivered = tx.execute(s -> fulfillment.recordDelivery(id, Instant.now()));
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.line(1).status()).isEqualTo(LineStatus.DELIVERED);

        OrderSnapshot returned = tx.execute(s -> fulfillment.recordReturn(id, 1, 2, "damaged"));
        assertThat(returned.line(1).returned()).isEqualTo(2);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> fulfillment.recordReturn(id, 1, 9, "too many")))
                .isInstanceOf(OrdoException.class);
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void onlyConfirmedOrdersGoIntoFulfilment() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, fixtures.warehouse(), 5);
        UUID customer = fixtures.customer("100000.00");
        String id = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/orders/" + id + "/hold", java.util.Map.of("reason", "check"))
                .expect(200);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> fulfillment.beginFulfillment(UUID.fromString(id))))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.properties()).containsEntry("currentState", "ON_HOLD"));
    }

    @Test
    void cancellingTheBackorderedRestOfAPartlyShippedOrderCompletesTheShipping() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 3);
        UUID customer = fixtures.customer("100000.00");
        UUID id = UUID.fromString(admin.post("/api/orders", order(customer, sku, 5))
                .expect(201)
                .json()
                .get("id")
                .asString());
        tx.executeWithoutResult(s -> {
            fulfillment.beginFulfillment(id);
            fulfillment.recordShipment(id, "SHP-T-3", List.of(new OrderFulfillment.ShippedQuantity(1, warehouse, 3)));
        });

        JsonNode result = admin.post(
                        "/api/orders/" + id + "/cancel",
                        java.util.Map.of(
                                "reason", "no longer needed", "lines", List.of(java.util.Map.of("lineNumber", 1))))
                .expect(200)
                .json();

        assertThat(result.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(result.get("lines").get(0).get("cancelledQuantity").asLong()).isEqualTo(2);
    }
}
