package org.ordo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.shared.Gtin;
import org.ordo.shared.Money;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@OrdoTest
class ProductApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    @Autowired
    Catalog catalog;

    private Api admin() {
        return Api.at(port).asAdmin();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> product(String sku) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", "Widget " + sku);
        body.put("description", "A sturdy widget");
        body.put("unitPrice", Map.of("amount", "12.50", "currency", "EUR"));
        body.put("taxCategory", "STANDARD");
        body.put("weightGrams", 250);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private Api.Response create(Map<String, Object> body) {
        return admin().post("/api/products", body);
    }

    private static List<String> fields(Api.Response response) {
        return response.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    /** A GTIN-13 with a correct check digit that no other test uses (prefix 2: for in-store use). */
    private static String uniqueGtin() {
        String digits = "2"
                + String.format("%011d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000_000L));
        return digits + Gtin.checkDigit(digits);
    }

    private int productCount(String sku) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE sku = ?", Integer.class, sku);
    }

    private List<String> auditActions(String sku) {
        return jdbc.queryForList(
                "SELECT action FROM audit_entry WHERE entity = 'PRODUCT' AND entity_id = ? ORDER BY chain_seq",
                String.class,
                sku);
    }

    private Api userWithRoles(String roles) {
        return Api.at(port).basic(users.staff(roles), TestUsers.PASSWORD);
    }

    @Test
    void createsProductWithLocationEtagAndDefaults() {
        String sku = unique("CRT");
        var created = create(product(sku)).expect(201);
        assertThat(created.header("Location")).endsWith("/api/products/" + sku);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonNode json = created.json();
        assertThat(json.get("sku").asString()).isEqualTo(sku);
        assertThat(json.get("unitPrice").get("amount").asString()).isEqualTo("12.50");
        assertThat(json.get("unitPrice").get("currency").asString()).isEqualTo("EUR");
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("gtin").isNull()).isTrue();

        var read = admin().get("/api/products/" + sku).expect(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("name").asString()).isEqualTo("Widget " + sku);
        assertThat(read.json().get("weightGrams").asInt()).isEqualTo(250);
    }

    @Test
    void unitCostIsOptionalMoneyThatPutAndPatchSetAndClearAndCustomersDoNotSee() {
        String sku = unique("COST");
        JsonNode created = create(with(product(sku), "unitCost", Map.of("amount", "7.25", "currency", "EUR")))
                .expect(201)
                .json();
        assertThat(created.get("unitCost").get("amount").asString()).isEqualTo("7.25");
        JsonNode patched = admin().patch(
                        "/api/products/" + sku, Map.of("unitCost", Map.of("amount", "6.80", "currency", "USD")))
                .expect(200)
                .json();
        assertThat(patched.get("unitCost").get("currency").asString()).isEqualTo("USD");
        assertThat(patched.get("version").asLong()).isEqualTo(1);
        var invalid = admin().patch(
                        "/api/products/" + sku, Map.of("unitCost", Map.of("amount", "-1", "currency", "EURO")))
                .expect(400);
        assertThat(invalid.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("unitCost.amount", "unitCost.currency");
        Api customer = userWithRoles("CUSTOMER");
        assertThat(customer.get("/api/products/" + sku)
                        .expect(200)
                        .json()
                        .get("unitCost")
                        .isNull())
                .isTrue();
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("unitCost", null);
        assertThat(admin().patch("/api/products/" + sku, cleared)
                        .expect(200)
                        .json()
                        .get("unitCost")
                        .isNull())
                .isTrue();
        admin().put("/api/products/" + sku, with(product(sku), "unitCost", Map.of("amount", "5", "currency", "EUR")))
                .expect(200);
        assertThat(admin().get("/api/products/" + sku)
                        .expect(200)
                        .json()
                        .get("unitCost")
                        .get("amount")
                        .asString())
                .isEqualTo("5.00");
    }

    @Test
    void anySignedInUserReadsButOnlyAdminAndSalesChange() {
        String sku = unique("ROLE");
        userWithRoles("SALES").post("/api/products", product(sku)).expect(201);
        Api warehouse = userWithRoles("WAREHOUSE");
        warehouse.get("/api/products/" + sku).expect(200);
        warehouse.post("/api/products", product(unique("ROLE"))).expect(403);
        warehouse.patch("/api/products/" + sku, Map.of("name", "nope")).expect(403);
        warehouse.put("/api/products/" + sku, product(sku)).expect(403);
        Api.at(port).anonymous().get("/api/products/" + sku).expect(401);
        assertThat(admin().get("/api/products/" + sku).json().get("name").asString())
                .isEqualTo("Widget " + sku);
    }

    @Test
    void unknownProductIs404Problem() {
        var response = admin().get("/api/products/" + unique("NONE")).expect(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void searchMatchesNameDescriptionAndSkuInAnyCaseOrderedBySku() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        create(with(product("S2-" + tag), "name", "Blue Lamp " + tag)).expect(201);
        create(with(product("S1-" + tag), "description", "fits the LAMP-" + tag.toUpperCase() + " base"))
                .expect(201);
        create(with(product("S3-" + tag + "-lamp"), "name", "Shade")).expect(201);
        create(product("S4-" + tag)).expect(201);

        var byName = admin().get("/api/products?q=lamp%20" + tag.toUpperCase()).expect(200);
        assertThat(byName.json()
                        .get("items")
                        .valueStream()
                        .map(p -> p.get("sku").asString())
                        .toList())
                .containsExactly("S2-" + tag);

        var byAnyField = admin().get("/api/products?q=" + tag.toUpperCase() + "&size=10")
                .expect(200)
                .json();
        assertThat(byAnyField.get("totalItems").asLong()).isEqualTo(4);
        assertThat(byAnyField
                        .get("items")
                        .valueStream()
                        .map(p -> p.get("sku").asString())
                        .toList())
                .containsExactly("S1-" + tag, "S2-" + tag, "S3-" + tag + "-lamp", "S4-" + tag);

        var lamp = admin().get("/api/products?q=lamp&sku=S1-" + tag).expect(200).json();
        assertThat(lamp.get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void searchPagesAndFiltersByExactSkuAndActive() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            create(product("P" + i + "-" + tag)).expect(201);
        }
        admin().patch("/api/products/P3-" + tag, Map.of("active", false)).expect(200);

        var second = admin().get("/api/products?q=" + tag + "&page=1&size=2")
                .expect(200)
                .json();
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("totalItems").asLong()).isEqualTo(5);
        assertThat(second.get("items")
                        .valueStream()
                        .map(p -> p.get("sku").asString())
                        .toList())
                .containsExactly("P2-" + tag, "P3-" + tag);

        var inactive = admin().get("/api/products?q=" + tag + "&active=false")
                .expect(200)
                .json();
        assertThat(inactive.get("items")
                        .valueStream()
                        .map(p -> p.get("sku").asString())
                        .toList())
                .containsExactly("P3-" + tag);

        var exact = admin().get("/api/products?sku=P1-" + tag).expect(200).json();
        assertThat(exact.get("totalItems").asLong()).isEqualTo(1);
        assertThat(admin().get("/api/products?sku=P1-" + tag.substring(0, 4))
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();

        var tooBig = admin().get("/api/products?size=501").expect(400);
        assertThat(fields(tooBig)).containsExactly("size");
    }

    @Test
    void categoryIsTrimmedFilteredInAnyCaseClearedByNullAndAtMost60Characters() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String category = "Fasteners " + tag;
        JsonNode created = create(with(product("C1-" + tag), "category", "  " + category + " "))
                .expect(201)
                .json();
        assertThat(created.get("category").asString()).isEqualTo(category);
        create(product("C2-" + tag)).expect(201);
        assertThat(catalog.find("C1-" + tag).orElseThrow().category()).isEqualTo(category);

        var filtered = admin().get("/api/products?category=fasteners%20" + tag.toUpperCase(java.util.Locale.ROOT))
                .expect(200)
                .json();
        assertThat(filtered.get("items").valueStream().map(p -> p.get("sku").asString()))
                .containsExactly("C1-" + tag);
        assertThat(catalog.categories()).contains(category);

        var tooLong =
                create(with(product("C3-" + tag), "category", "x".repeat(61))).expect(400);
        assertThat(fields(tooLong)).containsExactly("category");
        Map<String, Object> clear = new HashMap<>();
        clear.put("category", null);
        JsonNode cleared =
                admin().patch("/api/products/C1-" + tag, clear).expect(200).json();
        assertThat(cleared.get("category").isNull()).isTrue();
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        create(with(product("W1-" + tag), "name", "100% cotton " + tag)).expect(201);
        create(with(product("W2-" + tag), "name", "100 cotton " + tag)).expect(201);
        var found = admin().get("/api/products?q=" + "100%25%20cotton%20" + tag)
                .expect(200)
                .json();
        assertThat(found.get("items")
                        .valueStream()
                        .map(p -> p.get("sku").asString())
                        .toList())
                .containsExactly("W1-" + tag);
    }

    @Test
    void putReplacesEveryFieldAndBumpsTheVersion() {
        String sku = unique("PUT");
        create(with(product(sku), "gtin", uniqueGtin())).expect(201);
        Map<String, Object> replacement = new HashMap<>();
        replacement.put("name", "Renamed");
        replacement.put("unitPrice", Map.of("amount", "9.9900", "currency", "USD"));
        replacement.put("taxCategory", "REDUCED");
        var replaced = admin().header("If-Match", "\"0\"")
                .put("/api/products/" + sku, replacement)
                .expect(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
        JsonNode json = replaced.json();
        assertThat(json.get("name").asString()).isEqualTo("Renamed");
        assertThat(json.get("unitPrice").get("amount").asString()).isEqualTo("9.99");
        assertThat(json.get("taxRate").decimalValue()).isEqualByComparingTo("0.07");
        assertThat(json.get("description").isNull()).isTrue();
        assertThat(json.get("gtin").isNull()).isTrue();
        assertThat(json.get("weightGrams").isNull()).isTrue();
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void putMayNotChangeTheSku() {
        String sku = unique("PSKU");
        create(product(sku)).expect(201);
        var response =
                admin().put("/api/products/" + sku, product(sku + "-other")).expect(400);
        assertThat(fields(response)).containsExactly("sku");
        admin().put("/api/products/" + unique("MISSING"), product(sku)).expect(400);
        Map<String, Object> noSku = product(sku);
        noSku.remove("sku");
        admin().put("/api/products/" + unique("MISSING"), noSku).expect(404);
    }

    @Test
    void patchChangesOnlyPresentFieldsAndNullClears() {
        String sku = unique("PAT");
        create(with(product(sku), "gtin", uniqueGtin())).expect(201);
        Map<String, Object> patch = new HashMap<>();
        patch.put("unitPrice", Map.of("amount", "13", "currency", "EUR"));
        patch.put("gtin", null);
        var patched = admin().header("If-Match", "\"0\"")
                .patch("/api/products/" + sku, patch)
                .expect(200);
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");
        JsonNode json = patched.json();
        assertThat(json.get("unitPrice").get("amount").asString()).isEqualTo("13.00");
        assertThat(json.get("gtin").isNull()).isTrue();
        assertThat(json.get("name").asString()).isEqualTo("Widget " + sku);
        assertThat(json.get("description").asString()).isEqualTo("A sturdy widget");
        assertThat(json.get("weightGrams").asInt()).isEqualTo(250);
    }

    @Test
    void patchRefusesNullOnRequiredFieldsAndUnknownFieldsNamingEach() {
        String sku = unique("PNUL");
        create(product(sku)).expect(201);
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", null);
        patch.put("unitPrice", null);
        patch.put("colour", "red");
        var response = admin().patch("/api/products/" + sku, patch).expect(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("name", "unitPrice", "colour");
        var wrongType = admin().patch("/api/products/" + sku, Map.of("weightGrams", "heavy"))
                .expect(400);
        assertThat(fields(wrongType)).containsExactly("weightGrams");
        assertThat(admin().get("/api/products/" + sku).header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void putWithStaleIfMatchIs412AndChangesNothing() {
        String sku = unique("STP");
        create(product(sku)).expect(201);
        admin().patch("/api/products/" + sku, Map.of("name", "Second")).expect(200);
        var stale = admin().header("If-Match", "\"0\"")
                .put("/api/products/" + sku, with(product(sku), "name", "Third"))
                .expect(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        var current = admin().get("/api/products/" + sku).expect(200);
        assertThat(current.json().get("name").asString()).isEqualTo("Second");
        assertThat(current.header("ETag")).isEqualTo("\"1\"");
        assertThat(auditActions(sku)).containsExactly("CREATED", "UPDATED");
    }

    @Test
    void patchWithStaleIfMatchIs412AndChangesNothing() {
        String sku = unique("STA");
        create(product(sku)).expect(201);
        admin().header("If-Match", "\"0\"")
                .patch("/api/products/" + sku, Map.of("name", "Second"))
                .expect(200);
        admin().header("If-Match", "\"0\"")
                .patch("/api/products/" + sku, Map.of("name", "Third"))
                .expect(412);
        var current = admin().get("/api/products/" + sku).expect(200);
        assertThat(current.json().get("name").asString()).isEqualTo("Second");
        assertThat(current.header("ETag")).isEqualTo("\"1\"");
        admin().header("If-Match", "W/\"1\"")
                .patch("/api/products/" + sku, Map.of("name", "Third"))
                .expect(200);
    }

    @Test
    void gtinMustHaveACorrectCheckDigit() {
        String bad = unique("GTB");
        var response = create(with(product(bad), "gtin", "4006381333932")).expect(400);
        assertThat(fields(response)).containsExactly("gtin");
        assertThat(productCount(bad)).isZero();

        String good = unique("GTG");
        // the valid vector itself may be taken by an earlier run against the same database
        jdbc.update("UPDATE product SET gtin = NULL WHERE gtin = '4006381333931'");
        create(with(product(good), "gtin", "4006381333931")).expect(201);
        assertThat(admin().get("/api/products/" + good).json().get("gtin").asString())
                .isEqualTo("4006381333931");
    }

    @Test
    void duplicateGtinIs409NamingGtin() {
        String gtin = uniqueGtin();
        create(with(product(unique("DG1")), "gtin", gtin)).expect(201);
        String second = unique("DG2");
        var response = create(with(product(second), "gtin", gtin)).expect(409);
        assertThat(fields(response)).containsExactly("gtin");
        assertThat(productCount(second)).isZero();
    }

    @Test
    void duplicateSkuIs409() {
        String sku = unique("DUP");
        create(product(sku)).expect(201);
        var response = create(with(product(sku), "name", "Another")).expect(409);
        assertThat(response.json().get("errorCode").asString()).isEqualTo("duplicate-sku");
        assertThat(admin().get("/api/products/" + sku).json().get("name").asString())
                .isEqualTo("Widget " + sku);
        assertThat(auditActions(sku)).containsExactly("CREATED");
    }

    @Test
    void badCurrencyPriceAndTaxCategoryEachNameTheirFieldAndCreateNothing() {
        String sku = unique("BAD");
        assertThat(fields(create(with(product(sku), "unitPrice", Map.of("amount", "1.00", "currency", "EURO")))
                        .expect(400)))
                .containsExactly("unitPrice.currency");
        assertThat(fields(create(with(product(sku), "unitPrice", Map.of("amount", "-1", "currency", "EUR")))
                        .expect(400)))
                .containsExactly("unitPrice.amount");
        assertThat(fields(create(with(product(sku), "unitPrice", Map.of("amount", "1.00001", "currency", "EUR")))
                        .expect(400)))
                .containsExactly("unitPrice.amount");
        assertThat(fields(create(with(product(sku), "unitPrice", Map.of("amount", "1E999999999", "currency", "EUR")))
                        .expect(400)))
                .containsExactly("unitPrice.amount");
        assertThat(fields(create(with(product(sku), "taxCategory", "LUXURY")).expect(400)))
                .containsExactly("taxCategory");
        assertThat(productCount(sku)).isZero();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", "has space");
        body.put("name", "");
        body.put("description", "x".repeat(4001));
        body.put("unitPrice", Map.of("amount", "ten", "currency", "eur"));
        body.put("taxCategory", "NOPE");
        body.put("gtin", "123");
        body.put("weightGrams", -1);
        var response = create(body).expect(400);
        assertThat(fields(response))
                .containsExactlyInAnyOrder(
                        "sku",
                        "name",
                        "description",
                        "unitPrice.amount",
                        "unitPrice.currency",
                        "taxCategory",
                        "gtin",
                        "weightGrams");
        assertThat(create(Map.of()).expect(400).json().get("errors").size()).isEqualTo(4);
    }

    @Test
    void malformedJsonIsProblem400() {
        var response = admin().post("/api/products", "{\"sku\": \"X\", ").expect(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        admin().patch("/api/products/ANY", "[1, 2").expect(400);
    }

    @Test
    void unknownFieldIsRefusedByName() {
        String sku = unique("UNK");
        var response = create(with(product(sku), "colour", "red")).expect(400);
        assertThat(fields(response)).containsExactly("colour");
        var nested = create(with(product(sku), "unitPrice", Map.of("amount", "1", "currency", "EUR", "net", true)))
                .expect(400);
        assertThat(fields(nested)).containsExactly("unitPrice.net");
        assertThat(productCount(sku)).isZero();
    }

    @Test
    void everyChangeLeavesAnAuditEntry() {
        String sku = unique("AUD");
        create(product(sku)).expect(201);
        admin().patch("/api/products/" + sku, Map.of("unitPrice", Map.of("amount", "14.00", "currency", "EUR")))
                .expect(200);
        admin().put("/api/products/" + sku, with(product(sku), "active", false)).expect(200);
        // a PUT that changes nothing is no change: no version, no entry
        admin().put("/api/products/" + sku, with(product(sku), "active", false)).expect(200);
        assertThat(auditActions(sku)).containsExactly("CREATED", "UPDATED", "UPDATED");
        Map<String, Object> last = jdbc.queryForMap(
                "SELECT actor, before_state, after_state FROM audit_entry "
                        + "WHERE entity = 'PRODUCT' AND entity_id = ? AND chain_seq = 3",
                sku);
        assertThat(last.get("actor")).isEqualTo("admin");
        assertThat((String) last.get("before_state")).contains("\"active\":true");
        assertThat((String) last.get("after_state")).contains("\"active\":false");
        assertThat(admin().get("/api/products/" + sku).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void taxCategoriesAreListedWithRates() {
        var response = admin().get("/api/tax-categories").expect(200).json();
        assertThat(response.get("items")
                        .valueStream()
                        .map(c -> c.get("code").asString())
                        .toList())
                .contains("STANDARD", "REDUCED", "ZERO");
        JsonNode standard = response.get("items")
                .valueStream()
                .filter(c -> c.get("code").asString().equals("STANDARD"))
                .findFirst()
                .orElseThrow();
        assertThat(standard.get("name").asString()).isEqualTo("Standard rate");
        assertThat(standard.get("rate").decimalValue()).isEqualByComparingTo("0.20");
    }

    @Test
    void catalogFindsManySkusAtOnceWithTheirTaxRate() {
        String a = unique("CAT");
        String b = unique("CAT");
        create(product(a)).expect(201);
        create(with(with(product(b), "taxCategory", "ZERO"), "active", false)).expect(201);

        Map<String, ProductSnapshot> found = catalog.find(List.of(a, b, a, unique("MISSING")));
        assertThat(found).containsOnlyKeys(a, b);
        assertThat(found.get(a).unitPrice()).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(found.get(a).taxRate()).isEqualByComparingTo(new BigDecimal("0.20"));
        assertThat(found.get(b).active()).isFalse();
        assertThat(found.get(b).taxRate()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(catalog.find(List.of())).isEmpty();
        assertThat(catalog.find(a)).contains(found.get(a));
        assertThat(catalog.find(unique("MISSING"))).isEmpty();
    }
}
