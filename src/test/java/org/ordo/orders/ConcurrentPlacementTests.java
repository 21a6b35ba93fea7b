package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.testing.Fixtures.order;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ordo.OrdoApplication;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.ordo.testing.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Invariant 3 under load: many clients, one or two application nodes, one PostgreSQL — never an oversold unit. */
@OrdoTest
class ConcurrentPlacementTests {

    static final int CLIENTS = 50;
    static final int UNITS_PER_ORDER = 3;

    @LocalServerPort
    int port;

    @Test
    void fiftyConcurrentClientsNeverOversellOneNode() throws Exception {
        raceForTheLastUnits(List.of(port));
    }

    @Test
    void fiftyConcurrentClientsNeverOversellAcrossTwoNodes() throws Exception {
        PostgresTestDatabase.Connection db = PostgresTestDatabase.get();
        // command-line arguments: they outrank application.yml, so the second node cannot fall back to the embedded
        // default
        try (ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(OrdoApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--ordo.admin-password=" + Api.ADMIN_PASSWORD,
                        "--spring.jmx.enabled=false")) {
            int secondPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
            assertThat(secondPort).isNotEqualTo(port);
            raceForTheLastUnits(List.of(port, secondPort));
        }
    }

    private void raceForTheLastUnits(List<Integer> nodes) throws Exception {
        Fixtures fixtures = new Fixtures(port);
        String east = fixtures.warehouse();
        String west = fixtures.warehouse();
        String sku = fixtures.product("4.00");
        fixtures.receive(sku, east, 60);
        fixtures.receive(sku, west, 40);
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            customers.add(fixtures.customer("1000000.00"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Api client = Api.at(nodes.get(i % nodes.size())).asAdmin();
            UUID customer = customers.get(i % customers.size());
            results.add(pool.submit(() -> {
                start.await();
                return client.post("/api/orders", order(customer, sku, UNITS_PER_ORDER));
            }));
        }
        start.countDown();
        long reserved = 0;
        long backordered = 0;
        for (Future<Api.Response> result : results) {
            JsonNode line = result.get(120, TimeUnit.SECONDS)
                    .expect(201)
                    .json()
                    .get("lines")
                    .get(0);
            reserved += line.get("reservedQuantity").asLong();
            backordered += line.get("backorderedQuantity").asLong();
        }
        pool.shutdown();

        assertThat(reserved).isEqualTo(100);
        assertThat(backordered).isEqualTo(CLIENTS * UNITS_PER_ORDER - 100);
        JsonNode eastLevel = fixtures.level(sku, east);
        JsonNode westLevel = fixtures.level(sku, west);
        assertThat(eastLevel.get("available").asLong()).isZero();
        assertThat(westLevel.get("available").asLong()).isZero();
        assertThat(eastLevel.get("reserved").asLong()
                        + westLevel.get("reserved").asLong())
                .isEqualTo(100);
        JsonNode report = fixtures.consistency();
        assertThat(report.get("consistent").asBoolean()).as(report.toString()).isTrue();
    }
}
