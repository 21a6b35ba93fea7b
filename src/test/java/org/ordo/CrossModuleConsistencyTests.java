package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.ShippedOrders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The consistency checks that compare one module's figures with another's (order lines with reservations, stock,
 * shipments, returns and invoices) report exactly the line that disagrees, and nothing once it agrees again. Each test
 * breaks a figure behind the application's back and puts it right afterwards.
 */
@OrdoTest
class CrossModuleConsistencyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;
    Fixtures fixtures;
    ShippedOrders shippedOrders;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        shippedOrders = new ShippedOrders(port);
        fixtures = shippedOrders.fixtures();
    }

    @Test
    void aLineWhoseActiveReservationsDifferFromItsReservedQuantityIsReported() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("2.00");
        fixtures.receive(sku, warehouse, 3);
        JsonNode order = admin.post("/api/orders", order(fixtures.customer("100000.00"), sku, 3))
                .expect(201)
                .json();
        UUID orderId = UUID.fromString(order.get("id").asString());
        String number = order.get("number").asString();

        jdbc.update("UPDATE reservation SET quantity = quantity - 1 WHERE order_id = ?", orderId);
        try {
            assertThat(violations(4, "line quantities add up", "order", number))
                    .containsExactly(Map.of(
                            "order",
                            number,
                            "lineNumber",
                            1,
                            "quantity",
                            3,
                            "reserved",
                            3,
                            "backordered",
                            0,
                            "cancelled",
                            0,
                            "shipped",
                            0,
                            "activeReservations",
                            2));
        } finally {
            jdbc.update("UPDATE reservation SET quantity = quantity + 1 WHERE order_id = ?", orderId);
        }
        // a line that says nothing is reserved while its reservations are still active
        jdbc.update(
                "UPDATE order_line SET reserved_quantity = 0, backordered_quantity = 3 WHERE order_id = ?", orderId);
        try {
            assertThat(violations(4, "line quantities add up", "order", number))
                    .containsExactly(Map.of(
                            "order",
                            number,
                            "lineNumber",
                            1,
                            "quantity",
                            3,
                            "reserved",
                            0,
                            "backordered",
                            3,
                            "cancelled",
                            0,
                            "shipped",
                            0,
                            "activeReservations",
                            3));
        } finally {
            jdbc.update(
                    "UPDATE order_line SET reserved_quantity = 3, backordered_quantity = 0 WHERE order_id = ?",
                    orderId);
        }
        assertThat(violations(4, "line quantities add up", "order", number)).isEmpty();
    }

    @Test
    void aBackorderThatWaitsWhileItsSkuIsAvailableIsReported() {
        String warehouse = fixtures.warehouse();
        String elsewhere = fixtures.warehouse();
        String sku = fixtures.product("2.00");
        fixtures.receive(sku, warehouse, 5);
        fixtures.receive(sku, elsewhere, 2);
        JsonNode order = admin.post("/api/orders", order(fixtures.customer("100000.00"), sku, 1))
                .expect(201)
                .json();
        UUID orderId = UUID.fromString(order.get("id").asString());
        // cancelled, so that no backorder fill takes the stock while the line is broken
        admin.post("/api/orders/" + orderId + "/cancel", Map.of("reason", "not needed"))
                .expect(200);

        // the line waits for a unit although 5 + 2 are free in the two warehouses
        jdbc.update(
                "UPDATE order_line SET cancelled_quantity = 0, backordered_quantity = 1 WHERE order_id = ?", orderId);
        try {
            assertThat(violations(5, "no backorder waits", "sku", sku))
                    .containsExactly(Map.of("sku", sku, "backordered", 1, "available", 7));
            // stock in a warehouse that no longer ships does not count
            jdbc.update("UPDATE warehouse SET active = FALSE WHERE code = ?", elsewhere);
            assertThat(violations(5, "no backorder waits", "sku", sku))
                    .containsExactly(Map.of("sku", sku, "backordered", 1, "available", 5));
        } finally {
            jdbc.update("UPDATE warehouse SET active = TRUE WHERE code = ?", elsewhere);
            jdbc.update(
                    "UPDATE order_line SET cancelled_quantity = 1, backordered_quantity = 0 WHERE order_id = ?",
                    orderId);
        }
        assertThat(violations(5, "no backorder waits", "sku", sku)).isEmpty();
    }

    @Test
    void aShippedQuantityThatDiffersFromItsShipmentsIsReported() {
        ShippedOrders.Shipped shipped = shippedOrders.forNewCustomer(2, 3);
        UUID orderId = UUID.fromString(shipped.orderId());
        String number = shipped.orderNumber();
        String shipment = jdbc.queryForObject(
                "SELECT CAST(id AS VARCHAR(36)) FROM shipment WHERE order_id = ?", String.class, orderId);

        // one unit of line 1 more on the shipment than shipped; line 2 no longer on any shipment (its row names a line
        // the order lacks)
        jdbc.update(
                "UPDATE order_line SET shipped_quantity = 1, cancelled_quantity = 1 WHERE order_id = ? AND line_number = 1",
                orderId);
        jdbc.update(
                "UPDATE shipment_line SET line_number = 9 WHERE shipment_id = CAST(? AS UUID) AND line_number = 2",
                shipment);
        try {
            assertThat(violations(4, "shipped quantity of each order line", "order", number))
                    .containsExactly(
                            Map.of("order", number, "lineNumber", 1, "shipped", 1, "onShipments", 2),
                            Map.of("order", number, "lineNumber", 2, "shipped", 3, "onShipments", 0));
        } finally {
            jdbc.update(
                    "UPDATE shipment_line SET line_number = 2 WHERE shipment_id = CAST(? AS UUID) AND line_number = 9",
                    shipment);
            jdbc.update(
                    "UPDATE order_line SET shipped_quantity = 2, cancelled_quantity = 0 WHERE order_id = ? AND line_number = 1",
                    orderId);
        }
        assertThat(violations(4, "shipped quantity of each order line", "order", number))
                .isEmpty();
    }

    @Test
    void aReturnedQuantityThatDiffersFromItsReceivedReturnsIsReported() {
        ShippedOrders.Shipped shipped = shippedOrders.forNewCustomer(2, 3);
        String number = shipped.orderNumber();
        JsonNode rma = admin.post(
                        "/api/orders/" + shipped.orderId() + "/returns",
                        Map.of(
                                "resolution",
                                "CREDIT",
                                "lines",
                                List.of(
                                        Map.of("lineNumber", 1, "quantity", 2, "reason", "DAMAGED"),
                                        Map.of("lineNumber", 2, "quantity", 1, "reason", "DAMAGED"))))
                .expect(201)
                .json();
        String id = rma.get("id").asString();
        admin.post("/api/returns/" + id + "/approve", null).expect(200);
        admin.post("/api/returns/" + id + "/receive", null).expect(200);

        // one unit of line 1 less received than returned; line 2's return row names a line the order lacks
        jdbc.update(
                "UPDATE return_line SET received_quantity = 1, restocked_quantity = 1 WHERE return_id = CAST(? AS UUID) AND line_number = 1",
                id);
        jdbc.update("UPDATE return_line SET line_number = 9 WHERE return_id = CAST(? AS UUID) AND line_number = 2", id);
        try {
            assertThat(violations(4, "quantity received on its returns", "order", number))
                    .containsExactly(
                            Map.of("order", number, "lineNumber", 1, "returned", 2, "receivedOnReturns", 1),
                            Map.of("order", number, "lineNumber", 2, "returned", 1, "receivedOnReturns", 0));
        } finally {
            jdbc.update(
                    "UPDATE return_line SET line_number = 2 WHERE return_id = CAST(? AS UUID) AND line_number = 9", id);
            jdbc.update(
                    "UPDATE return_line SET received_quantity = 2, restocked_quantity = 2 WHERE return_id = CAST(? AS UUID) "
                            + "AND line_number = 1",
                    id);
        }
        assertThat(violations(4, "quantity received on its returns", "order", number))
                .isEmpty();
    }

    @Test
    void anOrderLineInvoicedBeyondWhatShippedIsReported() {
        ShippedOrders.Shipped shipped = shippedOrders.forNewCustomer(2, 3);
        String number = shipped.orderNumber();
        String invoice = shipped.invoiceNumber();

        // line 1 billed once more than shipped; line 2's invoice row names a line the order lacks
        jdbc.update(
                "UPDATE invoice_line SET quantity = quantity + 1 WHERE order_line_number = 1 "
                        + "AND invoice_id = (SELECT id FROM invoice WHERE number = ?)",
                invoice);
        jdbc.update(
                "UPDATE invoice_line SET order_line_number = 9 WHERE order_line_number = 2 "
                        + "AND invoice_id = (SELECT id FROM invoice WHERE number = ?)",
                invoice);
        try {
            assertThat(violations(8, "invoiced quantity per order line", "order", number))
                    .containsExactly(Map.of(
                            "order",
                            number,
                            "lineNumber",
                            1,
                            "invoiced",
                            3,
                            "shipped",
                            2,
                            "ordered",
                            2,
                            "policy",
                            "ON_SHIPMENT"));
        } finally {
            jdbc.update(
                    "UPDATE invoice_line SET order_line_number = 2 WHERE order_line_number = 9 "
                            + "AND invoice_id = (SELECT id FROM invoice WHERE number = ?)",
                    invoice);
            jdbc.update(
                    "UPDATE invoice_line SET quantity = quantity - 1 WHERE order_line_number = 1 "
                            + "AND invoice_id = (SELECT id FROM invoice WHERE number = ?)",
                    invoice);
        }
        assertThat(violations(8, "invoiced quantity per order line", "order", number))
                .isEmpty();
    }

    /** The violations of the one check of {@code invariant} whose name starts so, that name {@code value} in {@code field}. */
    private List<Map<String, Object>> violations(int invariant, String name, String field, String value) {
        List<JsonNode> checks = fixtures.consistency()
                .get("checks")
                .valueStream()
                .filter(c -> c.get("invariant").asInt() == invariant
                        && c.get("name").asString().contains(name))
                .toList();
        assertThat(checks).hasSize(1);
        return checks.get(0)
                .get("violations")
                .valueStream()
                .filter(v -> v.get(field).asString().equals(value))
                .map(CrossModuleConsistencyTests::plain)
                .toList();
    }

    /** A violation as plain values: numbers as int when small, else as long; text as text. */
    private static Map<String, Object> plain(JsonNode violation) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        violation.properties().forEach(e -> {
            JsonNode v = e.getValue();
            row.put(e.getKey(), v.isNumber() ? (Object) v.asInt() : v.asString());
        });
        return row;
    }
}
