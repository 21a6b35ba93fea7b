package org.ordo.edi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.edi.EdiFiles;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.invoicing.DocumentType;
import org.ordo.invoicing.InvoiceIssued;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An order that came by EDI is shipped and invoiced: a partner that wants them gets a ship notice (856, DESADV) with
 * the package's SSCC and an invoice (810, INVOIC) with the amounts, each under the PO number, valid for StAEDI and sent
 * once; a partner that does not want them gets none. The purchase orders are the public samples of
 * src/test/resources/edi, sent from a sender of each test.
 */
@OrdoTest
class EdiOutboundTests {

    /** The PO number (BEG03) and the partner's first item code (PO1 CB) of x12/nodex12_850.edi. */
    static final String X12_PO = "08292233294";

    static final List<String> X12_ITEM_CODES =
            List.of("065322-117", "066850-116", "060733-110", "065308-116", "065374-118", "067504-118");

    /**
     * The PO number and the buyer's item code (BP) of the EDIFACT ORDERS, written by {@link EdiFiles}: the one public
     * ORDERS sample with a licence that allows copying it (edifact/staedi_orders-with-group_D96B_EAN008.edi) has
     * envelope errors, and is rejected as a whole.
     */
    static final String EDIFACT_PO = "C1441747";

    static final String EDIFACT_ITEM_CODE = "8641800";

    @LocalServerPort
    int port;

    @Autowired
    EdiParser parser;

    @Autowired
    EdiOutboundService outbound;

    Api admin;
    ShippingFixtures shipping;
    Fixtures fixtures;
    String warehouse;
    UUID customer;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        shipping = new ShippingFixtures(port);
        fixtures = shipping.fixtures();
        warehouse = fixtures.warehouse();
        customer = fixtures.customer("1000000.00", warehouse);
    }

    @Test
    void anX12OrderShippedAndInvoicedGetsAn856WithItsSsccAndAn810WithItsAmountsUnderThePoNumber() {
        List<String> skus = stockedProducts(X12_ITEM_CODES.size());
        String sender = digits(10);
        partner("X12", sender, X12_ITEM_CODES, skus, true, true);
        JsonNode interchange = receive("application/edi-x12", x12Sample(sender));
        String orderId = placedOrder(interchange);

        JsonNode shipment = shipEverything(orderId);
        JsonNode invoice = invoiceOf(orderId);

        String notice = awaitSent(interchange, "856");
        assertThat(parser.parse(notice).problems()).as(notice).isEmpty();
        assertThat(notice)
                .contains("ST*856*")
                .contains("PRF*" + X12_PO + "~")
                .contains("MAN*GM*" + shipment.get("package").get("sscc").asString() + "~")
                .contains("TD5*B*2*UPS*")
                .contains("REF*CN*" + shipment.get("trackingNumber").asString() + "~")
                .contains("N4*SOLON*OH*44139")
                .contains("LIN*1*VN*" + skus.get(0))
                .contains("SN1**120*EA~")
                .contains("LIN*6*VN*" + skus.get(5))
                .contains("SN1**696*EA~");

        String sent = awaitSent(interchange, "810");
        assertThat(parser.parse(sent).problems()).as(sent).isEmpty();
        assertThat(errorsAgainst810Schema(sent)).as(sent).isEmpty();
        JsonNode first = invoice.get("lines").get(0);
        assertThat(sent)
                .contains("ST*810*")
                .contains("BIG*" + invoice.get("issueDate").asString().replace("-", "") + "*"
                        + invoice.get("number").asString() + "**" + X12_PO + "~")
                .contains("IT1*1*" + first.get("quantity").asLong() + "*EA*"
                        + first.get("unitPrice").get("amount").asString() + "**VN*" + skus.get(0) + "~")
                .contains("TDS*" + cents(invoice.get("totals").get("total")) + "~");
        assertThat(controlNumber(notice)).isNotEqualTo(controlNumber(sent));
    }

    @Test
    void anEdifactOrderShippedAndInvoicedGetsADesadvWithItsSsccAndAnInvoicWithItsAmountsUnderThePoNumber() {
        String sku = stockedProducts(1).get(0);
        String sender = digits(13);
        partner("EDIFACT", sender, List.of(EDIFACT_ITEM_CODE), List.of(sku), true, true);
        JsonNode interchange = receive("application/edifact", edifactOrders(sender));
        String orderId = placedOrder(interchange);

        JsonNode shipment = shipEverything(orderId);
        JsonNode invoice = invoiceOf(orderId);

        String notice = awaitSent(interchange, "DESADV");
        assertThat(parser.parse(notice).problems()).as(notice).isEmpty();
        assertThat(notice)
                .contains("UNH+" + controlNumber(notice) + "+DESADV:D:96A:UN'")
                .contains("RFF+ON:" + EDIFACT_PO + "'")
                .contains("GIN+BJ+" + shipment.get("package").get("sscc").asString() + "'")
                .contains("RFF+CN:" + shipment.get("trackingNumber").asString() + "'")
                .contains("NAD+DP+++Lager Nord+Hauptstrasse 1+Berlin++10115+DE'")
                .contains("LIN+1++" + sku + ":SA'")
                .contains("QTY+12:288'");

        String sent = awaitSent(interchange, "INVOIC");
        assertThat(parser.parse(sent).problems()).as(sent).isEmpty();
        JsonNode first = invoice.get("lines").get(0);
        assertThat(sent)
                .contains("BGM+380+" + invoice.get("number").asString() + "+9'")
                .contains("RFF+ON:" + EDIFACT_PO + "'")
                .contains("LIN+1++" + sku + ":SA'")
                .contains("QTY+47:288'")
                .contains("PRI+AAA:" + first.get("unitPrice").get("amount").asString() + "'")
                .contains("MOA+203:" + first.get("lineNet").get("amount").asString() + "'")
                .contains("MOA+77:"
                        + invoice.get("totals").get("total").get("amount").asString() + "'");
        assertThat(controlNumber(notice)).isNotEqualTo(controlNumber(sent));
    }

    @Test
    void aPartnerThatWantsNeitherShipNoticesNorInvoicesGetsNone() {
        String sku = stockedProducts(1).get(0);
        String sender = digits(13);
        partner("EDIFACT", sender, List.of(EDIFACT_ITEM_CODE), List.of(sku), false, false);
        JsonNode interchange = receive("application/edifact", edifactOrders(sender));
        String orderId = placedOrder(interchange);
        JsonNode shipment = shipEverything(orderId);
        JsonNode invoice = invoiceOf(orderId);

        // the same events again, handled now: whatever the listeners did or will do, this one decides the same
        outbound.shipNotice(shipped(shipment));
        outbound.invoice(issued(invoice));

        assertThat(kinds(interchange)).containsExactlyInAnyOrder("ORDERS", "CONTRL", "ORDRSP");
    }

    @Test
    void aShipmentOrInvoiceEventDeliveredAgainSendsNoSecondFile() {
        List<String> skus = stockedProducts(X12_ITEM_CODES.size());
        String sender = digits(10);
        partner("X12", sender, X12_ITEM_CODES, skus, true, true);
        JsonNode interchange = receive("application/edi-x12", x12Sample(sender));
        String orderId = placedOrder(interchange);
        JsonNode shipment = shipEverything(orderId);
        JsonNode invoice = invoiceOf(orderId);
        awaitSent(interchange, "856");
        awaitSent(interchange, "810");

        outbound.shipNotice(shipped(shipment));
        outbound.invoice(issued(invoice));

        assertThat(kinds(interchange)).containsExactlyInAnyOrder("850", "997", "855", "856", "810");
    }

    /** The partner's code of line i stands for {@code skus[i]}. */
    private void partner(
            String standard,
            String sender,
            List<String> codes,
            List<String> skus,
            boolean shipNotices,
            boolean invoices) {
        List<Map<String, String>> itemCodes = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            itemCodes.add(Map.of("partnerCode", codes.get(i), "sku", skus.get(i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Partner " + sender);
        body.put("customerId", customer.toString());
        body.put("standard", standard);
        body.put("senderId", sender);
        body.put("itemCodes", itemCodes);
        body.put("shipNotices", shipNotices);
        body.put("invoices", invoices);
        JsonNode partner = admin.post("/api/edi/partners", body).expect(201).json();
        assertThat(partner.get("shipNotices").asBoolean()).isEqualTo(shipNotices);
        assertThat(partner.get("invoices").asBoolean()).isEqualTo(invoices);
    }

    /** Products of 10 g with a GTIN, 1000 of each in stock: the sample's 1310 units go in one parcel. */
    private List<String> stockedProducts(int count) {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String sku = Fixtures.unique("SKU");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sku", sku);
            body.put("name", "Product " + sku);
            body.put("unitPrice", Fixtures.money("2.50", "EUR"));
            body.put("taxCategory", "STANDARD");
            body.put("gtin", ShippingFixtures.gtin());
            body.put("weightGrams", 10);
            admin.post("/api/products", body).expect(201);
            fixtures.receive(sku, warehouse, 1000);
            skus.add(sku);
        }
        return skus;
    }

    /** The sample 850 as sent by {@code sender} (ten characters, as the sample's) under a control number of its own. */
    private static String x12Sample(String sender) {
        return sample("x12/nodex12_850.edi").replace("4405197800", sender).replace("000003438", digits(9));
    }

    private static String edifactOrders(String sender) {
        return EdiFiles.orders(
                ":+.? '", sender, digits(13), EDIFACT_PO, "Lager Nord", "BP " + EDIFACT_ITEM_CODE + " 288");
    }

    private static String sample(String path) {
        try (InputStream in = EdiOutboundTests.class.getResourceAsStream("/edi/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String digits(int length) {
        StringBuilder s = new StringBuilder("9");
        while (s.length() < length) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    /** Sends the file to {@code POST /api/edi/inbound} as an administrator; the interchange it became. */
    private JsonNode receive(String contentType, String file) {
        String credentials = "admin:" + Api.ADMIN_PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/edi/inbound"))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(file))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return interchange(Api.JSON.readTree(response.body()).get("id").asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode interchange(String id) {
        return admin.get("/api/edi/interchanges/" + id).expect(200).json();
    }

    private static String placedOrder(JsonNode interchange) {
        for (JsonNode d : interchange.get("documents")) {
            if ("IN".equals(d.get("direction").asString())) {
                assertThat(d.get("status").asString()).as(d.toString()).isEqualTo("PLACED");
                return d.get("orderId").asString();
            }
        }
        throw new AssertionError("no purchase order in " + interchange);
    }

    /** Plans, picks, packs and ships every shipment of the order (one: its stock is in one warehouse). */
    private JsonNode shipEverything(String orderId) {
        JsonNode planned = shipping.plan(orderId).get(0);
        String id = planned.get("id").asString();
        admin.post("/api/shipments/" + id + "/pick", null).expect(200);
        JsonNode detail = admin.get("/api/shipments/" + id).expect(200).json();
        for (JsonNode line : detail.get("lines")) {
            long left = line.get("quantity").asLong();
            while (left > 0) {
                long now = Math.min(20, left);
                admin.post(
                                "/api/shipments/" + id + "/scan",
                                Map.of("code", line.get("sku").asString(), "quantity", now))
                        .expect(200);
                left -= now;
            }
        }
        admin.post("/api/shipments/" + id + "/pack", null).expect(200);
        return admin.post("/api/shipments/" + id + "/ship", Map.of("carrier", "UPS", "service", "STANDARD"))
                .expect(200)
                .json();
    }

    private JsonNode invoiceOf(String orderId) {
        JsonNode[] items = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            items[0] = admin.get("/api/invoices?orderId=" + orderId)
                    .expect(200)
                    .json()
                    .get("items");
            return items[0].size() > 0;
        });
        return admin.get("/api/invoices/" + items[0].get(0).get("id").asString())
                .expect(200)
                .json();
    }

    private String awaitSent(JsonNode interchange, String kind) {
        String[] raw = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode d : interchange(interchange.get("id").asString()).get("documents")) {
                if (kind.equals(d.get("kind").asString())) {
                    raw[0] = d.get("raw").asString();
                }
            }
            return raw[0] != null;
        });
        return raw[0];
    }

    private List<String> kinds(JsonNode interchange) {
        List<String> kinds = new ArrayList<>();
        interchange(interchange.get("id").asString())
                .get("documents")
                .forEach(d -> kinds.add(d.get("kind").asString()));
        return kinds;
    }

    private static ShipmentShipped shipped(JsonNode shipment) {
        List<ShipmentShipped.Line> lines = new ArrayList<>();
        shipment.get("lines")
                .forEach(l -> lines.add(new ShipmentShipped.Line(
                        l.get("lineNumber").asInt(),
                        l.get("sku").asString(),
                        l.get("quantity").asLong())));
        return new ShipmentShipped(
                UUID.fromString(shipment.get("id").asString()),
                shipment.get("number").asString(),
                UUID.fromString(shipment.get("orderId").asString()),
                shipment.get("orderNumber").asString(),
                shipment.get("warehouse").asString(),
                shipment.get("carrier").asString(),
                shipment.get("service").asString(),
                shipment.get("trackingNumber").asString(),
                Instant.parse(shipment.get("shippedAt").asString()),
                lines);
    }

    private static InvoiceIssued issued(JsonNode invoice) {
        return new InvoiceIssued(
                UUID.fromString(invoice.get("id").asString()),
                invoice.get("number").asString(),
                DocumentType.INVOICE,
                UUID.fromString(invoice.get("orderId").asString()),
                invoice.get("orderNumber").asString(),
                UUID.fromString(invoice.get("customerId").asString()),
                null,
                null,
                new BigDecimal(invoice.get("totals").get("total").get("amount").asString()),
                invoice.get("currency").asString());
    }

    /** The interchange's control number: ISA13 or UNB 0020. */
    private String controlNumber(String raw) {
        return parser.parse(raw).envelope().controlNumber();
    }

    private static String cents(JsonNode money) {
        return new BigDecimal(money.get("amount").asString())
                .movePointRight(2)
                .toBigInteger()
                .toString();
    }

    /** What StAEDI finds wrong in an X12 810 checked against its 004010 810 schema (a public sample). */
    private static List<String> errorsAgainst810Schema(String edi) {
        List<String> errors = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        try (InputStream schemaFile = EdiOutboundTests.class.getResourceAsStream("/edi/x12/staedi_EDISchema810.xml");
                EDIStreamReader reader =
                        factory.createEDIStreamReader(new ByteArrayInputStream(edi.getBytes(StandardCharsets.UTF_8)))) {
            Schema schema = SchemaFactory.newFactory().createSchema(schemaFile);
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.START_TRANSACTION) {
                    reader.setTransactionSchema(schema);
                } else if (event == EDIStreamEvent.SEGMENT_ERROR
                        || event == EDIStreamEvent.ELEMENT_DATA_ERROR
                        || event == EDIStreamEvent.ELEMENT_OCCURRENCE_ERROR) {
                    errors.add(reader.getErrorType() + " at "
                            + reader.getLocation().getSegmentTag() + " element "
                            + reader.getLocation().getElementPosition());
                }
            }
        } catch (Exception e) {
            errors.add(e.toString());
        }
        return errors;
    }
}
