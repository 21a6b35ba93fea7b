package org.ordo.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Purchase orders by EDI become orders, answered per line; a broken file is rejected whole. */
@OrdoTest
class EdiInboundTests {

    @LocalServerPort
    int port;

    @Autowired
    EdiInterchanges interchanges;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    Api admin;
    Fixtures fixtures;
    String warehouse;
    String stocked;
    String unstocked;
    UUID customer;
    String sender;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        fixtures = new Fixtures(port);
        warehouse = fixtures.warehouse();
        stocked = fixtures.product("10.00");
        unstocked = fixtures.product("5.00");
        fixtures.receive(stocked, warehouse, 100);
        customer = fixtures.customer("100000.00", warehouse);
        sender = Fixtures.unique("S").substring(0, 12).toUpperCase();
    }

    @Test
    void anX12PurchaseOrderBecomesAnEdiOrderShippedWhereTheOrderSays() {
        partner("X12", sender, List.of());
        String file = EdiFiles.x12(
                EdiFiles.X12Style.PLAIN,
                sender,
                "000000101",
                List.of(EdiFiles.po850("PO-1", "20991231", "VN " + stocked + " 3", "VN " + unstocked + " 2")));

        JsonNode receipt = inbound("application/edi-x12", file, 202);
        assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(receipt.get("acknowledgement").asString()).contains("AK9*A*1*1*1~");

        JsonNode interchange = interchange(receipt);
        assertThat(interchange.get("controlNumber").asString()).isEqualTo("000000101");
        JsonNode po = document(interchange, "850");
        assertThat(po.get("status").asString()).isEqualTo("PLACED");
        JsonNode order = admin.get("/api/orders/" + po.get("orderId").asString())
                .expect(200)
                .json();
        assertThat(order.get("channel").asString()).isEqualTo("EDI");
        assertThat(order.get("externalReference").asString()).isEqualTo("PO-1");
        assertThat(order.get("shippingAddress").get("city").asString()).isEqualTo("Springfield");
        assertThat(order.get("requestedDeliveryDate").asString()).isEqualTo("2099-12-31");
        String response = document(interchange, "855").get("raw").asString();
        assertThat(response)
                .contains("BAK*00*AC*PO-1*")
                .contains("ACK*IA*3*EA~")
                .contains("ACK*IB*2*EA~");
    }

    @Test
    void aResentInterchangeCreatesNothingAndIsAnsweredWithTheFirstAcknowledgement() {
        partner("X12", sender, List.of());
        String file = EdiFiles.x12(
                EdiFiles.X12Style.PLAIN,
                sender,
                "000000102",
                List.of(EdiFiles.po850("PO-2", null, "VN " + stocked + " 1")));
        JsonNode first = inbound("application/edi-x12", file, 202);
        JsonNode again = inbound("application/edi-x12", file, 202);

        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("acknowledgement").asString())
                .isEqualTo(first.get("acknowledgement").asString());
        assertThat(ordersOfCustomer()).isEqualTo(1);
    }

    @Test
    void aFileWithAWrongSegmentCountIsRejectedWholeNamingTheSegmentAndNoOrderIsMade() {
        partner("X12", sender, List.of());
        String file = EdiFiles.x12(
                        EdiFiles.X12Style.PLAIN,
                        sender,
                        "000000103",
                        List.of(
                                EdiFiles.po850("PO-3A", null, "VN " + stocked + " 1"),
                                EdiFiles.po850("PO-3B", null, "VN " + stocked + " 1")))
                .replace("SE*8*0002", "SE*9*0002");

        JsonNode receipt = inbound("application/edi-x12", file, 202);

        assertThat(receipt.get("status").asString()).isEqualTo("REJECTED");
        assertThat(receipt.get("errors").get(0).asString()).contains("SE (segment 8) element 1");
        String ack = receipt.get("acknowledgement").asString();
        assertThat(ack).contains("AK2*850*0002~").contains("AK3*SE*8**8~").contains("AK5*R*4~");
        assertThat(ack).contains("AK9*R*2*2*0~");
        assertThat(ordersOfCustomer()).isZero();
    }

    @Test
    void anUnknownItemIsRejectedPerLineAndTheOrderIsPlacedOnceAPersonMapsIt() {
        partner("X12", sender, List.of(Map.of("partnerCode", "B-1", "sku", stocked)));
        String file = EdiFiles.x12(
                EdiFiles.X12Style.PLAIN,
                sender,
                "000000104",
                List.of(EdiFiles.po850("PO-4", null, "BP B-1 2", "BP B-2 5")));

        JsonNode receipt = inbound("application/edi-x12", file, 202);
        assertThat(receipt.get("status").asString()).isEqualTo("ATTENTION");
        JsonNode interchange = interchange(receipt);
        JsonNode po = document(interchange, "850");
        assertThat(po.get("lines").get(0).get("status").asString()).isEqualTo("HELD");
        JsonNode rejected = po.get("lines").get(1);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("error").asString()).contains("BP B-2");
        assertThat(document(interchange, "855").get("raw").asString())
                .contains("BAK*00*RD*PO-4")
                .contains("ACK*IH*2*EA~")
                .contains("ACK*IR*5*EA~");
        assertThat(ordersOfCustomer()).isZero();

        EdiInterchanges.Interchange after =
                interchanges.mapItemAndProcess(UUID.fromString(po.get("id").asString()), 2, unstocked);

        assertThat(after.status()).isEqualTo("ACCEPTED");
        assertThat(ordersOfCustomer()).isEqualTo(1);
        List<String> responses = after.documents().stream()
                .filter(d -> d.kind().equals("855"))
                .map(EdiInterchanges.Document::raw)
                .toList();
        assertThat(responses).hasSize(2);
        assertThat(responses.get(1)).contains("BAK*00*AC*PO-4").contains("ACK*IB*5*EA~");
    }

    @Test
    void reprocessingAnInterchangeMapsTheGivenItemCodesFirstAndPlacesItsWaitingOrder() {
        partner("X12", sender, List.of());
        String file = EdiFiles.x12(
                EdiFiles.X12Style.PLAIN, sender, "000000107", List.of(EdiFiles.po850("PO-7", null, "BP B-7 2")));
        JsonNode receipt = inbound("application/edi-x12", file, 202);
        String path = "/api/edi/interchanges/" + receipt.get("id").asString() + "/reprocess";

        JsonNode refused = admin.post(
                        path, Map.of("itemCodes", List.of(Map.of("partnerCode", "B-7", "sku", "NO-SUCH"))))
                .expect(400)
                .json();
        assertThat(refused.toString()).contains("itemCodes[0].sku");
        assertThat(ordersOfCustomer()).isZero();

        JsonNode after = admin.post(path, Map.of("itemCodes", List.of(Map.of("partnerCode", "B-7", "sku", stocked))))
                .expect(200)
                .json();
        assertThat(after.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(ordersOfCustomer()).isEqualTo(1);
        admin.post(path, Map.of()).expect(409);
    }

    @Test
    void anOrderFromAnUnknownSenderWaitsForItsPartner() {
        String file = EdiFiles.x12(
                EdiFiles.X12Style.PLAIN,
                sender,
                "000000105",
                List.of(EdiFiles.po850("PO-5", null, "VN " + stocked + " 1")));

        JsonNode receipt = inbound("application/edi-x12", file, 202);

        assertThat(receipt.get("status").asString()).isEqualTo("ATTENTION");
        JsonNode po = document(interchange(receipt), "850");
        assertThat(po.get("errors").get(0).asString()).contains("No trading partner");
        partner("X12", sender, List.of());
        EdiInterchanges.Interchange after =
                interchanges.process(UUID.fromString(po.get("id").asString()));
        assertThat(after.status()).isEqualTo("ACCEPTED");
        assertThat(after.partnerId()).isNotNull();
    }

    @Test
    void anEdifactOrderWithEscapedDelimitersBecomesAnOrderAnsweredByControlAndOrderResponse() {
        partner("EDIFACT", sender, List.of());
        String file = EdiFiles.orders(
                ":+.? '", sender, "7001", "PO-6", "Kaiser+Sohn: Lager 3", "SA " + stocked + " 4", "SA NOPE 1");

        JsonNode receipt = inbound("application/edifact", file, 202);

        assertThat(receipt.get("status").asString()).isEqualTo("ATTENTION");
        assertThat(receipt.get("acknowledgement").asString()).contains("UCM+1+ORDERS:D:96A:UN+7'");
        JsonNode interchange = interchange(receipt);
        assertThat(document(interchange, "ORDRSP").get("raw").asString())
                .contains("BGM+231+PO-6+27'")
                .contains("LIN+2+7+NOPE:SA'");
        EdiInterchanges.Interchange after = interchanges.mapItemAndProcess(
                UUID.fromString(document(interchange, "ORDERS").get("id").asString()), 2, stocked);
        EdiInterchanges.Document placed = after.documents().stream()
                .filter(d -> d.kind().equals("ORDERS"))
                .findFirst()
                .orElseThrow();
        JsonNode order =
                admin.get("/api/orders/" + placed.orderId()).expect(200).json();
        assertThat(order.get("shippingAddress").get("name").asString()).isEqualTo("Kaiser+Sohn: Lager 3");
        assertThat(order.get("requestedDeliveryDate").asString()).isEqualTo("2099-12-31");
    }

    @Test
    void onlyAdminAndSalesSendInterchanges() {
        TestUsers users = new TestUsers(jdbc, encoder);
        String warehouseUser = users.staff("WAREHOUSE");
        String file = EdiFiles.x12(
                EdiFiles.X12Style.PLAIN,
                sender,
                "000000106",
                List.of(EdiFiles.po850("PO-6", null, "VN " + stocked + " 1")));
        post(port, warehouseUser + ":" + TestUsers.PASSWORD, "application/edi-x12", file.getBytes(), 403);
        post(port, warehouseUser + ":" + TestUsers.PASSWORD, "application/json", "{}".getBytes(), 403);
        post(port, users.staff("SALES") + ":" + TestUsers.PASSWORD, "application/edi-x12", file.getBytes(), 202);
    }

    @Test
    void aContentTypeOtherThanX12OrEdifactIsRefused() {
        inbound("text/plain", "ISA*", 415);
    }

    private void partner(String standard, String senderId, List<Map<String, String>> itemCodes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Partner " + senderId);
        body.put("customerId", customer.toString());
        body.put("standard", standard);
        body.put("senderId", senderId);
        body.put("senderQualifier", "ZZ");
        body.put("itemCodes", itemCodes);
        admin.post("/api/edi/partners", body).expect(201);
    }

    private long ordersOfCustomer() {
        return admin.get("/api/orders?customerId=" + customer)
                .expect(200)
                .json()
                .get("totalItems")
                .asLong();
    }

    private JsonNode interchange(JsonNode receipt) {
        return admin.get("/api/edi/interchanges/" + receipt.get("id").asString())
                .expect(200)
                .json();
    }

    static JsonNode document(JsonNode interchange, String kind) {
        JsonNode found = null;
        for (JsonNode d : interchange.get("documents")) {
            if (d.get("kind").asString().equals(kind)) {
                found = d;
            }
        }
        assertThat(found).as(kind).isNotNull();
        return found;
    }

    JsonNode inbound(String contentType, String body, int status) {
        return post(port, contentType, body.getBytes(StandardCharsets.UTF_8), status);
    }

    static JsonNode post(int port, String contentType, byte[] body, int status) {
        return post(port, "admin:" + Api.ADMIN_PASSWORD, contentType, body, status);
    }

    static JsonNode post(int port, String credentials, String contentType, byte[] body, int status) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/edi/inbound"))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return response.body().isEmpty() ? null : Api.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
