package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.customers.CustomerSnapshot;
import org.ordo.customers.Customers;
import org.ordo.intake.DocumentStatus;
import org.ordo.intake.MailOrders;
import org.ordo.intake.internal.PurchaseOrderPdfs;
import org.ordo.orders.Orders;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The e-mailed orders pages: for those who enter orders; a draft is placed only when complete, and says why not. */
@OrdoTest
class IntakePageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    MailOrders mailOrders;

    @Autowired
    Customers customers;

    @Autowired
    Orders orders;

    @Test
    void onlyAdminAndSalesOpenTheEmailedOrders() {
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "po.txt", "text/plain", "1 x anything\n".getBytes(StandardCharsets.UTF_8), null, null, null));
        PageClient warehouse = logIn(users.staff("WAREHOUSE"));
        assertThat(warehouse.get("/intake").statusCode()).isEqualTo(403);
        assertThat(warehouse.get("/intake/" + draft.document().id()).statusCode())
                .isEqualTo(403);
        assertThat(warehouse.get("/intake/" + draft.document().id() + "/file").statusCode())
                .isEqualTo(403);
        PageClient sales = logIn(users.staff("SALES"));
        assertThat(sales.get("/intake").body()).contains("po.txt");
        assertThat(sales.get("/intake/" + draft.document().id() + "/file").body())
                .isEqualTo("1 x anything\n");
    }

    @Test
    void anImageOnlyPdfShowsWhyItHasNoLines() {
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "scan.pdf", "application/pdf", PurchaseOrderPdfs.imageOnly(), null, null, null));

        String page = logIn(users.staff("SALES"))
                .get("/intake/" + draft.document().id())
                .body();

        assertThat(page).contains("id=\"intake-note\"").contains("This PDF holds no text");
    }

    @Test
    void aDraftWithoutCustomerOrProductIsNotPlacedAndSaysWhatIsMissing() {
        MailOrders.Draft draft = mailOrders.receive(new MailOrders.Incoming(
                "po.txt",
                "text/plain",
                "2 x nothing we sell at all\n".getBytes(StandardCharsets.UTF_8),
                null,
                null,
                null));
        PageClient sales = logIn(users.staff("SALES"));
        String id = draft.document().id().toString();
        sales.get("/intake/" + id);

        HttpResponse<String> refused = sales.post(
                "/intake/" + id,
                Map.of(
                        "action",
                        "place",
                        "customer",
                        "",
                        "poNumber",
                        "PO-9",
                        "line-0",
                        "1",
                        "sku-0",
                        "",
                        "quantity-0",
                        "2"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"intake-problems\"")
                .contains("Enter the customer")
                .contains("#1: ");
        MailOrders.Draft after = mailOrders.find(draft.document().id()).orElseThrow();
        assertThat(after.document().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(after.document().poNumber()).isEqualTo("PO-9");
    }

    @Test
    void aPurchaseOrderPlacedBeforeIsShownWithItsOrderAndPlacedAgainOnlyWhenConfirmed() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        CustomerSnapshot customer =
                customers.find(fixtures.customer("100000.00", warehouse)).orElseThrow();
        String sku = fixtures.product("5.00");
        fixtures.receive(sku, warehouse, 50);
        PageClient sales = logIn(users.staff("SALES"));
        UUID first = emailed(customer, sku, "PO-5501");
        assertThat(place(sales, first, customer, sku, "PO-5501", false).statusCode())
                .isEqualTo(302);
        String firstNumber = orders.find(
                        mailOrders.find(first).orElseThrow().document().orderId())
                .orElseThrow()
                .number();
        UUID again = emailed(customer, sku, "PO-5501");

        String review = sales.get("/intake/" + again).body();
        HttpResponse<String> refused = place(sales, again, customer, sku, "PO-5501", false);

        assertThat(review)
                .contains("id=\"intake-placed-before\"")
                .contains("This customer already has an order with PO number PO-5501")
                .contains(firstNumber)
                .contains("id=\"placeAnyway\"");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"intake-problems\"")
                .contains("This customer already has order " + firstNumber + " with this PO number");
        assertThat(mailOrders.find(again).orElseThrow().document().status()).isEqualTo(DocumentStatus.DRAFT);

        assertThat(place(sales, again, customer, sku, "PO-5501", true).statusCode())
                .isEqualTo(302);
        assertThat(mailOrders.find(again).orElseThrow().document().status()).isEqualTo(DocumentStatus.PLACED);
    }

    @Test
    void aPurchaseOrderSentAgainPlacesWithoutConfirmationOnceItsPoNumberIsCorrected() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        CustomerSnapshot customer =
                customers.find(fixtures.customer("100000.00", warehouse)).orElseThrow();
        String sku = fixtures.product("5.00");
        fixtures.receive(sku, warehouse, 50);
        PageClient sales = logIn(users.staff("SALES"));
        place(sales, emailed(customer, sku, "PO-5601"), customer, sku, "PO-5601", false);
        UUID second = emailed(customer, sku, "PO-5601");

        HttpResponse<String> placed = place(sales, second, customer, sku, "PO-5602", false);

        assertThat(placed.statusCode()).isEqualTo(302);
        MailOrders.Document document = mailOrders.find(second).orElseThrow().document();
        assertThat(document.status()).isEqualTo(DocumentStatus.PLACED);
        assertThat(orders.find(document.orderId()).orElseThrow().externalReference())
                .isEqualTo("PO-5602");
        assertThat(sales.get("/intake/" + second).body()).doesNotContain("id=\"intake-placed-before\"");
    }

    private UUID emailed(CustomerSnapshot customer, String sku, String poNumber) {
        String text = "PO number " + poNumber + "\n\n2 x " + sku + "\n";
        return mailOrders
                .receive(new MailOrders.Incoming(
                        "po.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8), customer.email(), null, null))
                .document()
                .id();
    }

    private static HttpResponse<String> place(
            PageClient sales, UUID id, CustomerSnapshot customer, String sku, String poNumber, boolean anyway) {
        sales.get("/intake/" + id);
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "action",
                "place",
                "customer",
                customer.number(),
                "poNumber",
                poNumber,
                "line-0",
                "1",
                "sku-0",
                sku,
                "quantity-0",
                "2"));
        if (anyway) {
            form.put("placeAnyway", "true");
        }
        return sales.post("/intake/" + id, form);
    }

    private PageClient logIn(String username) {
        PageClient client = new PageClient(port);
        client.logIn(username, TestUsers.PASSWORD);
        return client;
    }
}
