package org.ordo.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.purchasing.PurchasingFixtures.purchaseOrder;
import static org.ordo.purchasing.PurchasingFixtures.receipt;
import static org.ordo.testing.Fixtures.fields;
import static org.ordo.testing.Fixtures.order;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.inventory.IncomingSupply;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Purchase orders from draft to closed, receipts into stock, and the refusals that change nothing. */
@OrdoTest
class PurchaseOrderFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    IncomingSupply incoming;

    Api admin;
    Fixtures fixtures;
    PurchasingFixtures purchasing;
    String warehouse;
    String supplier;

    @BeforeEach
    void setUp() {
        purchasing = new PurchasingFixtures(port);
        admin = purchasing.admin;
        fixtures = purchasing.fixtures;
        warehouse = fixtures.warehouse();
        supplier = purchasing.supplier("Supplier");
    }

    @Test
    void aPurchaseOrderMovesFromDraftToClosedAndEveryOtherStepIsA409() {
        String sku = fixtures.product("9.00");
        String other = fixtures.product("9.00");
        purchasing.offer(supplier, sku, "4.25", 1, 1, 10);
        purchasing.offer(supplier, other, "2.00", 1, 1, 10);
        JsonNode draft = purchasing.draft(supplier, warehouse, sku, 10, other, 4);
        String id = draft.get("id").asString();
        assertThat(draft.get("number").asString()).matches("PO-\\d{6}");
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("lines").get(0).get("unitPrice").get("amount").asString())
                .isEqualTo("4.25");
        assertThat(draft.get("lines").get(0).get("supplierItemCode").asString()).isEqualTo("X-4.25");
        assertThat(draft.get("lines").get(1).get("unitPrice").get("amount").asString())
                .isEqualTo("2.00");
        assertThat(draft.get("total").get("amount").asString()).isEqualTo("50.50");

        admin.post("/api/purchase-orders/" + id + "/receipts", receipt(null, 1, 1))
                .expect(409);
        admin.post("/api/purchase-orders/" + id + "/close", Map.of()).expect(409);
        JsonNode sent = admin.post("/api/purchase-orders/" + id + "/send", Map.of())
                .expect(200)
                .json();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(sent.get("lines").get(0).get("expectedDate").asString())
                .isEqualTo(today.plusDays(10).toString());
        admin.post("/api/purchase-orders/" + id + "/send", Map.of()).expect(409);

        LocalDate confirmed = today.plusDays(12);
        JsonNode confirmation = admin.post(
                        "/api/purchase-orders/" + id + "/confirm",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "confirmedDate", confirmed.toString()))))
                .expect(200)
                .json();
        assertThat(confirmation.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmation.get("lines").get(0).get("expectedDate").asString())
                .isEqualTo(confirmed.toString());
        assertThat(incoming.arrivals(List.of(sku)))
                .containsExactly(new IncomingSupply.Arrival(
                        sku, warehouse, confirmed, 10, true, draft.get("number").asString() + "/1"));

        JsonNode partly = admin.post("/api/purchase-orders/" + id + "/receipts", receipt(null, 1, 6))
                .expect(201)
                .json();
        assertThat(partly.get("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(partly.get("lines").get(0).get("receivedQuantity").asLong()).isEqualTo(6);
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(6);
        admin.post("/api/purchase-orders/" + id + "/cancel", Map.of()).expect(409);

        LocalDate delayed = confirmed.plusDays(5);
        JsonNode delay = admin.post(
                        "/api/purchase-orders/" + id + "/confirm",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "confirmedDate", delayed.toString()))))
                .expect(200)
                .json();
        assertThat(delay.get("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(incoming.arrivals(List.of(sku)).get(0).quantity()).isEqualTo(4);
        assertThat(incoming.arrivals(List.of(sku)).get(0).date()).isEqualTo(delayed);

        JsonNode closed = admin.post("/api/purchase-orders/" + id + "/close", Map.of("reason", "rest not available"))
                .expect(200)
                .json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("history")
                        .valueStream()
                        .map(h -> h.get("to").asString())
                        .toList())
                .containsExactly("DRAFT", "SENT", "CONFIRMED", "PARTIALLY_RECEIVED", "PARTIALLY_RECEIVED", "CLOSED");
        assertThat(incoming.arrivals(List.of(sku))).isEmpty();
        admin.post("/api/purchase-orders/" + id + "/receipts", receipt(null, 1, 1))
                .expect(409);
        assertConsistent();
    }

    @Test
    void aDraftsLinesMayChangeUntilItIsSent() {
        String sku = fixtures.product("9.00");
        String other = fixtures.product("9.00");
        purchasing.offer(supplier, sku, "4.00", 1, 1, 3);
        purchasing.offer(supplier, other, "1.25", 1, 1, 3);
        String id = purchasing.draft(supplier, warehouse, sku, 5).get("id").asString();
        Map<String, Object> lines =
                Map.of("lines", List.of(Map.of("sku", other, "quantity", 8), Map.of("sku", sku, "quantity", 1)));

        JsonNode changed = admin.put("/api/purchase-orders/" + id + "/lines", lines)
                .expect(200)
                .json();

        assertThat(changed.get("lines")
                        .valueStream()
                        .map(l -> l.get("sku").asString())
                        .toList())
                .containsExactly(other, sku);
        assertThat(changed.get("total").get("amount").asString()).isEqualTo("14.00");
        admin.post("/api/purchase-orders/" + id + "/send", Map.of()).expect(200);
        admin.put("/api/purchase-orders/" + id + "/lines", lines).expect(409);
        assertThat(purchasing.purchaseOrder(id).get("total").get("amount").asString())
                .isEqualTo("14.00");
        assertConsistent();
    }

    @Test
    void aCancelledPurchaseOrderReceivesNothing() {
        String sku = fixtures.product("9.00");
        purchasing.offer(supplier, sku, "4.00", 1, 1, 3);
        String id = purchasing.sent(supplier, warehouse, sku, 5);
        admin.post("/api/purchase-orders/" + id + "/cancel", Map.of("reason", "ordered twice"))
                .expect(200);

        JsonNode problem = admin.post("/api/purchase-orders/" + id + "/receipts", receipt(null, 1, 5))
                .expect(409)
                .json();

        assertThat(problem.get("currentState").asString()).isEqualTo("CANCELLED");
        assertThat(fixtures.level(sku, warehouse)).isNull();
        assertThat(incoming.arrivals(List.of(sku))).isEmpty();
    }

    @Test
    void aReceiptFillsTheOldestBackorderFirst() {
        String sku = fixtures.product("9.00");
        purchasing.offer(supplier, sku, "4.00", 1, 1, 3);
        UUID customer = fixtures.customer("100000.00");
        String older = admin.post("/api/orders", order(customer, sku, 3))
                .expect(201)
                .json()
                .get("id")
                .asString();
        String younger = admin.post("/api/orders", order(customer, sku, 3))
                .expect(201)
                .json()
                .get("id")
                .asString();
        String id = purchasing.sent(supplier, warehouse, sku, 4);

        admin.post("/api/purchase-orders/" + id + "/receipts", receipt(null, 1, 4))
                .expect(201);

        assertThat(orderLine(older).get("reservedQuantity").asLong()).isEqualTo(3);
        assertThat(orderLine(older).get("backorderedQuantity").asLong()).isZero();
        assertThat(orderLine(younger).get("reservedQuantity").asLong()).isEqualTo(1);
        assertThat(orderLine(younger).get("backorderedQuantity").asLong()).isEqualTo(2);
        JsonNode movement = admin.get("/api/inventory/movements?sku=" + sku)
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(movement.get("type").asString()).isEqualTo("RECEIPT");
        assertThat(movement.get("reference").asString())
                .isEqualTo(purchasing.purchaseOrder(id).get("number").asString() + "/1");
        assertThat(purchasing.purchaseOrder(id).get("status").asString()).isEqualTo("RECEIVED");
        assertConsistent();
    }

    @Test
    void aRetriedReceiptWithTheSameIdempotencyKeyReceivesOnce() {
        String sku = fixtures.product("9.00");
        purchasing.offer(supplier, sku, "4.00", 1, 1, 3);
        String id = purchasing.sent(supplier, warehouse, sku, 10);
        Api keyed = admin.header("Idempotency-Key", UUID.randomUUID().toString());

        JsonNode first = keyed.post("/api/purchase-orders/" + id + "/receipts", receipt(null, 1, 4))
                .expect(201)
                .json();
        JsonNode retry = keyed.post("/api/purchase-orders/" + id + "/receipts", receipt(null, 1, 4))
                .expect(201)
                .json();

        assertThat(retry).isEqualTo(first);
        assertThat(purchasing
                        .purchaseOrder(id)
                        .get("lines")
                        .get(0)
                        .get("receivedQuantity")
                        .asLong())
                .isEqualTo(4);
        assertThat(purchasing.purchaseOrder(id).get("receipts")).hasSize(1);
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(4);
    }

    @Test
    void receivingMoreThanOrderedPlusTheToleranceIsRefusedNamingTheQuantity() {
        String sku = fixtures.product("9.00");
        purchasing.offer(supplier, sku, "4.00", 1, 1, 3);
        String id = purchasing.sent(supplier, warehouse, sku, 10);

        JsonNode problem = admin.post("/api/purchase-orders/" + id + "/receipts", receipt("extra", 1, 11))
                .expect(422)
                .json();

        assertThat(fields(problem)).containsExactly("lines[0].quantity");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("purchasing.over-received");
        assertThat(purchasing
                        .purchaseOrder(id)
                        .get("lines")
                        .get(0)
                        .get("receivedQuantity")
                        .asLong())
                .isZero();
        assertThat(purchasing.purchaseOrder(id).get("status").asString()).isEqualTo("SENT");
        assertThat(fixtures.level(sku, warehouse)).isNull();
    }

    @Test
    void anInactiveSupplierTakesNoPurchaseOrder() {
        admin.patch("/api/suppliers/" + supplier, Map.of("active", false)).expect(200);
        String sku = fixtures.product("9.00");
        Map<String, Object> body = purchaseOrder(supplier, warehouse, sku, 1);
        ((List<Map<String, Object>>) body.get("lines"))
                .set(0, Map.of("sku", sku, "quantity", 1, "unitPrice", Fixtures.money("1.00", "EUR")));

        JsonNode problem = admin.post("/api/purchase-orders", body).expect(422).json();

        assertThat(fields(problem)).containsExactly("supplierId");
        assertThat(admin.get("/api/purchase-orders?supplierId=" + supplier)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void anInactiveOrUnknownSkuIsRefusedNamingTheSku() {
        String sku = fixtures.product("9.00");
        admin.patch("/api/products/" + sku, Map.of("active", false)).expect(200);

        JsonNode offer = admin.put(
                        "/api/suppliers/" + supplier + "/items/" + sku, PurchasingFixtures.offer("1.00", 1, 1, 2))
                .expect(422)
                .json();
        JsonNode po = admin.post("/api/purchase-orders", priced(purchaseOrder(supplier, warehouse, sku, 1)))
                .expect(422)
                .json();
        JsonNode unknown = admin.post(
                        "/api/purchase-orders", priced(purchaseOrder(supplier, warehouse, "NO-SUCH-SKU", 1)))
                .expect(422)
                .json();

        assertThat(fields(offer)).containsExactly("sku");
        assertThat(fields(po)).containsExactly("lines[0].sku");
        assertThat(po.get("errors").get(0).get("code").asString()).isEqualTo("purchasing.inactive-sku");
        assertThat(fields(unknown)).containsExactly("lines[0].sku");
        assertThat(admin.get("/api/suppliers/" + supplier + "/items")
                        .expect(200)
                        .json())
                .isEmpty();
    }

    @Test
    void aNegativeLeadTimeIsRefusedNamingIt() {
        String sku = fixtures.product("9.00");

        JsonNode problem = admin.put(
                        "/api/suppliers/" + supplier + "/items/" + sku, PurchasingFixtures.offer("1.00", 1, 1, -1))
                .expect(400)
                .json();

        assertThat(fields(problem)).containsExactly("leadTimeDays");
        assertThat(admin.get("/api/suppliers/" + supplier + "/items")
                        .expect(200)
                        .json())
                .isEmpty();
    }

    @Test
    void aSkuTheSupplierDoesNotOfferNeedsAnExplicitPrice() {
        String sku = fixtures.product("9.00");

        JsonNode problem = admin.post("/api/purchase-orders", purchaseOrder(supplier, warehouse, sku, 2))
                .expect(422)
                .json();
        JsonNode priced = admin.post("/api/purchase-orders", priced(purchaseOrder(supplier, warehouse, sku, 2)))
                .expect(201)
                .json();

        assertThat(fields(problem)).containsExactly("lines[0].unitPrice");
        assertThat(priced.get("total").get("amount").asString()).isEqualTo("3.00");
    }

    @Test
    void thePdfForTheSupplierNamesTheNumberTheSupplierAndTheLines() throws Exception {
        String sku = fixtures.product("9.00");
        purchasing.offer(supplier, sku, "4.25", 1, 1, 10);
        JsonNode draft = purchasing.draft(supplier, warehouse, sku, 7);
        String supplierName = admin.get("/api/suppliers/" + supplier)
                .expect(200)
                .json()
                .get("name")
                .asString();

        Api.Binary pdf = admin.download(
                        "GET", "/api/purchase-orders/" + draft.get("id").asString() + "/pdf", null)
                .expect(200);

        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(draft.get("number").asString(), supplierName, sku, "X-4.25", "29.75", "Ordo Demo GmbH");
        }
    }

    @Test
    void theScorecardCountsOnTimeDeliveriesTheFillRateTheLeadTimeAndPriceChanges() {
        String sku = fixtures.product("9.00");
        purchasing.offer(supplier, sku, "4.00", 1, 1, 3);
        purchasing.offer(supplier, sku, "4.50", 1, 1, 3);
        String id = purchasing.sent(supplier, warehouse, sku, 10);
        String confirmed = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
        admin.post(
                        "/api/purchase-orders/" + id + "/confirm",
                        Map.of("lines", List.of(Map.of("lineNumber", 1, "confirmedDate", confirmed))))
                .expect(200);
        admin.post("/api/purchase-orders/" + id + "/receipts", receipt(null, 1, 6))
                .expect(201);
        admin.post("/api/purchase-orders/" + id + "/close", Map.of()).expect(200);

        JsonNode card = admin.get("/api/suppliers/" + supplier + "/scorecard")
                .expect(200)
                .json();
        String csv = admin.header("Accept", "text/csv")
                .get("/api/suppliers/" + supplier + "/scorecard")
                .expect(200)
                .text();

        assertThat(card.get("deliveries").asInt()).isEqualTo(1);
        assertThat(card.get("onTimeDeliveries").asInt()).isEqualTo(1);
        assertThat(card.get("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(card.get("fillRate").asDouble()).isEqualTo(0.6);
        assertThat(card.get("leadTimeMeanDays").asDouble()).isLessThan(0.1);
        JsonNode change = card.get("priceChanges").get(1);
        assertThat(change.get("previousPrice").get("amount").asString()).isEqualTo("4.00");
        assertThat(change.get("unitPrice").get("amount").asString()).isEqualTo("4.50");
        assertThat(csv).contains("fillRate,0.6000", "onTimeRate,1.0000");
    }

    /** Every line of the body priced 1.50 EUR. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> priced(Map<String, Object> body) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        body.put(
                "lines",
                lines.stream()
                        .map(l -> Map.of(
                                "sku",
                                l.get("sku"),
                                "quantity",
                                l.get("quantity"),
                                "unitPrice",
                                Fixtures.money("1.50", "EUR")))
                        .toList());
        return body;
    }

    private JsonNode orderLine(String orderId) {
        return admin.get("/api/orders/" + orderId)
                .expect(200)
                .json()
                .get("lines")
                .get(0);
    }

    private void assertConsistent() {
        JsonNode report = fixtures.consistency();
        assertThat(report.get("consistent").asBoolean()).as(report.toString()).isTrue();
    }
}
