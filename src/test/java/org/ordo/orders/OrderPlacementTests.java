package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

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
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@OrdoTest
class OrderPlacementTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    Fixtures fixtures;
    Api admin;
    String east;
    String west;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = Api.at(port).asAdmin();
        east = fixtures.warehouse();
        west = fixtures.warehouse();
    }

    @Test
    void placedOrderReservesStockAndIsConfirmedWithPerLineRoundedTotals() {
        String pen = fixtures.product("0.15"); // 3 × 0.15 = 0.45, tax 20 % = 0.09
        String book = fixtures.product("10.99", "REDUCED"); // 1 × 10.99, tax 7 % = 0.7693 → 0.77
        fixtures.receive(pen, east, 100);
        fixtures.receive(book, west, 5);
        UUID customer = fixtures.customer("10000.00");

        var response =
                admin.post("/api/orders", order(customer, pen, 3, book, 1)).expect(201);
        JsonNode o = response.json();

        assertThat(response.header("Location"))
                .isEqualTo("/api/orders/" + o.get("id").asString());
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        assertThat(o.get("number").asString()).matches("SO-\\d{4}-\\d{6}");
        assertThat(o.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(o.get("currency").asString()).isEqualTo("EUR");
        JsonNode first = o.get("lines").get(0);
        assertThat(first.get("reservedQuantity").asLong()).isEqualTo(3);
        assertThat(first.get("backorderedQuantity").asLong()).isZero();
        assertThat(first.get("status").asString()).isEqualTo("RESERVED");
        assertThat(first.get("lineNet").get("amount").asString()).isEqualTo("0.45");
        assertThat(first.get("tax").get("amount").asString()).isEqualTo("0.09");
        assertThat(o.get("lines").get(1).get("tax").get("amount").asString()).isEqualTo("0.77");
        assertThat(o.get("totals").get("subtotal").get("amount").asString()).isEqualTo("11.44");
        assertThat(o.get("totals").get("tax").get("amount").asString()).isEqualTo("0.86");
        assertThat(o.get("totals").get("total").get("amount").asString()).isEqualTo("12.30");
        assertThat(o.get("promisedDate").asString()).isNotBlank();

        assertThat(fixtures.level(pen, east).get("reserved").asLong()).isEqualTo(3);
        assertThat(fixtures.level(pen, east).get("available").asLong()).isEqualTo(97);
        assertThat(fixtures.level(book, west).get("reserved").asLong()).isEqualTo(1);
    }

    @Test
    void orderCanBeFetchedByIdAndByNumberWithReservationsPerWarehouse() {
        String sku = fixtures.product("2.00");
        fixtures.receive(sku, east, 4);
        fixtures.receive(sku, west, 3);
        UUID customer = fixtures.customer("10000.00");
        JsonNode placed =
                admin.post("/api/orders", order(customer, sku, 6)).expect(201).json();

        JsonNode byNumber = admin.get("/api/orders/" + placed.get("number").asString())
                .expect(200)
                .json();
        assertThat(byNumber.get("id").asString()).isEqualTo(placed.get("id").asString());
        JsonNode reservations = byNumber.get("lines").get(0).get("reservations");
        assertThat(reservations).hasSize(2);
        long total = 0;
        for (JsonNode r : reservations) {
            total += r.get("quantity").asLong();
        }
        assertThat(total).isEqualTo(6);
    }

    @Test
    void lineIsSplitAcrossWarehousesAndTheRestBackordered() {
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, east, 4);
        fixtures.receive(sku, west, 3);
        UUID customer = fixtures.customer("10000.00");

        JsonNode line = admin.post("/api/orders", order(customer, sku, 10))
                .expect(201)
                .json()
                .get("lines")
                .get(0);

        assertThat(line.get("reservedQuantity").asLong()).isEqualTo(7);
        assertThat(line.get("backorderedQuantity").asLong()).isEqualTo(3);
        assertThat(line.get("status").asString()).isEqualTo("BACKORDERED");
        assertThat(fixtures.level(sku, east).get("available").asLong()).isZero();
        assertThat(fixtures.level(sku, west).get("available").asLong()).isZero();
        long backordered = fixtures.level(sku, east).get("backordered").asLong()
                + fixtures.level(sku, west).get("backordered").asLong();
        assertThat(backordered).isEqualTo(3);
    }

    @Test
    void orderOverTheCreditLimitIsHeldNotRejected() {
        String sku = fixtures.product("60.00");
        fixtures.receive(sku, east, 10);
        UUID customer = fixtures.customer("100.00");
        admin.post("/api/orders", order(customer, sku, 1)).expect(201); // 71.40 incl. 19 % VAT: fits

        JsonNode second =
                admin.post("/api/orders", order(customer, sku, 1)).expect(201).json(); // 142.80 > 100.00

        assertThat(second.get("status").asString()).isEqualTo("ON_HOLD");
        // amounts at the currency's decimals, as a person writes them
        assertThat(second.get("holdReason").asString())
                .contains("credit limit")
                .contains("balance 0.00 + open orders 71.40 + this order 71.40 > limit 100.00 EUR");
        assertThat(second.get("lines").get(0).get("reservedQuantity").asLong()).isEqualTo(1);
        Api accounting = Api.at(port).basic(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        JsonNode released = accounting
                .post("/api/orders/" + second.get("id").asString() + "/release", Map.of("reason", "prepaid"))
                .expect(200)
                .json();
        assertThat(released.get("status").asString()).isEqualTo("CONFIRMED");
        List<String> transitions = admin.get("/api/orders/" + second.get("id").asString() + "/history")
                .expect(200)
                .json()
                .valueStream()
                .filter(h -> h.get("toStatus") != null && !h.get("toStatus").isNull())
                .map(h -> h.get("toStatus").asString())
                .toList();
        assertThat(transitions).containsExactly("PLACED", "ON_HOLD", "PLACED", "CONFIRMED");
    }

    @Test
    void aCreditHoldIsReleasedBySomeoneElseThanWhoPlacedTheOrder() {
        String sku = fixtures.product("60.00");
        fixtures.receive(sku, east, 10);
        UUID customer = fixtures.customer("10.00");
        String salesRep = users.staff("SALES");
        Api sales = Api.at(port).basic(salesRep, TestUsers.PASSWORD);
        String held = sales.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString();

        JsonNode refused = sales.post("/api/orders/" + held + "/release", Map.of("reason", "I know them"))
                .expect(403)
                .json();
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("order.release.own-credit-hold");
        assertThat(admin.get("/api/orders/" + held)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ON_HOLD");

        // a hold the rep set by hand is the rep's to release; a credit hold is another person's
        String manual = admin.post("/api/orders", order(fixtures.customer("100000.00"), sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString();
        admin.post("/api/orders/" + manual + "/hold", Map.of("reason", "waiting for the customer"))
                .expect(200);
        admin.post("/api/orders/" + manual + "/release", Map.of()).expect(200);

        Api accounting = Api.at(port).basic(users.staff("ACCOUNTING"), TestUsers.PASSWORD);
        accounting
                .post("/api/orders/" + held + "/release", Map.of("reason", "prepaid"))
                .expect(200);
        JsonNode release = admin.get("/api/orders/" + held + "/history")
                .expect(200)
                .json()
                .valueStream()
                .filter(h -> h.hasNonNull("fromStatus")
                        && h.get("fromStatus").asString().equals("ON_HOLD"))
                .findFirst()
                .orElseThrow();
        assertThat(release.get("actor").asString()).isNotEqualTo(salesRep);
    }

    @Test
    void consistencyCheckFindsAnOrderThatSlippedPastTheCreditLimit() {
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, east, 5);
        UUID customer = fixtures.customer("1000.00");
        String number = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("number")
                .asString();
        assertThat(creditCheck().get("holds").asBoolean()).isTrue();

        // as if the check had let it through although the exposure was over the limit
        jdbc.update("UPDATE sales_order SET credit_exposure = credit_limit + 1 WHERE number = ?", number);
        try {
            JsonNode check = creditCheck();
            assertThat(check.get("holds").asBoolean()).isFalse();
            assertThat(check.get("violations")
                            .valueStream()
                            .map(v -> v.get("order").asString())
                            .toList())
                    .contains(number);
        } finally {
            jdbc.update("UPDATE sales_order SET credit_exposure = credit_limit - 1 WHERE number = ?", number);
        }
    }

    private JsonNode creditCheck() {
        return fixtures.consistency()
                .get("checks")
                .valueStream()
                .filter(c -> c.get("invariant").asInt() == 11)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void badInputNamesEveryFailingFieldAndCreatesNothing() {
        String sku = fixtures.product("1.00");
        UUID customer = fixtures.customer("1000.00");
        long ordersBefore = countOrders();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("channel", "CARRIER_PIGEON");
        body.put("lines", List.of(Map.of("sku", sku, "quantity", 0), Map.of("sku", "", "quantity", -2)));

        JsonNode problem = admin.post("/api/orders", body).expect(400).json();

        assertThat(fields(problem)).contains("channel", "lines[0].quantity", "lines[1].sku", "lines[1].quantity");
        assertThat(countOrders()).isEqualTo(ordersBefore);
    }

    @Test
    void unknownAndInactiveSkusAreUnprocessableNamingTheLine() {
        String sku = fixtures.product("1.00");
        UUID customer = fixtures.customer("1000.00");
        admin.patch("/api/products/" + sku, Map.of("active", false)).expect(200);

        JsonNode problem = admin.post("/api/orders", order(customer, "NO-SUCH-SKU", 1, sku, 1))
                .expect(422)
                .json();

        assertThat(fields(problem)).containsExactly("lines[0].sku", "lines[1].sku");
        assertThat(problem.get("errors").get(1).get("message").asString()).contains("not active");
    }

    @Test
    void currencyThatDoesNotMatchTheCustomerIsRefused() {
        String sku = fixtures.product("1.00");
        UUID customer = fixtures.customer("1000.00");
        Map<String, Object> body = new LinkedHashMap<>(order(customer, sku, 1));
        body.put("currency", "USD");
        assertThat(fields(admin.post("/api/orders", body).expect(422).json())).containsExactly("currency");
    }

    @Test
    void unknownCustomerIsUnprocessable() {
        String sku = fixtures.product("1.00");
        assertThat(fields(admin.post("/api/orders", order(UUID.randomUUID(), sku, 1))
                        .expect(422)
                        .json()))
                .containsExactly("customerId");
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequestsWithoutStackTraces() {
        var malformed = admin.post("/api/orders", "{\"customerId\": ").expect(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.text()).doesNotContain("at org.", "Exception");

        JsonNode wrongType = admin.post(
                        "/api/orders",
                        "{\"customerId\": \"" + UUID.randomUUID()
                                + "\", \"lines\": [{\"sku\": \"A\", \"quantity\": \"lots\"}]}")
                .expect(400)
                .json();
        assertThat(fields(wrongType)).containsExactly("lines[0].quantity");

        JsonNode badUuid = admin.post("/api/orders", "{\"customerId\": \"not-a-uuid\", \"lines\": []}")
                .expect(400)
                .json();
        assertThat(fields(badUuid)).containsExactly("customerId");

        JsonNode unknownField = admin.post(
                        "/api/orders", "{\"customerId\": \"" + UUID.randomUUID() + "\", \"lines\": [], \"colour\": 1}")
                .expect(400)
                .json();
        assertThat(fields(unknownField)).containsExactly("colour");
    }

    @Test
    void absurdSizesAreRefusedWithTheirField() {
        UUID customer = fixtures.customer("1000.00");
        String sku = fixtures.product("1.00");
        Object[] tenThousandLines = new Object[20_000];
        for (int i = 0; i < tenThousandLines.length; i += 2) {
            tenThousandLines[i] = sku;
            tenThousandLines[i + 1] = 1;
        }
        assertThat(fields(admin.post("/api/orders", order(customer, tenThousandLines))
                        .expect(400)
                        .json()))
                .containsExactly("lines");

        Map<String, Object> hugeNotes = new LinkedHashMap<>(order(customer, sku, 1));
        hugeNotes.put("notes", "x".repeat(1_000_000));
        assertThat(fields(admin.post("/api/orders", hugeNotes).expect(400).json()))
                .containsExactly("notes");

        Map<String, Object> tooMuch = new LinkedHashMap<>(order(customer, sku, 1));
        tooMuch.put("notes", "x".repeat(5_000_000));
        admin.post("/api/orders", tooMuch).expect(413);
    }

    @Test
    void priceOverrideNeedsSalesOrAdmin() {
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, east, 5);
        UUID customer = fixtures.customer("1000.00");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("lines", List.of(Map.of("sku", sku, "quantity", 1, "unitPrice", Fixtures.money("7.50", "EUR"))));

        Api customerUser = users.customerUser(port, customer);
        JsonNode refused = customerUser.post("/api/orders", body).expect(403).json();
        assertThat(fields(refused)).containsExactly("lines[0].unitPrice");

        JsonNode line = Api.at(port)
                .basic(users.staff("SALES"), TestUsers.PASSWORD)
                .post("/api/orders", body)
                .expect(201)
                .json()
                .get("lines")
                .get(0);
        assertThat(line.get("unitPrice").get("amount").asString()).isEqualTo("7.50");
        assertThat(line.get("priceOverridden").asBoolean()).isTrue();
    }

    @Test
    void customerSeesOnlyOwnOrders() {
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, east, 5);
        UUID mine = fixtures.customer("1000.00");
        UUID theirs = fixtures.customer("1000.00");
        JsonNode theirOrder =
                admin.post("/api/orders", order(theirs, sku, 1)).expect(201).json();
        Api me = users.customerUser(port, mine);

        JsonNode myOrder =
                me.post("/api/orders", order(mine, sku, 1)).expect(201).json();
        me.get("/api/orders/" + theirOrder.get("id").asString()).expect(404);
        me.get("/api/orders/" + myOrder.get("id").asString()).expect(200);
        me.post("/api/orders", order(theirs, sku, 1)).expect(403);
        JsonNode list = me.get("/api/orders?customerId=" + theirs).expect(200).json();
        assertThat(list.get("items")
                        .valueStream()
                        .map(i -> i.get("customerId").asString())
                        .distinct()
                        .toList())
                .containsExactly(mine.toString());
    }

    @Test
    void linesAreTaxedAsTheDestinationTaxesThemAndRetaxedWhenItChanges() {
        String sku = fixtures.product("100.00");
        fixtures.receive(sku, east, 5);
        UUID customer = fixtures.customer("100000.00");
        Map<String, Object> toFrance = new LinkedHashMap<>(order(customer, sku, 1));
        Map<String, Object> paris = new LinkedHashMap<>(Fixtures.address("Client"));
        paris.put("city", "Paris");
        paris.put("postalCode", "75001");
        paris.put("country", "FR");
        toFrance.put("shippingAddress", paris);

        JsonNode french = admin.post("/api/orders", toFrance).expect(201).json();
        assertThat(french.get("lines").get(0).get("taxRate").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(french.get("totals").get("tax").get("amount").asString()).isEqualTo("20.00");

        Map<String, Object> amsterdam = new LinkedHashMap<>(paris);
        amsterdam.put("city", "Amsterdam");
        amsterdam.put("postalCode", "1012 AB");
        amsterdam.put("country", "NL");
        JsonNode dutch = admin.patch("/api/orders/" + french.get("id").asString(), Map.of("shippingAddress", amsterdam))
                .expect(200)
                .json();
        assertThat(dutch.get("lines").get(0).get("taxRate").decimalValue()).isEqualByComparingTo("0.21");
        assertThat(dutch.get("totals").get("total").get("amount").asString()).isEqualTo("121.00");
    }

    private long countOrders() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sales_order", Long.class);
    }

    static List<String> fields(JsonNode problem) {
        return Fixtures.fields(problem);
    }
}
