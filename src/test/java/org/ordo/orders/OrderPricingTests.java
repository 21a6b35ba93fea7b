package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.money;
import static org.ordo.testing.Fixtures.order;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

/** Orders are priced by the customer's price list, its quantity breaks, promotions and manual discounts, and keep it. */
@OrdoTest
class OrderPricingTests {

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

    private String priceList(String name, UUID customer, LocalDate from, LocalDate to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("currency", "EUR");
        body.put("validFrom", from.toString());
        if (to != null) {
            body.put("validTo", to.toString());
        }
        body.put("customerIds", List.of(customer.toString()));
        return admin.post("/api/price-lists", body).expect(201).json().get("id").asString();
    }

    private void price(String list, String sku, String price, long breakFrom, String breakPrice) {
        admin.put(
                        "/api/price-lists/" + list + "/prices/" + sku,
                        Map.of(
                                "unitPrice",
                                money(price, "EUR"),
                                "breaks",
                                List.of(Map.of("minQuantity", breakFrom, "unitPrice", money(breakPrice, "EUR")))))
                .expect(200);
    }

    private void percentOff(String name, String sku, String percent) {
        admin.post(
                        "/api/promotions",
                        Map.of(
                                "name",
                                name,
                                "kind",
                                "PERCENT",
                                "percent",
                                percent,
                                "skus",
                                List.of(sku),
                                "validFrom",
                                LocalDate.now().minusDays(1).toString()))
                .expect(201);
    }

    private static String amount(JsonNode money) {
        return money.get("amount").asString();
    }

    @Test
    void anOrderTakesThePriceListsBreakAndAPromotionAndNamesTheRuleOfEachDiscount() {
        String contract = fixtures.product("20.00");
        String promoted = fixtures.product("10.00");
        fixtures.receive(contract, warehouse, 50);
        fixtures.receive(promoted, warehouse, 50);
        UUID customer = fixtures.customer("100000.00");
        String list =
                priceList("Contract " + customer, customer, LocalDate.now().minusDays(1), null);
        price(list, contract, "18.00", 10, "16.00");
        percentOff("Spring sale", promoted, "25");

        JsonNode o = admin.post("/api/orders", order(customer, contract, 12, promoted, 2))
                .expect(201)
                .json();

        JsonNode brk = o.get("lines").get(0);
        assertThat(amount(brk.get("listPrice"))).isEqualTo("20.00");
        assertThat(amount(brk.get("unitPrice"))).isEqualTo("16.00");
        assertThat(brk.get("priceRule").asString()).isEqualTo("Contract " + customer + ", from 10");
        assertThat(amount(brk.get("lineNet"))).isEqualTo("192.00");
        JsonNode promo = o.get("lines").get(1);
        assertThat(amount(promo.get("unitPrice"))).isEqualTo("7.50");
        assertThat(promo.get("discounts").get(0).get("kind").asString()).isEqualTo("PROMOTION");
        assertThat(promo.get("discounts").get(0).get("rule").asString()).isEqualTo("Spring sale");
        assertThat(amount(promo.get("discounts").get(0).get("perUnit"))).isEqualTo("2.50");
        assertThat(amount(o.get("totals").get("subtotal"))).isEqualTo("207.00");
    }

    @Test
    void changingAPriceListLaterNeverChangesAnOrderAlreadyPlaced() {
        String sku = fixtures.product("20.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("100000.00");
        String list = priceList("Fixed " + customer, customer, LocalDate.now().minusDays(1), null);
        price(list, sku, "18.00", 5, "17.00");
        String id = admin.post("/api/orders", order(customer, sku, 2))
                .expect(201)
                .json()
                .get("id")
                .asString();

        price(list, sku, "11.00", 5, "10.00");

        JsonNode placed = admin.get("/api/orders/" + id).expect(200).json();
        assertThat(amount(placed.get("lines").get(0).get("unitPrice"))).isEqualTo("18.00");
        assertThat(amount(placed.get("totals").get("subtotal"))).isEqualTo("36.00");
        JsonNode next =
                admin.post("/api/orders", order(customer, sku, 2)).expect(201).json();
        assertThat(amount(next.get("lines").get(0).get("unitPrice"))).isEqualTo("11.00");
    }

    @Test
    void aPriceListOverlappingAnotherOfTheSameCustomerAndCurrencyIsRefusedNamingTheCustomer() {
        UUID customer = fixtures.customer("1000.00");
        priceList("First " + customer, customer, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 6, 30));
        Map<String, Object> body = Map.of(
                "name", "Second",
                "currency", "EUR",
                "validFrom", "2030-06-01",
                "customerIds", List.of(customer.toString()));

        JsonNode refused = admin.post("/api/price-lists", body).expect(422).json();

        assertThat(refused.toString()).contains("customerIds[0]").contains("pricing.price-list.overlap");
        priceList("After " + customer, customer, LocalDate.of(2030, 7, 1), null);
    }

    private String groupPriceList(String name, String group, LocalDate from) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("currency", "EUR");
        body.put("validFrom", from.toString());
        body.put("customerGroups", List.of(group));
        return admin.post("/api/price-lists", body).expect(201).json().get("id").asString();
    }

    @Test
    void aGroupsPriceListPricesItsCustomersUnlessTheirOwnListPricesTheSku() {
        String sku = fixtures.product("20.00");
        fixtures.receive(sku, warehouse, 50);
        String group = "Wholesale " + UUID.randomUUID();
        UUID member = fixtures.customer("100000.00");
        UUID withOwnList = fixtures.customer("100000.00");
        admin.patch("/api/customers/" + member, Map.of("group", group)).expect(200);
        admin.patch("/api/customers/" + withOwnList, Map.of("group", group)).expect(200);
        String groupList =
                groupPriceList("Group " + group, group, LocalDate.now().minusDays(1));
        price(groupList, sku, "17.00", 10, "15.00");
        String own =
                priceList("Own " + withOwnList, withOwnList, LocalDate.now().minusDays(1), null);
        price(own, sku, "18.00", 10, "17.50");

        JsonNode memberLine = admin.post("/api/orders", order(member, sku, 10))
                .expect(201)
                .json()
                .get("lines")
                .get(0);
        assertThat(amount(memberLine.get("unitPrice"))).isEqualTo("15.00");
        assertThat(memberLine.get("priceRule").asString()).isEqualTo("Group " + group + ", from 10");
        JsonNode ownLine = admin.post("/api/orders", order(withOwnList, sku, 2))
                .expect(201)
                .json()
                .get("lines")
                .get(0);
        assertThat(amount(ownLine.get("unitPrice"))).isEqualTo("18.00");

        Map<String, Object> overlapping = Map.of(
                "name",
                "Second " + group,
                "currency",
                "EUR",
                "validFrom",
                LocalDate.now().toString(),
                "customerGroups",
                List.of(group));
        JsonNode refused =
                admin.post("/api/price-lists", overlapping).expect(422).json();
        assertThat(refused.toString()).contains("customerGroups[0]").contains("pricing.price-list.overlap");
    }

    @Test
    void aPromotionOnACategoryLowersEveryProductOfThatCategory() {
        String category = "Fasteners " + UUID.randomUUID().toString().substring(0, 8);
        String inCategory = fixtures.product("10.00");
        String other = fixtures.product("10.00");
        fixtures.receive(inCategory, warehouse, 10);
        fixtures.receive(other, warehouse, 10);
        admin.patch("/api/products/" + inCategory, Map.of("category", category)).expect(200);
        JsonNode promotion = admin.post(
                        "/api/promotions",
                        Map.of(
                                "name",
                                "Fastener week",
                                "kind",
                                "PERCENT",
                                "percent",
                                "20",
                                "categories",
                                List.of(category),
                                "validFrom",
                                LocalDate.now().minusDays(1).toString()))
                .expect(201)
                .json();
        assertThat(promotion.get("categories").get(0).asString()).isEqualTo(category);

        JsonNode lines = admin.post("/api/orders", order(fixtures.customer("1000.00"), inCategory, 1, other, 1))
                .expect(201)
                .json()
                .get("lines");
        assertThat(amount(lines.get(0).get("unitPrice"))).isEqualTo("8.00");
        assertThat(lines.get(0).get("discounts").get(0).get("rule").asString()).isEqualTo("Fastener week");
        assertThat(amount(lines.get(1).get("unitPrice"))).isEqualTo("10.00");
    }

    @Test
    void aPriceForAnUnknownSkuOrANegativePriceIsRefused() {
        UUID customer = fixtures.customer("1000.00");
        String list = priceList("Checks " + customer, customer, LocalDate.of(2031, 1, 1), null);
        admin.put("/api/price-lists/" + list + "/prices/NO-SUCH-SKU", Map.of("unitPrice", money("1.00", "EUR")))
                .expect(422);
        String sku = fixtures.product("5.00");
        JsonNode negative = admin.put(
                        "/api/price-lists/" + list + "/prices/" + sku, Map.of("unitPrice", money("-1.00", "EUR")))
                .expect(400)
                .json();
        assertThat(negative.toString()).contains("unitPrice.amount");
    }

    @Test
    void aDiscountBeyondTheSalesLimitHoldsTheOrderForAManagerWhoAloneReleasesIt() {
        String sku = fixtures.product("100.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("100000.00");
        Api sales = Api.at(port).basic(users.staff("SALES"), TestUsers.PASSWORD);
        Map<String, Object> within = Map.of(
                "customerId", customer.toString(),
                "lines", List.of(Map.of("sku", sku, "quantity", 1, "discount", Map.of("percent", "10"))));
        Map<String, Object> beyond = Map.of(
                "customerId", customer.toString(),
                "lines", List.of(Map.of("sku", sku, "quantity", 2, "discount", Map.of("percent", "15"))));

        JsonNode fine = sales.post("/api/orders", within).expect(201).json();
        JsonNode held = sales.post("/api/orders", beyond).expect(201).json();

        assertThat(fine.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(amount(fine.get("lines").get(0).get("unitPrice"))).isEqualTo("90.00");
        assertThat(held.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(held.get("holdReason").asString())
                .contains("discount beyond limit")
                .contains("15 %");
        assertThat(held.get("lines").get(0).get("reservedQuantity").asLong()).isEqualTo(2);
        String id = held.get("id").asString();
        sales.post("/api/orders/" + id + "/release", Map.of("reason", "ok")).expect(403);
        JsonNode released = admin.post("/api/orders/" + id + "/release", Map.of("reason", "approved"))
                .expect(200)
                .json();
        assertThat(released.get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void aQuoteShowsEachLinesDiscountAndItsRuleWithoutPlacingAnything() {
        String sku = fixtures.product("40.00");
        fixtures.receive(sku, warehouse, 5);
        UUID customer = fixtures.customer("100000.00");
        percentOff("Quote sale", sku, "10");
        Map<String, Object> body = Map.of(
                "customerId", customer.toString(),
                "lines", List.of(Map.of("sku", sku, "quantity", 2, "discount", Map.of("percent", "50"))));

        JsonNode quote = admin.post("/api/orders/quote", body).expect(200).json();

        JsonNode line = quote.get("lines").get(0);
        assertThat(amount(line.get("listPrice"))).isEqualTo("40.00");
        assertThat(amount(line.get("unitPrice"))).isEqualTo("18.00");
        assertThat(line.get("discounts").get(0).get("rule").asString()).isEqualTo("Quote sale");
        assertThat(line.get("discounts").get(1).get("kind").asString()).isEqualTo("MANUAL");
        assertThat(quote.get("discountHold").isNull()).isTrue();
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isZero();
    }
}
