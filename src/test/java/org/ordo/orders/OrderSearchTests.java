package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Finding orders by text: the number, the external reference, or part of the customer's name or e-mail. */
@OrdoTest
class OrderSearchTests {

    @LocalServerPort
    int port;

    @Test
    void theTextFindsOrdersByNumberByReferenceAndByPartOfTheCustomersName() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("2.00");
        fixtures.receive(sku, warehouse, 50);
        UUID customer = fixtures.customer("100000.00");
        String name = admin.get("/api/customers/" + customer)
                .expect(200)
                .json()
                .get("name")
                .asString();
        String reference = Fixtures.unique("PO");
        java.util.Map<String, Object> withReference = new java.util.LinkedHashMap<>(order(customer, sku, 1));
        withReference.put("externalReference", reference);
        JsonNode first = admin.post("/api/orders", withReference).expect(201).json();
        JsonNode second =
                admin.post("/api/orders", order(customer, sku, 2)).expect(201).json();
        UUID stranger = fixtures.customer("100000.00");
        admin.post("/api/orders", order(stranger, sku, 1)).expect(201);

        String part = name.substring(name.indexOf('-') + 2).toLowerCase();
        assertThat(numbers(admin, part))
                .containsExactlyInAnyOrder(
                        first.get("number").asString(), second.get("number").asString());
        assertThat(numbers(admin, first.get("number").asString()))
                .containsExactly(first.get("number").asString());
        assertThat(numbers(admin, reference))
                .containsExactly(first.get("number").asString());
    }

    @Test
    void wildcardsTypedIntoTheTextAreLettersNotPatterns() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.get("/api/orders?q=%25")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(admin.get("/api/orders?q=_")
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void aCountBeyondTheLimitIsALowerBoundThatNeverDeniesAPageItShows() {
        List<String> full = java.util.Collections.nCopies(25, "order");
        PageResult<String> exact = PageResult.boundedCount(full, Paging.of(0, 25), 9_999);
        assertThat(exact.totalItems()).isEqualTo(9_999);
        assertThat(exact.totalItemsExact()).isTrue();

        PageResult<String> many = PageResult.boundedCount(full, Paging.of(0, 25), PageResult.COUNT_LIMIT + 1);
        assertThat(many.totalItems()).isEqualTo(PageResult.COUNT_LIMIT);
        assertThat(many.totalItemsExact()).isFalse();

        PageResult<String> far = PageResult.boundedCount(full, Paging.of(500, 25), PageResult.COUNT_LIMIT + 1);
        assertThat(far.totalItems()).isEqualTo(500L * 25 + 25 + 1);
        assertThat(far.totalItemsExact()).isFalse();
    }

    private static List<String> numbers(Api admin, String text) {
        JsonNode page = admin.get("/api/orders?size=50&q="
                        + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8))
                .expect(200)
                .json();
        List<String> numbers = new java.util.ArrayList<>();
        for (JsonNode order : page.get("items")) {
            numbers.add(order.get("number").asString());
        }
        return numbers;
    }
}
