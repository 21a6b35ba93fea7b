package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.fulfillment.ShippingFixtures.gtin;
import static org.ordo.testing.Fixtures.fields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Returns from request to resolution: refund, credit and replacement, with stock, order lines and invoices following. */
@OrdoTest
class ReturnFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Api admin;
    Fixtures fixtures;
    ShippingFixtures shipping;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        shipping = new ShippingFixtures(port);
        fixtures = shipping.fixtures();
    }

    /** An order shipped in full from one warehouse through the fulfilment API, delivered, and invoiced. */
    record Shipped(
            String orderId, String orderNumber, String warehouse, List<String> skus, UUID customer, JsonNode invoice) {}

    /** Ships {@code quantities[i]} units of a new 4.00 EUR product per line; {@code extraStock} more of each stays on hand. */
    private Shipped shippedOrder(UUID customer, long extraStock, long... quantities) {
        String warehouse = fixtures.warehouse();
        List<String> skus = new ArrayList<>();
        List<Object> lines = new ArrayList<>();
        for (long quantity : quantities) {
            String sku = shipping.product(gtin());
            fixtures.receive(sku, warehouse, quantity + extraStock);
            skus.add(sku);
            lines.add(sku);
            lines.add(quantity);
        }
        JsonNode order = shipping.order(customer, null, lines.toArray());
        String orderId = order.get("id").asString();
        String shipmentId = shipping.plan(orderId).get(0).get("id").asString();
        shipping.pickAndPack(shipmentId);
        admin.post("/api/shipments/" + shipmentId + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200);
        admin.post("/api/shipments/" + shipmentId + "/deliver", Map.of()).expect(200);
        return new Shipped(orderId, order.get("number").asString(), warehouse, skus, customer, awaitInvoice(orderId));
    }

    private JsonNode awaitInvoice(String orderId) {
        JsonNode[] items = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    items[0] = admin.get("/api/invoices?orderId=" + orderId + "&type=INVOICE")
                            .expect(200)
                            .json()
                            .get("items");
                    return items[0].size() >= 1;
                });
        return admin.get("/api/invoices/" + items[0].get(0).get("id").asString())
                .expect(200)
                .json();
    }

    /** A return body: {@code lineQuantityReason} repeats line number, quantity and reason. */
    private static Map<String, Object> returnOf(String resolution, Object... lineQuantityReason) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < lineQuantityReason.length; i += 3) {
            lines.add(Map.of(
                    "lineNumber",
                    lineQuantityReason[i],
                    "quantity",
                    lineQuantityReason[i + 1],
                    "reason",
                    lineQuantityReason[i + 2]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", lines);
        body.put("resolution", resolution);
        return body;
    }

    private JsonNode line(JsonNode order, int lineNumber) {
        return order.get("lines")
                .valueStream()
                .filter(l -> l.get("lineNumber").asInt() == lineNumber)
                .findFirst()
                .orElseThrow();
    }

    private JsonNode order(String id) {
        return admin.get("/api/orders/" + id).expect(200).json();
    }

    private void assertConsistent() {
        JsonNode report = fixtures.consistency();
        assertThat(report.get("consistent").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("checks")
                        .valueStream()
                        .filter(c -> c.get("name").asString().contains("returns")))
                .hasSize(1);
    }

    @Test
    void aRefundReturnIsReceivedPartlyRestockedPartlyScrappedThenCreditedAgainstItsInvoiceAndRefunded() {
        UUID customer = fixtures.customer("100000.00");
        Shipped shipped = shippedOrder(customer, 0, 3, 2);
        // 5 × 4.00 = 20.00 net, 19 % tax: 23.80, paid in full
        assertThat(shipped.invoice().get("totals").get("total").get("amount").asString())
                .isEqualTo("23.80");
        admin.post(
                        "/api/payments",
                        Map.of(
                                "customerId",
                                customer.toString(),
                                "amount",
                                Fixtures.money("23.80", "EUR"),
                                "method",
                                "BANK_TRANSFER",
                                "reference",
                                "paid in full"))
                .expect(201);

        Api.Response created = admin.post(
                        "/api/orders/" + shipped.orderNumber() + "/returns",
                        returnOf("REFUND", 1, 2, "DAMAGED", 2, 1, "NOT_NEEDED"))
                .expect(201);
        JsonNode rma = created.json();
        String id = rma.get("id").asString();
        String number = rma.get("number").asString();
        assertThat(created.header("Location")).isEqualTo("/api/returns/" + id);
        assertThat(number).matches("RMA-\\d{4}-\\d{6}");
        assertThat(rma.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(rma.get("orderNumber").asString()).isEqualTo(shipped.orderNumber());
        assertThat(rma.get("lines")).hasSize(2);

        admin.post("/api/returns/" + number + "/approve", null).expect(200);
        Map<String, Object> receipt = Map.of(
                "lines",
                List.of(
                        Map.of("lineNumber", 1, "quantity", 1, "restock", true),
                        Map.of("lineNumber", 1, "quantity", 1, "restock", false),
                        Map.of("lineNumber", 2, "quantity", 1)));
        JsonNode received = admin.post("/api/returns/" + id + "/receive", receipt)
                .expect(200)
                .json();
        assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
        JsonNode first = received.get("lines").get(0);
        assertThat(first.get("receivedQuantity").asLong()).isEqualTo(2);
        assertThat(first.get("restockedQuantity").asLong()).isEqualTo(1);
        assertThat(first.get("scrappedQuantity").asLong()).isEqualTo(1);

        // restocked units are back on hand through a RETURN movement; scrapped ones are not; the order counts both as
        // returned
        assertThat(fixtures.level(shipped.skus().get(0), shipped.warehouse())
                        .get("onHand")
                        .asLong())
                .isEqualTo(1);
        assertThat(fixtures.level(shipped.skus().get(1), shipped.warehouse())
                        .get("onHand")
                        .asLong())
                .isEqualTo(1);
        JsonNode ledger = admin.get(
                        "/api/inventory/movements?sku=" + shipped.skus().get(0) + "&warehouse=" + shipped.warehouse())
                .expect(200)
                .json()
                .get("items");
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("RETURN");
        assertThat(last.get("quantity").asLong()).isEqualTo(1);
        assertThat(last.get("reference").asString()).isEqualTo(number);
        JsonNode order = order(shipped.orderId());
        assertThat(line(order, 1).get("status").asString()).isEqualTo("RETURNED");

        admin.post("/api/returns/" + id + "/inspect", Map.of("notes", "one unit crushed, one resaleable"))
                .expect(200);
        JsonNode refunded =
                admin.post("/api/returns/" + id + "/resolve", null).expect(200).json();
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        // 3 units returned × 4.00 = 12.00 net + 2.28 tax
        assertThat(refunded.get("creditNotes")).singleElement().satisfies(n -> {
            assertThat(n.get("number").asString()).matches("CN-\\d{4}-\\d{6}");
            assertThat(n.get("invoiceNumber").asString())
                    .isEqualTo(shipped.invoice().get("number").asString());
            assertThat(n.get("total").get("amount").asString()).isEqualTo("-14.28");
        });
        assertThat(refunded.get("refund").get("amount").get("amount").asString())
                .isEqualTo("14.28");
        assertThat(refunded.get("refund").get("status").asString()).isEqualTo("DUE");
        JsonNode note = admin.get("/api/invoices/"
                        + refunded.get("creditNotes").get(0).get("number").asString())
                .expect(200)
                .json();
        assertThat(note.get("type").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(note.get("lines")
                        .valueStream()
                        .mapToLong(l -> l.get("quantity").asLong())
                        .sum())
                .isEqualTo(-3);
        JsonNode invoice = admin.get(
                        "/api/invoices/" + shipped.invoice().get("id").asString())
                .expect(200)
                .json();
        assertThat(invoice.get("amountCredited").get("amount").asString()).isEqualTo("14.28");

        JsonNode due = admin.get("/api/returns?refundStatus=DUE&orderId=" + shipped.orderId())
                .expect(200)
                .json();
        assertThat(due.get("totalItems").asLong()).isEqualTo(1);
        // resolving twice is an illegal transition and issues nothing more
        Api.Response again = admin.post("/api/returns/" + id + "/resolve", null).expect(409);
        assertThat(again.json().get("currentState").asString()).isEqualTo("REFUNDED");

        assertThat(fields(admin.post("/api/returns/" + id + "/refund", Map.of())
                        .expect(400)
                        .json()))
                .containsExactly("reference");
        JsonNode closed = admin.post("/api/returns/" + id + "/refund", Map.of("reference", "SEPA-4711"))
                .expect(200)
                .json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("refund").get("status").asString()).isEqualTo("REFUNDED");
        assertThat(closed.get("refund").get("reference").asString()).isEqualTo("SEPA-4711");
        JsonNode account = admin.get("/api/customers/" + customer + "/account")
                .expect(200)
                .json()
                .get("balances")
                .get(0);
        assertThat(account.get("onAccount").get("amount").asString()).isEqualTo("0.00");
        assertThat(account.get("balance").get("amount").asString()).isEqualTo("0.00");
        assertThat(closed.get("history")
                        .valueStream()
                        .map(h -> h.get("toStatus").asString()))
                .containsExactly("REQUESTED", "APPROVED", "RECEIVED", "INSPECTED", "REFUNDED", "CLOSED");
        JsonNode audit =
                admin.get("/api/audit?entity=RETURN&id=" + id).expect(200).json();
        JsonNode entries = audit.isArray() ? audit : audit.get("items");
        assertThat(entries.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("REQUESTED", "APPROVED", "RECEIVED", "INSPECTED", "REFUNDED", "REFUND_RECORDED");
        assertConsistent();
    }

    @Test
    void aRefundOfAnUnpaidInvoiceOnlyLowersWhatIsOwedAndCloses() {
        UUID customer = fixtures.customer("100000.00");
        Shipped shipped = shippedOrder(customer, 0, 2);
        String id = admin.post(
                        "/api/orders/" + shipped.orderNumber() + "/returns", returnOf("REFUND", 1, 1, "DEFECTIVE"))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/returns/" + id + "/approve", null).expect(200);
        admin.post("/api/returns/" + id + "/receive", Map.of()).expect(200);
        admin.post("/api/returns/" + id + "/inspect", Map.of("notes", "does not switch on"))
                .expect(200);

        JsonNode resolved =
                admin.post("/api/returns/" + id + "/resolve", null).expect(200).json();

        assertThat(resolved.get("status").asString()).isEqualTo("CLOSED");
        assertThat(resolved.get("refund").isNull()).isTrue();
        // 2 × 4.00 × 1.19 = 9.52 invoiced, one unit (4.76) credited: 4.76 left to pay
        JsonNode invoice = admin.get(
                        "/api/invoices/" + shipped.invoice().get("id").asString())
                .expect(200)
                .json();
        assertThat(invoice.get("amountDue").get("amount").asString()).isEqualTo("4.76");
        assertConsistent();
    }

    @Test
    void aCreditReturnIsRestockedWhereItShippedFromAndLeavesACreditNoteOnTheAccount() {
        Shipped shipped = shippedOrder(fixtures.customer("100000.00"), 0, 2);
        JsonNode rma = admin.post(
                        "/api/orders/" + shipped.orderId() + "/returns", returnOf("CREDIT", 1, 2, "WRONG_ITEM"))
                .expect(201)
                .json();
        String id = rma.get("id").asString();
        admin.post("/api/returns/" + id + "/approve", null).expect(200);
        JsonNode received =
                admin.post("/api/returns/" + id + "/receive", null).expect(200).json();
        assertThat(received.get("receipts")).singleElement().satisfies(r -> {
            assertThat(r.get("warehouse").asString()).isEqualTo(shipped.warehouse());
            assertThat(r.get("quantity").asLong()).isEqualTo(2);
        });
        assertThat(fixtures.level(shipped.skus().get(0), shipped.warehouse())
                        .get("onHand")
                        .asLong())
                .isEqualTo(2);
        assertThat(line(order(shipped.orderId()), 1).get("returnedQuantity").asLong())
                .isEqualTo(2);
        admin.post("/api/returns/" + id + "/inspect", Map.of()).expect(200);

        JsonNode closed =
                admin.post("/api/returns/" + id + "/resolve", null).expect(200).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("refund").isNull()).isTrue();
        assertThat(closed.get("history")
                        .valueStream()
                        .map(h -> h.get("toStatus").asString()))
                .containsExactly("REQUESTED", "APPROVED", "RECEIVED", "INSPECTED", "CREDITED", "CLOSED");
        // 2 × 4.00 + 19 % = 9.52 credited: nothing of the invoice is due any more
        assertThat(closed.get("creditNotes"))
                .singleElement()
                .satisfies(
                        n -> assertThat(n.get("total").get("amount").asString()).isEqualTo("-9.52"));
        JsonNode invoice = admin.get(
                        "/api/invoices/" + shipped.invoice().get("id").asString())
                .expect(200)
                .json();
        assertThat(invoice.get("amountDue").get("amount").asString()).isEqualTo("0.00");
        assertConsistent();
    }

    @Test
    void aReplaceReturnPlacesAFreeReplacementOrderThatReservesStockEvenWhenSupportResolvesIt() {
        Shipped shipped = shippedOrder(fixtures.customer("100000.00"), 3, 2);
        String support = users.staff("SUPPORT");
        Api supportApi = Api.at(port).basic(support, TestUsers.PASSWORD);
        JsonNode rma = supportApi
                .post("/api/orders/" + shipped.orderId() + "/returns", returnOf("REPLACE", 1, 1, "DEFECTIVE"))
                .expect(201)
                .json();
        String id = rma.get("id").asString();
        supportApi.post("/api/returns/" + id + "/approve", null).expect(200);
        JsonNode received = admin.post("/api/returns/" + id + "/receive", Map.of("restock", false))
                .expect(200)
                .json();
        assertThat(received.get("lines").get(0).get("scrappedQuantity").asLong())
                .isEqualTo(1);
        // scrapped: nothing comes back on hand
        assertThat(fixtures.level(shipped.skus().get(0), shipped.warehouse())
                        .get("onHand")
                        .asLong())
                .isEqualTo(3);
        supportApi
                .post("/api/returns/" + id + "/inspect", Map.of("notes", "does not power on"))
                .expect(200);

        JsonNode closed = supportApi
                .post("/api/returns/" + id + "/resolve", null)
                .expect(200)
                .json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("creditNotes")).isEmpty();
        String replacementNumber = closed.get("replacementOrder").get("number").asString();
        JsonNode replacement = order(replacementNumber);
        assertThat(replacement.get("externalReference").asString())
                .isEqualTo(rma.get("number").asString());
        assertThat(replacement.get("channel").asString()).isEqualTo("REPLACEMENT");
        assertThat(replacement.get("customerId").asString())
                .isEqualTo(shipped.customer().toString());
        assertThat(replacement.get("totals").get("total").get("amount").asString())
                .isEqualTo("0.00");
        assertThat(replacement.get("lines")).singleElement().satisfies(l -> {
            assertThat(l.get("sku").asString()).isEqualTo(shipped.skus().get(0));
            assertThat(l.get("quantity").asLong()).isEqualTo(1);
            assertThat(l.get("unitPrice").get("amount").asString()).isEqualTo("0.00");
            assertThat(l.get("reservedQuantity").asLong()).isEqualTo(1);
        });
        assertThat(fixtures.level(shipped.skus().get(0), shipped.warehouse())
                        .get("reserved")
                        .asLong())
                .isEqualTo(1);
        assertThat(closed.get("history")
                        .valueStream()
                        .map(h -> h.get("toStatus").asString()))
                .containsExactly("REQUESTED", "APPROVED", "RECEIVED", "INSPECTED", "REPLACED", "CLOSED");
        assertConsistent();
    }

    @Test
    void returningMoreThanShippedOrAlreadyRequestedIsRefusedNamingTheLineAndChangesNothing() {
        Shipped shipped = shippedOrder(fixtures.customer("100000.00"), 0, 3);
        String path = "/api/orders/" + shipped.orderId() + "/returns";

        Api.Response tooMany =
                admin.post(path, returnOf("REFUND", 1, 4, "NOT_NEEDED")).expect(422);
        assertThat(fields(tooMany.json())).containsExactly("lines[0].quantity");
        assertThat(admin.get("/api/returns?orderId=" + shipped.orderId())
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(fields(admin.post(path, returnOf("REFUND", 7, 1, "NOT_NEEDED"))
                        .expect(422)
                        .json()))
                .containsExactly("lines[0].lineNumber");
        Map<String, Object> malformed = returnOf("MONEY_BACK", 1, 0, "BORED");
        assertThat(fields(admin.post(path, malformed).expect(400).json()))
                .containsExactlyInAnyOrder("resolution", "lines[0].quantity", "lines[0].reason");
        assertThat(fields(admin.post(path, returnOf("CREDIT", 1, 1, "OTHER"))
                        .expect(400)
                        .json()))
                .containsExactly("note");

        // units on an open return are spoken for
        JsonNode open = admin.post(path, returnOf("CREDIT", 1, 2, "NOT_NEEDED"))
                .expect(201)
                .json();
        assertThat(fields(admin.post(path, returnOf("CREDIT", 1, 2, "NOT_NEEDED"))
                        .expect(422)
                        .json()))
                .containsExactly("lines[0].quantity");
        // receiving before approval is an illegal transition that names the states
        Api.Response early = admin.post("/api/returns/" + open.get("id").asString() + "/receive", null)
                .expect(409);
        assertThat(early.json().get("currentState").asString()).isEqualTo("REQUESTED");
        assertThat(early.json().get("allowedStates").valueStream().map(JsonNode::asString))
                .containsExactly("APPROVED", "REJECTED");
        // receiving more than was requested is refused and changes nothing
        admin.post("/api/returns/" + open.get("id").asString() + "/approve", null)
                .expect(200);
        Api.Response overReceived = admin.post(
                        "/api/returns/" + open.get("id").asString() + "/receive",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 3))))
                .expect(422);
        assertThat(fields(overReceived.json())).containsExactly("lines[0].quantity");
        assertThat(line(order(shipped.orderId()), 1).get("returnedQuantity").asLong())
                .isZero();
        assertThat(fixtures.level(shipped.skus().get(0), shipped.warehouse())
                        .get("onHand")
                        .asLong())
                .isZero();

        // a rejected return frees its units again
        assertThat(fields(admin.post("/api/returns/" + open.get("id").asString() + "/reject", Map.of())
                        .expect(400)
                        .json()))
                .containsExactly("reason");
        JsonNode rejected = admin.post(
                        "/api/returns/" + open.get("id").asString() + "/reject",
                        Map.of("reason", "outside the return window"))
                .expect(200)
                .json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        admin.post(path, returnOf("CREDIT", 1, 3, "NOT_NEEDED")).expect(201);
        assertConsistent();
    }

    @Test
    void restockedReturnsGoBackOnHandAndFillAWaitingBackorder() {
        Shipped shipped = shippedOrder(fixtures.customer("100000.00"), 0, 2);
        String sku = shipped.skus().get(0);
        JsonNode waiting = shipping.order(fixtures.customer("100000.00"), null, sku, 2);
        assertThat(line(waiting, 1).get("backorderedQuantity").asLong()).isEqualTo(2);

        String id = admin.post("/api/orders/" + shipped.orderId() + "/returns", returnOf("CREDIT", 1, 2, "NOT_NEEDED"))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/returns/" + id + "/approve", null).expect(200);
        admin.post("/api/returns/" + id + "/receive", null).expect(200);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> line(order(waiting.get("id").asString()), 1)
                                .get("reservedQuantity")
                                .asLong()
                        == 2);
        JsonNode level = fixtures.level(sku, shipped.warehouse());
        assertThat(level.get("onHand").asLong()).isEqualTo(2);
        assertThat(level.get("reserved").asLong()).isEqualTo(2);
        assertConsistent();
    }

    @Test
    void goodsAreReceivedInTheWarehouseOrAtTheServiceDeskButNotBySales() {
        Shipped shipped = shippedOrder(fixtures.customer("100000.00"), 0, 3);
        String id = admin.post("/api/orders/" + shipped.orderId() + "/returns", returnOf("CREDIT", 1, 2, "DAMAGED"))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/returns/" + id + "/approve", null).expect(200);
        Api sales = Api.at(port).basic(users.staff("SALES"), TestUsers.PASSWORD);
        sales.post("/api/returns/" + id + "/receive", Map.of("restock", true)).expect(403);
        assertThat(admin.get("/api/returns/" + id)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");

        Api support = Api.at(port).basic(users.staff("SUPPORT"), TestUsers.PASSWORD);
        JsonNode received = support.post("/api/returns/" + id + "/receive", Map.of("restock", true))
                .expect(200)
                .json();
        assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
        assertConsistent();
    }

    @Test
    void aCustomerReturnsOnlyItsOwnOrdersAndSeesOnlyItsOwnReturns() {
        UUID mine = fixtures.customer("100000.00");
        Shipped own = shippedOrder(mine, 0, 2);
        Shipped other = shippedOrder(fixtures.customer("100000.00"), 0, 2);
        Api customer = users.customerUser(port, mine);

        customer.post("/api/orders/" + other.orderId() + "/returns", returnOf("REFUND", 1, 1, "DAMAGED"))
                .expect(404);
        customer.post("/api/orders/" + other.orderNumber() + "/returns", returnOf("REFUND", 1, 1, "DAMAGED"))
                .expect(404);
        assertThat(admin.get("/api/returns?orderId=" + other.orderId())
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();

        JsonNode requested = customer.post(
                        "/api/orders/" + own.orderId() + "/returns", returnOf("REFUND", 1, 1, "DAMAGED"))
                .expect(201)
                .json();
        assertThat(requested.get("requestedBy").asString()).startsWith("customer-");
        String othersReturn = admin.post(
                        "/api/orders/" + other.orderId() + "/returns", returnOf("CREDIT", 1, 1, "NOT_NEEDED"))
                .expect(201)
                .json()
                .get("id")
                .asString();
        customer.get("/api/returns/" + othersReturn).expect(404);
        customer.get("/api/returns/" + requested.get("id").asString()).expect(200);
        JsonNode list = customer.get("/api/returns").expect(200).json();
        assertThat(list.get("items").valueStream().map(r -> r.get("customerId").asString()))
                .containsOnly(mine.toString());
        // a customer may not approve its own return
        customer.post("/api/returns/" + requested.get("id").asString() + "/approve", null)
                .expect(403);
        admin.get("/api/returns/RMA-1999-999999").expect(404);
        assertConsistent();
    }
}
