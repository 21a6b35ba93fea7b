package org.ordo.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.fulfillment.ShippingFixtures.gtin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
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

/** The risk feed's rules (docs/domain.md, Risks), each alert shown to the roles that can act on it. */
@OrdoTest
class RiskAlertTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    Api admin;
    Fixtures fixtures;
    ShippingFixtures shipping;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        shipping = new ShippingFixtures(port);
        fixtures = shipping.fixtures();
    }

    @Test
    void aSkuProjectedBelowItsSafetyStockWithinItsLeadTimeIsAStockoutForPurchasingNotForSales() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("5.00");
        fixtures.receive(sku, warehouse, 3);
        admin.put("/api/inventory/levels/" + warehouse + "/" + sku, Map.of("safetyStock", 5, "reorderPoint", 0))
                .expect(200);
        String supplier = supplier();
        offer(supplier, sku, 7);

        JsonNode alert = alert(as("PURCHASING"), "STOCKOUT", sku);
        assertThat(alert).as("projected 3 < safety stock 5").isNotNull();
        assertThat(alert.get("severity").asString()).isEqualTo("MEDIUM");
        assertThat(alert.get("subject").get("kind").asString()).isEqualTo("SKU");
        assertThat(alert.get("detail").asString()).contains("projected 3 against safety stock 5");
        assertThat(alert.get("action").get("href").asString()).isEqualTo("/purchasing");
        assertThat(alert(as("SALES"), "STOCKOUT", sku)).isNull();

        // what a sent purchase order brings within the lead time counts
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierId", supplier);
        body.put("warehouse", warehouse);
        body.put("lines", java.util.List.of(Map.of("sku", sku, "quantity", 2)));
        String po = admin.post("/api/purchase-orders", body)
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/purchase-orders/" + po + "/send", Map.of()).expect(200);
        assertThat(alert(as("PURCHASING"), "STOCKOUT", sku)).isNull();
    }

    @Test
    void anOrderDueByTheNextWorkingDayIsAtRiskUntilItsUnitsArePicked() {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(gtin());
        fixtures.receive(sku, warehouse, 2);
        UUID customer = fixtures.customer("100000.00", warehouse);
        // picked up: 1 processing day, no transit
        JsonNode order = shipping.order(customer, "PICKUP", sku, 2);
        String orderId = order.get("id").asString();
        String number = order.get("number").asString();

        JsonNode alert = alert(as("WAREHOUSE"), "ORDER_PROMISE_AT_RISK", number);
        assertThat(alert).isNotNull();
        assertThat(alert.get("severity").asString()).isEqualTo("MEDIUM");
        assertThat(alert.get("action").get("href").asString()).isEqualTo("/orders/" + orderId);
        assertThat(alert.get("affected").get(0).get("lineNumber").asInt()).isEqualTo(1);
        assertThat(alert.get("affected").get(0).get("promisedDate").asString())
                .isEqualTo(order.get("promisedDate").asString());
        assertThat(alert(as("ACCOUNTING"), "ORDER_PROMISE_AT_RISK", number)).isNull();

        shipping.pickAndPack(shipping.plan(orderId).get(0).get("id").asString());
        assertThat(alert(as("WAREHOUSE"), "ORDER_PROMISE_AT_RISK", number)).isNull();
    }

    @Test
    void aCustomerOverItsCreditLimitOrLongOverdueIsAnAlertForAccounting() {
        InvoicingSupport invoicing = new InvoicingSupport(port, fulfillment, tx, events);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 1);
        UUID customer = fixtures.customer("100000.00", warehouse);
        String name = admin.get("/api/customers/" + customer)
                .expect(200)
                .json()
                .get("name")
                .asString();
        JsonNode order = invoicing.order(customer, sku, 1);
        invoicing.ship(order, warehouse, 1, 1);
        String invoice =
                invoicing.awaitInvoice(order.get("id").asString()).get("id").asString();

        jdbc.update("UPDATE invoice SET due_date = CURRENT_DATE - 30 WHERE id = ?", UUID.fromString(invoice));
        assertThat(alert(as("ACCOUNTING"), "INVOICES_OVERDUE", name))
                .as("30 days is not more than 30")
                .isNull();
        jdbc.update("UPDATE invoice SET due_date = CURRENT_DATE - 31 WHERE id = ?", UUID.fromString(invoice));
        JsonNode overdue = alert(as("ACCOUNTING"), "INVOICES_OVERDUE", name);
        assertThat(overdue).isNotNull();
        assertThat(overdue.get("severity").asString()).isEqualTo("HIGH");
        assertThat(overdue.get("subject").get("id").asString()).isEqualTo(customer.toString());
        assertThat(overdue.get("detail").asString()).contains("1 invoice(s), 11.90 EUR open");
        assertThat(overdue.get("action").get("href").asString()).isEqualTo("/admin/customers/" + customer);
        assertThat(alert(as("WAREHOUSE"), "INVOICES_OVERDUE", name)).isNull();

        assertThat(alert(as("ACCOUNTING"), "CREDIT_LIMIT_EXCEEDED", name)).isNull();
        admin.patch("/api/customers/" + customer, Map.of("creditLimit", Fixtures.money("11.00", "EUR")))
                .expect(200);
        JsonNode credit = alert(as("ACCOUNTING"), "CREDIT_LIMIT_EXCEEDED", name);
        assertThat(credit).as("receivables 11.90 > limit 11.00").isNotNull();
        assertThat(credit.get("detail").asString()).contains("> limit 11.00 EUR");
    }

    @Test
    void aPurchaseOrderExpectedAfterThePromiseEstimatedForItsBackordersNamesThem() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("5.00");
        offer(supplier(), sku, 3);
        String slow = supplier();
        offer(slow, sku, 40);
        UUID customer = fixtures.customer("100000.00", warehouse);
        JsonNode order = shipping.order(customer, null, sku, 5);
        assertThat(order.get("lines").get(0).get("promiseSource").asString()).isEqualTo("LEAD_TIME");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierId", slow);
        body.put("warehouse", warehouse);
        body.put("lines", java.util.List.of(Map.of("sku", sku, "quantity", 5)));
        JsonNode po = admin.post("/api/purchase-orders", body).expect(201).json();
        admin.post("/api/purchase-orders/" + po.get("id").asString() + "/send", Map.of())
                .expect(200);

        // bought from the slow supplier, expected in 40 days: after the 3 days the order was promised on
        JsonNode alert = alert(
                as("SALES"), "PURCHASE_ORDER_AFTER_PROMISE", po.get("number").asString() + "/1");
        assertThat(alert).isNotNull();
        assertThat(alert.get("severity").asString()).isEqualTo("MEDIUM");
        assertThat(alert.get("affected").valueStream().map(a -> a.get("orderId").asString()))
                .containsExactly(order.get("id").asString());
    }

    private Api as(String role) {
        return Api.at(port).basic(users.staff(role), TestUsers.PASSWORD);
    }

    /** The alert of this type whose subject is {@code number}, or null. */
    private static JsonNode alert(Api api, String type, String number) {
        return api.get("/api/risks?type=" + type)
                .expect(200)
                .json()
                .get("alerts")
                .valueStream()
                .filter(a -> a.get("subject").get("number").asString().equals(number))
                .findFirst()
                .orElse(null);
    }

    private String supplier() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.unique("Supplier"));
        body.put("currency", "EUR");
        body.put("paymentTermsDays", 30);
        body.put("address", Fixtures.address("Supplier"));
        return admin.post("/api/suppliers", body).expect(201).json().get("id").asString();
    }

    private void offer(String supplier, String sku, int leadTimeDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitPrice", Fixtures.money("2.00", "EUR"));
        body.put("minimumOrderQuantity", 1);
        body.put("packSize", 1);
        body.put("leadTimeDays", leadTimeDays);
        admin.put("/api/suppliers/" + supplier + "/items/" + sku, body).expect(200);
    }
}
