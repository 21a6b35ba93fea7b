package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

/** The price list and promotion pages: kept by ADMIN and SALES, read by support, refusals next to their fields. */
@OrdoTest
class PricingPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Fixtures fixtures;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
    }

    private PageClient loggedIn(String roles) {
        PageClient page = new PageClient(port);
        page.logIn(users.staff(roles), TestUsers.PASSWORD);
        page.get("/pricing/price-lists"); // the form's CSRF token
        return page;
    }

    private String nameOf(UUID customer) {
        return admin.get("/api/customers/" + customer)
                .expect(200)
                .json()
                .get("name")
                .asString();
    }

    private Map<String, String> listForm(String name, UUID customer) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("currency", "EUR");
        form.put("validFrom", LocalDate.now().toString());
        form.put("customerIds", customer.toString());
        return form;
    }

    @Test
    void salesCreatesAPriceListForACustomerFoundBySearchAndGivesASkuAPriceWithAQuantityBreak() {
        UUID customer = fixtures.customer("1000.00");
        String name = nameOf(customer);
        String sku = fixtures.product("10.00");
        PageClient sales = loggedIn("SALES");

        Map<String, String> find = listForm("Contract " + customer, customer);
        find.remove("customerIds");
        find.put("customerQuery", name);
        find.put("find", "1");
        HttpResponse<String> found = sales.post("/pricing/price-lists", find);
        HttpResponse<String> created = sales.post("/pricing/price-lists", listForm("Contract " + customer, customer));

        assertThat(found.body()).contains("match-" + customer).contains(name);
        assertThat(created.statusCode()).isEqualTo(302);
        String page = created.headers().firstValue("Location").orElseThrow();
        String path = page.substring(page.indexOf("/pricing/price-lists/"));
        Map<String, String> price = new LinkedHashMap<>();
        price.put("sku", sku);
        price.put("unitPrice", "9.00");
        price.put("breakQuantity", "10");
        price.put("breakPrice", "8.00");
        assertThat(sales.post(path + "/prices", price).statusCode()).isEqualTo(302);
        String shown = sales.get(path).body();
        assertThat(shown).contains(name).contains(sku).contains("€9.00").contains("from 10: €8.00");
        assertThat(sales.get("/pricing/price-lists").body()).contains("Contract " + customer);
    }

    @Test
    void anOverlappingPriceListAndABadBreakAreRefusedNextToTheirFields() {
        UUID customer = fixtures.customer("1000.00");
        PageClient sales = loggedIn("SALES");
        String first = sales.post("/pricing/price-lists", listForm("First " + customer, customer))
                .headers()
                .firstValue("Location")
                .orElseThrow();

        HttpResponse<String> overlapping = sales.post("/pricing/price-lists", listForm("Second " + customer, customer));
        Map<String, String> price = new LinkedHashMap<>();
        price.put("sku", fixtures.product("10.00"));
        price.put("unitPrice", "9.00");
        price.put("breakQuantity", "1");
        price.put("breakPrice", "8.00");
        HttpResponse<String> badBreak =
                sales.post(first.substring(first.indexOf("/pricing/price-lists/")) + "/prices", price);

        assertThat(overlapping.statusCode()).isEqualTo(400);
        assertThat(overlapping.body())
                .contains("id=\"customerIds-error\"")
                .contains("already has price list First " + customer + " in EUR");
        assertThat(badBreak.statusCode()).isEqualTo(400);
        assertThat(badBreak.body())
                .contains("id=\"breaks[0].minQuantity-error\"")
                .contains("A break starts above 1");
    }

    @Test
    void aPromotionMissingWhatItsKindNeedsIsRefusedAndACompleteOneIsListedAsCurrent() {
        String sku = fixtures.product("10.00");
        PageClient sales = loggedIn("SALES");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Three for two " + sku);
        form.put("kind", "BUY_GET");
        form.put("buyQuantity", "2");
        form.put("skus", sku);
        form.put("validFrom", LocalDate.now().toString());

        HttpResponse<String> missing = sales.post("/pricing/promotions", form);
        form.put("freeQuantity", "1");
        HttpResponse<String> created = sales.post("/pricing/promotions", form);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"freeQuantity-error\"");
        assertThat(created.statusCode()).isEqualTo(302);
        String current = sales.get("/pricing/promotions").body();
        assertThat(current.substring(
                        current.indexOf("id=\"promotions-current\""), current.indexOf("id=\"promotions-future\"")))
                .contains("Three for two " + sku)
                .contains("buy 2, get 1 free");
    }

    @Test
    void salesAssignsAPriceListToACustomerGroupAndAPromotionToACategoryChosenAmongThoseInUse() {
        String group = "Wholesale " + UUID.randomUUID().toString().substring(0, 8);
        admin.patch("/api/customers/" + fixtures.customer("1000.00"), Map.of("group", group))
                .expect(200);
        String sku = fixtures.product("10.00");
        String category = "Fasteners " + sku;
        admin.patch("/api/products/" + sku, Map.of("category", category)).expect(200);
        PageClient sales = loggedIn("SALES");
        assertThat(sales.get("/pricing/price-lists").body())
                .contains("name=\"customerGroups\" value=\"" + group + "\"");

        Map<String, String> list = new LinkedHashMap<>();
        list.put("name", "Group list " + group);
        list.put("currency", "EUR");
        list.put("validFrom", LocalDate.now().toString());
        list.put("customerGroups", group);
        HttpResponse<String> created = sales.post("/pricing/price-lists", list);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(sales.get(location.substring(location.indexOf("/pricing/price-lists/")))
                        .body())
                .contains(group);

        assertThat(sales.get("/pricing/promotions").body()).contains("name=\"categories\" value=\"" + category + "\"");
        Map<String, String> promotion = new LinkedHashMap<>();
        promotion.put("name", "Fastener week " + sku);
        promotion.put("kind", "PERCENT");
        promotion.put("percent", "10");
        promotion.put("categories", category);
        promotion.put("validFrom", LocalDate.now().toString());
        assertThat(sales.post("/pricing/promotions", promotion).statusCode()).isEqualTo(302);
        String current = sales.get("/pricing/promotions").body();
        assertThat(current.substring(current.indexOf("Fastener week " + sku))).contains(category);
    }

    @Test
    void supportReadsPricesWithoutFormsAndTheWarehouseNeitherSeesNorOpensThem() {
        PageClient support = loggedIn("SUPPORT");
        PageClient warehouse = loggedIn("WAREHOUSE");

        HttpResponse<String> read = support.get("/pricing/price-lists");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("id=\"price-list-form\"").contains("nav-nav.pricing");
        assertThat(support.get("/pricing/promotions").body()).doesNotContain("id=\"promotion-form\"");
        assertThat(support.post("/pricing/promotions", Map.of("name", "x")).statusCode())
                .isEqualTo(403);
        assertThat(warehouse.get("/pricing/price-lists").statusCode()).isEqualTo(403);
        assertThat(warehouse.get("/").body()).doesNotContain("nav-nav.pricing");
    }
}
