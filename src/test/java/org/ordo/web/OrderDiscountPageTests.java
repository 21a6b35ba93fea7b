package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The order page shows under each line's price what was taken off it and by which rule. */
@OrdoTest
class OrderDiscountPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void theOrderPageNamesThePromotionAndTheManualDiscountOfALine() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("50.00");
        fixtures.receive(sku, warehouse, 5);
        UUID customer = fixtures.customer("100000.00");
        admin.post(
                        "/api/promotions",
                        Map.of(
                                "name", "Autumn offer",
                                "kind", "AMOUNT",
                                "amount", Fixtures.money("5.00", "EUR"),
                                "skus", List.of(sku),
                                "validFrom", LocalDate.now().minusDays(1).toString()))
                .expect(201);
        String id = admin.post(
                        "/api/orders",
                        Map.of(
                                "customerId",
                                customer.toString(),
                                "lines",
                                List.of(Map.of("sku", sku, "quantity", 1, "discount", Map.of("percent", "10")))))
                .expect(201)
                .json()
                .get("id")
                .asString();
        PageClient page = new PageClient(port);
        page.logIn(users.staff("SALES"), TestUsers.PASSWORD);

        String html = page.get("/orders/" + id).body();

        assertThat(html).contains("Autumn offer −€5.00").contains("Manual discount −€4.50");
    }
}
