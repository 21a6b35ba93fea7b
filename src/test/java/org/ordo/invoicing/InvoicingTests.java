package org.ordo.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.ReceivablesBalance;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Automatic invoicing per policy, tax by destination, the read API and what customers owe. */
@OrdoTest
class InvoicingTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ReceivablesBalance receivables;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures fixtures;
    InvoicingSupport flow;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
    }

    @Test
    void eachShipmentIsInvoicedWithItsShippedQuantitiesAndTheDestinationsRates() {
        String warehouse = fixtures.warehouse();
        String standard = fixtures.product("19.99", "STANDARD");
        String reduced = fixtures.product("3.33", "REDUCED");
        fixtures.receive(standard, warehouse, 10);
        fixtures.receive(reduced, warehouse, 10);
        // a consumer: a French company with a VAT id would be invoiced an intra-community supply
        UUID customer = flow.customer("FR", Map.of());
        JsonNode order = flow.order(customer, standard, 5, reduced, 2);
        String orderId = order.get("id").asString();

        flow.ship(order, warehouse, 1, 3, 2, 2);
        JsonNode invoice = flow.awaitInvoice(orderId);

        assertThat(invoice.get("type").asString()).isEqualTo("INVOICE");
        assertThat(invoice.get("status").asString()).isEqualTo("ISSUED");
        assertThat(invoice.get("number").asString()).matches("INV-\\d{4}-\\d{6}");
        assertThat(invoice.get("currency").asString()).isEqualTo("EUR");
        JsonNode first = invoice.get("lines").get(0);
        assertThat(first.get("orderLineNumber").asInt()).isEqualTo(1);
        assertThat(first.get("sku").asString()).isEqualTo(standard);
        assertThat(first.get("quantity").asLong()).isEqualTo(3);
        assertThat(first.get("lineNet").get("amount").asString()).isEqualTo("59.97");
        assertThat(first.get("taxRate").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(first.get("vatCategory").asString()).isEqualTo("S");
        // 59.97 x 0.20 = 11.994, rounded half-even per line
        assertThat(first.get("tax").get("amount").asString()).isEqualTo("11.99");
        JsonNode second = invoice.get("lines").get(1);
        assertThat(second.get("taxRate").decimalValue()).isEqualByComparingTo("0.055");
        assertThat(second.get("lineNet").get("amount").asString()).isEqualTo("6.66");
        // 6.66 x 0.055 = 0.3663
        assertThat(second.get("tax").get("amount").asString()).isEqualTo("0.37");
        JsonNode totals = invoice.get("totals");
        assertThat(totals.get("subtotal").get("amount").asString()).isEqualTo("66.63");
        assertThat(totals.get("tax").get("amount").asString()).isEqualTo("12.36");
        assertThat(totals.get("total").get("amount").asString()).isEqualTo("78.99");
        assertThat(invoice.get("amountDue").get("amount").asString()).isEqualTo("78.99");
        assertThat(invoice.get("taxSummary")).hasSize(2);
        LocalDate issued = LocalDate.parse(invoice.get("issueDate").asString());
        assertThat(LocalDate.parse(invoice.get("dueDate").asString())).isEqualTo(issued.plusDays(14));
        assertThat(invoice.get("seller").get("name").asString()).isEqualTo("Ordo Demo GmbH");
        assertThat(invoice.get("seller").get("vatId").asString()).isEqualTo("DE123456789");
        assertThat(invoice.get("shipTo").get("country").asString()).isEqualTo("FR");

        flow.ship(order, warehouse, 1, 2);
        JsonNode documents = flow.awaitDocuments(orderId, 2);
        JsonNode rest = flow.invoice(documents.get(0).get("number").asString());
        assertThat(rest.get("lines")).hasSize(1);
        assertThat(rest.get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
        assertThat(rest.get("number").asString())
                .isNotEqualTo(invoice.get("number").asString());

        assertThat(receivables.openBalance(customer))
                .isEqualByComparingTo(new BigDecimal("78.99")
                        .add(new BigDecimal(
                                rest.get("totals").get("total").get("amount").asString())));
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void germanDestinationsPayGermanVatAndGoodsLeavingTheEuAreExportsAtZeroPercent() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 4);
        UUID german = flow.customer("DE", Map.of());
        UUID swiss = flow.customer("CH", Map.of());
        JsonNode toGermany = flow.order(german, sku, 2);
        JsonNode toSwitzerland = flow.order(swiss, sku, 2);

        flow.ship(toGermany, warehouse, 1, 2);
        flow.ship(toSwitzerland, warehouse, 1, 2);

        JsonNode de =
                flow.awaitInvoice(toGermany.get("id").asString()).get("lines").get(0);
        assertThat(de.get("taxRate").decimalValue()).isEqualByComparingTo("0.19");
        assertThat(de.get("tax").get("amount").asString()).isEqualTo("3.80");
        JsonNode ch = flow.awaitInvoice(toSwitzerland.get("id").asString())
                .get("lines")
                .get(0);
        assertThat(ch.get("taxRate").decimalValue()).isZero();
        assertThat(ch.get("vatCategory").asString()).isEqualTo("G");
    }

    @Test
    void exportsOutsideTheEuAreZeroRatedWithAReason() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 1);
        JsonNode order = flow.order(flow.customer("US", Map.of()), sku, 1);
        flow.ship(order, warehouse, 1, 1);

        JsonNode invoice = flow.awaitInvoice(order.get("id").asString());

        assertThat(invoice.get("lines").get(0).get("vatCategory").asString()).isEqualTo("G");
        assertThat(invoice.get("totals").get("tax").get("amount").asString()).isEqualTo("0.00");
        assertThat(invoice.get("taxSummary").get(0).get("exemptionReason").asString())
                .isEqualTo("Export outside the EU");
    }

    @Test
    void taxExemptCustomersAreInvoicedAtZeroWithTheExemptionReason() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("50.00", "STANDARD");
        fixtures.receive(sku, warehouse, 2);
        UUID customer = flow.customer("DE", Map.of("taxExempt", true, "vatId", "DE811907980"));
        JsonNode order = flow.order(customer, sku, 2);
        flow.ship(order, warehouse, 1, 2);

        JsonNode invoice = flow.awaitInvoice(order.get("id").asString());

        JsonNode line = invoice.get("lines").get(0);
        assertThat(line.get("vatCategory").asString()).isEqualTo("E");
        assertThat(line.get("taxRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(line.get("tax").get("amount").asString()).isEqualTo("0.00");
        assertThat(invoice.get("taxSummary").get(0).get("exemptionReason").asString())
                .isEqualTo("Exempt from VAT");
        assertThat(invoice.get("totals").get("total").get("amount").asString()).isEqualTo("100.00");
    }

    @Test
    void onOrderCustomersAreInvoicedOnceForTheOrderedQuantitiesAndHeldOrdersWaitForRelease()
            throws InterruptedException {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("12.50", "STANDARD");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = flow.customer(
                "DE", Map.of("invoicingPolicy", "ON_ORDER", "creditLimit", Fixtures.money("1.00", "EUR")));
        JsonNode order = flow.order(customer, sku, 4);
        String orderId = order.get("id").asString();
        assertThat(order.get("status").asString()).isEqualTo("ON_HOLD");

        Thread.sleep(500);
        assertThat(admin.get("/api/invoices?orderId=" + orderId)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();

        // a credit hold is released by another person than who placed the order
        Api.at(port)
                .basic(users.staff("ACCOUNTING"), TestUsers.PASSWORD)
                .post("/api/orders/" + orderId + "/release", Map.of("reason", "paid in advance"))
                .expect(200);
        JsonNode invoice = flow.awaitInvoice(orderId);
        assertThat(invoice.get("lines").get(0).get("quantity").asLong()).isEqualTo(4);
        assertThat(invoice.get("shipmentId").isNull()).isTrue();

        // shipping later invoices nothing more: the order is invoiced already
        flow.ship(order, warehouse, 1, 4);
        Thread.sleep(500);
        assertThat(admin.get("/api/invoices?orderId=" + orderId)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(fixtures.consistency().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void onlyOrdersInvoicedOnAcceptanceLeaveWorkForInvoicingAfterTheCommit() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("12.50", "STANDARD");
        fixtures.receive(sku, warehouse, 10);
        UUID onOrder = flow.customer("DE", Map.of("invoicingPolicy", "ON_ORDER"));
        UUID onShipment = flow.customer("DE", Map.of());

        String invoicedNow = flow.order(onOrder, sku, 2).get("id").asString();
        String invoicedLater = flow.order(onShipment, sku, 3).get("id").asString();

        assertThat(flow.awaitInvoice(invoicedNow)
                        .get("lines")
                        .get(0)
                        .get("quantity")
                        .asLong())
                .isEqualTo(2);
        assertThat(invoicingPublications(invoicedNow)).isEqualTo(1);
        assertThat(invoicingPublications(invoicedLater)).isZero();
    }

    /** The event publications of an order's placement for the invoicing listener, completed or not. */
    private long invoicingPublications(String orderId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%InvoicingListener%' "
                        + "AND event_type LIKE '%OrderPlaced' AND serialized_event LIKE ?",
                Long.class, "%" + orderId + "%");
    }

    @Test
    void aShipmentDeliveredTwiceIsInvoicedOnce() throws InterruptedException {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("7.00");
        fixtures.receive(sku, warehouse, 3);
        JsonNode order = flow.order(flow.customer("DE", Map.of()), sku, 3);
        ShipmentShipped shipment = flow.ship(order, warehouse, 1, 3);
        flow.publish(shipment);

        flow.awaitDocuments(order.get("id").asString(), 1);
        Thread.sleep(500);

        assertThat(admin.get("/api/invoices?orderId=" + order.get("id").asString())
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void customersSeeOnlyTheirOwnInvoices() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("5.00");
        fixtures.receive(sku, warehouse, 2);
        UUID mine = flow.customer("DE", Map.of());
        UUID theirs = flow.customer("DE", Map.of());
        JsonNode myOrder = flow.order(mine, sku, 1);
        JsonNode theirOrder = flow.order(theirs, sku, 1);
        flow.ship(myOrder, warehouse, 1, 1);
        flow.ship(theirOrder, warehouse, 1, 1);
        JsonNode myInvoice = flow.awaitInvoice(myOrder.get("id").asString());
        JsonNode theirInvoice = flow.awaitInvoice(theirOrder.get("id").asString());
        Api me = users.customerUser(port, mine);

        JsonNode listed = me.get("/api/invoices").expect(200).json();
        assertThat(listed.get("items")
                        .valueStream()
                        .map(i -> i.get("customerId").asString()))
                .containsOnly(mine.toString());
        assertThat(listed.get("totalItems").asLong()).isEqualTo(1);
        assertThat(me.get("/api/invoices?customerId=" + theirs)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        me.get("/api/invoices/" + myInvoice.get("number").asString()).expect(200);
        me.get("/api/invoices/" + theirInvoice.get("id").asString()).expect(404);
        me.get("/api/invoices/" + theirInvoice.get("number").asString()).expect(404);
        me.post("/api/invoices/" + myInvoice.get("id").asString() + "/void", Map.of("reason", "mine"))
                .expect(403);
        Api warehouseClerk = Api.at(port).basic(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        warehouseClerk.get("/api/invoices").expect(403);
    }

    @Test
    void listsFilterByStatusAndRejectUnknownValues() {
        admin.get("/api/invoices?status=ISSUED&size=5").expect(200);
        JsonNode problem = admin.get("/api/invoices?status=SENT").expect(400).json();
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("status");
        admin.get("/api/invoices?size=501").expect(400);
        admin.get("/api/invoices/INV-1999-999999").expect(404);
        admin.get("/api/invoices/" + UUID.randomUUID()).expect(404);
    }

    @Test
    void customerInvoicingFieldsAreValidatedAndChangeable() {
        JsonNode problem = admin.post(
                        "/api/customers",
                        Map.of("name", "X", "currency", "EUR", "invoicingPolicy", "WEEKLY", "vatId", "de 123"))
                .expect(400)
                .json();
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("invoicingPolicy", "vatId");

        UUID customer = flow.customer("DE", Map.of());
        JsonNode created = admin.get("/api/customers/" + customer).expect(200).json();
        assertThat(created.get("invoicingPolicy").asString()).isEqualTo("ON_SHIPMENT");
        assertThat(created.get("taxExempt").asBoolean()).isFalse();
        JsonNode changed = admin.patch(
                        "/api/customers/" + customer,
                        Map.of("invoicingPolicy", "ON_ORDER", "taxExempt", true, "vatId", "DE811907980"))
                .expect(200)
                .json();
        assertThat(changed.get("invoicingPolicy").asString()).isEqualTo("ON_ORDER");
        assertThat(changed.get("taxExempt").asBoolean()).isTrue();
        assertThat(changed.get("vatId").asString()).isEqualTo("DE811907980");
    }
}
