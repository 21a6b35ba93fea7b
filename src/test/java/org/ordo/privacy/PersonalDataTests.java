package org.ordo.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.customers.CustomerNotes;
import org.ordo.invoicing.InvoicePrivacy;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.ShippedOrders;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A customer's personal data: exported in one document through every module, and erased while the books stay whole. */
@OrdoTest
class PersonalDataTests {

    private static final String NOTE = "prefers calls after 5 pm on +49 171 5550123";
    private static final String RETURN_NOTE = "box left with the neighbour, Frau Schmidt";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerNotes notes;

    @Autowired
    InvoicePrivacy invoicePrivacy;

    @Autowired
    TransactionTemplate transaction;

    Api admin;
    ShippedOrders shippedOrders;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        shippedOrders = new ShippedOrders(port);
        fixtures = shippedOrders.fixtures();
    }

    /** A customer with an order shipped, invoiced and paid, a rejected return, a note and a portal user. */
    private record Person(ShippedOrders.Shipped shipped, String name, String username, String returnNumber) {}

    private Person customerWithHistory() {
        ShippedOrders.Shipped shipped = shippedOrders.forNewCustomer(2);
        UUID customer = shipped.customer();
        String name = admin.get("/api/customers/" + customer)
                .expect(200)
                .json()
                .get("name")
                .asString();
        notes.add(customer, NOTE);
        String username = users.customer(customer);
        JsonNode invoice = admin.get("/api/invoices/" + shipped.invoiceNumber())
                .expect(200)
                .json();
        admin.post(
                        "/api/payments",
                        Map.of(
                                "customerId",
                                customer.toString(),
                                "amount",
                                invoice.get("totals").get("total"),
                                "method",
                                "BANK_TRANSFER",
                                "reference",
                                "paid in full"))
                .expect(201);
        JsonNode rma = admin.post(
                        "/api/orders/" + shipped.orderNumber() + "/returns",
                        Map.of(
                                "lines",
                                List.of(Map.of("lineNumber", 1, "quantity", 1, "reason", "OTHER")),
                                "resolution",
                                "REFUND",
                                "note",
                                RETURN_NOTE))
                .expect(201)
                .json();
        admin.post(
                        "/api/returns/" + rma.get("id").asString() + "/reject",
                        Map.of("reason", "outside the return window"))
                .expect(200);
        return new Person(shipped, name, username, rma.get("number").asString());
    }

    @Test
    void theExportHoldsEverythingKeptAboutTheCustomerAndErasureRemovesThePersonButNotTheBooks() {
        Person person = customerWithHistory();
        UUID customer = person.shipped().customer();

        JsonNode export = admin.get("/api/customers/" + customer + "/personal-data")
                .expect(200)
                .json();
        assertThat(export.get("customer").get("name").asString()).isEqualTo(person.name());
        assertThat(export.get("customer").get("billingLine1").asString()).isEqualTo("Hauptstraße 1");
        assertThat(export.get("notes").get(0).get("text").asString()).isEqualTo(NOTE);
        assertThat(export.get("portalUsers").get("users").get(0).get("username").asString())
                .isEqualTo(person.username());
        assertThat(export.get("orders").get("orders").get(0).get("number").asString())
                .isEqualTo(person.shipped().orderNumber());
        assertThat(export.get("shipments")
                        .get("shipments")
                        .get(0)
                        .get("trackingNumber")
                        .asString())
                .isEqualTo(person.shipped().trackingNumber());
        assertThat(export.get("invoices").get("invoices").get(0).get("number").asString())
                .isEqualTo(person.shipped().invoiceNumber());
        assertThat(export.get("invoices")
                        .get("payments")
                        .get(0)
                        .get("reference")
                        .asString())
                .isEqualTo("paid in full");
        assertThat(export.get("documents").get(0).get("pdf").asString())
                .isEqualTo("/api/invoices/" + person.shipped().invoiceNumber());
        assertThat(export.get("returns").get("returns").get(0).get("note").asString())
                .isEqualTo(RETURN_NOTE);
        assertThat(export.get("audit").valueStream().map(e -> e.get("entity").asString()))
                .contains("CUSTOMER", "ORDER", "SHIPMENT", "INVOICE", "PAYMENT", "RETURN");
        admin.download("GET", export.get("documents").get(0).get("pdf").asString(), null);

        String invoiceBefore = admin.get("/api/invoices/" + person.shipped().invoiceNumber())
                .expect(200)
                .text();
        JsonNode agingBefore =
                admin.get("/api/reports/ar-aging").expect(200).json().get("totals");

        JsonNode erasure = admin.post("/api/customers/" + customer + "/erasure", Map.of("reason", "asked by letter"))
                .expect(200)
                .json();
        assertThat(erasure.get("invoiceRetentionYears").asInt()).isEqualTo(10);
        assertThat(erasure.get("invoicesErased").asInt()).isZero();

        JsonNode after = admin.get("/api/customers/" + customer + "/personal-data")
                .expect(200)
                .json();
        assertThat(after.get("erased").asBoolean()).isTrue();
        assertThat(after.get("customer").get("name").asString()).isEqualTo("erased");
        assertThat(after.get("customer").get("active").asBoolean()).isFalse();
        for (String part : List.of("customer", "notes", "portalUsers", "orders", "shipments", "returns")) {
            assertThat(after.get(part).toString())
                    .as(part)
                    .doesNotContain(person.name(), "Hauptstraße", NOTE, RETURN_NOTE, "outside the return window");
        }
        assertThat(after.get("portalUsers").get("users").get(0).get("enabled").asBoolean())
                .isFalse();
        Api.at(port)
                .basic(person.username(), TestUsers.PASSWORD)
                .get("/api/orders")
                .expect(401);

        assertThat(admin.get("/api/invoices/" + person.shipped().invoiceNumber())
                        .expect(200)
                        .text())
                .isEqualTo(invoiceBefore);
        assertThat(admin.get("/api/reports/ar-aging").expect(200).json().get("totals"))
                .isEqualTo(agingBefore);
        JsonNode consistency = fixtures.consistency();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
        assertThat(admin.get("/api/audit?entity=CUSTOMER&id=" + customer)
                        .expect(200)
                        .text())
                .contains("PERSONAL_DATA_ERASED", "asked by letter");
        // the customer number is no personal data: it stays, finds the customer's trail and is shown without the name
        String number = export.get("customer").get("number").asString();
        assertThat(after.get("customer").get("number").asString()).isEqualTo(number);
        assertThat(admin.get("/api/audit?entity=CUSTOMER&id=" + number)
                        .expect(200)
                        .json()
                        .get(0)
                        .get("label")
                        .asString())
                .isEqualTo(number + " erased");

        JsonNode again = admin.post("/api/customers/" + customer + "/erasure", Map.of("reason", "asked again"))
                .expect(409)
                .json();
        assertThat(again.get("errorCode").asString()).isEqualTo("already-erased");
    }

    @Test
    void aCustomerWithAnOrderUnderWayIsNotErased() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("4.00");
        fixtures.receive(sku, warehouse, 5);
        UUID customer = fixtures.customer("1000.00", warehouse);
        String number = admin.post("/api/orders", Fixtures.order(customer, sku, 1))
                .expect(201)
                .json()
                .get("number")
                .asString();

        JsonNode refused = admin.post("/api/customers/" + customer + "/erasure", Map.of("reason", "asked by phone"))
                .expect(422)
                .json();
        assertThat(refused.get("detail").asString()).contains("open orders " + number);
        assertThat(admin.get("/api/customers/" + customer)
                        .expect(200)
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();
        assertThat(admin.post("/api/customers/" + customer + "/erasure", Map.of())
                        .expect(400)
                        .text())
                .contains("reason");
    }

    @Test
    void onlyDocumentsIssuedBeforeTheRetentionPeriodLoseTheBuyersNameAndAddress() {
        ShippedOrders.Shipped shipped = shippedOrders.forNewCustomer(1);
        String invoice = "/api/invoices/" + shipped.invoiceNumber();
        String issued = admin.get(invoice).expect(200).text();
        Instant issuedAt = Instant.parse(
                admin.get(invoice).expect(200).json().get("issuedAt").asString());

        assertThat(eraseIssuedBefore(shipped.customer(), issuedAt)).isZero();
        assertThat(admin.get(invoice).expect(200).text()).isEqualTo(issued);

        Instant later = issuedAt.plus(1, ChronoUnit.SECONDS);
        assertThat(eraseIssuedBefore(shipped.customer(), later)).isEqualTo(1);
        JsonNode erased = admin.get(invoice).expect(200).json();
        assertThat(erased.get("buyer").get("name").asString()).isEqualTo("erased");
        assertThat(erased.get("number").asString()).isEqualTo(shipped.invoiceNumber());
        assertThat(erased.toString()).doesNotContain("Hauptstraße");
    }

    private int eraseIssuedBefore(UUID customer, Instant issuedBefore) {
        Integer erased = transaction.execute(tx -> invoicePrivacy.eraseIssuedBefore(customer, issuedBefore));
        return erased;
    }
}
