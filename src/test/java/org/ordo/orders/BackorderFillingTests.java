package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@OrdoTest
class BackorderFillingTests {

    @LocalServerPort
    int port;

    @Test
    void receivingStockFillsTheOldestBackordersFirst() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("3.00");
        fixtures.receive(sku, warehouse, 2);
        UUID customer = fixtures.customer("100000.00");
        String first = admin.post("/api/orders", order(customer, sku, 5))
                .expect(201)
                .json()
                .get("id")
                .asString(); // 2 reserved, 3 back
        String second = admin.post("/api/orders", order(customer, sku, 4))
                .expect(201)
                .json()
                .get("id")
                .asString(); // 4 back
        String third = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString(); // 1 back

        fixtures.receive(sku, warehouse, 5);

        assertThat(line(admin, first).get("backorderedQuantity").asLong()).isZero();
        assertThat(line(admin, first).get("reservedQuantity").asLong()).isEqualTo(5);
        assertThat(line(admin, second).get("reservedQuantity").asLong()).isEqualTo(2);
        assertThat(line(admin, second).get("backorderedQuantity").asLong()).isEqualTo(2);
        assertThat(line(admin, third).get("reservedQuantity").asLong()).isZero(); // younger: waits although 1 would fit
        assertThat(fixtures.level(sku, warehouse).get("available").asLong()).isZero();

        // a new order cannot jump the queue of waiting backorders
        fixtures.receive(sku, warehouse, 2);
        assertThat(line(admin, second).get("backorderedQuantity").asLong()).isZero();
        assertThat(line(admin, third).get("backorderedQuantity").asLong()).isEqualTo(1);
        JsonNode newcomer = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("lines")
                .get(0);
        assertThat(newcomer.get("backorderedQuantity").asLong()).isEqualTo(1);

        fixtures.receive(sku, warehouse, 1);
        assertThat(line(admin, third).get("backorderedQuantity").asLong()).isZero();
        JsonNode history =
                admin.get("/api/orders/" + first + "/history").expect(200).json();
        assertThat(history.valueStream().map(h -> h.get("kind").asString()).toList())
                .contains("BACKORDER_FILLED");
        assertThat(fixtures.consistency()
                        .get("checks")
                        .valueStream()
                        .filter(c -> c.get("invariant").asInt() <= 5)
                        .allMatch(c -> c.get("holds").asBoolean()))
                .isTrue();
    }

    @Test
    void stockReleasedByACancellationGoesToWaitingBackorders() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("3.00");
        fixtures.receive(sku, warehouse, 3);
        UUID customer = fixtures.customer("100000.00");
        String holder = admin.post("/api/orders", order(customer, sku, 3))
                .expect(201)
                .json()
                .get("id")
                .asString();
        String waiting = admin.post("/api/orders", order(customer, sku, 2))
                .expect(201)
                .json()
                .get("id")
                .asString();

        admin.post("/api/orders/" + holder + "/cancel", java.util.Map.of("reason", "not needed"))
                .expect(200);

        assertThat(line(admin, waiting).get("reservedQuantity").asLong()).isEqualTo(2);
        assertThat(fixtures.level(sku, warehouse).get("available").asLong()).isEqualTo(1);
    }

    private static JsonNode line(Api admin, String orderId) {
        return admin.get("/api/orders/" + orderId)
                .expect(200)
                .json()
                .get("lines")
                .get(0);
    }
}
