package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.fulfillment.ShippingFixtures.fields;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * The delivery desk makes a customer whole in money for a parcel in trouble: a credit note against the shipment's
 * invoice, and for a paid invoice the money paid back; a lost parcel so settled is written off and leaves the desk.
 */
@OrdoTest
class DeliveryCreditTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Api admin;
    Api support;
    ShippingFixtures shipping;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        support = Api.at(port).basic(users.staff("SUPPORT"), TestUsers.PASSWORD);
        shipping = new ShippingFixtures(port);
    }

    @Test
    void aPaidLostParcelIsRefundedOnceItsInvoiceCreditedAndTheParcelWrittenOff() {
        JsonNode shipment = shipped(2, "LOST");
        String id = shipment.get("id").asString();
        JsonNode invoice = invoiceOf(shipment);
        String total = invoice.get("totals").get("total").get("amount").asString();
        pay(invoice, total);

        Api desk = support.header("Idempotency-Key", Fixtures.unique("credit"));
        Map<String, Object> body = Map.of("mode", "REFUND", "reason", "parcel lost by the carrier");
        JsonNode refunded =
                desk.post("/api/shipments/" + id + "/credit", body).expect(201).json();
        JsonNode again =
                desk.post("/api/shipments/" + id + "/credit", body).expect(201).json();

        assertThat(again.get("creditNoteNumber").asString())
                .isEqualTo(refunded.get("creditNoteNumber").asString());
        assertThat(refunded.get("invoiceNumber").asString())
                .isEqualTo(invoice.get("number").asString());
        assertThat(refunded.get("shipmentStatus").asString()).isEqualTo("LOST");
        // the goods are credited (shipping stays billed), and what the credit freed of the payment is paid back
        assertThat(new BigDecimal(refunded.get("refunded").get("amount").asString()))
                .isEqualByComparingTo(
                        new BigDecimal(refunded.get("credited").get("amount").asString()))
                .isPositive();
        JsonNode after = admin.get("/api/invoices/" + invoice.get("id").asString())
                .expect(200)
                .json();
        assertThat(new BigDecimal(after.get("amountCredited").get("amount").asString()))
                .isEqualByComparingTo(
                        new BigDecimal(refunded.get("credited").get("amount").asString()));
        JsonNode documents = admin.get(
                        "/api/invoices?orderId=" + shipment.get("orderId").asString())
                .expect(200)
                .json()
                .get("items");
        assertThat(documents).hasSize(2);
        JsonNode history = admin.get("/api/shipments/" + id).expect(200).json().get("history");
        assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo("REFUNDED");
        assertThat(admin.get("/api/audit?entity=SHIPMENT&id=" + id).expect(200).text())
                .contains("REFUNDED");
        assertConsistent();
    }

    @Test
    void aCreditBeyondTheInvoiceOrARefundOfAnUnpaidInvoiceIsRefusedByFieldAndChangesNothing() {
        JsonNode shipment = shipped(1, "DAMAGED");
        String id = shipment.get("id").asString();
        JsonNode invoice = invoiceOf(shipment);

        JsonNode tooMuch = support.post("/api/shipments/" + id + "/credit", credit("CREDIT", "1000.00", "box crushed"))
                .expect(422)
                .json();
        assertThat(fields(tooMuch)).containsExactly("amount");
        JsonNode unpaid = support.post("/api/shipments/" + id + "/credit", credit("REFUND", null, "box crushed"))
                .expect(422)
                .json();
        assertThat(fields(unpaid)).containsExactly("mode");
        JsonNode noReason = support.post("/api/shipments/" + id + "/credit", credit("CREDIT", null, " "))
                .expect(400)
                .json();
        assertThat(fields(noReason)).containsExactly("reason");

        JsonNode unchanged = admin.get("/api/invoices/" + invoice.get("id").asString())
                .expect(200)
                .json();
        assertThat(new BigDecimal(unchanged.get("amountCredited").get("amount").asString()))
                .isZero();
        assertThat(admin.get("/api/shipments/" + id)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("EXCEPTION");
        assertConsistent();
    }

    @Test
    void aGoodwillCreditForADelayLeavesTheParcelOnTheDeskAndTheWarehouseMayNotPayOut() {
        JsonNode shipment = shipped(1, "FAILED_ATTEMPT");
        String id = shipment.get("id").asString();
        invoiceOf(shipment);
        Api warehouse = Api.at(port).basic(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        warehouse
                .post("/api/shipments/" + id + "/credit", credit("CREDIT", "1.00", "late"))
                .expect(403);

        JsonNode credited = support.post("/api/shipments/" + id + "/credit", credit("CREDIT", "1.00", "late"))
                .expect(201)
                .json();

        assertThat(new BigDecimal(credited.get("credited").get("amount").asString()))
                .isPositive();
        assertThat(new BigDecimal(credited.get("refunded").get("amount").asString()))
                .isZero();
        assertThat(credited.get("shipmentStatus").asString()).isEqualTo("EXCEPTION");
        assertConsistent();
    }

    private static Map<String, Object> credit(String mode, String amount, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode);
        if (amount != null) {
            body.put("amount", Fixtures.money(amount, "EUR"));
        }
        body.put("reason", reason);
        return body;
    }

    /** A shipped parcel of {@code quantity} units with the carrier's {@code news}. */
    private JsonNode shipped(long quantity, String news) {
        String id = shipping.packedShipment(quantity).get("id").asString();
        JsonNode shipped = admin.post("/api/shipments/" + id + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
        admin.post("/api/shipments/" + id + "/events", Map.of("type", news)).expect(200);
        return shipped;
    }

    /** The invoice of the shipment (issued after its commit). */
    private JsonNode invoiceOf(JsonNode shipment) {
        String orderId = shipment.get("orderId").asString();
        JsonNode[] items = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    items[0] = admin.get("/api/invoices?orderId=" + orderId)
                            .expect(200)
                            .json()
                            .get("items");
                    return items[0].size() >= 1;
                });
        return admin.get("/api/invoices/" + items[0].get(0).get("id").asString())
                .expect(200)
                .json();
    }

    private void pay(JsonNode invoice, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", invoice.get("customerId").asString());
        body.put("amount", Fixtures.money(amount, "EUR"));
        body.put("method", "BANK_TRANSFER");
        body.put("reference", Fixtures.unique("REF"));
        admin.post("/api/payments", body).expect(201);
    }

    private void assertConsistent() {
        JsonNode consistency = shipping.fixtures().consistency();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
    }
}
