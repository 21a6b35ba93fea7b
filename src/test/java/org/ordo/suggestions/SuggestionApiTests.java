package org.ordo.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

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

/** Suggestions from the order history through the API: what is suggested, what never is, and to whom. */
@OrdoTest
class SuggestionApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Api admin;
    Fixtures fixtures;

    @BeforeEach
    void apis() {
        admin = Api.at(port).asAdmin();
        fixtures = new Fixtures(port);
    }

    private void place(UUID customer, Object... skuAndQuantity) {
        admin.post("/api/orders", order(customer, skuAndQuantity)).expect(201);
    }

    private void refresh() {
        assertThat(admin.post("/api/admin/jobs/suggestions", Map.of())
                        .expect(200)
                        .json()
                        .get("ran")
                        .asBoolean())
                .isTrue();
    }

    private JsonNode suggestions(Api api, UUID customer, String query) {
        return api.get("/api/customers/" + customer + "/suggestions" + query)
                .expect(200)
                .json()
                .get("items");
    }

    private static List<String> skus(JsonNode items) {
        return items.valueStream().map(i -> i.get("sku").asString()).toList();
    }

    @Test
    void productsOftenBoughtTogetherAreSuggestedForTheCart() {
        String printer = fixtures.product("200.00");
        String toner = fixtures.product("40.00");
        UUID buyer = fixtures.customer("100000.00");
        UUID other = fixtures.customer("100000.00");
        place(buyer, printer, 1, toner, 2);
        place(other, printer, 1, toner, 1);
        UUID asking = fixtures.customer("100000.00");
        refresh();

        JsonNode items = suggestions(admin, asking, "?sku=" + printer);

        assertThat(skus(items)).containsExactly(toner);
        JsonNode toners = items.get(0);
        assertThat(toners.get("name").asString()).isEqualTo("Product " + toner);
        assertThat(toners.get("reason").asString()).isEqualTo("BOUGHT_TOGETHER");
        assertThat(toners.get("score").asDouble()).isEqualTo(1.0);
    }

    @Test
    void suggestionsNeverIncludeInactiveProductsOrWhatIsAlreadyInTheCart() {
        String printer = fixtures.product("200.00");
        String toner = fixtures.product("40.00");
        String paper = fixtures.product("5.00");
        String retired = fixtures.product("9.00");
        UUID customer = fixtures.customer("100000.00");
        place(customer, printer, 1, toner, 1, paper, 1, retired, 1);
        place(customer, printer, 1, toner, 1, paper, 1, retired, 1);
        admin.patch("/api/products/" + retired, Map.of("active", false)).expect(200);
        refresh();

        List<String> suggested = skus(suggestions(admin, customer, "?sku=" + printer + "&sku=" + toner));

        assertThat(suggested).containsExactly(paper);
    }

    @Test
    void anotherCustomersHistoryNeverLeaksIntoUsuallyOrdered() {
        String favourite = fixtures.product("12.00");
        UUID regular = fixtures.customer("100000.00");
        UUID stranger = fixtures.customer("100000.00");
        place(regular, favourite, 3);
        place(regular, favourite, 1);
        refresh();

        JsonNode own = suggestions(users.customerUser(port, regular), regular, "");
        assertThat(skus(own)).containsExactly(favourite);
        assertThat(own.get(0).get("reason").asString()).isEqualTo("USUALLY_ORDERED");
        assertThat(skus(suggestions(users.customerUser(port, stranger), stranger, "")))
                .doesNotContain(favourite);
        users.customerUser(port, stranger)
                .get("/api/customers/" + regular + "/suggestions")
                .expect(404);
    }

    @Test
    void aRefreshPicksUpNewOrders() {
        String camera = fixtures.product("300.00");
        String lens = fixtures.product("150.00");
        UUID buyer = fixtures.customer("100000.00");
        UUID asking = fixtures.customer("100000.00");
        refresh();
        place(buyer, camera, 1, lens, 1);
        place(buyer, camera, 1, lens, 1);
        assertThat(skus(suggestions(admin, asking, "?sku=" + camera)))
                .as("before the refresh")
                .isEmpty();

        refresh();

        assertThat(skus(suggestions(admin, asking, "?sku=" + camera))).containsExactly(lens);
    }

    @Test
    void aLimitOutsideOneToTwentyIsRefusedByName() {
        UUID customer = fixtures.customer("100000.00");
        for (String limit : List.of("0", "21")) {
            JsonNode problem = admin.get("/api/customers/" + customer + "/suggestions?limit=" + limit)
                    .expect(400)
                    .json();
            assertThat(Fixtures.fields(problem)).containsExactly("limit");
        }
        admin.get("/api/customers/" + UUID.randomUUID() + "/suggestions").expect(404);
    }
}
