package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

/**
 * The administration pages: every form's error next to its field with nothing changed and what was typed kept, a change
 * someone else saved meanwhile reported as a conflict, no administrator locking themselves out, a token's secret shown
 * once, CSV exports, and none of it for anyone but ADMIN.
 */
@OrdoTest
class AdminPageTests {

    static final List<String> PAGES = List.of(
            "/admin",
            "/admin/products",
            "/admin/products/new",
            "/admin/products.csv",
            "/admin/customers",
            "/admin/customers/new",
            "/admin/customers.csv",
            "/admin/warehouses",
            "/admin/warehouses/new",
            "/admin/warehouses.csv",
            "/admin/tax-rates",
            "/admin/users",
            "/admin/users/new",
            "/admin/users/admin",
            "/admin/users.csv",
            "/admin/tokens",
            "/admin/tokens/new",
            "/admin/tokens/issued",
            "/admin/tokens.csv",
            "/admin/audit",
            "/admin/audit.csv",
            "/admin/consistency");
    static final List<String> ACTIONS = List.of(
            "/admin/tax-rates",
            "/admin/products",
            "/admin/products/ANY",
            "/admin/customers",
            "/admin/customers/" + UUID.randomUUID(),
            "/admin/warehouses",
            "/admin/warehouses/ANY",
            "/admin/users",
            "/admin/users/admin",
            "/admin/users/admin/enabled",
            "/admin/users/admin/password",
            "/admin/tokens",
            "/admin/tokens/" + UUID.randomUUID() + "/revoke");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Fixtures fixtures;
    Api api;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        api = Api.at(port).asAdmin();
    }

    @Test
    void everyAdministrationPageAndActionIsForbiddenToEveryoneButAdmin() {
        for (String role : List.of("SALES", "SUPPORT", "ACCOUNTING", "WAREHOUSE")) {
            PageClient page = new PageClient(port);
            page.logIn(users.staff(role), TestUsers.PASSWORD);
            page.get("/orders");
            for (String path : PAGES) {
                assertThat(page.get(path).statusCode())
                        .as("GET %s as %s", path, role)
                        .isEqualTo(403);
            }
            for (String path : ACTIONS) {
                assertThat(page.post(path, Map.of("name", "x")).statusCode())
                        .as("POST %s as %s", path, role)
                        .isEqualTo(403);
            }
            assertThat(page.get("/orders").body()).doesNotContain("href=\"/admin\"");
        }
        PageClient admin = admin();
        for (String path : PAGES) {
            int status = admin.get(path).statusCode();
            assertThat(status).as("GET %s as ADMIN", path).isIn(200, 302);
        }
        String index = admin.get("/admin").body();
        for (String card : List.of(
                "products", "customers", "warehouses", "tax-rates", "users", "tokens", "audit", "consistency")) {
            assertThat(index).contains("href=\"/admin/" + card + "\"");
        }
    }

    @Test
    void anAdminAddsAVatRateFromADayOnAndTheRateBeforeItEndsTheDayBefore() {
        PageClient admin = admin();
        admin.get("/admin/tax-rates");
        HttpResponse<String> refused = admin.post(
                "/admin/tax-rates",
                Map.of("country", "SI", "taxCategory", "STANDARD", "ratePercent", "twenty", "validFrom", "soon"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"ratePercent-error\"").contains("id=\"validFrom-error\"");

        HttpResponse<String> first = admin.post(
                "/admin/tax-rates",
                Map.of("country", "si", "taxCategory", "STANDARD", "ratePercent", "22", "validFrom", "2020-01-01"));
        assertThat(first.statusCode()).isEqualTo(302);
        admin.post(
                "/admin/tax-rates",
                Map.of("country", "SI", "taxCategory", "STANDARD", "ratePercent", "9,5", "validFrom", "2030-01-01"));

        String page = admin.get("/admin/tax-rates?country=SI").body();
        assertThat(page).contains("2029-12-31").contains(">9.5<").contains(">22<");
        JsonNode rates =
                api.get("/api/tax-rates?country=SI&on=2030-06-01").expect(200).json();
        assertThat(rates.get(0).get("rate").asString()).isEqualTo("0.095");
    }

    @Test
    void aWrongGtinCheckDigitIsExplainedNextToTheFieldNothingIsCreatedAndTheInputIsKept() {
        PageClient admin = admin();
        admin.get("/admin/products/new");
        String sku = Fixtures.unique("PAGE");
        String digits = String.format(
                "%012d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        int check = org.ordo.shared.Gtin.checkDigit(digits);
        String gtin = digits + check;
        Map<String, String> form = product(sku, "Desk lamp", digits + (check + 1) % 10);
        HttpResponse<String> refused = admin.post("/admin/products", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"gtin-error\"")
                .contains("must end in " + check)
                .contains("value=\"Desk lamp\"")
                .contains("value=\"" + sku + "\"")
                .contains("value=\"19.90\"")
                .contains("aria-describedby=\"gtin-error\"");
        api.get("/api/products/" + sku).expect(404);

        form.put("gtin", gtin);
        form.put("price", "nineteen");
        HttpResponse<String> price = admin.post("/admin/products", form);
        assertThat(price.statusCode()).isEqualTo(400);
        assertThat(price.body())
                .contains("id=\"price-error\"")
                .doesNotContain("id=\"gtin-error\"")
                .contains("value=\"nineteen\"");

        form.put("price", "19.90");
        HttpResponse<String> created = admin.post("/admin/products", form);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/products/" + sku);
        assertThat(api.get("/api/products/" + sku)
                        .expect(200)
                        .json()
                        .get("gtin")
                        .asString())
                .isEqualTo(gtin);
        assertThat(admin.get("/admin/products?q=" + gtin).body()).contains(sku);
    }

    @Test
    void theProductFormSetsACategoryAndTheCustomerFormAGroupBothShownWhenTheFormOpensAgain() {
        PageClient admin = admin();
        admin.get("/admin/products/new");
        String sku = Fixtures.unique("CAT");
        Map<String, String> product = product(sku, "Hex bolt M8", "");
        product.put("category", " Fasteners ");
        assertThat(admin.post("/admin/products", product).statusCode()).isEqualTo(302);
        assertThat(api.get("/api/products/" + sku)
                        .expect(200)
                        .json()
                        .get("category")
                        .asString())
                .isEqualTo("Fasteners");
        assertThat(admin.get("/admin/products/" + sku).body()).contains("value=\"Fasteners\"");

        admin.get("/admin/customers/new");
        String name = Fixtures.unique("Grouped customer");
        Map<String, String> customer = customer(name);
        customer.put("group", "Wholesale");
        HttpResponse<String> created = admin.post("/admin/customers", customer);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(admin.get(location.substring(location.indexOf("/admin/customers/")))
                        .body())
                .contains("value=\"Wholesale\"");
    }

    @Test
    void aProductChangedMeanwhileIsAConflictThatKeepsWhatWasTypedAndSavesNothing() {
        String sku = fixtures.product("10.00");
        PageClient admin = admin();
        String page = admin.get("/admin/products/" + sku).body();
        String version = version(page);
        // someone else changes the price meanwhile
        api.patch("/api/products/" + sku, Map.of("unitPrice", Fixtures.money("12.00", "EUR")))
                .expect(200);

        Map<String, String> form = product(sku, "Renamed by the page", "");
        form.put("version", version);
        HttpResponse<String> conflict = admin.post("/admin/products/" + sku, form);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body())
                .contains("id=\"conflict\"")
                .contains("changed this record while you were editing")
                .contains("value=\"Renamed by the page\"")
                .contains("€12.00");
        JsonNode now = api.get("/api/products/" + sku).expect(200).json();
        assertThat(now.get("name").asString()).isEqualTo("Product " + sku);
        assertThat(now.get("unitPrice").get("amount").asString()).isEqualTo("12.00");

        // the form now carries the current version: saving again replaces the values knowingly
        form.put("version", version(conflict.body()));
        assertThat(admin.post("/admin/products/" + sku, form).statusCode()).isEqualTo(302);
        assertThat(api.get("/api/products/" + sku)
                        .expect(200)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Renamed by the page");
    }

    @Test
    void customerErrorsAppearNextToTheirFieldsAndAStaleEditIsAConflict() {
        PageClient admin = admin();
        admin.get("/admin/customers/new");
        String name = Fixtures.unique("Page customer");
        Map<String, String> form = customer(name);
        form.put("email", "not-an-address");
        form.put("billingAddressCity", "");
        form.put("paymentTermsDays", "thirty");
        HttpResponse<String> terms = admin.post("/admin/customers", form);
        assertThat(terms.statusCode()).isEqualTo(400);
        assertThat(terms.body()).contains("id=\"paymentTermsDays-error\"").contains("value=\"thirty\"");
        form.put("paymentTermsDays", "45");
        HttpResponse<String> refused = admin.post("/admin/customers", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"email-error\"")
                .contains("id=\"billingAddressCity-error\"")
                .contains("value=\"not-an-address\"")
                .contains("value=\"" + name + "\"")
                .contains("value=\"Lindenallee 5\"");
        assertThat(api.get("/api/customers?q=" + name.replace(" ", "+"))
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();

        form.put("email", "buyer@example.com");
        form.put("billingAddressCity", "Köln");
        HttpResponse<String> created = admin.post("/admin/customers", form);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode customer = api.get("/api/customers/" + id).expect(200).json();
        assertThat(customer.get("paymentTermsDays").asInt()).isEqualTo(45);
        assertThat(customer.get("billingAddress").get("city").asString()).isEqualTo("Köln");

        String version = version(admin.get("/admin/customers/" + id).body());
        api.patch("/api/customers/" + id, Map.of("paymentTermsDays", 60)).expect(200);
        form.put("creditLimit", "777.00");
        form.put("version", version);
        HttpResponse<String> conflict = admin.post("/admin/customers/" + id, form);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"conflict\"").contains("value=\"777.00\"");
        assertThat(api.get("/api/customers/" + id)
                        .expect(200)
                        .json()
                        .get("creditLimit")
                        .get("amount")
                        .asString())
                .isEqualTo("5000.00");
    }

    @Test
    void aWarehouseWithABadCodeIsExplainedAndOneCanBeDeactivated() {
        PageClient admin = admin();
        admin.get("/admin/warehouses/new");
        HttpResponse<String> refused = admin.post("/admin/warehouses", Map.of("code", "lower case", "name", "Depot"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"code-error\"")
                .contains("value=\"lower case\"")
                .contains("value=\"Depot\"");
        String code = Fixtures.unique("WHP");
        assertThat(admin.post("/admin/warehouses", Map.of("code", code, "name", "Depot", "active", "true"))
                        .statusCode())
                .isEqualTo(302);
        admin.get("/admin/warehouses/" + code);
        assertThat(admin.post("/admin/warehouses/" + code, Map.of("name", "Depot East", "addressCountry", "DE"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.post("/admin/warehouses/" + code, Map.of("name", "Depot East"))
                        .statusCode())
                .isEqualTo(302);
        JsonNode warehouse = api.get("/api/warehouses/" + code).expect(200).json();
        assertThat(warehouse.get("name").asString()).isEqualTo("Depot East");
        assertThat(warehouse.get("active").asBoolean()).isFalse();
        assertThat(admin.get("/admin/warehouses.csv").body()).contains(code + ",Depot East");
    }

    @Test
    void aUserNeedsAPasswordThatFollowsTheRuleAndTheRestOfTheFormIsKept() {
        PageClient admin = admin();
        admin.get("/admin/users/new");
        String username = Fixtures.unique("clerk").toLowerCase();
        HttpResponse<String> refused = admin.post(
                "/admin/users",
                Map.of("username", username, "displayName", "Clerk Kent", "password", "short", "roles", "SALES"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"password-error\"")
                .contains("at least 12 characters")
                .contains("value=\"" + username + "\"")
                .contains("value=\"Clerk Kent\"")
                .doesNotContain("value=\"short\"");
        assertThat(refused.body()).containsPattern("id=\"role-SALES\"[^>]*checked");
        api.get("/api/users/" + username).expect(404);

        HttpResponse<String> customerless = admin.post(
                "/admin/users", Map.of("username", username, "password", "long-enough-password", "roles", "CUSTOMER"));
        assertThat(customerless.statusCode()).isEqualTo(400);
        assertThat(customerless.body()).contains("id=\"customer-error\"");

        assertThat(admin.post(
                                "/admin/users",
                                Map.of(
                                        "username",
                                        username,
                                        "displayName",
                                        "Clerk Kent",
                                        "password",
                                        "long-enough-password",
                                        "roles",
                                        "SALES"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.get("/api/users/" + username)
                        .expect(200)
                        .json()
                        .get("roles")
                        .get(0)
                        .asString())
                .isEqualTo("SALES");
        admin.get("/admin/users/" + username);
        HttpResponse<String> reset = admin.post("/admin/users/" + username + "/password", Map.of("password", "tiny"));
        assertThat(reset.statusCode()).isEqualTo(400);
        assertThat(reset.body()).contains("id=\"newPassword-error\"");
        assertThat(admin.post("/admin/users/" + username + "/password", Map.of("password", "another-long-password"))
                        .statusCode())
                .isEqualTo(302);
        Api.at(port)
                .basic(username, "another-long-password")
                .get("/api/users/me")
                .expect(200);
    }

    @Test
    void anAdministratorCannotTakeTheAdminRoleFromThemselvesNorDisableThemselves() {
        String boss = Fixtures.unique("boss").toLowerCase();
        api.post("/api/users", Map.of("username", boss, "password", "the-boss-password", "roles", List.of("ADMIN")))
                .expect(201);
        PageClient page = new PageClient(port);
        page.logIn(boss, "the-boss-password");
        String own = page.get("/admin/users/" + boss).body();
        assertThat(own).contains("id=\"self-hint\"");
        HttpResponse<String> demote =
                page.post("/admin/users/" + boss, Map.of("roles", "SALES", "enabled", "true", "version", version(own)));
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(demote.body())
                .contains("id=\"form-error\"")
                .contains("You cannot lock yourself out")
                .contains("id=\"roles-error\"");
        HttpResponse<String> disable =
                page.post("/admin/users/" + boss + "/enabled", Map.of("enabled", "false", "version", version(own)));
        assertThat(disable.statusCode()).isEqualTo(409);
        assertThat(disable.body()).contains("You cannot lock yourself out");
        JsonNode user = api.get("/api/users/" + boss).expect(200).json();
        assertThat(user.get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        // the list offers no disable button for oneself
        assertThat(page.get("/admin/users?q=" + boss).body()).doesNotContain("/admin/users/" + boss + "/enabled");

        // another administrator may disable them
        PageClient other = admin();
        String theirs = other.get("/admin/users/" + boss).body();
        assertThat(other.post(
                                "/admin/users/" + boss + "/enabled",
                                Map.of("enabled", "false", "version", version(theirs)))
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.get("/api/users/" + boss)
                        .expect(200)
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aTokensSecretIsShownOnceAndNeverListed() {
        PageClient admin = admin();
        admin.get("/admin/tokens/new");
        HttpResponse<String> refused =
                admin.post("/admin/tokens", Map.of("owner", "no-such-user-x", "name", "sync", "expires", "soon"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"owner-error\"")
                .contains("id=\"expires-error\"")
                .contains("value=\"sync\"");
        String name = Fixtures.unique("erp sync");
        HttpResponse<String> issued =
                admin.post("/admin/tokens", Map.of("owner", "admin", "name", name, "expires", ""));
        assertThat(issued.statusCode()).isEqualTo(302);
        assertThat(issued.headers().firstValue("Location").orElseThrow()).endsWith("/admin/tokens/issued");
        HttpResponse<String> once = admin.get("/admin/tokens/issued");
        assertThat(once.statusCode()).isEqualTo(200);
        assertThat(once.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        Matcher secret = Pattern.compile("value=\"(ordo_[A-Za-z0-9_-]+)\"").matcher(once.body());
        assertThat(secret.find()).isTrue();
        Api.at(port).bearer(secret.group(1)).get("/api/users/me").expect(200);

        HttpResponse<String> again = admin.get("/admin/tokens/issued");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.body()).doesNotContain(secret.group(1));
        String list = admin.get("/admin/tokens?owner=admin").body();
        assertThat(list).contains(name).doesNotContain(secret.group(1));
        assertThat(admin.get("/admin/tokens.csv?owner=admin").body())
                .contains(name)
                .doesNotContain(secret.group(1));

        Matcher revoke =
                Pattern.compile("action=\"(/admin/tokens/[0-9a-f-]+/revoke)\"").matcher(list);
        assertThat(revoke.find()).isTrue();
        String revoked = admin.post(revoke.group(1), Map.of())
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertThat(revoked).contains("/admin/tokens");
    }

    @Test
    void theAuditTrailShowsAProductsCreationWithItsChainAndExportsTheSelection() {
        String sku = fixtures.product("5.00");
        api.patch("/api/products/" + sku, Map.of("name", "Renamed " + sku)).expect(200);
        PageClient admin = admin();
        HttpResponse<String> trail = admin.get("/admin/audit?entity=PRODUCT&entityId=" + sku);
        assertThat(trail.statusCode()).isEqualTo(200);
        assertThat(trail.body())
                .contains(">Created<")
                .contains(">Updated<")
                .doesNotContain(">CREATED<")
                .contains("id=\"chain-verdict\"")
                .contains("alert-success")
                .contains("Renamed " + sku)
                .contains("Product " + sku)
                .contains("#2");
        assertThat(admin.get("/admin/audit?actor=admin&from=not-a-date").body()).contains("id=\"from-error\"");

        HttpResponse<String> csv = admin.get("/admin/audit.csv?entity=PRODUCT&entityId=" + sku);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment")
                .contains("audit-trail.csv");
        assertThat(csv.body().split("\r\n")).hasSize(3);
        HttpResponse<String> products = admin.get("/admin/products.csv?q=" + sku);
        assertThat(products.body().split("\r\n")).hasSize(2);
        assertThat(products.body()).startsWith("sku,name,gtin");
    }

    @Test
    void theAuditTrailFindsAThingByItsNumberOrNameAndShowsItsNumber() {
        UUID customerId = fixtures.customer("1000.00");
        JsonNode customer = api.get("/api/customers/" + customerId).expect(200).json();
        String number = customer.get("number").asString();
        String name = customer.get("name").asString();
        String sku = fixtures.product("5.00");
        fixtures.receive(sku, fixtures.warehouse(), 5);
        JsonNode order = api.post("/api/orders", Fixtures.order(customerId, sku, 1))
                .expect(201)
                .json();
        String orderNumber = order.get("number").asString();
        PageClient admin = admin();

        // a number alone names its kind; the rows show the number, not the UUID
        HttpResponse<String> byNumber = admin.get("/admin/audit?entityId=" + number.toLowerCase());
        assertThat(byNumber.body())
                .contains("Customer " + number + " " + name)
                .contains("id=\"chain-verdict\"")
                .contains("<option value=\"CUSTOMER\" selected=\"selected\">Customer</option>");
        assertThat(admin.get("/admin/audit?entity=CUSTOMER&entityId=" + name).body())
                .contains("Customer " + number + " " + name);
        HttpResponse<String> byOrderNumber = admin.get("/admin/audit?entityId=" + orderNumber);
        assertThat(byOrderNumber.body()).contains("Order " + orderNumber).contains("PLACED");

        // every kind is offered under its own translated name
        assertThat(byNumber.body())
                .contains("<option value=\"ORDER\">Order</option>")
                .contains("<option value=\"INVOICE\">Invoice</option>")
                .contains("<option value=\"PURCHASE_ORDER\">Purchase order</option>");
    }

    private PageClient admin() {
        PageClient page = new PageClient(port);
        page.logIn("admin", Api.ADMIN_PASSWORD);
        return page;
    }

    private static String version(String page) {
        Matcher m = VERSION.matcher(page);
        assertThat(m.find()).as("version field").isTrue();
        return m.group(1);
    }

    private static Map<String, String> product(String sku, String name, String gtin) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sku", sku);
        form.put("name", name);
        form.put("price", "19.90");
        form.put("currency", "EUR");
        form.put("taxCategory", "STANDARD");
        form.put("gtin", gtin);
        form.put("weightGrams", "");
        form.put("description", "");
        form.put("active", "true");
        return form;
    }

    private static Map<String, String> customer(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("email", "buyer@example.com");
        form.put("phone", "+49 221 555");
        form.put("billingAddressName", name);
        form.put("billingAddressLine1", "Lindenallee 5");
        form.put("billingAddressCity", "Köln");
        form.put("billingAddressPostalCode", "50667");
        form.put("billingAddressCountry", "DE");
        form.put("currency", "EUR");
        form.put("creditLimit", "5000.00");
        form.put("paymentTermsDays", "30");
        form.put("invoicingPolicy", "ON_SHIPMENT");
        form.put("active", "true");
        return form;
    }
}
