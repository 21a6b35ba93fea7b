package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.fulfillment.ShippingFixtures.gtin;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
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
 * From a backorder to a shipment through purchasing, on PostgreSQL: what is bought is promised on the supplier's date,
 * received oldest backorder first and shipped; and a purchase order that is late names the orders it endangers.
 */
@OrdoTest
class PurchaseToPromiseTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Api admin;
    ShippingFixtures shipping;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        shipping = new ShippingFixtures(port);
        fixtures = shipping.fixtures();
    }

    @Test
    void aBackorderIsBoughtPromisedReceivedOldestFirstAndShipped() {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(gtin());
        // a stock level with nothing on hand, so that it can have a reorder point
        fixtures.receive(sku, warehouse, 1);
        admin.post(
                        "/api/inventory/movements",
                        Map.of(
                                "sku",
                                sku,
                                "warehouse",
                                warehouse,
                                "quantity",
                                -1,
                                "type",
                                "ADJUSTMENT",
                                "reason",
                                "none"))
                .expect(201);
        admin.put("/api/inventory/levels/" + warehouse + "/" + sku, Map.of("safetyStock", 0, "reorderPoint", 5))
                .expect(200);
        String supplier = supplier();
        offer(supplier, sku, 10);
        UUID customer = fixtures.customer("100000.00", warehouse);
        String older = shipping.order(customer, null, sku, 12).get("id").asString();
        JsonNode placed = shipping.order(customer, null, sku, 30);
        String newer = placed.get("id").asString();
        assertThat(placed.get("lines").get(0).get("backorderedQuantity").asLong())
                .isEqualTo(30);

        // replenishment proposes what the backorders need; the proposal becomes a draft purchase order
        admin.post("/api/replenishment/runs", Map.of()).expect(201);
        JsonNode proposal = admin.get("/api/replenishment/proposals")
                .expect(200)
                .json()
                .valueStream()
                .filter(p -> p.get("sku").asString().equals(sku))
                .findFirst()
                .orElseThrow();
        assertThat(proposal.get("backordered").asLong()).isEqualTo(42);
        long bought = proposal.get("quantity").asLong();
        assertThat(bought).isGreaterThanOrEqualTo(42);
        JsonNode po = admin.post(
                        "/api/replenishment/proposals/purchase-orders",
                        Map.of("proposalIds", List.of(proposal.get("id").asString())))
                .expect(200)
                .json()
                .get("purchaseOrders")
                .get(0);
        assertThat(po.get("status").asString()).isEqualTo("DRAFT");
        String poId = po.get("id").asString();
        String reference = po.get("number").asString() + "/1";

        // sent and confirmed for a Monday: 1 handling + 1 processing + 3 transit working days make the next Monday
        admin.post("/api/purchase-orders/" + poId + "/send", Map.of()).expect(200);
        LocalDate arrives = LocalDate.now(ZoneOffset.UTC).plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        admin.post("/api/purchase-orders/" + poId + "/confirm", confirmation(arrives))
                .expect(200);
        JsonNode promised = awaitOrder(
                newer,
                o -> reference.equals(o.get("lines").get(0).get("promiseSource").asString()));
        assertThat(promised.get("lines").get(0).get("promisedDate").asString())
                .isEqualTo(arrives.plusWeeks(1).toString());
        assertThat(promised.get("promisedDate").asString())
                .isEqualTo(arrives.plusWeeks(1).toString());

        // a partial receipt fills the oldest backorder first
        receive(poId, 20);
        JsonNode olderFilled = awaitOrder(
                older, o -> o.get("lines").get(0).get("backorderedQuantity").asLong() == 0);
        assertThat(olderFilled.get("lines").get(0).get("reservedQuantity").asLong())
                .isEqualTo(12);
        JsonNode newerPart = awaitOrder(
                newer, o -> o.get("lines").get(0).get("reservedQuantity").asLong() == 8);
        assertThat(newerPart.get("lines").get(0).get("backorderedQuantity").asLong())
                .isEqualTo(22);

        // the rest arrives and the newer order ships in full
        receive(poId, bought - 20);
        awaitOrder(newer, o -> o.get("lines").get(0).get("reservedQuantity").asLong() == 30);
        String shipment = shipping.plan(newer).get(0).get("id").asString();
        shipping.pickAndPack(shipment);
        admin.post("/api/shipments/" + shipment + "/ship", Map.of("carrier", "UPS"))
                .expect(200);
        assertThat(admin.get("/api/orders/" + newer)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SHIPPED");
        assertThat(admin.get("/api/purchase-orders/" + poId)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RECEIVED");
        JsonNode consistency = fixtures.consistency();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
    }

    @Test
    void aLatePurchaseOrderNamesTheOrdersItEndangers() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("5.00");
        String supplier = supplier();
        offer(supplier, sku, 5);
        UUID customer = fixtures.customer("100000.00", warehouse);
        String customerName = admin.get("/api/customers/" + customer)
                .expect(200)
                .json()
                .get("name")
                .asString();
        JsonNode order = shipping.order(customer, null, sku, 8);
        String orderId = order.get("id").asString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierId", supplier);
        body.put("warehouse", warehouse);
        body.put("lines", List.of(Map.of("sku", sku, "quantity", 8)));
        JsonNode po = admin.post("/api/purchase-orders", body).expect(201).json();
        String poId = po.get("id").asString();
        String reference = po.get("number").asString() + "/1";
        admin.post("/api/purchase-orders/" + poId + "/send", Map.of()).expect(200);

        // the supplier confirmed a day that has passed, and nothing came
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        admin.post("/api/purchase-orders/" + poId + "/confirm", confirmation(yesterday))
                .expect(200);
        awaitOrder(
                orderId,
                o -> reference.equals(o.get("lines").get(0).get("promiseSource").asString()));

        JsonNode alert = lateAlert(Api.at(port).basic(users.staff("PURCHASING"), TestUsers.PASSWORD), reference);
        assertThat(alert).as("the late line is in the feed").isNotNull();
        assertThat(alert.get("severity").asString()).isEqualTo("HIGH");
        assertThat(alert.get("subject").get("kind").asString()).isEqualTo("PURCHASE_ORDER_LINE");
        assertThat(alert.get("subject").get("id").asString()).isEqualTo(poId);
        assertThat(alert.get("action").get("href").asString())
                .isEqualTo("/purchasing/orders/" + reference.substring(0, reference.indexOf('/')));
        assertThat(alert.get("affected")).hasSize(1);
        JsonNode affected = alert.get("affected").get(0);
        assertThat(affected.get("orderId").asString()).isEqualTo(orderId);
        assertThat(affected.get("orderNumber").asString())
                .isEqualTo(order.get("number").asString());
        assertThat(affected.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(affected.get("customerName").asString()).isEqualTo(customerName);
        assertThat(affected.get("lineNumber").asInt()).isEqualTo(1);

        // accounting cannot act on a purchase order: the feed leaves it out
        Api accounting = Api.at(port).basic(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        assertThat(lateAlert(accounting, reference)).isNull();
        admin.get("/api/risks?type=NO_SUCH_RISK").expect(400);
    }

    private static JsonNode lateAlert(Api api, String reference) {
        return api.get("/api/risks?type=PURCHASE_ORDER_LATE&severity=HIGH")
                .expect(200)
                .json()
                .get("alerts")
                .valueStream()
                .filter(a -> a.get("subject").get("number").asString().equals(reference))
                .findFirst()
                .orElse(null);
    }

    private String supplier() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.unique("Supplier"));
        body.put("currency", "EUR");
        body.put("paymentTermsDays", 30);
        body.put("address", Fixtures.address("Supplier"));
        return admin.post("/api/suppliers", body).expect(201).json().get("id").asString();
    }

    private void offer(String supplier, String sku, int leadTimeDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitPrice", Fixtures.money("2.00", "EUR"));
        body.put("minimumOrderQuantity", 1);
        body.put("packSize", 1);
        body.put("leadTimeDays", leadTimeDays);
        admin.put("/api/suppliers/" + supplier + "/items/" + sku, body).expect(200);
    }

    private static Map<String, Object> confirmation(LocalDate date) {
        return Map.of("lines", List.of(Map.of("lineNumber", 1, "confirmedDate", date.toString())));
    }

    private void receive(String poId, long quantity) {
        admin.post(
                        "/api/purchase-orders/" + poId + "/receipts",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", quantity))))
                .expect(201);
    }

    private JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> admin.get("/api/orders/" + orderId).expect(200).json(), condition);
    }
}
