package org.ordo.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.fields;
import static org.ordo.testing.Fixtures.order;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@OrdoTest
class StockLedgerTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    Fixtures fixtures;
    Api admin;
    String warehouse;
    String sku;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
        warehouse = fixtures.warehouse();
        sku = fixtures.product("1.00");
    }

    @Test
    void onHandIsTheSumOfTheLedger() {
        fixtures.receive(sku, warehouse, 10);
        movement("ADJUSTMENT", -3, "broken in the aisle").expect(201);
        JsonNode count = movement("COUNT", 5, "cycle count").expect(201).json();

        assertThat(count.get("quantity").asLong()).isEqualTo(-2);
        assertThat(count.get("counted").asLong()).isEqualTo(5);
        assertThat(count.get("onHand").asLong()).isEqualTo(5);
        JsonNode ledger = admin.get("/api/inventory/movements?sku=" + sku + "&warehouse=" + warehouse)
                .expect(200)
                .json();
        assertThat(ledger.get("totalItems").asLong()).isEqualTo(3);
        long sum = ledger.get("items")
                .valueStream()
                .mapToLong(m -> m.get("quantity").asLong())
                .sum();
        assertThat(sum).isEqualTo(5);
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(5);
        assertThat(ledger.get("items").get(0).get("actor").asString()).isEqualTo("admin");
    }

    @Test
    void stockReservedForOrdersCannotBeAdjustedAway() {
        fixtures.receive(sku, warehouse, 5);
        UUID customer = fixtures.customer("1000.00");
        admin.post("/api/orders", order(customer, sku, 4)).expect(201);

        JsonNode problem = movement("ADJUSTMENT", -2, "shrinkage").expect(409).json();

        assertThat(problem.get("detail").asString()).contains("4 reserved");
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(5);
        movement("COUNT", 3, "count").expect(409);
    }

    @Test
    void badMovementsNameTheirFieldsAndChangeNothing() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("warehouse", warehouse);
        body.put("quantity", -1);
        body.put("type", "RECEIPT");
        assertThat(fields(
                        admin.post("/api/inventory/movements", body).expect(400).json()))
                .containsExactly("quantity");

        body.put("type", "GIFT");
        assertThat(fields(
                        admin.post("/api/inventory/movements", body).expect(400).json()))
                .containsExactly("type");

        body.put("type", "ADJUSTMENT");
        assertThat(fields(
                        admin.post("/api/inventory/movements", body).expect(400).json()))
                .containsExactly("reason");

        assertThat(fields(admin.post(
                                "/api/inventory/movements",
                                Map.of("sku", "NOPE-" + sku, "warehouse", warehouse, "quantity", 1, "type", "RECEIPT"))
                        .expect(422)
                        .json()))
                .containsExactly("sku");
        assertThat(fields(admin.post(
                                "/api/inventory/movements",
                                Map.of("sku", sku, "warehouse", "NOWHERE", "quantity", 1, "type", "RECEIPT"))
                        .expect(422)
                        .json()))
                .containsExactly("warehouse");
        assertThat(fixtures.level(sku, warehouse)).isNull();
    }

    @Test
    void onlyWarehouseStaffAndAdminsMoveStock() {
        Api sales = Api.at(port).basic(users.staff("SALES"), TestUsers.PASSWORD);
        Api warehouseStaff = Api.at(port).basic(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        Map<String, Object> receipt = Map.of("sku", sku, "warehouse", warehouse, "quantity", 2, "type", "RECEIPT");

        sales.post("/api/inventory/movements", receipt).expect(403);
        warehouseStaff.post("/api/inventory/movements", receipt).expect(201);
        sales.get("/api/inventory?sku=" + sku).expect(200);
    }

    @Test
    void theLedgerFiltersByTypeAndDaysAndAMalformedFilterIsA400NamingIt() {
        fixtures.receive(sku, warehouse, 10);
        movement("ADJUSTMENT", -2, "dropped").expect(201);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String base = "/api/inventory/movements?sku=" + sku + "&warehouse=" + warehouse;

        JsonNode adjustments = admin.get(base + "&type=ADJUSTMENT&from=" + today + "&to=" + today)
                .expect(200)
                .json();
        assertThat(adjustments.get("totalItems").asLong()).isEqualTo(1);
        assertThat(adjustments.get("items").get(0).get("quantity").asLong()).isEqualTo(-2);
        assertThat(admin.get(base + "&to=2001-01-01")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();

        assertThat(fields(admin.get(base + "&type=THEFT").expect(400).json())).containsExactly("type");
        assertThat(fields(admin.get(base + "&from=yesterday").expect(400).json()))
                .containsExactly("from");
        assertThat(fields(admin.get(base + "&from=2026-02-01&to=2026-01-31")
                        .expect(400)
                        .json()))
                .containsExactly("to");
    }

    @Test
    void buyersSetTheStockPolicyAndNegativeFiguresAreRefusedByRule() {
        fixtures.receive(sku, warehouse, 3);
        String level = "/api/inventory/levels/" + warehouse + "/" + sku;
        Api purchasing = Api.at(port).basic(users.staff("PURCHASING"), TestUsers.PASSWORD);
        Api sales = Api.at(port).basic(users.staff("SALES"), TestUsers.PASSWORD);

        sales.put(level, Map.of("safetyStock", 1, "reorderPoint", 2)).expect(403);
        JsonNode set = purchasing
                .put(level, Map.of("safetyStock", 1, "reorderPoint", 4))
                .expect(200)
                .json();
        assertThat(set.get("reorderPoint").asLong()).isEqualTo(4);
        assertThat(set.get("belowReorderPoint").asBoolean()).isTrue();
        JsonNode refused = purchasing
                .put(level, Map.of("safetyStock", -1, "reorderPoint", 4))
                .expect(400)
                .json();
        assertThat(fields(refused)).containsExactly("safetyStock");
        assertThat(refused.toString()).contains("zero-or-greater");
        assertThat(fixtures.level(sku, warehouse).get("safetyStock").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/audit?entity=STOCK&id=" + sku + "@" + warehouse)
                        .expect(200)
                        .text())
                .contains("POLICY");
    }

    @Test
    void everyStockChangeIsAudited() {
        fixtures.receive(sku, warehouse, 7);
        JsonNode trail = admin.get("/api/audit?entity=STOCK&id=" + sku + "@" + warehouse)
                .expect(200)
                .json();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).get("action").asString()).isEqualTo("RECEIPT");
    }

    @Test
    void consistencyCheckFindsALevelThatDisagreesWithTheLedger() {
        fixtures.receive(sku, warehouse, 10);
        jdbc.update("UPDATE stock_level SET on_hand = on_hand + 5 WHERE sku = ? AND warehouse = ?", sku, warehouse);
        try {
            JsonNode report = fixtures.consistency();
            assertThat(report.get("consistent").asBoolean()).isFalse();
            JsonNode ledgerCheck = report.get("checks")
                    .valueStream()
                    .filter(c -> c.get("invariant").asInt() == 1)
                    .findFirst()
                    .orElseThrow();
            assertThat(ledgerCheck.get("holds").asBoolean()).isFalse();
            assertThat(ledgerCheck
                            .get("violations")
                            .valueStream()
                            .map(v -> v.get("sku").asString())
                            .toList())
                    .contains(sku);
        } finally {
            jdbc.update("UPDATE stock_level SET on_hand = on_hand - 5 WHERE sku = ? AND warehouse = ?", sku, warehouse);
        }
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void theLedgerIsAppendOnly() {
        fixtures.receive(sku, warehouse, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("UPDATE stock_movement SET quantity = 100 WHERE sku = ?", sku))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("DELETE FROM stock_movement WHERE sku = ?", sku))
                .hasMessageContaining("append-only");
    }

    private Api.Response movement(String type, long quantity, String reason) {
        return admin.post(
                "/api/inventory/movements",
                Map.of("sku", sku, "warehouse", warehouse, "quantity", quantity, "type", type, "reason", reason));
    }
}
