package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.ShippedOrders;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The customer portal: a customer sees and acts on its own orders, invoices and returns only — every route answers "not
 * found" for another customer's — and staff are refused the portal, customers the customer service pages.
 */
@OrdoTest
class PortalPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    ShippedOrders shipping;

    @BeforeEach
    void setUp() {
        shipping = new ShippedOrders(port);
    }

    @Test
    void aCustomerSeesItsDeliveredOrderWithTimelineTrackingLinkInvoicePdfAndExports() {
        ShippedOrders.Shipped own = shipping.forNewCustomer(2);
        PageClient portal = portalOf(own.customer());

        assertThat(portal.get("/portal").body()).contains(own.orderNumber());
        HttpResponse<String> order = portal.get("/portal/orders/" + own.orderNumber());
        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(order.body())
                .contains("We received your order", "Your order was delivered")
                .contains("https://www.ups.com/track?tracknum=" + own.trackingNumber())
                .containsPattern("<a[^>]*class=\"tracking-link\"[^>]*target=\"_blank\" rel=\"noopener\"")
                .contains("/portal/invoices/" + own.invoiceNumber() + "/pdf")
                // no actor, no internal note of the history
                .doesNotContain("by admin");

        HttpResponse<String> pdf = portal.get("/portal/invoices/" + own.invoiceNumber() + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(pdf.body()).startsWith("%PDF-");

        HttpResponse<String> invoices = portal.get("/portal/invoices?status=OPEN");
        assertThat(invoices.body()).contains(own.invoiceNumber());
        HttpResponse<String> csv = portal.get("/portal/invoices.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(csv.body()).startsWith("number,type,order,status").contains(own.invoiceNumber());
        assertThat(portal.get("/portal/orders.csv?status=DELIVERED").body()).contains(own.orderNumber());
    }

    @Test
    void anotherCustomersOrderInvoicePdfReturnReorderAndExportsAreNotFoundOrAbsent() {
        ShippedOrders.Shipped own = shipping.forNewCustomer(1);
        ShippedOrders.Shipped other = shipping.forNewCustomer(1);
        PageClient portal = portalOf(own.customer());
        portal.get("/portal");

        assertThat(portal.get("/portal/orders/" + other.orderNumber()).statusCode())
                .isEqualTo(404);
        assertThat(portal.get("/portal/orders/" + other.orderId()).statusCode()).isEqualTo(404);
        assertThat(portal.get("/portal/invoices/" + other.invoiceNumber() + "/pdf")
                        .statusCode())
                .isEqualTo(404);
        assertThat(portal.get("/portal/orders/" + other.orderNumber() + "/reorder")
                        .statusCode())
                .isEqualTo(404);
        assertThat(portal.get("/portal/orders/" + other.orderNumber() + "/return")
                        .statusCode())
                .isEqualTo(404);
        portal.get("/portal");
        assertThat(portal.post("/portal/orders/" + other.orderNumber() + "/reorder", Map.of("token", "x"))
                        .statusCode())
                .isEqualTo(404);
        portal.get("/portal");
        assertThat(portal.post(
                                "/portal/orders/" + other.orderNumber() + "/return",
                                Map.of("qty_1", "1", "reason_1", "DAMAGED", "resolution", "REFUND"))
                        .statusCode())
                .isEqualTo(404);

        assertThat(portal.get("/portal").body()).contains(own.orderNumber()).doesNotContain(other.orderNumber());
        assertThat(portal.get("/portal/invoices").body())
                .contains(own.invoiceNumber())
                .doesNotContain(other.invoiceNumber());
        assertThat(portal.get("/portal/orders.csv").body())
                .contains(own.orderNumber())
                .doesNotContain(other.orderNumber());
        assertThat(portal.get("/portal/invoices.csv").body())
                .contains(own.invoiceNumber())
                .doesNotContain(other.invoiceNumber());
        // nothing was placed or requested for the other customer
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/returns?orderId=" + other.orderId())
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/orders?customerId=" + other.customer())
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aReturnIsRequestedForShippedUnitsOnlyAndThenAppearsOnTheOrder() {
        ShippedOrders.Shipped own = shipping.forNewCustomer(3);
        PageClient portal = portalOf(own.customer());
        String path = "/portal/orders/" + own.orderNumber() + "/return";
        assertThat(portal.get(path).body()).contains("id=\"qty_1\"");

        HttpResponse<String> tooMany = portal.post(
                path, Map.of("qty_1", "4", "reason_1", "DAMAGED", "resolution", "REFUND", "note", "kept text"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body())
                .contains("id=\"qty_1-error\"")
                .contains("At most 3 can be returned.")
                .contains("kept text");
        HttpResponse<String> noReason = portal.post(path, Map.of("qty_1", "1", "resolution", "REFUND"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reason_1-error\"");

        HttpResponse<String> requested =
                portal.post(path, Map.of("qty_1", "2", "reason_1", "DAMAGED", "resolution", "REFUND"));
        assertThat(requested.statusCode()).isEqualTo(302);
        String order = portal.get("/portal/orders/" + own.orderNumber()).body();
        assertThat(order).contains("id=\"returns-table\"").contains("RMA-").contains("has been requested");
        // one unit is left to return
        assertThat(portal.get(path).body()).contains("max=\"1\"");
        JsonNode returns = Api.at(port)
                .asAdmin()
                .get("/api/returns?orderId=" + own.orderId())
                .expect(200)
                .json();
        assertThat(returns.get("items").get(0).get("quantity").asLong()).isEqualTo(2);
    }

    @Test
    void orderingAgainPlacesOneNewPortalOrderEvenWhenTheConfirmationIsSentTwice() {
        ShippedOrders.Shipped own = shipping.forNewCustomer(2);
        PageClient portal = portalOf(own.customer());
        HttpResponse<String> confirmation = portal.get("/portal/orders/" + own.orderNumber() + "/reorder");
        assertThat(confirmation.body()).contains(own.skus().get(0)).contains("id=\"reorder-submit\"");
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(confirmation.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> first =
                portal.post("/portal/orders/" + own.orderNumber() + "/reorder", Map.of("token", token.group(1)));
        assertThat(first.statusCode()).isEqualTo(302);
        String placed = first.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> second =
                portal.post("/portal/orders/" + own.orderNumber() + "/reorder", Map.of("token", token.group(1)));
        assertThat(second.headers().firstValue("Location").orElseThrow()).isEqualTo(placed);

        JsonNode orders = Api.at(port)
                .asAdmin()
                .get("/api/orders?customerId=" + own.customer())
                .expect(200)
                .json();
        assertThat(orders.get("totalItems").asLong()).isEqualTo(2);
        JsonNode again = orders.get("items").get(0);
        assertThat(placed).endsWith("/portal/orders/" + again.get("number").asString());
        assertThat(again.get("channel").asString()).isEqualTo("PORTAL");
        JsonNode detail = Api.at(port)
                .asAdmin()
                .get("/api/orders/" + again.get("id").asString())
                .expect(200)
                .json();
        assertThat(detail.get("lines").get(0).get("sku").asString())
                .isEqualTo(own.skus().get(0));
        assertThat(detail.get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
    }

    @Test
    void aProductNoLongerSoldIsLeftOutOfOrderingAgainAndSaidSo() {
        ShippedOrders.Shipped own = shipping.forNewCustomer(1, 1);
        Api.at(port)
                .asAdmin()
                .patch("/api/products/" + own.skus().get(1), Map.of("active", false))
                .expect(200);
        PageClient portal = portalOf(own.customer());
        String confirmation =
                portal.get("/portal/orders/" + own.orderNumber() + "/reorder").body();
        assertThat(confirmation).contains("id=\"reorder-skipped\"").contains("No longer sold");
    }

    @Test
    void staffAreRefusedThePortalAndCustomersTheCustomerServicePages() {
        ShippedOrders.Shipped own = shipping.forNewCustomer(1);
        for (String role : new String[] {"SUPPORT", "SALES"}) {
            PageClient staff = new PageClient(port);
            staff.logIn(users.staff(role), TestUsers.PASSWORD);
            assertThat(staff.get("/portal").statusCode()).isEqualTo(403);
            assertThat(staff.get("/portal/invoices").statusCode()).isEqualTo(403);
            assertThat(staff.get("/portal/orders/" + own.orderNumber()).statusCode())
                    .isEqualTo(403);
            assertThat(staff.get("/portal/invoices/" + own.invoiceNumber() + "/pdf")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(staff.get("/portal/orders.csv").statusCode()).isEqualTo(403);
        }
        PageClient warehouse = new PageClient(port);
        warehouse.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        assertThat(warehouse.get("/customers").statusCode()).isEqualTo(403);
        // the warehouse receives returned goods, so it opens the returns, but not the customer service pages
        assertThat(warehouse.get("/returns").statusCode()).isEqualTo(200);
        assertThat(warehouse.get("/customers.csv").statusCode()).isEqualTo(403);

        PageClient portal = portalOf(own.customer());
        assertThat(portal.get("/customers").statusCode()).isEqualTo(403);
        assertThat(portal.get("/customers.csv").statusCode()).isEqualTo(403);
        assertThat(portal.get("/customers/" + own.customer()).statusCode()).isEqualTo(403);
        assertThat(portal.get("/returns").statusCode()).isEqualTo(403);
        assertThat(portal.get("/returns.csv").statusCode()).isEqualTo(403);
        portal.get("/portal");
        assertThat(portal.post("/customers/" + own.customer() + "/notes", Map.of("text", "hello"))
                        .statusCode())
                .isEqualTo(403);
        String navigation = portal.get("/portal").body();
        assertThat(navigation).doesNotContain("href=\"/customers\"").doesNotContain("href=\"/returns\"");
    }

    @Test
    void supportAddsANoteInTheCustomer360AndWorksAReturnThroughItsStates() {
        ShippedOrders.Shipped own = shipping.forNewCustomer(2);
        String rma = Api.at(port)
                .asAdmin()
                .post(
                        "/api/orders/" + own.orderId() + "/returns",
                        Map.of(
                                "resolution",
                                "CREDIT",
                                "lines",
                                java.util.List.of(Map.of("lineNumber", 1, "quantity", 2, "reason", "DAMAGED"))))
                .expect(201)
                .json()
                .get("number")
                .asString();
        PageClient support = new PageClient(port);
        support.logIn(users.staff("SUPPORT"), TestUsers.PASSWORD);

        String profile = support.get("/customers/" + own.customer()).body();
        assertThat(profile)
                .contains(own.orderNumber())
                .contains(own.invoiceNumber())
                .contains(rma)
                .contains("id=\"exposure\"");
        HttpResponse<String> blank = support.post("/customers/" + own.customer() + "/notes", Map.of("text", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"text-error\"");
        assertThat(support.post("/customers/" + own.customer() + "/notes", Map.of("text", "asked for a callback"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(support.get("/customers/" + own.customer()).body())
                .contains("asked for a callback")
                .contains("The note has been added.");
        assertThat(support.get("/customers?q=" + own.customer()).body()).contains("/customers/" + own.customer());
        assertThat(support.get("/customers.csv?q=" + own.customer()).body())
                .contains(own.customer().toString());

        assertThat(support.get("/returns?status=REQUESTED").body()).contains(rma);
        assertThat(support.get("/returns.csv?status=REQUESTED").body()).contains(rma);
        assertThat(support.get("/returns/" + rma).body())
                .contains("id=\"approve-form\"")
                .doesNotContain("id=\"receive-submit\"");
        assertThat(support.post("/returns/" + rma + "/approve", Map.of()).statusCode())
                .isEqualTo(302);
        support.get("/returns/" + rma);
        // a second approval is not what the state allows
        assertThat(support.post("/returns/" + rma + "/approve", Map.of()).statusCode())
                .isEqualTo(409);
        support.get("/returns/" + rma);
        HttpResponse<String> tooMany =
                support.post("/returns/" + rma + "/receive", Map.of("received_1", "5", "handling_1", "scrap"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("id=\"received_1-error\"");
        Map<String, String> receive = new LinkedHashMap<>();
        receive.put("received_1", "2");
        receive.put("handling_1", "scrap");
        assertThat(support.post("/returns/" + rma + "/receive", receive).statusCode())
                .isEqualTo(302);
        support.get("/returns/" + rma);
        assertThat(support.post("/returns/" + rma + "/inspect", Map.of("notes", "dented"))
                        .statusCode())
                .isEqualTo(302);
        support.get("/returns/" + rma);
        assertThat(support.post("/returns/" + rma + "/resolve", Map.of()).statusCode())
                .isEqualTo(302);
        JsonNode done =
                Api.at(port).asAdmin().get("/api/returns/" + rma).expect(200).json();
        assertThat(done.get("status").asString()).isEqualTo("CLOSED");
        assertThat(done.get("lines").get(0).get("scrappedQuantity").asLong()).isEqualTo(2);

        PageClient sales = new PageClient(port);
        sales.logIn(users.staff("SALES"), TestUsers.PASSWORD);
        sales.get("/returns/" + rma);
        assertThat(sales.post("/returns/" + rma + "/receive", Map.of("received_1", "1"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theWarehouseReceivesAnApprovedReturnOnItsPageAsTheApiAllowsAndSeesNoCustomerPages() {
        ShippedOrders.Shipped own = shipping.forNewCustomer(2);
        Api admin = Api.at(port).asAdmin();
        String rma = admin.post(
                        "/api/orders/" + own.orderId() + "/returns",
                        Map.of(
                                "resolution",
                                "CREDIT",
                                "lines",
                                java.util.List.of(Map.of("lineNumber", 1, "quantity", 1, "reason", "DAMAGED"))))
                .expect(201)
                .json()
                .get("number")
                .asString();
        PageClient warehouse = new PageClient(port);
        warehouse.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        assertThat(warehouse.get("/warehouse").body())
                .contains("href=\"/returns\"")
                .doesNotContain("href=\"/customers\"");
        // not approved yet: nothing for the warehouse to do
        assertThat(warehouse.get("/returns/" + rma).body())
                .doesNotContain("id=\"approve-form\"")
                .doesNotContain("id=\"receive-submit\"");
        admin.post("/api/returns/" + rma + "/approve", Map.of()).expect(200);

        String list = warehouse.get("/returns?status=APPROVED").body();
        assertThat(list).contains(rma).doesNotContain("href=\"/customers/" + own.customer());
        String page = warehouse.get("/returns/" + rma).body();
        assertThat(page).contains("id=\"receive-submit\"").doesNotContain("href=\"/customers/" + own.customer());
        assertThat(warehouse.get("/customers/" + own.customer()).statusCode()).isEqualTo(403);
        Map<String, String> receive = new LinkedHashMap<>();
        receive.put("received_1", "1");
        receive.put("handling_1", "restock");
        warehouse.get("/returns/" + rma);
        assertThat(warehouse.post("/returns/" + rma + "/receive", receive).statusCode())
                .isEqualTo(302);
        assertThat(admin.get("/api/returns/" + rma)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RECEIVED");
    }

    @Test
    void accountingRecordsARefundThatIsDueAndNoOneElseIsOfferedIt() {
        ShippedOrders.Shipped own = shipping.forNewCustomer(1);
        Api admin = Api.at(port).asAdmin();
        JsonNode invoice =
                admin.get("/api/invoices/" + own.invoiceNumber()).expect(200).json();
        admin.post(
                        "/api/payments",
                        Map.of(
                                "customerId",
                                own.customer().toString(),
                                "amount",
                                invoice.get("totals").get("total"),
                                "method",
                                "BANK_TRANSFER",
                                "reference",
                                "paid " + own.invoiceNumber()))
                .expect(201);
        String rma = admin.post(
                        "/api/orders/" + own.orderId() + "/returns",
                        Map.of(
                                "resolution",
                                "REFUND",
                                "lines",
                                java.util.List.of(Map.of("lineNumber", 1, "quantity", 1, "reason", "DEFECTIVE"))))
                .expect(201)
                .json()
                .get("number")
                .asString();
        for (String step : new String[] {"approve", "receive", "inspect", "resolve"}) {
            admin.post("/api/returns/" + rma + "/" + step, Map.of()).expect(200);
        }
        assertThat(admin.get("/api/returns/" + rma)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("REFUNDED");

        PageClient support = new PageClient(port);
        support.logIn(users.staff("SUPPORT"), TestUsers.PASSWORD);
        assertThat(support.get("/returns/" + rma).body()).doesNotContain("id=\"refund-form\"");
        assertThat(support.post("/returns/" + rma + "/refund", Map.of("reference", "forced"))
                        .statusCode())
                .isEqualTo(403);

        PageClient accounting = new PageClient(port);
        accounting.logIn(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        assertThat(accounting.get("/returns/" + rma).body()).contains("id=\"refund-form\"");
        HttpResponse<String> blank = accounting.post("/returns/" + rma + "/refund", Map.of("reference", ""));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"reference-error\"");
        assertThat(accounting
                        .post("/returns/" + rma + "/refund", Map.of("reference", "TRF-4711"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(admin.get("/api/returns/" + rma)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
    }

    /** A portal user of this customer, logged in. */
    private PageClient portalOf(UUID customer) {
        PageClient portal = new PageClient(port);
        portal.logIn(users.customer(customer), TestUsers.PASSWORD);
        return portal;
    }
}
