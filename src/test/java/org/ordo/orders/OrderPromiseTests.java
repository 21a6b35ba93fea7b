package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.testing.Fixtures.order;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Line promises without a module that knows what is on its way in: from stock, else the backorder lead days. */
@OrdoTest
class OrderPromiseTests {

    @LocalServerPort
    int port;

    @Test
    void eachLineIsPromisedFromStockOrByDefaultAndTheOrderTheLatestOfThem() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String inStock = fixtures.product("2.00");
        String short_ = fixtures.product("2.00");
        fixtures.receive(inStock, warehouse, 10);
        UUID customer = fixtures.customer("100000.00", warehouse);

        JsonNode placed = admin.post("/api/orders", order(customer, inStock, 2, short_, 3))
                .expect(201)
                .json();

        JsonNode fromStock = placed.get("lines").get(0);
        JsonNode backordered = placed.get("lines").get(1);
        assertThat(fromStock.get("promiseSource").asString()).isEqualTo("STOCK");
        assertThat(fromStock.get("promiseEstimated").asBoolean()).isFalse();
        assertThat(backordered.get("promiseSource").asString()).isEqualTo("DEFAULT");
        assertThat(backordered.get("promiseEstimated").asBoolean()).isTrue();
        LocalDate stockDate = LocalDate.parse(fromStock.get("promisedDate").asString());
        LocalDate defaultDate = LocalDate.parse(backordered.get("promisedDate").asString());
        assertThat(defaultDate).isAfter(stockDate);
        assertThat(placed.get("promisedDate").asString()).isEqualTo(defaultDate.toString());
    }

    @Test
    void aLaterRequestedDateMovesEveryLineAndWritesOnePromiseEntry() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("2.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("100000.00", warehouse);
        String id = admin.post("/api/orders", order(customer, sku, 1, sku, 2))
                .expect(201)
                .json()
                .get("id")
                .asString();
        LocalDate requested = LocalDate.now(ZoneOffset.UTC).plusMonths(2);

        JsonNode changed = admin.patch("/api/orders/" + id, Map.of("requestedDeliveryDate", requested.toString()))
                .expect(200)
                .json();

        assertThat(changed.get("promisedDate").asString()).isEqualTo(requested.toString());
        assertThat(changed.get("lines")
                        .valueStream()
                        .map(l -> l.get("promisedDate").asString()))
                .containsOnly(requested.toString());
        assertThat(promiseEntries(admin, id)).hasSize(1);
        admin.patch("/api/orders/" + id, Map.of("notes", "call before delivery"))
                .expect(200);
        assertThat(promiseEntries(admin, id)).hasSize(1);
    }

    @Test
    void aFilledBackorderIsPromisedFromStockAfterwards() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("2.00");
        UUID customer = fixtures.customer("100000.00", warehouse);
        String id = admin.post("/api/orders", order(customer, sku, 3))
                .expect(201)
                .json()
                .get("id")
                .asString();

        fixtures.receive(sku, warehouse, 3);

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> admin.get("/api/orders/" + id)
                                .expect(200)
                                .json()
                                .get("lines")
                                .get(0)
                                .get("promiseSource")
                                .asString(),
                        "STOCK"::equals);
        JsonNode order = admin.get("/api/orders/" + id).expect(200).json();
        assertThat(order.get("promisedDate").asString())
                .isEqualTo(order.get("lines").get(0).get("promisedDate").asString());
        assertThat(promiseEntries(admin, id)).hasSize(1);
    }

    private static List<JsonNode> promiseEntries(Api admin, String id) {
        return admin.get("/api/orders/" + id + "/history")
                .expect(200)
                .json()
                .valueStream()
                .filter(h -> h.get("kind").asString().equals("PROMISE"))
                .toList();
    }

    @Test
    void theConsistencyCheckNamesAnOrderWhosePromisedDateIsNotTheLatestOfItsLinesStillWanted(
            @Autowired JdbcTemplate jdbc) {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String inStock = fixtures.product("2.00");
        String missing = fixtures.product("2.00");
        fixtures.receive(inStock, warehouse, 10);
        JsonNode placed = admin.post(
                        "/api/orders", order(fixtures.customer("100000.00", warehouse), inStock, 1, missing, 1))
                .expect(201)
                .json();
        String number = placed.get("number").asString();
        UUID id = UUID.fromString(placed.get("id").asString());
        assertThat(promiseViolations(fixtures, number)).isEmpty();

        // the backordered line wholly cancelled behind the application's back: the order still has its date
        jdbc.update(
                "UPDATE order_line SET cancelled_quantity = quantity, backordered_quantity = 0 "
                        + "WHERE order_id = ? AND line_number = 2",
                id);
        try {
            assertThat(promiseViolations(fixtures, number))
                    .containsExactly(Map.of(
                            "order",
                            number,
                            "promisedDate",
                            placed.get("promisedDate").asString(),
                            "latestLinePromise",
                            placed.get("lines").get(0).get("promisedDate").asString()));
        } finally {
            jdbc.update(
                    "UPDATE order_line SET cancelled_quantity = 0, backordered_quantity = quantity "
                            + "WHERE order_id = ? AND line_number = 2",
                    id);
        }
        assertThat(promiseViolations(fixtures, number)).isEmpty();
    }

    private static List<Map<String, String>> promiseViolations(Fixtures fixtures, String number) {
        JsonNode check = fixtures.consistency()
                .get("checks")
                .valueStream()
                .filter(c -> c.get("invariant").asInt() == 19)
                .findFirst()
                .orElseThrow();
        return check.get("violations")
                .valueStream()
                .filter(v -> v.get("order").asString().equals(number))
                .map(v -> Map.of(
                        "order", v.get("order").asString(),
                        "promisedDate", v.get("promisedDate").asString(),
                        "latestLinePromise", v.get("latestLinePromise").asString()))
                .toList();
    }
}
