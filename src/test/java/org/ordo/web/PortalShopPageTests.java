package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.money;

import java.net.http.HttpResponse;
import java.time.LocalDate;
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

/**
 * Ordering in the customer portal: the catalogue shows the signed-in customer's own prices and availability in words,
 * the cart lives in the session, quick order refuses bad lines one by one, and the checkout places one order for the
 * signed-in customer however often it is sent.
 */
@OrdoTest
class PortalShopPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Fixtures fixtures;
    Api admin;
    String warehouse;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
        warehouse = fixtures.warehouse();
    }

    @Test
    void theCatalogueShowsACustomerItsOwnPriceAndNeverAnotherCustomersPriceListPrice() {
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, warehouse, 37);
        String later = fixtures.product("20.00");
        UUID favoured = fixtures.customer("10000.00");
        UUID other = fixtures.customer("10000.00");
        String list = admin.post(
                        "/api/price-lists",
                        Map.of(
                                "name",
                                "Favoured " + sku,
                                "currency",
                                "EUR",
                                "validFrom",
                                LocalDate.now().minusDays(1).toString(),
                                "customerIds",
                                List.of(favoured.toString())))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.put("/api/price-lists/" + list + "/prices/" + sku, Map.of("unitPrice", money("7.35", "EUR")))
                .expect(200);

        String own = portalOf(favoured).get("/portal/shop?q=" + sku).body();
        assertThat(row(own, sku)).contains("7.35").doesNotContain("10.00").contains("In stock");
        assertThat(own).doesNotContain(">37<");
        String others = portalOf(other).get("/portal/shop?q=" + sku).body();
        assertThat(row(others, sku)).contains("10.00").doesNotContain("7.35");
        assertThat(row(portalOf(other).get("/portal/shop?q=" + later).body(), later))
                .contains("Available from");
    }

    @Test
    void theCatalogueFiltersByACategoryInUseAndKeepsTheSearchWithinIt() {
        String category = "Fasteners " + UUID.randomUUID().toString().substring(0, 8);
        String bolt = fixtures.product("3.00");
        String nut = fixtures.product("1.00");
        String elsewhere = fixtures.product("2.00");
        admin.patch("/api/products/" + bolt, Map.of("category", category)).expect(200);
        admin.patch("/api/products/" + nut, Map.of("category", category)).expect(200);
        PageClient portal = portalOf(fixtures.customer("1000.00"));

        String all = portal.get("/portal/shop").body();
        assertThat(all).contains("<option value=\"" + category + "\"");
        String inCategory = portal.get("/portal/shop?category=" + category.replace(" ", "%20"))
                .body();
        assertThat(row(inCategory, bolt)).contains("3.00");
        assertThat(row(inCategory, nut)).contains("1.00");
        assertThat(inCategory).doesNotContain("data-sku=\"" + elsewhere + "\"");
        String searched = portal.get("/portal/shop?q=" + nut + "&category=" + category.replace(" ", "%20"))
                .body();
        assertThat(row(searched, nut)).contains("1.00");
        assertThat(searched).doesNotContain("data-sku=\"" + bolt + "\"");
        assertThat(portal.get("/portal/shop?q=" + elsewhere + "&category=" + category.replace(" ", "%20"))
                        .body())
                .contains("id=\"shop-none\"");
    }

    @Test
    void theCartAddsChangesAndRemovesAndRefusesToOrderAProductNoLongerSold() {
        String kept = fixtures.product("5.00");
        String dropped = fixtures.product("6.00");
        PageClient portal = portalOf(fixtures.customer("10000.00"));
        portal.get("/portal/shop");
        assertThat(portal.post("/portal/shop/add", Map.of("sku", kept, "quantity", "2"))
                        .statusCode())
                .isEqualTo(302);
        portal.post("/portal/shop/add", Map.of("sku", kept, "quantity", "1"));
        portal.post("/portal/shop/add", Map.of("sku", dropped, "quantity", "4"));
        assertThat(portal.get("/portal/cart").body())
                .contains("id=\"cart-qty-" + kept + "\" value=\"3\"")
                .contains("id=\"cart-qty-" + dropped + "\" value=\"4\"");

        portal.post("/portal/cart/update", Map.of("sku", kept, "quantity", "5"));
        assertThat(portal.get("/portal/cart").body()).contains("id=\"cart-qty-" + kept + "\" value=\"5\"");

        // the checkout opened before the product was taken out of the catalogue
        String checkout = portal.get("/portal/checkout").body();
        admin.patch("/api/products/" + dropped, Map.of("active", false)).expect(200);
        String cart = portal.get("/portal/cart").body();
        assertThat(cart).contains("This product is no longer sold").doesNotContain("id=\"checkout-link\"");
        HttpResponse<String> refused = portal.post("/portal/checkout", Map.of("token", token(checkout)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("no longer sold");

        portal.post("/portal/cart/remove", Map.of("sku", dropped));
        assertThat(portal.get("/portal/cart").body())
                .doesNotContain("cart-qty-" + dropped)
                .contains("id=\"checkout-link\"");
    }

    @Test
    void theCartSuggestsWhatOthersBoughtWithItsProductsAndAddsOneWithOneClick() {
        String printer = fixtures.product("200.00");
        String toner = fixtures.product("40.00");
        UUID earlier = fixtures.customer("10000.00");
        admin.post("/api/orders", Fixtures.order(earlier, printer, 1, toner, 1)).expect(201);
        admin.post("/api/orders", Fixtures.order(earlier, printer, 1, toner, 2)).expect(201);
        admin.post("/api/admin/jobs/suggestions", Map.of()).expect(200);
        PageClient portal = portalOf(fixtures.customer("10000.00"));
        portal.get("/portal/shop");
        portal.post("/portal/shop/add", Map.of("sku", printer, "quantity", "1"));

        String cart = portal.get("/portal/cart").body();
        assertThat(cart)
                .contains("id=\"cart-suggestions\"")
                .contains("data-sku=\"" + toner + "\"")
                .contains("Customers who bought what is in your cart also bought this");

        assertThat(portal.post("/portal/cart/add", Map.of("sku", toner)).statusCode())
                .isEqualTo(302);
        assertThat(portal.get("/portal/cart").body())
                .contains("id=\"cart-qty-" + toner + "\" value=\"1\"")
                .doesNotContain("id=\"cart-suggestions\"");
    }

    @Test
    void quickOrderNamesEveryBadLineAndAddsOnlyTheGoodOnes() {
        String first = fixtures.product("3.00");
        String second = fixtures.product("4.00");
        PageClient portal = portalOf(fixtures.customer("10000.00"));
        portal.get("/portal/cart");
        String lines = String.join("\n", first + " 2", "NO-SUCH-SKU 1", second + " two", second + " 0", second + ",3");

        String answer =
                portal.post("/portal/cart/quick", Map.of("lines", lines)).body();

        assertThat(answer)
                .contains("Line 2 (&quot;NO-SUCH-SKU 1&quot;): we do not sell a product with this SKU.")
                .contains("Line 3 (&quot;" + second + " two&quot;): the quantity must be a whole number")
                .contains("Line 4 (&quot;" + second + " 0&quot;)")
                .contains("id=\"cart-qty-" + first + "\" value=\"2\"")
                .contains("id=\"cart-qty-" + second + "\" value=\"3\"")
                .doesNotContain("cart-qty-NO-SUCH-SKU");
    }

    @Test
    void aCheckoutSentTwicePlacesOneOrderForTheSignedInCustomerWithItsPoNumber() {
        String sku = fixtures.product("8.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("10000.00");
        UUID someoneElse = fixtures.customer("10000.00");
        PageClient portal = portalOf(customer);
        portal.get("/portal/shop");
        portal.post("/portal/shop/add", Map.of("sku", sku, "quantity", "2"));
        String checkout = portal.get("/portal/checkout").body();
        assertThat(checkout).contains("id=\"quote-total\"").contains("line-promised");
        String token = token(checkout);
        String po = Fixtures.unique("PO");
        Map<String, String> form = Map.of("token", token, "po", po, "customerId", someoneElse.toString());

        HttpResponse<String> first = portal.post("/portal/checkout", form);
        HttpResponse<String> second = portal.post("/portal/checkout", form);

        assertThat(first.statusCode()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(second.headers().firstValue("Location").orElseThrow()).isEqualTo(location);
        String number = location.substring(location.lastIndexOf('/') + 1);
        assertThat(portal.get("/portal/orders/" + number).body()).contains("Thank you: your order has been placed.");
        assertThat(admin.get("/api/orders?customerId=" + customer)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(admin.get("/api/orders/" + number)
                        .expect(200)
                        .json()
                        .get("externalReference")
                        .asString())
                .isEqualTo(po);
        assertThat(admin.get("/api/orders?customerId=" + someoneElse)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(portal.get("/portal/cart").body()).contains("id=\"cart-empty\"");
    }

    @Test
    void staffCannotOpenThePortalCatalogue() {
        PageClient sales = new PageClient(port);
        sales.logIn(users.staff("SALES"), TestUsers.PASSWORD);
        assertThat(sales.get("/portal/shop").statusCode()).isEqualTo(403);
        assertThat(sales.get("/portal/cart").statusCode()).isEqualTo(403);
    }

    private static String row(String page, String sku) {
        Matcher row = Pattern.compile("<tr data-sku=\"" + Pattern.quote(sku) + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("a row of " + sku).isTrue();
        return row.group(1);
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private PageClient portalOf(UUID customer) {
        PageClient portal = new PageClient(port);
        portal.logIn(users.customer(customer), TestUsers.PASSWORD);
        return portal;
    }
}
