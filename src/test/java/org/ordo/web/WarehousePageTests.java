package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.fulfillment.ShippingFixtures;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The warehouse pages on the server: who may use them, scans that must not change anything, and errors next to their field. */
@OrdoTest
class WarehousePageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    ShippingFixtures shipping;
    Fixtures fixtures;
    Api admin;

    @BeforeEach
    void setUp() {
        shipping = new ShippingFixtures(port);
        fixtures = shipping.fixtures();
        admin = Api.at(port).asAdmin();
    }

    @Test
    void aSalesUserIsRefusedTheWarehouseAndIsNotShownIt() {
        PageClient sales = new PageClient(port);
        sales.logIn(users.staff("SALES"), TestUsers.PASSWORD);
        assertThat(sales.get("/warehouse").statusCode()).isEqualTo(403);
        assertThat(sales.get("/warehouse/stock").statusCode()).isEqualTo(403);
        assertThat(sales.get("/warehouse/receive").statusCode()).isEqualTo(403);
        assertThat(sales.get("/warehouse/shipments.csv").statusCode()).isEqualTo(403);
        HttpResponse<String> orders = sales.get("/orders");
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).doesNotContain("href=\"/warehouse\"").doesNotContain("nav-nav.warehouse");
        assertThat(sales.post("/warehouse/receive", Map.of("warehouse", "BER", "sku", "X", "quantity", "1"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aWarehouseUserLandsOnTheWarehouseWhereTheNewOrderWaitsForItsShipment() {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(ShippingFixtures.gtin());
        fixtures.receive(sku, warehouse, 4);
        JsonNode order = shipping.order(fixtures.customer("100000.00"), null, sku, 2);
        String orderNumber = order.get("number").asString();

        PageClient page = new PageClient(port);
        assertThat(page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD)).endsWith("/");
        assertThat(page.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/warehouse");
        HttpResponse<String> home = page.get("/warehouse?warehouse=" + warehouse);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("id=\"awaiting-table\"")
                .contains(orderNumber)
                .contains("nav-nav.warehouse");
        // the choice of warehouse is remembered for the next visit
        assertThat(page.get("/warehouse").body()).contains("value=\"" + warehouse + "\" selected");

        HttpResponse<String> planned =
                page.post("/warehouse/plan", Map.of("order", order.get("id").asString(), "warehouse", warehouse));
        assertThat(planned.statusCode()).isEqualTo(302);
        String shipmentPath = planned.headers().firstValue("Location").orElseThrow();
        assertThat(shipmentPath).contains("/warehouse/shipments/SHP-");
        HttpResponse<String> shipment = page.get(shipmentPath.substring(shipmentPath.indexOf("/warehouse")));
        assertThat(shipment.body())
                .contains("id=\"mark-picked\"")
                .contains("id=\"pick-table\"")
                .contains(sku);

        HttpResponse<String> csv = page.get("/warehouse/shipments.csv?warehouse=" + warehouse);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains(warehouse);
        assertThat(csv.body())
                .startsWith("shipment,order,warehouse,status")
                .contains(orderNumber)
                .contains("PLANNED");
    }

    @Test
    void aWrongScanThroughThePageIsRefusedNamingTheCodeAndChangesNothing() {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(ShippingFixtures.gtin());
        fixtures.receive(sku, warehouse, 2);
        JsonNode order = shipping.order(fixtures.customer("100000.00"), null, sku, 2);
        String number =
                shipping.plan(order.get("id").asString()).get(0).get("number").asString();

        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        page.get("/warehouse/shipments/" + number);
        assertThat(page.post("/warehouse/shipments/" + number + "/picked", Map.of())
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> packing = page.get("/warehouse/shipments/" + number);
        assertThat(packing.body()).contains("id=\"scan-code\"").contains("autofocus");
        long version = admin.get("/api/shipments/" + number)
                .expect(200)
                .json()
                .get("version")
                .asLong();

        HttpResponse<String> wrong =
                page.post("/warehouse/shipments/" + number + "/scan", Map.of("code", "WRONG-ITEM-42"));
        assertThat(wrong.statusCode()).isEqualTo(302);
        HttpResponse<String> refused = postHtmx(page, "/warehouse/shipments/" + number + "/scan", "WRONG-ITEM-42");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("<section")
                .contains("id=\"scan-error\"")
                .contains("role=\"alert\"")
                .contains("WRONG-ITEM-42")
                .doesNotContain("<html");
        JsonNode unchanged = admin.get("/api/shipments/" + number).expect(200).json();
        assertThat(unchanged.get("version").asLong()).isEqualTo(version);
        assertThat(unchanged.get("lines").get(0).get("packedQuantity").asLong()).isZero();

        HttpResponse<String> right = postHtmx(page, "/warehouse/shipments/" + number + "/scan", sku);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("id=\"scan-ok\"").doesNotContain("id=\"scan-error\"");
        HttpResponse<String> last = postHtmx(page, "/warehouse/shipments/" + number + "/scan", sku);
        assertThat(last.body())
                .contains("id=\"packed-notice\"")
                .contains("id=\"ship-form\"")
                .contains("id=\"shipment-status\" hx-swap-oob=\"true\"")
                .contains("Packed");
        assertThat(admin.get("/api/shipments/" + number)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PACKED");

        // a carrier service must be chosen; then the label is a PDF from the page's own route
        HttpResponse<String> unchosen =
                page.post("/warehouse/shipments/" + number + "/ship", Map.of("trackingNumber", ""));
        assertThat(unchosen.statusCode()).isEqualTo(400);
        assertThat(unchosen.body()).contains("id=\"option-error\"");
        assertThat(page.post("/warehouse/shipments/" + number + "/ship", Map.of("option", "UPS|STANDARD"))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> label = page.get("/warehouse/shipments/" + number + "/label.pdf");
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(label.body()).startsWith("%PDF-");
    }

    @Test
    void receivingABadQuantityShowsTheErrorNextToTheFieldAndKeepsWhatWasTyped() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("3.00");
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        page.get("/warehouse/receive");

        HttpResponse<String> notANumber = page.post(
                "/warehouse/receive",
                Map.of("warehouse", warehouse, "sku", sku, "quantity", "twelve", "reference", "DN-1"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body())
                .contains("id=\"quantity-error\"")
                .contains("Enter a whole number")
                .contains("aria-describedby=\"quantity-error\"")
                .contains("value=\"twelve\"")
                .contains("value=\"" + sku + "\"")
                .contains("value=\"DN-1\"");
        HttpResponse<String> zero =
                page.post("/warehouse/receive", Map.of("warehouse", warehouse, "sku", sku, "quantity", "0"));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("id=\"quantity-error\"").contains("A receipt must be greater than 0.");
        HttpResponse<String> unknown =
                page.post("/warehouse/receive", Map.of("warehouse", warehouse, "sku", "NO-SUCH-SKU", "quantity", "3"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("id=\"sku-error\"");
        assertThat(fixtures.level(sku, warehouse)).isNull();

        HttpResponse<String> received =
                page.post("/warehouse/receive", Map.of("warehouse", warehouse, "sku", sku, "quantity", "7"));
        assertThat(received.statusCode()).isEqualTo(302);
        assertThat(page.get("/warehouse/receive").body())
                .contains("id=\"done\"")
                .contains("On hand now 7");
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(7);

        HttpResponse<String> noReason = page.post(
                "/warehouse/count", Map.of("warehouse", warehouse, "sku", sku, "kind", "ADJUSTMENT", "quantity", "-2"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reason-error\"").contains("value=\"-2\"");
        page.get("/warehouse/count");
        assertThat(page.post(
                                "/warehouse/count",
                                Map.of("warehouse", warehouse, "sku", sku, "kind", "COUNT", "quantity", "5"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(fixtures.level(sku, warehouse).get("onHand").asLong()).isEqualTo(5);
    }

    @Test
    void stockLevelsAreSearchedHighlightedWhenLowAndExported() {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("3.00");
        fixtures.receive(sku, warehouse, 2);
        admin.put("/api/inventory/levels/" + warehouse + "/" + sku, Map.of("safetyStock", 1, "reorderPoint", 4))
                .expect(200);
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);

        HttpResponse<String> low = page.get("/warehouse/stock?warehouse=" + warehouse + "&low=true");
        assertThat(low.statusCode()).isEqualTo(200);
        assertThat(low.body()).contains("id=\"stock-table\"").contains(sku).contains("low-stock");
        HttpResponse<String> partial = page.get(
                "/warehouse/stock?warehouse=" + warehouse + "&q=" + sku.toLowerCase(), Map.of("HX-Request", "true"));
        assertThat(partial.body()).startsWith("<section id=\"results\"").contains(sku);
        HttpResponse<String> csv = page.get("/warehouse/stock.csv?warehouse=" + warehouse + "&low=true");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(csv.body())
                .startsWith("sku,warehouse,binLocation,onHand")
                .contains(sku + "," + warehouse + ",,2,0,2,0,0,1,4,true");
    }

    @Test
    void everyWaitingUnitAppearsOnTheStockPage() {
        String warehouse = fixtures.warehouse();
        String elsewhere = fixtures.warehouse();
        String sku = fixtures.product("2.00");
        // ordered before any stock existed: no warehouse was expected to serve it
        admin.post("/api/orders", Fixtures.order(fixtures.customer("100000.00"), sku, 20))
                .expect(201);
        fixtures.receive(sku, warehouse, 3); // 3 filled, 17 still waiting
        // expected from a preferred warehouse that never held the SKU
        admin.post("/api/orders", Fixtures.order(fixtures.customer("100000.00", elsewhere), sku, 5))
                .expect(201);

        JsonNode level = fixtures.level(sku, warehouse);
        assertThat(level.get("backordered").asLong()
                        + level.get("backorderedUnassigned").asLong())
                .isEqualTo(22);
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        assertThat(page.get("/warehouse/stock?warehouse=" + warehouse + "&q=" + sku)
                        .body())
                .contains("+22 unassigned");
        assertThat(page.get("/warehouse/stock.csv?warehouse=" + warehouse + "&q=" + sku)
                        .body())
                .contains(sku + "," + warehouse + ",,3,3,0,0,22,");
    }

    @Test
    void theOrdersWaitingForAShipmentArePagedOldestFirstWithTheTotal() {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(ShippingFixtures.gtin());
        fixtures.receive(sku, warehouse, 12);
        UUID customer = fixtures.customer("100000.00");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            numbers.add(shipping.order(customer, null, sku, 1).get("number").asString());
        }
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);

        String first = page.get("/warehouse?warehouse=" + warehouse).body();
        assertThat(first).contains("Orders 1–10 of 12, oldest first.").contains(numbers.get(9));
        assertThat(first).doesNotContain(numbers.get(10));
        assertThat(first.indexOf(numbers.get(0))).isLessThan(first.indexOf(numbers.get(1)));
        String second =
                page.get("/warehouse?warehouse=" + warehouse + "&planPage=1").body();
        assertThat(second).contains("Orders 11–12 of 12, oldest first.").contains(numbers.get(10));
        assertThat(second.indexOf(numbers.get(10))).isLessThan(second.indexOf(numbers.get(11)));
        assertThat(second).doesNotContain(numbers.get(9));
        assertThat(page.get("/warehouse?warehouse=" + warehouse + "&planSize=25")
                        .body())
                .contains("Orders 1–12 of 12, oldest first.")
                .contains(numbers.get(11));
        // a page past the end shows the last one; a size not offered is the default
        assertThat(page.get("/warehouse?warehouse=" + warehouse + "&planPage=9").body())
                .contains("Orders 11–12 of 12");
        assertThat(page.get("/warehouse?warehouse=" + warehouse + "&planSize=7").body())
                .contains("Orders 1–10 of 12");
    }

    @Test
    void afterOneScanThePackerKeysTheQuantityUpToTheLimitAndNeverMoreThanIsMissing() {
        String warehouse = fixtures.warehouse();
        String sku = shipping.product(ShippingFixtures.gtin());
        fixtures.receive(sku, warehouse, 30);
        JsonNode order = shipping.order(fixtures.customer("100000.00"), null, sku, 30);
        String number =
                shipping.plan(order.get("id").asString()).get(0).get("number").asString();
        PageClient page = new PageClient(port);
        page.logIn(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        page.get("/warehouse/shipments/" + number);
        assertThat(page.post("/warehouse/shipments/" + number + "/picked", Map.of())
                        .statusCode())
                .isEqualTo(302);
        String scan = "/warehouse/shipments/" + number + "/scan";

        HttpResponse<String> first = postHtmx(page, scan, sku);
        // the remaining 29 exceed the limit of 20 per scan: the form offers 20
        assertThat(first.body())
                .contains("id=\"quantity-form\"")
                .contains("id=\"scan-quantity\"")
                .contains("value=\"20\"")
                .contains("Up to 20 units per scan");

        HttpResponse<String> overLimit = postKeyed(page, scan, sku, "21");
        assertThat(overLimit.statusCode()).isEqualTo(422);
        assertThat(overLimit.body()).contains("At most 20 units per scan").contains("Nothing was packed");
        assertThat(packed(number)).isEqualTo(1);

        assertThat(postKeyed(page, scan, sku, "20").statusCode()).isEqualTo(200);
        assertThat(packed(number)).isEqualTo(21);

        HttpResponse<String> overPack = postKeyed(page, scan, sku, "10");
        assertThat(overPack.statusCode()).isEqualTo(422);
        assertThat(overPack.body()).contains("Too many").contains(sku).contains("Nothing was packed");
        assertThat(postKeyed(page, scan, "WRONG-ITEM-7", "2").body()).contains("Wrong item");
        assertThat(postKeyed(page, scan, sku, "none").statusCode()).isEqualTo(400);
        assertThat(packed(number)).isEqualTo(21);

        HttpResponse<String> rest = postKeyed(page, scan, sku, "9");
        assertThat(rest.body()).contains("id=\"packed-notice\"");
        assertThat(admin.get("/api/shipments/" + number)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PACKED");
    }

    private long packed(String shipment) {
        return admin.get("/api/shipments/" + shipment)
                .expect(200)
                .json()
                .get("lines")
                .get(0)
                .get("packedQuantity")
                .asLong();
    }

    private static HttpResponse<String> postKeyed(PageClient page, String path, String code, String quantity) {
        return page.postWithHeaders(path, Map.of("code", code, "quantity", quantity), Map.of("HX-Request", "true"));
    }

    private static HttpResponse<String> postHtmx(PageClient page, String path, String code) {
        return page.postWithHeaders(path, Map.of("code", code), Map.of("HX-Request", "true"));
    }
}
