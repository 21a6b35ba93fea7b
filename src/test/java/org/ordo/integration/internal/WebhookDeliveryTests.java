package org.ordo.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.orders.OrderPlaced;
import org.ordo.orders.OrderStatus;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoProcess;
import org.ordo.testing.PostgresInitializer;
import org.ordo.testing.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks to a receiver started by the test (the JDK's HTTP server) on PostgreSQL. The sender is driven by the tests
 * (its schedule is an hour), so that a test decides when a node claims and sends.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            "ordo.identity.throttle.max-failures=100000",
            "ordo.shipping.charging=false",
            "ordo.webhooks.send-delay=PT1H",
            "ordo.webhooks.first-retry=PT0.1S",
            "ordo.webhooks.max-retry=PT0.2S",
            "ordo.webhooks.timeout=PT2S"
        })
@ContextConfiguration(initializers = PostgresInitializer.class)
class WebhookDeliveryTests {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    @LocalServerPort
    int port;

    @Autowired
    OrderFulfillment fulfillment;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebhookDeliveryService sender;

    @Autowired
    WebhookDeliveryStore deliveries;

    @TempDir
    Path workDirectory;

    InvoicingSupport flow;
    Fixtures fixtures;
    Api admin;
    Receiver receiver;
    String subscription;

    @BeforeEach
    void setUp() throws IOException {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
        admin = Api.at(port).asAdmin();
        receiver = new Receiver(3);
        subscription = admin.post(
                        "/api/webhooks", Map.of("url", receiver.url(), "secret", SECRET, "eventTypes", List.of("*")))
                .expect(201)
                .json()
                .get("id")
                .asString();
    }

    @AfterEach
    void tearDown() {
        admin.delete("/api/webhooks/" + subscription).expect(200);
        receiver.stop();
    }

    @Test
    void aReceiverThatFailsAtFirstGetsEveryEventOnceSignedAndInOrderPerOrder() {
        UUID customer = flow.customer("DE", Map.of());
        JsonNode first = confirmedOrder(customer);
        JsonNode second = confirmedOrder(customer);
        String firstId = first.get("id").asString();
        admin.post("/api/orders/" + firstId + "/hold", Map.of("reason", "check the address"))
                .expect(200);
        admin.post("/api/orders/" + firstId + "/cancel", Map.of("reason", "customer changed mind"))
                .expect(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sender.sendDue();
            return receiver.typesOf(firstId).size() == 4
                    && receiver.typesOf(second.get("id").asString()).size() == 2;
        });

        assertThat(receiver.failed.get()).isEqualTo(3);
        assertThat(receiver.badSignatures.get()).isZero();
        assertThat(receiver.typesOf(firstId))
                .containsExactly("order.placed", "order.confirmed", "order.held", "order.cancelled");
        assertThat(receiver.typesOf(second.get("id").asString())).containsExactly("order.placed", "order.confirmed");
        List<String> ids = receiver.accepted.stream().map(Received::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        JsonNode log = admin.get("/api/webhooks/" + subscription + "/deliveries")
                .expect(200)
                .json();
        assertThat(log.valueStream().map(d -> d.get("status").asString())).containsOnly("DELIVERED");
        assertThat(log.valueStream().mapToInt(d -> d.get("log").size()).sum()).isEqualTo(ids.size() + 3);
        assertThat(log.valueStream()
                        .flatMap(d -> d.get("log").valueStream())
                        .map(a -> a.get("status").asInt()))
                .contains(500, 200);
    }

    @Test
    void aDeliveryClaimedByANodeThatDiedIsSentByAnotherOnceItsClaimExpires() {
        receiver.failFirst(0);
        UUID customer = flow.customer("DE", Map.of());
        String orderId = confirmedOrder(customer).get("id").asString();
        Instant now = Instant.now();
        List<UUID> claimedByTheDeadNode =
                mine(tx.execute(s -> deliveries.claim(now, now.plusMillis(1500), "dead-node", 100)));
        // the first of the order's events; its next one waits for it
        assertThat(claimedByTheDeadNode).hasSize(1);

        sender.sendDue();
        assertThat(receiver.typesOf(orderId)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sender.sendDue();
            return receiver.typesOf(orderId).size() == 2;
        });

        assertThat(receiver.typesOf(orderId)).containsExactly("order.placed", "order.confirmed");
        String eventId = jdbc.queryForObject(
                "SELECT CAST(event_id AS VARCHAR) FROM webhook_delivery WHERE id = ?",
                String.class,
                claimedByTheDeadNode.get(0));
        assertThat(receiver.accepted.get(0).id()).isEqualTo(eventId);
        assertThat(receiver.accepted.stream().map(Received::id)).doesNotHaveDuplicates();
    }

    @Test
    void twoNodesClaimingAtOnceNeverClaimTheSameDelivery() throws Exception {
        receiver.failFirst(0);
        UUID customer = flow.customer("DE", Map.of());
        confirmedOrder(customer);
        confirmedOrder(customer);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        List<UUID> firstNode = Collections.synchronizedList(new ArrayList<>());
        Thread node = new Thread(() -> tx.executeWithoutResult(s -> {
            Instant now = Instant.now();
            firstNode.addAll(deliveries.claim(now, now.plusSeconds(60), "node-a", 100));
            claimed.countDown();
            awaitLatch(done);
        }));
        node.start();
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        Instant now = Instant.now();
        List<UUID> secondNode = tx.execute(s -> deliveries.claim(now, now.plusSeconds(60), "node-b", 100));
        done.countDown();
        node.join();

        assertThat(mine(firstNode)).hasSize(2);
        assertThat(secondNode).doesNotContainAnyElementsOf(firstNode);
    }

    @Test
    void theOutboxRowCommitsAndRollsBackWithTheChangeThatWroteIt() {
        UUID kept = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        tx.executeWithoutResult(s -> events.publishEvent(placed(kept)));
        tx.executeWithoutResult(s -> {
            events.publishEvent(placed(rolledBack));
            s.setRollbackOnly();
        });

        assertThat(outboxRows(kept)).isEqualTo(1);
        assertThat(outboxRows(rolledBack)).isZero();
    }

    @Test
    void aReplaySendsTheEventsSinceThenAgainUnderTheirSameIds() {
        receiver.failFirst(0);
        Instant since = Instant.now().minusMillis(1);
        UUID customer = flow.customer("DE", Map.of());
        String orderId = confirmedOrder(customer).get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sender.sendDue();
            return receiver.typesOf(orderId).size() == 2;
        });
        List<String> firstIds = receiver.accepted.stream().map(Received::id).toList();

        JsonNode replay = admin.post("/api/webhooks/" + subscription + "/replay", Map.of("since", since.toString()))
                .expect(202)
                .json();
        assertThat(replay.get("queued").asInt()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sender.sendDue();
            return receiver.typesOf(orderId).size() == 4;
        });
        assertThat(receiver.accepted.stream().map(Received::id).filter(firstIds::contains))
                .hasSize(4);
    }

    /**
     * A real node killed with {@code kill -9} while it delivers (the receiver stores an event and the node dies before
     * the answer), with more pending behind it; a fresh node on the same database sends everything, every event at least
     * once and, deduplicated by webhook-id, exactly once and in order per order.
     */
    @Test
    void aNodeKilledMidDeliveryLeavesEveryEventToAFreshNodeOnceDeduplicatedAndInOrder() throws Exception {
        receiver.slowBy(Duration.ofMillis(150));
        PostgresTestDatabase.Connection db = PostgresTestDatabase.createDatabase(
                "webhooks_" + UUID.randomUUID().toString().substring(0, 8));
        List<String> arguments = List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--ordo.webhooks.send-delay=PT0.2S",
                "--ordo.webhooks.first-retry=PT0.2S",
                "--ordo.webhooks.max-retry=PT0.5S",
                "--ordo.webhooks.claim-for=PT5S",
                "--ordo.webhooks.timeout=PT30S");
        int nodePort = OrdoProcess.freePort();
        Process first = OrdoProcess.start(workDirectory, arguments, nodePort, "first");
        List<String> orders;
        try {
            Api node = Api.at(nodePort).asAdmin();
            receiver.hold();
            node.post("/api/webhooks", Map.of("url", receiver.url(), "secret", SECRET, "eventTypes", List.of("*")))
                    .expect(201);
            orders = ordersWithSeveralEvents(nodePort);
            // dies after storing the 4th event, before answering: that one is sent again under its webhook-id
            receiver.onAccepted(4, () -> kill(first));
            receiver.release();
            assertThat(first.waitFor(60, TimeUnit.SECONDS))
                    .as("killed mid-delivery")
                    .isTrue();
        } finally {
            kill(first);
        }
        JdbcTemplate nodes = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        assertThat(nodes.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING'", Long.class))
                .as("deliveries the killed node left")
                .isGreaterThan(1);

        Process second = OrdoProcess.start(workDirectory, arguments, nodePort, "second");
        try {
            // generous: two cores shared with other builds make a fresh node slow to start sending
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> nodes.queryForObject(
                                    "SELECT COUNT(*) FROM webhook_delivery WHERE status <> 'DELIVERED'", Long.class)
                            == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "not delivered: "
                            + nodes.queryForList(
                                    "SELECT status, attempts, last_status, last_error, claimed_by, "
                                            + "claimed_until, next_attempt_at FROM webhook_delivery WHERE status <> 'DELIVERED'")
                            + "\nreceived " + receiver.accepted.size() + ", failed " + receiver.failed.get()
                            + "\n" + OrdoProcess.tail(workDirectory.resolve("second.log")),
                    e);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(receiver.failed.get()).isEqualTo(3);
        assertThat(receiver.badSignatures.get()).isZero();
        List<String> received = receiver.accepted.stream().map(Received::id).toList();
        List<String> once = received.stream().distinct().toList();
        assertThat(received).as("the event in flight at the kill came twice").hasSizeGreaterThan(once.size());
        assertThat(once)
                .containsExactlyInAnyOrderElementsOf(
                        nodes.queryForList("SELECT CAST(event_id AS VARCHAR) FROM webhook_delivery", String.class));
        for (String order : orders) {
            assertThat(receiver.accepted.stream()
                            .filter(r -> order.equals(r.orderId()))
                            .map(Received::id)
                            .distinct()
                            .toList())
                    .as("the events of order " + order + " in the order they were written")
                    .containsExactlyElementsOf(nodes.queryForList(
                            "SELECT CAST(id AS VARCHAR) FROM integration_event WHERE ordering_key = ? ORDER BY seq",
                            String.class,
                            "order:" + order))
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    /** Orders placed on the node at {@code nodePort}, some held and cancelled after: their ids. */
    private static List<String> ordersWithSeveralEvents(int nodePort) {
        Fixtures node = new Fixtures(nodePort);
        Api admin = Api.at(nodePort).asAdmin();
        String sku = node.product("10.00", "STANDARD");
        node.receive(sku, node.warehouse(), 100);
        UUID customer = node.customer("100000.00");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = admin.post("/api/orders", Fixtures.order(customer, sku, 1))
                    .expect(201)
                    .json()
                    .get("id")
                    .asString();
            ids.add(id);
            if (i % 2 == 0) {
                admin.post("/api/orders/" + id + "/hold", Map.of("reason", "check the address"))
                        .expect(200);
                admin.post("/api/orders/" + id + "/cancel", Map.of("reason", "customer changed mind"))
                        .expect(200);
            }
        }
        return ids;
    }

    private static void kill(Process process) {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, nothing recorded after the receiver stored the event
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void backorderedLinesAreToldOnceAtPlacementAndOnceForAChangeThatWantsMore() throws IOException {
        Receiver told = new Receiver(0);
        String only = subscribe(told, "order.backordered");
        try {
            String warehouse = fixtures.warehouse();
            String sku = fixtures.product("10.00", "STANDARD");
            fixtures.receive(sku, warehouse, 2);
            String orderId =
                    flow.order(flow.customer("DE", Map.of()), sku, 5).get("id").asString();
            admin.patch("/api/orders/" + orderId, Map.of("lines", List.of(Map.of("lineNumber", 1, "quantity", 7))))
                    .expect(200);
            fixtures.receive(sku, warehouse, 20); // fills the backorder: no news of a backorder

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                sender.sendDue();
                return told.typesOf(orderId).size() == 2;
            });
            sender.sendDue();

            assertThat(told.typesOf(orderId)).containsExactly("order.backordered", "order.backordered");
            assertThat(told.accepted.stream().map(Received::id)).doesNotHaveDuplicates();
            JsonNode atPlacement = told.accepted.get(0).data();
            assertThat(atPlacement.get("number").asString()).startsWith("SO-");
            assertThat(atPlacement.get("atPlacement").asBoolean()).isTrue();
            assertThat(atPlacement.get("promisedDate").isNull()).isFalse();
            assertBackordered(atPlacement.get("lines"), sku, 3, 3, warehouse);
            JsonNode byChange = told.accepted.get(1).data();
            assertThat(byChange.get("atPlacement").asBoolean()).isFalse();
            assertBackordered(byChange.get("lines"), sku, 2, 5, warehouse);
        } finally {
            admin.delete("/api/webhooks/" + only).expect(200);
            told.stop();
        }
    }

    @Test
    void aLevelFallingToItsReorderPointIsToldOnceUntilItHasRisenAboveAgain() throws IOException {
        Receiver told = new Receiver(0);
        String only = subscribe(told, "stock.low");
        try {
            String warehouse = fixtures.warehouse();
            String sku = fixtures.product("10.00", "STANDARD");
            fixtures.receive(sku, warehouse, 10);
            admin.put("/api/inventory/levels/" + warehouse + "/" + sku, Map.of("safetyStock", 2, "reorderPoint", 4))
                    .expect(200);
            UUID customer = flow.customer("DE", Map.of());
            flow.order(customer, sku, 5); // 5 available: above the point
            flow.order(customer, sku, 1); // 4: at the point, told
            flow.order(customer, sku, 1); // 3: below it still, not told again
            fixtures.receive(sku, warehouse, 10); // 13: above again
            flow.order(customer, sku, 9); // 4: told again

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                sender.sendDue();
                return told.ofSku(sku).size() == 2;
            });
            sender.sendDue();

            assertThat(told.ofSku(sku)).hasSize(2);
            assertThat(told.accepted.stream().map(Received::type)).containsOnly("stock.low");
            JsonNode first = told.ofSku(sku).get(0);
            assertThat(first.get("warehouse").asString()).isEqualTo(warehouse);
            assertThat(first.get("onHand").asLong()).isEqualTo(10);
            assertThat(first.get("reserved").asLong()).isEqualTo(6);
            assertThat(first.get("available").asLong()).isEqualTo(4);
            assertThat(first.get("reorderPoint").asLong()).isEqualTo(4);
            assertThat(first.get("safetyStock").asLong()).isEqualTo(2);
            assertThat(told.ofSku(sku).get(1).get("onHand").asLong()).isEqualTo(20);
        } finally {
            admin.delete("/api/webhooks/" + only).expect(200);
            told.stop();
        }
    }

    private String subscribe(Receiver to, String type) {
        return admin.post("/api/webhooks", Map.of("url", to.url(), "secret", SECRET, "eventTypes", List.of(type)))
                .expect(201)
                .json()
                .get("id")
                .asString();
    }

    private static void assertBackordered(JsonNode lines, String sku, long more, long waiting, String warehouse) {
        assertThat(lines.size()).isEqualTo(1);
        JsonNode line = lines.get(0);
        assertThat(line.get("lineNumber").asInt()).isEqualTo(1);
        assertThat(line.get("sku").asString()).isEqualTo(sku);
        assertThat(line.get("quantity").asLong()).isEqualTo(more);
        assertThat(line.get("backordered").asLong()).isEqualTo(waiting);
        assertThat(line.get("warehouse").asString()).isEqualTo(warehouse);
        assertThat(line.get("promisedDate").isNull()).isFalse();
    }

    /** The deliveries of this test's subscription among those claimed (others' may be pending in the database). */
    private List<UUID> mine(List<UUID> claimed) {
        return claimed.stream()
                .filter(id -> subscription.equals(jdbc.queryForObject(
                        "SELECT CAST(subscription_id AS VARCHAR) FROM webhook_delivery WHERE id = ?",
                        String.class,
                        id)))
                .toList();
    }

    private long outboxRows(UUID orderId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM integration_event WHERE aggregate_id = ?", Long.class, orderId.toString());
    }

    private static OrderPlaced placed(UUID orderId) {
        return new OrderPlaced(
                orderId, "SO-T", UUID.randomUUID(), "API", OrderStatus.PLACED, new BigDecimal("1.00"), "EUR");
    }

    private JsonNode confirmedOrder(UUID customer) {
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 5);
        JsonNode order = flow.order(customer, sku, 1);
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        return order;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An accepted delivery: its webhook-id, type, the order it names and its data. */
    record Received(String id, String type, String orderId, JsonNode data) {}

    /** A receiver that answers 500 to its first deliveries, then 200, and checks every signature. */
    static final class Receiver {

        final List<Received> accepted = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        private final HttpServer server;
        private volatile int failFirst;
        private volatile Duration slowBy = Duration.ZERO;
        private volatile int acceptedWhen;
        private volatile Runnable onAccepted;
        private volatile CountDownLatch held = new CountDownLatch(0);

        Receiver(int failFirst) throws IOException {
            this.failFirst = failFirst;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", this::handle);
            server.start();
        }

        void failFirst(int count) {
            failFirst = count;
        }

        /** Keeps every delivery waiting until {@link #release}. */
        void hold() {
            held = new CountDownLatch(1);
        }

        void release() {
            held.countDown();
        }

        /** Takes this long over each delivery, so that more wait behind the one in flight. */
        void slowBy(Duration delay) {
            slowBy = delay;
        }

        /** Runs {@code action} once the {@code count}th delivery is stored, before it is answered. */
        void onAccepted(int count, Runnable action) {
            acceptedWhen = count;
            onAccepted = action;
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/hook";
        }

        List<String> typesOf(String orderId) {
            synchronized (accepted) {
                return accepted.stream()
                        .filter(r -> orderId.equals(r.orderId()))
                        .map(Received::type)
                        .toList();
            }
        }

        /** The data of the events accepted about this SKU. */
        List<JsonNode> ofSku(String sku) {
            synchronized (accepted) {
                return accepted.stream()
                        .map(Received::data)
                        .filter(d -> d.has("sku") && sku.equals(d.get("sku").asString()))
                        .toList();
            }
        }

        void stop() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            awaitLatch(held);
            pause(slowBy);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            int status;
            if (!signature.equals(expectedSignature(id, timestamp, body))) {
                badSignatures.incrementAndGet();
                status = 401;
            } else if (failed.get() < failFirst) {
                failed.incrementAndGet();
                status = 500;
            } else {
                JsonNode event = Api.JSON.readTree(body);
                JsonNode orderId = event.get("data").get("orderId");
                accepted.add(new Received(
                        id,
                        event.get("type").asString(),
                        orderId == null ? null : orderId.asString(),
                        event.get("data")));
                if (onAccepted != null && accepted.size() == acceptedWhen) {
                    onAccepted.run();
                }
                status = 200;
            }
            byte[] answer = (status == 200 ? "ok" : "not now").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }

        private static void pause(Duration delay) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String expectedSignature(String id, String timestamp, String body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
                return "v1,"
                        + Base64.getEncoder()
                                .encodeToString(mac.doFinal(
                                        (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
