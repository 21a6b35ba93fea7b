package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.orders.OrderPlacementTests.fields;
import static org.ordo.testing.Fixtures.order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Invariant 13: one Idempotency-Key, one effect, the same response. */
@OrdoTest
class IdempotentPlacementTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneKeyReplayedTwentyTimesConcurrentlyPlacesOneOrder() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 100);
        UUID customer = fixtures.customer("100000.00");
        String key = Fixtures.unique("key");
        Map<String, Object> body = new LinkedHashMap<>(order(customer, sku, 2));
        body.put("externalReference", key);
        Api client = Api.at(port).asAdmin().header("Idempotency-Key", key);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return client.post("/api/orders", body);
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (Future<Api.Response> result : results) {
            Api.Response response = result.get(60, TimeUnit.SECONDS).expect(201);
            ids.add(response.json().get("id").asString());
            bodies.add(response.json().toString());
        }
        pool.shutdown();

        assertThat(ids).hasSize(1);
        assertThat(bodies).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM sales_order WHERE external_reference = ?", Long.class, key))
                .isEqualTo(1);
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(2);
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessable() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("100000.00");
        Api client = Api.at(port).asAdmin().header("Idempotency-Key", Fixtures.unique("key"));
        client.post("/api/orders", order(customer, sku, 1)).expect(201);

        var problem =
                client.post("/api/orders", order(customer, sku, 2)).expect(422).json();

        assertThat(fields(problem)).containsExactly("Idempotency-Key");
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(1);
    }

    @Test
    void aRetryAnswersTheFirstResponseEvenWhenItsOrderCouldNoLongerBePlaced() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("100000.00");
        Api client = Api.at(port).asAdmin().header("Idempotency-Key", Fixtures.unique("key"));
        Api.Response first = client.post("/api/orders", order(customer, sku, 1)).expect(201);
        Api.at(port)
                .asAdmin()
                .patch("/api/products/" + sku, Map.of("active", false))
                .expect(200);

        Api.Response retry = client.post("/api/orders", order(customer, sku, 1)).expect(201);

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().toString()).isEqualTo(first.json().toString());
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(1);
    }

    @Test
    void theFirstAnswerIsWrittenAsItsReplaysAre() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("100000.00");
        Api client = Api.at(port).asAdmin().header("Idempotency-Key", Fixtures.unique("key"));
        Api.Response withoutKey = Api.at(port)
                .asAdmin()
                .post("/api/orders", order(customer, sku, 1))
                .expect(201);

        Api.Response first = client.post("/api/orders", order(customer, sku, 1)).expect(201);
        Api.Response replay =
                client.post("/api/orders", order(customer, sku, 1)).expect(201);

        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.text()).isEqualTo(first.text());
        assertThat(first.header("Content-Type")).isEqualTo(withoutKey.header("Content-Type"));
        assertThat(replay.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(first.header("Location"))
                .isEqualTo("/api/orders/" + first.json().get("id").asString());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.header("ETag")).isEqualTo(withoutKey.header("ETag"));
        assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(first.json().propertyNames()).isEqualTo(withoutKey.json().propertyNames());
    }

    @Test
    void aRetryIsTheSameRequestByItsBytesSoABodyWrittenDifferentlyIsAnother() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("100000.00");
        Api client = Api.at(port).asAdmin().header("Idempotency-Key", Fixtures.unique("key"));
        String sent = Api.JSON.writeValueAsString(order(customer, sku, 1));
        client.post("/api/orders", sent).expect(201);

        client.post("/api/orders", sent).expect(201);
        var problem =
                client.post("/api/orders", sent.replace(",", ", ")).expect(422).json();

        assertThat(fields(problem)).containsExactly("Idempotency-Key");
        assertThat(fixtures.level(sku, warehouse).get("reserved").asLong()).isEqualTo(1);
    }

    @Test
    void sameKeyAndBodyForAnotherTargetIsUnprocessable() {
        Fixtures fixtures = new Fixtures(port);
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("1.00");
        fixtures.receive(sku, warehouse, 10);
        UUID customer = fixtures.customer("100000.00");
        Api admin = Api.at(port).asAdmin();
        String first = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString();
        String second = admin.post("/api/orders", order(customer, sku, 1))
                .expect(201)
                .json()
                .get("id")
                .asString();
        Api client = admin.header("Idempotency-Key", Fixtures.unique("key"));
        client.post("/api/orders/" + first + "/shipments", "{}").expect(201);

        var problem = client.post("/api/orders/" + second + "/shipments", "{}")
                .expect(422)
                .json();

        assertThat(fields(problem)).containsExactly("Idempotency-Key");
        assertThat(admin.get("/api/shipments?orderId=" + second)
                        .expect(200)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        Fixtures fixtures = new Fixtures(port);
        UUID customer = fixtures.customer("100000.00");
        String sku = Fixtures.unique("LATE");
        Api client = Api.at(port).asAdmin().header("Idempotency-Key", Fixtures.unique("key"));
        client.post("/api/orders", order(customer, sku, 1)).expect(422);

        Api.at(port)
                .asAdmin()
                .post(
                        "/api/products",
                        Map.of(
                                "sku",
                                sku,
                                "name",
                                "Arrived late",
                                "unitPrice",
                                Fixtures.money("1.00", "EUR"),
                                "taxCategory",
                                "STANDARD"))
                .expect(201);

        client.post("/api/orders", order(customer, sku, 1)).expect(201);
    }
}
