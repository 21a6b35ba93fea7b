package org.ordo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.testing.Fixtures.order;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.ordo.inventory.IncomingSupply;
import org.ordo.inventory.IncomingSupplyChanged;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OwnDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Promises with stock on its way in, told by a stand-in for the module that buys stock: in a context and database of
 * their own, so that the shared context keeps no supplier of arrivals but the real one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ordo.admin-password=" + Api.ADMIN_PASSWORD, "server.shutdown=immediate"})
@ContextConfiguration(initializers = OwnDatabase.class)
@DirtiesContext
class PromiseWithIncomingSupplyTests {

    /** Arrivals and lead times as a test sets them. */
    static class StandInSupply implements IncomingSupply {
        final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        volatile Integer leadTimeDays;

        @Override
        public List<Arrival> arrivals(Collection<String> skus) {
            return arrivals.stream().filter(a -> skus.contains(a.sku())).toList();
        }

        @Override
        public OptionalInt bestLeadTimeDays(String sku) {
            return leadTimeDays == null ? OptionalInt.empty() : OptionalInt.of(leadTimeDays);
        }
    }

    /** The promise news published, as the notifications hear them. */
    static class PromiseNews {
        final List<OrderPromiseChanged> heard = new CopyOnWriteArrayList<>();

        @org.springframework.context.event.EventListener
        void on(OrderPromiseChanged changed) {
            heard.add(changed);
        }
    }

    @TestConfiguration
    static class Supply {
        @Bean
        PromiseNews promiseNews() {
            return new PromiseNews();
        }

        /** Primary over purchasing's own, so the test decides what is on its way in. */
        @Bean
        @Primary
        StandInSupply incomingSupply() {
            return new StandInSupply();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StandInSupply supply;

    @Autowired
    PromiseNews news;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /** A Monday at least three weeks ahead: 1 handling + 1 processing + 3 transit days later is the next Monday. */
    static LocalDate mondayAhead() {
        return LocalDate.now(ZoneOffset.UTC).plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    @Test
    void aConfirmedArrivalPromisesTheBackorderAtPlacementAndAMovedArrivalMovesThePromiseWithOneTimelineEntry() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("3.00");
        fixtures.receive(sku, warehouse, 2);
        UUID customer = fixtures.customer("100000.00", warehouse);
        LocalDate arrives = mondayAhead();
        supply.arrivals.add(new IncomingSupply.Arrival(sku, warehouse, arrives, 10, true, "PO-000012/1"));

        JsonNode placed =
                admin.post("/api/orders", order(customer, sku, 5)).expect(201).json();
        JsonNode line = placed.get("lines").get(0);
        assertThat(line.get("backorderedQuantity").asLong()).isEqualTo(3);
        assertThat(line.get("promiseSource").asString()).isEqualTo("PO-000012/1");
        assertThat(line.get("promiseEstimated").asBoolean()).isFalse();
        assertThat(line.get("promisedDate").asString())
                .isEqualTo(arrives.plusWeeks(1).toString());
        assertThat(placed.get("promisedDate").asString())
                .isEqualTo(arrives.plusWeeks(1).toString());
        String id = placed.get("id").asString();

        // the supplier confirms a week later
        LocalDate later = arrives.plusWeeks(1);
        supply.arrivals.clear();
        supply.arrivals.add(new IncomingSupply.Arrival(sku, warehouse, later, 10, true, "PO-000012/1"));
        changed(sku);

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> admin.get("/api/orders/" + id)
                                .expect(200)
                                .json()
                                .get("promisedDate")
                                .asString(),
                        later.plusWeeks(1).toString()::equals);
        changed(sku); // nothing moved this time
        JsonNode history =
                admin.get("/api/orders/" + id + "/history").expect(200).json();
        List<JsonNode> promises = history.valueStream()
                .filter(h -> h.get("kind").asString().equals("PROMISE"))
                .toList();
        assertThat(promises).hasSize(1);
        assertThat(promises.get(0).get("reason").asString())
                .contains("promised date changed from")
                .endsWith("(PO-000012/1)");
        List<OrderPromiseChanged> told = news.heard.stream()
                .filter(n -> n.orderId().toString().equals(id))
                .toList();
        assertThat(told)
                .containsExactly(new OrderPromiseChanged(
                        UUID.fromString(id),
                        placed.get("number").asString(),
                        customer,
                        arrives.plusWeeks(1),
                        later.plusWeeks(1),
                        "PO-000012/1"));
    }

    @Test
    void twoBackordersShareAnArrivalOldestFirstAndTheRestIsEstimatedFromTheLeadTime() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("3.00");
        fixtures.receive(sku, warehouse, 1);
        UUID customer = fixtures.customer("100000.00", warehouse);
        LocalDate arrives = mondayAhead();
        supply.arrivals.add(new IncomingSupply.Arrival(sku, warehouse, arrives, 4, true, "PO-000020/1"));
        supply.leadTimeDays = 60;

        JsonNode first =
                admin.post("/api/orders", order(customer, sku, 4)).expect(201).json(); // 1 reserved, 3 back
        JsonNode second =
                admin.post("/api/orders", order(customer, sku, 3)).expect(201).json(); // 1 of 3 covered

        assertThat(first.get("lines").get(0).get("promiseSource").asString()).isEqualTo("PO-000020/1");
        JsonNode younger = second.get("lines").get(0);
        assertThat(younger.get("promiseSource").asString()).isEqualTo("LEAD_TIME");
        assertThat(younger.get("promiseEstimated").asBoolean()).isTrue();
        assertThat(LocalDate.parse(younger.get("promisedDate").asString()))
                .isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(60));

        // the older backorder is cancelled: the younger now gets the whole arrival
        admin.post(
                        "/api/orders/" + first.get("id").asString() + "/cancel",
                        java.util.Map.of("reason", "customer withdrew"))
                .expect(200);
        String id = second.get("id").asString();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> admin.get("/api/orders/" + id)
                                .expect(200)
                                .json()
                                .get("lines")
                                .get(0)
                                .get("promiseSource")
                                .asString(),
                        "PO-000020/1"::equals);
        supply.leadTimeDays = null;
    }

    @Test
    void availableToPromiseAddsEveryArrivalOnItsDateToStockLessBackorders() {
        Fixtures fixtures = new Fixtures(port);
        Api admin = Api.at(port).asAdmin();
        String warehouse = fixtures.warehouse();
        String other = fixtures.warehouse();
        String sku = fixtures.product("3.00");
        fixtures.receive(sku, warehouse, 5);
        UUID customer = fixtures.customer("100000.00", warehouse);
        admin.post("/api/orders", order(customer, sku, 8)).expect(201); // 5 reserved, 3 backordered at warehouse
        LocalDate arrives = mondayAhead();
        supply.arrivals.add(new IncomingSupply.Arrival(sku, warehouse, arrives, 10, true, "PO-000030/1"));
        supply.arrivals.add(new IncomingSupply.Arrival(sku, other, arrives.plusDays(2), 4, false, "PO-000031/1"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode atWarehouse = admin.get("/api/inventory/atp?sku=" + sku + "&warehouse=" + warehouse)
                .expect(200)
                .json();
        assertThat(points(atWarehouse)).containsExactly(today + "=-3", arrives + "=7");
        JsonNode everywhere =
                admin.get("/api/inventory/atp?sku=" + sku).expect(200).json();
        assertThat(points(everywhere)).containsExactly(today + "=-3", arrives + "=7", arrives.plusDays(2) + "=11");
    }

    private static List<String> points(JsonNode atp) {
        return atp.valueStream()
                .map(p -> p.get("date").asString() + "=" + p.get("quantity").asLong())
                .toList();
    }

    private void changed(String sku) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new IncomingSupplyChanged(Set.of(sku))));
    }
}
