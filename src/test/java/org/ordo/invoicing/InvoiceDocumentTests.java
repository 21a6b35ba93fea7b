package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Every document Ordo issues is a valid EN 16931 UBL e-invoice and a readable PDF. */
@OrdoTest
class InvoiceDocumentTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    Fixtures fixtures;
    InvoicingSupport flow;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    private JsonNode invoiceTo(String country, Map<String, Object> customer) {
        String warehouse = fixtures.warehouse();
        String standard = fixtures.product("19.99", "STANDARD");
        String reduced = fixtures.product("4.1234", "REDUCED");
        String zero = fixtures.product("3.00", "ZERO");
        fixtures.receive(standard, warehouse, 5);
        fixtures.receive(reduced, warehouse, 7);
        fixtures.receive(zero, warehouse, 1);
        JsonNode order = flow.order(flow.customer(country, customer), standard, 5, reduced, 7, zero, 1);
        flow.ship(order, warehouse, 1, 5, 2, 7, 3, 1);
        return flow.awaitInvoice(order.get("id").asString());
    }

    private byte[] ubl(String id) {
        Api.Response response = admin.header("Accept", "application/xml")
                .get("/api/invoices/" + id)
                .expect(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        return response.text().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void invoicesAndCreditNotesAreValidEn16931UblDocuments() {
        JsonNode domestic = invoiceTo("DE", Map.of("vatId", "DE811907980"));
        JsonNode exempt = invoiceTo("AT", Map.of("taxExempt", true, "vatId", "ATU13585627"));
        JsonNode export = invoiceTo("US", Map.of());
        JsonNode fallback = invoiceTo("CH", Map.of());
        for (JsonNode invoice : List.of(domestic, exempt, export, fallback)) {
            byte[] xml = ubl(invoice.get("number").asString());
            assertThat(En16931.errors(xml))
                    .as(new String(xml, StandardCharsets.UTF_8))
                    .isEmpty();
            assertThat(new String(xml, StandardCharsets.UTF_8))
                    .contains("<cbc:ID>" + invoice.get("number").asString() + "</cbc:ID>");
        }

        JsonNode byLines = admin.post(
                        "/api/invoices/" + domestic.get("id").asString() + "/credit-notes",
                        Map.of("lines", List.of(Map.of("lineNumber", 2, "quantity", 3)), "reason", "returned"))
                .expect(201)
                .json();
        JsonNode byAmount = admin.post(
                        "/api/invoices/" + domestic.get("id").asString() + "/credit-notes",
                        Map.of("amount", Fixtures.money("10.00", "EUR"), "reason", "goodwill"))
                .expect(201)
                .json();
        for (JsonNode note : List.of(byLines, byAmount)) {
            byte[] xml = ubl(note.get("id").asString());
            String text = new String(xml, StandardCharsets.UTF_8);
            assertThat(text)
                    .contains("<CreditNote")
                    .contains(domestic.get("number").asString());
            assertThat(En16931.errors(xml)).as(text).isEmpty();
        }
    }

    @Test
    void anInvoiceOfAnOrderPricedByPriceListBreakPromotionAndDiscountCarriesPriceDiscountsAndValidates() {
        String warehouse = fixtures.warehouse();
        String contract = fixtures.product("20.00", "STANDARD");
        String promoted = fixtures.product("10.00", "STANDARD");
        String threeForTwo = fixtures.product("3.00", "REDUCED");
        String discounted = fixtures.product("7.99", "STANDARD");
        for (String sku : List.of(contract, promoted, threeForTwo, discounted)) {
            fixtures.receive(sku, warehouse, 20);
        }
        java.util.UUID customer = flow.customer("DE", Map.of("vatId", "DE811907980"));
        String list = admin.post(
                        "/api/price-lists",
                        Map.of(
                                "name",
                                "Contract",
                                "currency",
                                "EUR",
                                "validFrom",
                                LocalDate.now().minusDays(1).toString(),
                                "customerIds",
                                List.of(customer.toString())))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.put(
                        "/api/price-lists/" + list + "/prices/" + contract,
                        Map.of(
                                "unitPrice", Fixtures.money("18.00", "EUR"),
                                "breaks",
                                        List.of(Map.of(
                                                "minQuantity", 10, "unitPrice", Fixtures.money("16.00", "EUR")))))
                .expect(200);
        admin.put(
                        "/api/price-lists/" + list + "/prices/" + promoted,
                        Map.of("unitPrice", Fixtures.money("9.50", "EUR")))
                .expect(200);
        String since = LocalDate.now().minusDays(1).toString();
        admin.post(
                        "/api/promotions",
                        Map.of(
                                "name",
                                "Ten off",
                                "kind",
                                "PERCENT",
                                "percent",
                                "10",
                                "skus",
                                List.of(promoted),
                                "validFrom",
                                since))
                .expect(201);
        admin.post(
                        "/api/promotions",
                        Map.of(
                                "name",
                                "3 for 2",
                                "kind",
                                "BUY_GET",
                                "buyQuantity",
                                2,
                                "freeQuantity",
                                1,
                                "skus",
                                List.of(threeForTwo),
                                "validFrom",
                                since))
                .expect(201);
        JsonNode order = admin.post(
                        "/api/orders",
                        Map.of(
                                "customerId",
                                customer.toString(),
                                "lines",
                                List.of(
                                        Map.of("sku", contract, "quantity", 12),
                                        Map.of("sku", promoted, "quantity", 4),
                                        Map.of("sku", threeForTwo, "quantity", 3),
                                        Map.of("sku", discounted, "quantity", 1, "discount", Map.of("percent", "5")))))
                .expect(201)
                .json();
        flow.ship(order, warehouse, 1, 12, 2, 4, 3, 3, 4, 1);
        JsonNode invoice = flow.awaitInvoice(order.get("id").asString());

        byte[] xml = ubl(invoice.get("number").asString());
        String text = new String(xml, StandardCharsets.UTF_8);

        assertThat(En16931.errors(xml)).as(text).isEmpty();
        assertThat(text)
                .contains("<cbc:PriceAmount currencyID=\"EUR\">16.00</cbc:PriceAmount></cac:Price>")
                .contains("<cbc:PriceAmount currencyID=\"EUR\">9.00</cbc:PriceAmount><cac:AllowanceCharge>"
                        + "<cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID=\"EUR\">0.50</cbc:Amount>"
                        + "<cbc:BaseAmount currencyID=\"EUR\">9.50</cbc:BaseAmount>")
                .contains("<cbc:PriceAmount currencyID=\"EUR\">2.00</cbc:PriceAmount>")
                .contains("<cbc:BaseAmount currencyID=\"EUR\">7.99</cbc:BaseAmount>");
        assertThat(invoice.get("totals").get("subtotal").get("amount").asString())
                .isEqualTo("241.59"); // 12 × 16.00 + 4 × 9.00 + 3 × 2.00 + 1 × 7.5905
    }

    @Test
    void thePdfIsReadableAndShowsNumberSellerAndTotals() throws IOException {
        JsonNode invoice = invoiceTo("DE", Map.of());

        Api.Response response = admin.header("Accept", "application/pdf")
                .get("/api/invoices/" + invoice.get("id").asString())
                .expect(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/pdf");
        byte[] pdf = pdf(invoice.get("id").asString());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(invoice.get("number").asString());
            assertThat(text).contains("Ordo Demo GmbH");
            assertThat(text)
                    .contains(invoice.get("totals").get("total").get("amount").asString());
            assertThat(text)
                    .contains(invoice.get("totals").get("tax").get("amount").asString());
            assertThat(text).contains(invoice.get("dueDate").asString());
            assertThat(text).contains("DE89370400440532013000");
        }
    }

    @Test
    void thePdfOfAnIntraCommunitySupplyPrintsTheNoteTheStatusInWordsAndTheDateOfSupply() throws IOException {
        JsonNode invoice = invoiceTo("AT", Map.of("vatId", "ATU13585627"));

        try (PDDocument document = Loader.loadPDF(pdf(invoice.get("id").asString()))) {
            // a long note wraps: read the text as one line
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Intra-community supply — reverse charge")
                    .contains("ATU13585627")
                    .contains("Issued")
                    .doesNotContain("ISSUED")
                    .contains("Date of supply " + invoice.get("supplyDate").asString());
        }
    }

    @Test
    void anInvoiceWrittenDaysAfterItsShipmentLeftGivesTheDayItLeftAsDateOfSupplyInPdfAndUbl() throws IOException {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("19.99", "STANDARD");
        fixtures.receive(sku, warehouse, 2);
        JsonNode order = flow.order(flow.customer("DE", Map.of()), sku, 2);
        ShipmentShipped recorded = flow.recordShipment(order, warehouse, 1, 2);
        Instant leftTwoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        flow.publish(new ShipmentShipped(
                recorded.shipmentId(),
                recorded.shipmentNumber(),
                recorded.orderId(),
                recorded.orderNumber(),
                recorded.warehouse(),
                recorded.carrier(),
                recorded.service(),
                recorded.trackingNumber(),
                leftTwoDaysAgo,
                recorded.lines()));
        JsonNode invoice = flow.awaitInvoice(order.get("id").asString());
        String supplied = LocalDate.ofInstant(leftTwoDaysAgo, ZoneOffset.UTC).toString();

        assertThat(invoice.get("supplyDate").asString()).isEqualTo(supplied);
        assertThat(invoice.get("issueDate").asString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        try (PDDocument document = Loader.loadPDF(pdf(invoice.get("id").asString()))) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Date of supply " + supplied);
        }
        byte[] xml = ubl(invoice.get("id").asString());
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<cbc:ActualDeliveryDate>" + supplied + "</cbc:ActualDeliveryDate>");
        assertThat(En16931.errors(xml)).isEmpty();
    }

    /** The PDF as bytes (the test client reads bodies as text). */
    private byte[] pdf(String id) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices/" + id))
                .header("Accept", "application/pdf")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                ("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<byte[]> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void unsupportedFormatsAreRefusedAndJsonIsTheDefault() {
        String id = invoiceTo("DE", Map.of()).get("id").asString();
        admin.header("Accept", "image/png").get("/api/invoices/" + id).expect(406);
        assertThat(admin.header("Accept", "*/*")
                        .get("/api/invoices/" + id)
                        .expect(200)
                        .header("Content-Type"))
                .startsWith("application/json");
    }
}
