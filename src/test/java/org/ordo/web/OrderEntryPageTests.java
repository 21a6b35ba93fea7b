package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Order entry, editing and the orders export as pages: who may use them, the double-submit guard, the export's filters. */
@OrdoTest
class OrderEntryPageTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Fixtures fixtures;
    Api admin;
    String warehouse;
    String sku;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
        warehouse = fixtures.warehouse();
        sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 100);
    }

    private PageClient loggedIn(String roles) {
        PageClient page = new PageClient(port);
        page.logIn(users.staff(roles), TestUsers.PASSWORD);
        return page;
    }

    private long ordersOf(UUID customer) {
        return admin.get("/api/orders?customerId=" + customer)
                .expect(200)
                .json()
                .get("totalItems")
                .asLong();
    }

    @Test
    void warehouseAndSupportUsersNeitherSeeNorOpenOrderEntry() {
        for (String role : List.of("WAREHOUSE", "SUPPORT", "ACCOUNTING")) {
            PageClient page = loggedIn(role);
            assertThat(page.get("/orders").body())
                    .as(role)
                    .doesNotContain("nav-nav.newOrder")
                    .doesNotContain("href=\"/orders/new\"");
            assertThat(page.get("/orders/new").statusCode()).as(role).isEqualTo(403);
            assertThat(page.get("/orders/new/quote?sku=" + sku + "&qty=1").statusCode())
                    .as(role)
                    .isEqualTo(403);
            assertThat(page.post("/orders/new", Map.of("sku", sku, "qty", "1")).statusCode())
                    .as(role)
                    .isEqualTo(403);
        }
        PageClient sales = loggedIn("SALES");
        assertThat(sales.get("/orders").body()).contains("nav-nav.newOrder");
        assertThat(sales.get("/orders/new").statusCode()).isEqualTo(200);
    }

    @Test
    void aDoubleSubmitOfTheSameFormPlacesOneOrder() {
        UUID customer = fixtures.customer("100000.00");
        PageClient sales = loggedIn("SALES");
        Matcher token = TOKEN.matcher(sales.get("/orders/new").body());
        assertThat(token.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.group(1));
        form.put("customerId", customer.toString());
        form.put("sku", sku);
        form.put("qty", "3");
        form.put("shippingMethod", "STANDARD");

        HttpResponse<String> first = sales.post("/orders/new", form);
        HttpResponse<String> second = sales.post("/orders/new", form);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/orders/SO-\\d{4}-\\d+");
        assertThat(second.headers().firstValue("Location").orElseThrow()).isEqualTo(location);
        assertThat(ordersOf(customer)).isEqualTo(1);
        JsonNode placed = admin.get("/api/orders/" + location.substring(location.lastIndexOf('/') + 1))
                .expect(200)
                .json();
        assertThat(placed.get("channel").asString()).isEqualTo("WEB");
        assertThat(placed.get("lines").get(0).get("quantity").asLong()).isEqualTo(3);

        // a fresh form is a new order
        Matcher again = TOKEN.matcher(sales.get("/orders/new").body());
        assertThat(again.find()).isTrue();
        assertThat(again.group(1)).isNotEqualTo(token.group(1));
        form.put("token", again.group(1));
        assertThat(sales.post("/orders/new", form).statusCode()).isEqualTo(302);
        assertThat(ordersOf(customer)).isEqualTo(2);
    }

    @Test
    void anInvalidOrderIsExplainedNextToItsFieldsKeepsWhatWasTypedAndPlacesNothing() {
        UUID customer = fixtures.customer("100000.00");
        PageClient sales = loggedIn("SALES");
        Matcher token = TOKEN.matcher(sales.get("/orders/new").body());
        assertThat(token.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.group(1));
        form.put("customerId", customer.toString());
        form.put("customerQuery", "Typed customer name");
        form.put("sku", "NO-SUCH-SKU");
        form.put("qty", "2");
        form.put("requestedDeliveryDate", "21.11.2026");
        form.put("externalReference", "PO-KEPT");

        HttpResponse<String> refused = sales.post("/orders/new", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"lines[0].sku-error\"")
                .contains("Unknown product NO-SUCH-SKU.")
                .contains("id=\"requestedDeliveryDate-error\"")
                .contains("value=\"21.11.2026\"")
                .contains("value=\"PO-KEPT\"")
                .contains("value=\"Typed customer name\"");
        assertThat(ordersOf(customer)).isZero();

        form.remove("customerId");
        form.put("sku", sku);
        form.put("qty", "0");
        form.put("requestedDeliveryDate", "");
        HttpResponse<String> again = sales.post("/orders/new", form);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body())
                .contains("id=\"customerId-error\"")
                .contains("id=\"lines[0].quantity-error\"")
                .contains("value=\"0\"");
    }

    @Test
    void aLineShortOfStockShowsWhenItCouldBePromisedAndTheOrderPageEachLinesPromise() {
        UUID customer = fixtures.customer("100000.00");
        PageClient sales = loggedIn("SALES");
        String quote = sales.get("/orders/new/quote?customerId=" + customer + "&sku=" + sku + "&qty=150")
                .body();
        assertThat(quote)
                .contains("entry-backorder")
                .contains("entry-promise-source")
                .contains(">estimate<");

        String number = admin.post("/api/orders", order(customer, sku, 150))
                .expect(201)
                .json()
                .get("number")
                .asString();
        String page = sales.get("/orders/" + number).body();
        assertThat(page).contains("class=\"line-promise\"").contains(">estimate<");
    }

    @Test
    void theQuoteFragmentAddsAScannedCodeAndWarnsOfACreditHold() {
        UUID customer = fixtures.customer("15.00");
        PageClient sales = loggedIn("SALES");
        HttpResponse<String> quote =
                sales.get("/orders/new/quote?customerId=" + customer + "&sku=" + sku + "&qty=1&add=" + sku);
        assertThat(quote.statusCode()).isEqualTo(200);
        assertThat(quote.body())
                .startsWith("<div id=\"entry-quote\"")
                .contains("value=\"2\"")
                .contains("id=\"credit-warning\"");
        HttpResponse<String> unknown = sales.get("/orders/new/quote?customerId=" + customer + "&add=4000000000000");
        assertThat(unknown.body()).contains("id=\"productQuery-error\"").contains("4000000000000");
        String other = fixtures.product("1.00");
        HttpResponse<String> removed = sales.get(
                "/orders/new/quote?customerId=" + customer + "&sku=" + sku + "&qty=1&sku=" + other + "&qty=2&remove=0");
        assertThat(removed.body())
                .contains("value=\"" + other + "\"")
                .doesNotContain("value=\"" + sku + "\"")
                .doesNotContain("credit-warning");
    }

    @Test
    void theChosenCustomersUsualProductsAreSuggestedUntilTheyAreAmongTheLines() {
        String usual = fixtures.product("3.00");
        UUID customer = fixtures.customer("100000.00");
        admin.post("/api/orders", Fixtures.order(customer, usual, 2)).expect(201);
        PageClient sales = loggedIn("SALES");

        String quote = sales.get("/orders/new/quote?customerId=" + customer + "&sku=" + sku + "&qty=1")
                .body();
        assertThat(quote)
                .contains("id=\"entry-suggestions\"")
                .contains("data-sku=\"" + usual + "\"")
                .contains("The customer usually orders this");

        String added = sales.get("/orders/new/quote?customerId=" + customer + "&sku=" + sku + "&qty=1&add=" + usual)
                .body();
        assertThat(added).contains("value=\"" + usual + "\"").doesNotContain("id=\"entry-suggestions\"");
        assertThat(sales.get("/orders/new/quote?sku=" + usual + "&qty=1").body())
                .as("no customer chosen")
                .doesNotContain("id=\"entry-suggestions\"");
    }

    @Test
    void theQuoteShowsThePriceListBreakAndWarnsBeforePlacingThatADiscountBeyondTheLimitHoldsTheOrder() {
        UUID customer = fixtures.customer("100000.00");
        String list = admin.post(
                        "/api/price-lists",
                        Map.of(
                                "name",
                                "Contract " + customer,
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
                        "/api/price-lists/" + list + "/prices/" + sku,
                        Map.of(
                                "unitPrice", Fixtures.money("9.00", "EUR"),
                                "breaks",
                                        List.of(Map.of("minQuantity", 10, "unitPrice", Fixtures.money("8.00", "EUR")))))
                .expect(200);
        PageClient sales = loggedIn("SALES");
        String lines = "/orders/new/quote?customerId=" + customer + "&sku=" + sku + "&qty=10";

        String within = sales.get(lines + "&discount=5&discountKind=PERCENT").body();
        String beyond = sales.get(lines + "&discount=15&discountKind=PERCENT").body();
        String byAmount =
                sales.get(lines + "&discount=0.40&discountKind=AMOUNT").body();
        String unreadable =
                sales.get(lines + "&discount=five&discountKind=PERCENT").body();

        assertThat(within)
                .contains("list €10.00")
                .contains("Contract " + customer + ", from 10")
                .contains("Manual discount −€0.40")
                .contains("€7.60")
                .doesNotContain("discount-warning");
        assertThat(beyond).contains("Manual discount −€1.20").contains("id=\"discount-warning\"");
        assertThat(byAmount).contains("Manual discount −€0.40").doesNotContain("discount-warning");
        assertThat(unreadable).contains("id=\"lines[0].discount-error\"").contains("value=\"five\"");

        Matcher token = TOKEN.matcher(sales.get("/orders/new").body());
        assertThat(token.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.group(1));
        form.put("customerId", customer.toString());
        form.put("sku", sku);
        form.put("qty", "10");
        form.put("discount", "15");
        form.put("discountKind", "PERCENT");
        form.put("shippingMethod", "STANDARD");
        HttpResponse<String> placed = sales.post("/orders/new", form);

        assertThat(placed.statusCode()).isEqualTo(302);
        String location = placed.headers().firstValue("Location").orElseThrow();
        JsonNode order = admin.get("/api/orders/" + location.substring(location.lastIndexOf('/') + 1))
                .expect(200)
                .json();
        assertThat(order.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(order.get("holdReason").asString()).contains("discount beyond limit");
        assertThat(order.get("lines").get(0).get("unitPrice").get("amount").asString())
                .isEqualTo("6.80");
    }

    @Test
    void aFormFilledInBeforeSomeoneElsesChangeIsRefusedKeepsWhatWasTypedAndAppliesWhenSentAgain() {
        UUID customer = fixtures.customer("100000.00");
        String number = admin.post("/api/orders", order(customer, sku, 2))
                .expect(201)
                .json()
                .get("number")
                .asString();
        PageClient sales = loggedIn("SALES");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(sales.get("/orders/" + number + "/edit").body());
        assertThat(shown.find()).isTrue();

        // meanwhile a colleague changes the same line through the API
        admin.patch("/api/orders/" + number, Map.of("lines", java.util.List.of(Map.of("lineNumber", 1, "quantity", 4))))
                .expect(200);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", shown.group(1));
        form.put("qty-1", "7");
        // the address as the form shows it, unchanged
        JsonNode address = admin.get("/api/orders/" + number).expect(200).json().get("shippingAddress");
        for (String field : new String[] {"name", "line1", "line2", "postalCode", "city", "region", "country"}) {
            JsonNode value = address.get(field);
            form.put("shippingAddress." + field, value == null || value.isNull() ? "" : value.asString());
        }
        HttpResponse<String> stale = sales.post("/orders/" + number + "/edit", form);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed this order").contains("value=\"7\"");
        assertThat(admin.get("/api/orders/" + number)
                        .expect(200)
                        .json()
                        .get("lines")
                        .get(0)
                        .get("quantity")
                        .asLong())
                .as("the colleague's change stands")
                .isEqualTo(4);

        // sent again from the page that now shows the current order, it applies
        java.util.regex.Matcher current = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(stale.body());
        assertThat(current.find()).isTrue();
        assertThat(current.group(1)).isNotEqualTo(shown.group(1));
        form.put("version", current.group(1));
        assertThat(sales.post("/orders/" + number + "/edit", form).statusCode()).isEqualTo(302);
        assertThat(admin.get("/api/orders/" + number)
                        .expect(200)
                        .json()
                        .get("lines")
                        .get(0)
                        .get("quantity")
                        .asLong())
                .isEqualTo(7);
    }

    @Test
    void anOrderIsEditedBeforeFulfilmentAndALineCancelledWithAReason() {
        UUID customer = fixtures.customer("100000.00");
        String other = fixtures.product("4.00");
        fixtures.receive(other, warehouse, 10);
        String number = admin.post("/api/orders", order(customer, sku, 2, other, 3))
                .expect(201)
                .json()
                .get("number")
                .asString();
        PageClient sales = loggedIn("SALES");
        assertThat(sales.get("/orders/" + number).body()).contains("id=\"edit-order\"");
        assertThat(sales.get("/orders/" + number + "/edit").statusCode()).isEqualTo(200);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("qty-1", "5");
        form.put("qty-2", "3");
        form.put("addCode", sku);
        form.put("addQty", "1");
        form.put("shippingAddress.name", "Other site");
        form.put("shippingAddress.line1", "Werkstraße 5");
        form.put("shippingAddress.city", "Potsdam");
        form.put("shippingAddress.postalCode", "14467");
        form.put("shippingAddress.country", "DE");
        form.put("reason", "customer called");
        HttpResponse<String> changed = sales.post("/orders/" + number + "/edit", form);
        assertThat(changed.statusCode()).isEqualTo(302);
        JsonNode order = admin.get("/api/orders/" + number).expect(200).json();
        assertThat(order.get("lines").get(0).get("quantity").asLong()).isEqualTo(5);
        assertThat(order.get("lines")).hasSize(3);
        assertThat(order.get("shippingAddress").get("city").asString()).isEqualTo("Potsdam");

        sales.get("/orders/" + number + "/edit");
        HttpResponse<String> noReason =
                sales.post("/orders/" + number + "/lines/cancel", Map.of("lineNumber", "2", "cancelReason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"cancelReason-error\"");
        HttpResponse<String> cancelled = sales.post(
                "/orders/" + number + "/lines/cancel", Map.of("lineNumber", "2", "cancelReason", "no longer needed"));
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(admin.get("/api/orders/" + number)
                        .expect(200)
                        .json()
                        .get("lines")
                        .get(1)
                        .get("status")
                        .asString())
                .isEqualTo("CANCELLED");

        // a bad quantity is said next to it and changes nothing
        sales.get("/orders/" + number + "/edit");
        HttpResponse<String> bad = sales.post("/orders/" + number + "/edit", Map.of("qty-1", "-1"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"line-1-error\"").contains("value=\"-1\"");

        // once cancelled, the order can no longer be edited and the page does not offer it
        admin.post("/api/orders/" + number + "/cancel", Map.of("reason", "test"))
                .expect(200);
        assertThat(sales.get("/orders/" + number).body()).doesNotContain("id=\"edit-order\"");
        sales.get("/orders/" + number);
        assertThat(sales.post("/orders/" + number + "/edit", Map.of("qty-1", "1"))
                        .statusCode())
                .isEqualTo(409);
        PageClient support = loggedIn("SUPPORT");
        assertThat(support.get("/orders/" + number + "/edit").statusCode()).isEqualTo(403);
    }

    @Test
    void theExportHoldsWhatTheFiltersSelectAndACustomerOnlyItsOwnOrders() {
        UUID mine = fixtures.customer("100000.00");
        UUID theirs = fixtures.customer("100000.00");
        String first = admin.post("/api/orders", order(mine, sku, 1))
                .expect(201)
                .json()
                .get("number")
                .asString();
        String held = admin.post("/api/orders", order(mine, sku, 2))
                .expect(201)
                .json()
                .get("number")
                .asString();
        admin.post("/api/orders/" + held + "/hold", Map.of("reason", "check")).expect(200);
        String foreign = admin.post("/api/orders", order(theirs, sku, 1))
                .expect(201)
                .json()
                .get("number")
                .asString();

        PageClient sales = loggedIn("SALES");
        HttpResponse<String> all = sales.get("/orders.csv?customer=" + mine);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(all.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains(".csv");
        assertThat(all.body())
                .startsWith("number,placedAt,customer,customerId,channel,externalReference,status,total,currency\r\n")
                .contains(first)
                .contains(held)
                .doesNotContain(foreign);
        assertThat(sales.get("/orders.csv?customer=" + mine + "&status=ON_HOLD").body())
                .contains(held)
                .doesNotContain(first);
        assertThat(sales.get("/orders?customer=" + mine).body()).contains("href=\"/orders.csv?customer=" + mine + "\"");

        // a customer's user exports its orders from the portal, never from the staff's list
        String username = users.customer(mine);
        PageClient customer = new PageClient(port);
        customer.logIn(username, TestUsers.PASSWORD);
        assertThat(customer.get("/orders.csv?customer=" + theirs).statusCode()).isEqualTo(403);
        String own = customer.get("/portal/orders.csv").body();
        assertThat(own).contains(first).contains(held).doesNotContain(foreign);
        assertThat(customer.get("/orders/new").statusCode()).isEqualTo(403);
    }
}
