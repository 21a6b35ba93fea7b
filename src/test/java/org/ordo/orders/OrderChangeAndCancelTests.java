package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.orders.OrderPlacementTests.fields;
import static org.ordo.testing.Fixtures.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@OrdoTest
class OrderChangeAndCancelTests {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    Api admin;
    String warehouse;
    String sku;
    UUID customer;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
        warehouse = fixtures.warehouse();
        sku = fixtures.product("5.00");
        fixtures.receive(sku, warehouse, 10);
        customer = fixtures.customer("100000.00");
    }

    @Test
    void raisingAQuantityReservesTheDeltaAndBackordersWhatIsMissing() {
        JsonNode placed =
                admin.post("/api/orders", order(customer, sku, 4)).expect(201).json();
        String id = placed.get("id").asString();

        var changed = admin.header("If-Match", "\"0\"")
                .patch(
                        "/api/orders/" + id,
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 12)), "reason", "customer called"))
                .expect(200);

        JsonNode line = changed.json().get("lines").get(0);
        assertThat(line.get("quantity").asLong()).isEqualTo(12);
        assertThat(line.get("reservedQuantity").asLong()).isEqualTo(10);
        assertThat(line.get("backorderedQuantity").asLong()).isEqualTo(2);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.json().get("totals").get("subtotal").get("amount").asString())
                .isEqualTo("60.00");
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(10);
    }

    @Test
    void loweringAQuantityReleasesStockAndAddingALineReserves() {
        String other = fixtures.product("1.00");
        fixtures.receive(other, warehouse, 3);
        String id = admin.post("/api/orders", order(customer, sku, 8))
                .expect(201)
                .json()
                .get("id")
                .asString();

        JsonNode changed = admin.patch(
                        "/api/orders/" + id,
                        Map.of(
                                "lines",
                                List.of(Map.of("lineNumber", 1, "quantity", 5), Map.of("sku", other, "quantity", 2))))
                .expect(200)
                .json();

        assertThat(changed.get("lines")).hasSize(2);
        assertThat(changed.get("lines").get(0).get("reservedQuantity").asLong()).isEqualTo(5);
        assertThat(changed.get("lines").get(1).get("lineNumber").asInt()).isEqualTo(2);
        assertThat(changed.get("lines").get(1).get("reservedQuantity").asLong()).isEqualTo(2);
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(5);
        assertThat(fixtures.level(other, warehouse).get("reserved").asLong()).isEqualTo(2);
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        String id = admin.post("/api/orders", order(customer, sku, 2))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.header("If-Match", "\"0\"")
                .patch("/api/orders/" + id, Map.of("notes", "first"))
                .expect(200);

        JsonNode problem = admin.header("If-Match", "\"0\"")
                .patch("/api/orders/" + id, Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 9))))
                .expect(412)
                .json();

        assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/orders/" + id)
                        .expect(200)
                        .json()
                        .get("lines")
                        .get(0)
                        .get("quantity")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void cancellingReleasesEveryReservationAndBackorder() {
        String id = admin.post("/api/orders", order(customer, sku, 14))
                .expect(201)
                .json()
                .get("id")
                .asString();
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(10);

        JsonNode cancelled = admin.post("/api/orders/" + id + "/cancel", Map.of("reason", "customer changed mind"))
                .expect(200)
                .json();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        JsonNode line = cancelled.get("lines").get(0);
        assertThat(line.get("cancelledQuantity").asLong()).isEqualTo(14);
        assertThat(line.get("reservedQuantity").asLong()).isZero();
        assertThat(line.get("backorderedQuantity").asLong()).isZero();
        assertThat(cancelled.get("totals").get("total").get("amount").asString())
                .isEqualTo("0.00");
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isZero();
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void cancellingOneLinePartlyKeepsTheOrderOpen() {
        String other = fixtures.product("1.00");
        fixtures.receive(other, warehouse, 3);
        String id = admin.post("/api/orders", order(customer, sku, 6, other, 3))
                .expect(201)
                .json()
                .get("id")
                .asString();

        JsonNode result = admin.post(
                        "/api/orders/" + id + "/cancel",
                        Map.of("reason", "short", "lines", List.of(Map.of("lineNumber", 1, "quantity", 2))))
                .expect(200)
                .json();

        assertThat(result.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(result.get("lines").get(0).get("cancelledQuantity").asLong()).isEqualTo(2);
        assertThat(result.get("lines").get(0).get("reservedQuantity").asLong()).isEqualTo(4);
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(4);
    }

    @Test
    void cancellingTwiceIsAConflictNamingTheStates() {
        String id = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/orders/" + id + "/cancel", Map.of("reason", "dup")).expect(200);

        JsonNode problem = admin.post("/api/orders/" + id + "/cancel", Map.of("reason", "again"))
                .expect(409)
                .json();

        assertThat(problem.get("currentState").asString()).isEqualTo("CANCELLED");
        assertThat(problem.get("allowedStates")).isEmpty();
        assertThat(problem.get("detail").asString()).contains("is cancelled").doesNotContain("CANCELLED");
    }

    @Test
    void illegalTransitionsThroughTheApiAre409WithCurrentAndAllowedStates() {
        String id = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString();

        JsonNode releaseConfirmed = admin.post("/api/orders/" + id + "/release", Map.of("reason", "x"))
                .expect(409)
                .json();
        assertThat(releaseConfirmed.get("currentState").asString()).isEqualTo("CONFIRMED");
        assertThat(releaseConfirmed.get("targetState").asString()).isEqualTo("PLACED");
        assertThat(releaseConfirmed
                        .get("allowedStates")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("IN_FULFILLMENT", "ON_HOLD", "CANCELLED");

        admin.post("/api/orders/" + id + "/hold", Map.of("reason", "fraud check"))
                .expect(200);
        JsonNode holdTwice = admin.post("/api/orders/" + id + "/hold", Map.of("reason", "again"))
                .expect(409)
                .json();
        assertThat(holdTwice
                        .get("allowedStates")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("PLACED", "CANCELLED");
        admin.post("/api/orders/" + id + "/confirm", null).expect(409);
    }

    @Test
    void holdNeedsAReason() {
        String id = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString();
        assertThat(fields(admin.post("/api/orders/" + id + "/hold", Map.of())
                        .expect(400)
                        .json()))
                .containsExactly("reason");
    }

    @Test
    void historyRecordsEveryTransitionAndChangeWithActor() {
        String id = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.patch("/api/orders/" + id, Map.of("notes", "leave at the door", "reason", "customer asked"))
                .expect(200);
        admin.post("/api/orders/" + id + "/hold", Map.of("reason", "address check"))
                .expect(200);

        JsonNode history =
                admin.get("/api/orders/" + id + "/history").expect(200).json();

        assertThat(history.valueStream().map(h -> h.get("kind").asString()).toList())
                .containsExactly("STATUS", "STATUS", "CHANGE", "STATUS");
        assertThat(history.valueStream()
                        .map(h -> h.get("actor").asString())
                        .distinct()
                        .toList())
                .containsExactly("admin");
        assertThat(history.get(3).get("reason").asString()).isEqualTo("address check");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("customer asked");
    }
}
