package org.ordo.quotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.money;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** Quotations from draft to an order at the quoted prices, and the refusals that change nothing. */
@OrdoTest
class QuotationFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures fixtures;
    Api admin;
    Api sales;
    String warehouse;
    UUID customer;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
        sales = Api.at(port).basic(users.staff("SALES"), TestUsers.PASSWORD);
        warehouse = fixtures.warehouse();
        customer = fixtures.customer("100000.00", warehouse);
    }

    private JsonNode draft(UUID customerId, LocalDate validUntil, Object... skuAndQuantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId.toString());
        body.put("validUntil", validUntil.toString());
        body.put("lines", lines(skuAndQuantity));
        return sales.post("/api/quotations", body).expect(201).json();
    }

    private static List<Map<String, Object>> lines(Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        return lines;
    }

    private JsonNode sent(UUID customerId, Object... skuAndQuantity) {
        JsonNode draft = draft(customerId, LocalDate.now().plusDays(30), skuAndQuantity);
        return sales.post("/api/quotations/" + draft.get("id").asString() + "/send", Map.of())
                .expect(200)
                .json();
    }

    private String priceList(UUID customerId, String sku, String price, long breakFrom, String breakPrice) {
        String list = admin.post(
                        "/api/price-lists",
                        Map.of(
                                "name", Fixtures.unique("Quoted"),
                                "currency", "EUR",
                                "validFrom", LocalDate.now().minusDays(1).toString(),
                                "customerIds", List.of(customerId.toString())))
                .expect(201)
                .json()
                .get("id")
                .asString();
        setPrice(list, sku, price, breakFrom, breakPrice);
        return list;
    }

    private void setPrice(String list, String sku, String price, long breakFrom, String breakPrice) {
        admin.put(
                        "/api/price-lists/" + list + "/prices/" + sku,
                        Map.of(
                                "unitPrice",
                                money(price, "EUR"),
                                "breaks",
                                List.of(Map.of("minQuantity", breakFrom, "unitPrice", money(breakPrice, "EUR")))))
                .expect(200);
    }

    private long ordersOf(UUID customerId) {
        return admin.get("/api/orders?customerId=" + customerId)
                .expect(200)
                .json()
                .get("items")
                .size();
    }

    @Test
    void anAcceptedQuotationBecomesAnOrderAtTheQuotedPricesWithItsStockReserved() {
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 20);
        String list = priceList(customer, sku, "8.00", 5, "7.50");

        JsonNode draft = draft(customer, LocalDate.now().plusDays(30), sku, 5);
        String id = draft.get("id").asString();
        assertThat(draft.get("number").asString()).matches("QT-\\d{4}-\\d{6}");
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        sales.post("/api/quotations/" + id + "/accept", Map.of()).expect(409);

        JsonNode sent = sales.post("/api/quotations/" + id + "/send", Map.of())
                .expect(200)
                .json();
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("lines").get(0).get("unitPrice").get("amount").asString())
                .isEqualTo("7.50");
        assertThat(sent.get("total").get("amount").asString()).isEqualTo("37.50");
        sales.post("/api/quotations/" + id + "/send", Map.of()).expect(409);

        setPrice(list, sku, "9.00", 5, "8.50");
        Api.Response accepted =
                sales.post("/api/quotations/" + id + "/accept", Map.of()).expect(200);
        JsonNode order = accepted.json();
        assertThat(order.get("lines").get(0).get("unitPrice").get("amount").asString())
                .isEqualTo("7.50");
        assertThat(order.get("lines").get(0).get("reserved").asLong()).isEqualTo(5);
        assertThat(order.get("externalReference").asString())
                .isEqualTo(draft.get("number").asString());
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(5);

        JsonNode again = sales.post("/api/quotations/" + id + "/accept", Map.of())
                .expect(200)
                .json();
        assertThat(again.get("id").asString()).isEqualTo(order.get("id").asString());
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(5);
        JsonNode read = sales.get("/api/quotations/" + id).expect(200).json();
        assertThat(read.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(read.get("orderId").asString()).isEqualTo(order.get("id").asString());
        sales.post("/api/quotations/" + id + "/decline", Map.of()).expect(409);
    }

    @Test
    void aDeclinedOrExpiredQuotationCannotBeAcceptedAndNoOrderIsPlaced() {
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 20);
        String declined = sent(customer, sku, 2).get("id").asString();
        assertThat(sales.post("/api/quotations/" + declined + "/decline", Map.of())
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DECLINED");
        JsonNode refused = sales.post("/api/quotations/" + declined + "/accept", Map.of())
                .expect(409)
                .json();
        assertThat(refused.get("detail").asString()).contains("is declined and cannot be accepted");

        String expired = sent(customer, sku, 2).get("id").asString();
        jdbc.update(
                "UPDATE quotation SET valid_until = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.now().minusDays(2)),
                UUID.fromString(expired));
        sales.post("/api/quotations/" + expired + "/accept", Map.of()).expect(409);
        assertThat(sales.get("/api/quotations/" + expired)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("EXPIRED");
        assertThat(ordersOf(customer)).isZero();
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isZero();
    }

    @Test
    void aQuotationAcceptedUntilItsValidityDayIsAcceptedThatDay() {
        String sku = fixtures.product("10.00");
        JsonNode draft = draft(customer, LocalDate.now(java.time.ZoneOffset.UTC), sku, 1);
        String id = draft.get("id").asString();
        sales.post("/api/quotations/" + id + "/send", Map.of()).expect(200);
        sales.post("/api/quotations/" + id + "/accept", Map.of()).expect(200);
    }

    @Test
    void revisingASentQuotationSendsANewRevisionAndKeepsTheOldOneReadable() {
        String sku = fixtures.product("10.00");
        String id = sent(customer, sku, 2).get("id").asString();
        JsonNode revised = sales.put("/api/quotations/" + id, Map.of("lines", lines(sku, 3)))
                .expect(200)
                .json();
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        assertThat(revised.get("status").asString()).isEqualTo("SENT");
        assertThat(revised.get("lines").get(0).get("quantity").asLong()).isEqualTo(3);
        JsonNode earlier = revised.get("earlierRevisions").get(0);
        assertThat(earlier.get("revision").asInt()).isEqualTo(1);
        assertThat(earlier.get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
        assertThat(earlier.get("total").get("amount").asString()).isEqualTo("20.00");
    }

    @Test
    void aDiscountBeyondTheSendersLimitKeepsTheQuotationADraftAndNamesItsLineUntilAManagerSendsIt() {
        String sku = fixtures.product("10.00");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("validUntil", LocalDate.now().plusDays(30).toString());
        body.put(
                "lines",
                List.of(
                        Map.of("sku", sku, "quantity", 1, "discount", Map.of("percent", 5)),
                        Map.of("sku", sku, "quantity", 2, "discount", Map.of("percent", 15))));
        String id =
                sales.post("/api/quotations", body).expect(201).json().get("id").asString();

        JsonNode refused = sales.post("/api/quotations/" + id + "/send", Map.of())
                .expect(409)
                .json();

        assertThat(Fixtures.fields(refused)).containsExactly("lines[1].discount");
        assertThat(refused.get("detail").asString()).contains("15", "10");
        assertThat(sales.get("/api/quotations/" + id)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
        assertThat(admin.post("/api/quotations/" + id + "/send", Map.of())
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SENT");
    }

    @Test
    void theQuotationPdfNamesItsNumberAndLines() throws Exception {
        String sku = fixtures.product("12.40");
        JsonNode sent = sent(customer, sku, 3);
        Api.Binary pdf = sales.download(
                        "GET", "/api/quotations/" + sent.get("id").asString() + "/pdf", null)
                .expect(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(sent.get("number").asString(), sku, "12.40", "37.20");
        }
    }

    @Test
    void theCustomerAcceptsTheirOwnSentQuotationAndAnotherCustomersIsA404() {
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 10);
        Api portal = users.customerUser(port, customer);
        String draftOnly =
                draft(customer, LocalDate.now().plusDays(5), sku, 1).get("id").asString();
        portal.get("/api/quotations/" + draftOnly).expect(404);

        JsonNode sent = sent(customer, sku, 2);
        String id = sent.get("id").asString();
        assertThat(portal.get("/api/quotations").expect(200).json().size()).isEqualTo(1);
        JsonNode order = portal.post("/api/quotations/" + id + "/accept", Map.of())
                .expect(200)
                .json();
        assertThat(order.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(order.get("lines").get(0).get("unitPrice").get("amount").asString())
                .isEqualTo("10.00");

        UUID other = fixtures.customer("1000.00", warehouse);
        String theirs = sent(other, sku, 1).get("id").asString();
        portal.get("/api/quotations/" + theirs).expect(404);
        portal.post("/api/quotations/" + theirs + "/accept", Map.of()).expect(404);
        portal.post("/api/quotations/" + theirs + "/decline", Map.of()).expect(404);
        portal.post("/api/quotations", Map.of()).expect(403);
    }
}
