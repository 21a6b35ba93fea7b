package org.ordo.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** {@code PUT /api/customers|products/external/{system}/{externalId}}: created once, updated after, never twice. */
@OrdoTest
class ExternalIdUpsertTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
    }

    private static Map<String, Object> customer(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", "ext@example.com");
        body.put("currency", "EUR");
        body.put("creditLimit", money("1000.00", "EUR"));
        body.put("paymentTermsDays", 30);
        body.put("billingAddress", Fixtures.address(name));
        return body;
    }

    private static Map<String, Object> product(String sku, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", name);
        body.put("unitPrice", money("12.50", "EUR"));
        body.put("taxCategory", "STANDARD");
        body.put("weightGrams", 250);
        return body;
    }

    @Test
    void theFirstPutCreatesTheCustomerAndLaterOnesUpdateIt() {
        String path = "/api/customers/external/erp/" + Fixtures.unique("K");
        Api.Response created = admin.put(path, customer("Erste GmbH")).expect(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/customers/" + id);

        JsonNode updated =
                admin.put(path, customer("Erste GmbH & Co. KG")).expect(200).json();
        assertThat(updated.get("id").asString()).isEqualTo(id);
        assertThat(admin.get("/api/customers/" + id)
                        .expect(200)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Erste GmbH & Co. KG");
        // the same id in another system is another customer
        String other = admin.put(path.replace("/erp/", "/shop/"), customer("Erste GmbH"))
                .expect(201)
                .json()
                .get("id")
                .asString();
        assertThat(other).isNotEqualTo(id);
    }

    @Test
    void twoFirstPutsAtOnceCreateOneCustomer() throws Exception {
        String externalId = Fixtures.unique("K");
        String path = "/api/customers/external/erp/" + externalId;
        List<Integer> statuses =
                race(() -> admin.put(path, customer("Race " + externalId)).status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM customer WHERE name = ?", Long.class, "Race " + externalId))
                .isEqualTo(1L);
    }

    @Test
    void twoFirstPutsAtOnceCreateOneProduct() throws Exception {
        String sku = Fixtures.unique("SKU");
        String path = "/api/products/external/pim/" + sku;
        List<Integer> statuses =
                race(() -> admin.put(path, product(sku, "Racing product")).status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
    }

    @Test
    void theFirstPutCreatesTheProductAndLaterOnesUpdateIt() {
        String sku = Fixtures.unique("SKU");
        String path = "/api/products/external/pim/P-" + sku;
        Api.Response created = admin.put(path, product(sku, "Widget")).expect(201);
        assertThat(created.header("Location")).isEqualTo("/api/products/" + sku);
        admin.put(path, product(sku, "Widget, blue")).expect(200);
        assertThat(admin.get("/api/products/" + sku)
                        .expect(200)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Widget, blue");
    }

    @Test
    void aBadBodyOrSystemIsAProblemNamingTheField() {
        Map<String, Object> nameless = customer("x");
        nameless.remove("name");
        JsonNode problem = admin.put("/api/customers/external/erp/K-1", nameless)
                .expect(400)
                .json();
        assertThat(Fixtures.fields(problem)).contains("name");

        JsonNode badSystem = admin.put("/api/customers/external/ERP!/K-1", customer("x"))
                .expect(400)
                .json();
        assertThat(Fixtures.fields(badSystem)).containsExactly("system");
        JsonNode badProduct = admin.put("/api/products/external/Bad_System/P-1", product("S-1", "x"))
                .expect(400)
                .json();
        assertThat(Fixtures.fields(badProduct)).containsExactly("system");
    }

    @Test
    void onlyThoseWhoCreateCustomersMayPutThem() {
        Api warehouse = Api.at(port).basic(users.staff("WAREHOUSE"), TestUsers.PASSWORD);
        warehouse
                .put("/api/customers/external/erp/" + Fixtures.unique("K"), customer("x"))
                .expect(403);
    }

    private static List<Integer> race(Callable<Integer> put) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return put.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> r : results) {
                statuses.add(r.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
