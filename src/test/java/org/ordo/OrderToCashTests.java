package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.fulfillment.ShippingFixtures.fields;
import static org.ordo.fulfillment.ShippingFixtures.gtin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The whole of order-to-cash through the API, on PostgreSQL: from stock reserved in two warehouses to a completed order. */
@OrdoTest
class OrderToCashTests {

    @LocalServerPort
    int port;

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
    void anOrderSplitOverTwoWarehousesIsShippedInvoicedPerShipmentPaidInTwoPartsAndCompletedOnDelivery() {
        // stock: A in east (3) and west (2), B in east only; the order needs 5 A and 2 B (4.00 each, 19 % VAT)
        String east = fixtures.warehouse();
        String west = fixtures.warehouse();
        String a = shipping.product(gtin());
        String b = shipping.product(gtin());
        fixtures.receive(a, east, 3);
        fixtures.receive(a, west, 2);
        fixtures.receive(b, east, 2);
        UUID customer = fixtures.customer("100000.00");
        JsonNode order = shipping.order(customer, null, a, 5, b, 2);
        String orderId = order.get("id").asString();
        assertThat(order.get("lines")
                        .valueStream()
                        .mapToLong(l -> l.get("reservedQuantity").asLong())
                        .sum())
                .isEqualTo(7);

        // split shipment: one per warehouse the stock is reserved in
        JsonNode shipments = shipping.plan(orderId);
        assertThat(shipments).hasSize(2);
        String fromEast = byWarehouse(shipments, east);
        String fromWest = byWarehouse(shipments, west);

        // pick by scan: a code that is not on the pick list is refused and changes nothing
        admin.post("/api/shipments/" + fromEast + "/pick", null).expect(200);
        Api.Response wrong = admin.post("/api/shipments/" + fromEast + "/scan", Map.of("code", "NOT-ON-THE-LIST"))
                .expect(422);
        assertThat(fields(wrong.json())).containsExactly("code");
        for (JsonNode line :
                admin.get("/api/shipments/" + fromEast).expect(200).json().get("lines")) {
            for (long i = 0; i < line.get("quantity").asLong(); i++) {
                admin.post(
                                "/api/shipments/" + fromEast + "/scan",
                                Map.of("code", line.get("sku").asString()))
                        .expect(200);
            }
        }
        assertThat(admin.post("/api/shipments/" + fromEast + "/pack", null)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PACKED");
        shipping.pickAndPack(fromWest);

        // ship both: each shipment is invoiced on its own, automatically
        admin.post("/api/shipments/" + fromEast + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200);
        awaitInvoices(orderId, 1);
        admin.post("/api/shipments/" + fromWest + "/ship", Map.of("carrier", "DHL"))
                .expect(200);
        assertThat(orderStatus(orderId)).isEqualTo("SHIPPED");
        JsonNode invoices = awaitInvoices(orderId, 2);
        assertThat(invoices.valueStream()
                        .map(i -> i.get("shipmentNumber").asString())
                        .distinct())
                .hasSize(2);
        // east: 3 A + 2 B = 20.00 + 3.80 VAT = 23.80; west: 2 A = 8.00 + 1.52 VAT = 9.52
        assertThat(invoices.valueStream().map(i -> i.get("total").get("amount").asString()))
                .containsExactlyInAnyOrder("23.80", "9.52");

        // a partial payment goes to the oldest invoice first (same due date: the lower number, east's)
        JsonNode partial = admin.header("Idempotency-Key", Fixtures.unique("o2c"))
                .post(
                        "/api/payments",
                        Map.of(
                                "customerId",
                                customer.toString(),
                                "amount",
                                Fixtures.money("20.00", "EUR"),
                                "method",
                                "BANK_TRANSFER",
                                "reference",
                                "first instalment"))
                .expect(201)
                .json();
        assertThat(partial.get("status").asString()).isEqualTo("ALLOCATED");
        assertThat(invoiceStatuses(orderId)).containsExactlyInAnyOrder("PARTIALLY_PAID", "ISSUED");
        JsonNode account =
                admin.get("/api/customers/" + customer + "/account").expect(200).json();
        assertThat(account.get("balances").get(0).get("balance").get("amount").asString())
                .isEqualTo("13.32");

        // a second payment settles everything, allocated explicitly to what is open
        List<Map<String, Object>> rest = admin.get("/api/invoices?orderId=" + orderId)
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .filter(i -> !i.get("amountDue").get("amount").asString().equals("0.00"))
                .map(i -> Map.<String, Object>of(
                        "invoiceId",
                        i.get("id").asString(),
                        "amount",
                        Fixtures.money(i.get("amountDue").get("amount").asString(), "EUR")))
                .toList();
        JsonNode settling = admin.post(
                        "/api/payments",
                        Map.of(
                                "customerId",
                                customer.toString(),
                                "amount",
                                Fixtures.money("13.32", "EUR"),
                                "method",
                                "BANK_TRANSFER",
                                "reference",
                                "balance",
                                "allocations",
                                rest))
                .expect(201)
                .json();
        assertThat(settling.get("status").asString()).isEqualTo("ALLOCATED");
        assertThat(invoiceStatuses(orderId)).containsOnly("PAID");
        // paid, but not yet delivered: not complete
        assertThat(orderStatus(orderId)).isEqualTo("SHIPPED");

        // delivery of both shipments completes the order: delivered, fully invoiced, fully paid
        admin.post("/api/shipments/" + fromEast + "/deliver", Map.of()).expect(200);
        assertThat(orderStatus(orderId)).isEqualTo("SHIPPED");
        admin.post("/api/shipments/" + fromWest + "/deliver", Map.of()).expect(200);
        assertThat(orderStatus(orderId)).isEqualTo("COMPLETED");
        JsonNode history =
                admin.get("/api/orders/" + orderId + "/history").expect(200).json();
        assertThat(history.toString()).contains("COMPLETED");

        JsonNode settled =
                admin.get("/api/customers/" + customer + "/account").expect(200).json();
        assertThat(settled.get("balances").get(0).get("balance").get("amount").asString())
                .isEqualTo("0.00");
        assertThat(settled.get("openInvoices")).isEmpty();
        JsonNode consistency = fixtures.consistency();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
        assertThat(consistency
                        .get("checks")
                        .valueStream()
                        .filter(c -> c.get("invariant").asInt() == 10))
                .hasSize(3)
                .allMatch(c -> c.get("holds").asBoolean());
    }

    @Test
    void anOrderDeliveredBeforeItIsPaidIsCompletedByThePaymentThatSettlesIt() {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(gtin());
        fixtures.receive(sku, warehouse, 2);
        UUID customer = fixtures.customer("100000.00");
        String orderId = shipping.order(customer, null, sku, 2).get("id").asString();
        String shipment = shipping.plan(orderId).get(0).get("id").asString();
        shipping.pickAndPack(shipment);
        admin.post("/api/shipments/" + shipment + "/ship", Map.of("carrier", "UPS"))
                .expect(200);
        admin.post("/api/shipments/" + shipment + "/deliver", Map.of()).expect(200);
        assertThat(orderStatus(orderId)).isEqualTo("DELIVERED");
        String total =
                awaitInvoices(orderId, 1).get(0).get("total").get("amount").asString();

        admin.post(
                        "/api/payments",
                        Map.of(
                                "customerId",
                                customer.toString(),
                                "amount",
                                Fixtures.money(total, "EUR"),
                                "method",
                                "CARD"))
                .expect(201);

        assertThat(orderStatus(orderId)).isEqualTo("COMPLETED");
    }

    private JsonNode awaitInvoices(String orderId, int expected) {
        JsonNode[] items = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    items[0] = admin.get("/api/invoices?orderId=" + orderId)
                            .expect(200)
                            .json()
                            .get("items");
                    return items[0].size() >= expected;
                });
        return items[0];
    }

    private List<String> invoiceStatuses(String orderId) {
        return admin.get("/api/invoices?orderId=" + orderId)
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .map(i -> i.get("status").asString())
                .toList();
    }

    private String orderStatus(String orderId) {
        return admin.get("/api/orders/" + orderId)
                .expect(200)
                .json()
                .get("status")
                .asString();
    }

    private static String byWarehouse(JsonNode shipments, String warehouse) {
        return shipments
                .valueStream()
                .filter(s -> s.get("warehouse").asString().equals(warehouse))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }
}
