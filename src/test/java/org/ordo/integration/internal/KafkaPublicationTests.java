package org.ordo.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ordo.fulfillment.ShipmentShipped;
import org.ordo.invoicing.InvoicingSupport;
import org.ordo.orders.OrderFulfillment;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.PostgresInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox published to an embedded Kafka broker (KRaft). Ordo bootstraps through a port fixed before it starts that
 * forwards to the broker once the broker is up, so that the first test can write events while the broker is still
 * down. The publisher is driven by the tests (its schedule is an hour).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ordo.admin-password=" + Api.ADMIN_PASSWORD,
            "server.shutdown=immediate",
            "ordo.identity.throttle.max-failures=100000",
            "ordo.shipping.charging=false",
            "ordo.events.kafka.send-delay=PT1H",
            "ordo.events.kafka.timeout=PT2S",
            "ordo.events.kafka.first-retry=PT0.1S",
            "ordo.events.kafka.max-retry=PT0.2S"
        })
@ContextConfiguration(initializers = PostgresInitializer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaPublicationTests {

    private static final int BROKER_PORT = freePort();
    private static EmbeddedKafkaKraftBroker broker;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("ordo.events.kafka.bootstrap-servers", () -> "localhost:" + BROKER_PORT);
    }

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
    KafkaPublicationService publisher;

    @Autowired
    JsonMapper json;

    InvoicingSupport flow;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        flow = new InvoicingSupport(port, fulfillment, tx, events);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    @Order(1)
    void anEventWrittenWhileTheBrokerIsDownIsPublishedOnceItIsUp() {
        String orderId = placeOrder().orderId;
        publisher.publishDue();
        Map<String, Object> pending = jdbc.queryForMap(
                "SELECT p.status, p.attempts, p.last_error FROM kafka_publication p JOIN integration_event e "
                        + "ON e.id = p.event_id WHERE e.aggregate_id = ? AND e.type = 'order.placed'",
                orderId);
        assertThat(pending.get("status")).isEqualTo("PENDING");
        assertThat((Integer) pending.get("attempts")).isEqualTo(1);
        assertThat(pending.get("last_error")).isNotNull();

        startBroker();
        List<ConsumerRecord<String, String>> records = consumeUntil("ordo.order", orderId, 2);

        assertThat(types(records)).containsExactly("order.placed", "order.confirmed");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kafka_publication p JOIN integration_event e ON e.id = p.event_id "
                                + "WHERE e.aggregate_id = ? AND p.status <> 'PUBLISHED'",
                        Integer.class,
                        orderId))
                .isZero();
    }

    @Test
    @Order(2)
    void anOrdersEventsArePublishedInOrderUnderItsIdWithTheOutboxEventId() {
        startBroker();
        Placed placed = placeOrder();
        ShipmentShipped shipped = flow.ship(placed.order, placed.warehouse, 1, 1);

        List<ConsumerRecord<String, String>> records = consumeUntil("ordo.order", placed.orderId, 3);
        List<ConsumerRecord<String, String>> shipments =
                consumeUntil("ordo.shipment", shipped.shipmentId().toString(), 1);

        assertThat(types(records)).containsExactly("order.placed", "order.confirmed", "order.shipped");
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(placed.orderId));
        ConsumerRecord<String, String> first = records.get(0);
        JsonNode body = json.readTree(first.value());
        assertThat(body.get("type").asString()).isEqualTo("order.placed");
        assertThat(body.get("data").get("orderId").asString()).isEqualTo(placed.orderId);
        assertThat(header(first, KafkaPublicationService.EVENT_TYPE_HEADER)).isEqualTo("order.placed");
        assertThat(header(first, KafkaPublicationService.EVENT_ID_HEADER))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT CAST(id AS VARCHAR) FROM integration_event WHERE aggregate_id = ? AND type = ?",
                        String.class,
                        placed.orderId,
                        "order.placed"));
        assertThat(first.value())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT payload FROM integration_event WHERE aggregate_id = ? AND type = ?",
                        String.class,
                        placed.orderId,
                        "order.placed"));
        assertThat(types(shipments)).containsExactly("shipment.shipped");
    }

    private record Placed(JsonNode order, String orderId, String warehouse) {}

    private Placed placeOrder() {
        UUID customer = flow.customer("DE", Map.of());
        String warehouse = fixtures.warehouse();
        String sku = fixtures.product("10.00", "STANDARD");
        fixtures.receive(sku, warehouse, 5);
        JsonNode order = flow.order(customer, sku, 1);
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        return new Placed(order, order.get("id").asString(), warehouse);
    }

    /** Publishes and reads the topic from its start until {@code expected} records carry the key. */
    private List<ConsumerRecord<String, String>> consumeUntil(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                publisher.publishDue();
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        mine.add(r);
                    }
                }
                return mine.size() >= expected;
            });
        }
        return mine;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> header(r, KafkaPublicationService.EVENT_TYPE_HEADER))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static synchronized void startBroker() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(
                            1,
                            1,
                            "ordo.order",
                            "ordo.shipment",
                            "ordo.invoice",
                            "ordo.credit_note",
                            "ordo.payment",
                            "ordo.return",
                            "ordo.purchase_order",
                            "ordo.stock")
                    .kafkaPorts(BROKER_PORT);
            broker.afterPropertiesSet();
            forward(BROKER_PORT, broker.getBrokersAsString());
        }
    }

    /** Forwards connections to {@code port} to the broker: Ordo's bootstrap address. */
    private static void forward(int port, String target) {
        String[] hostAndPort = target.split(",")[0].split(":");
        try {
            ServerSocket server = new ServerSocket(port);
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket in = server.accept();
                        Socket out = new Socket(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
                        pump(in, out);
                        pump(out, in);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
    }

    private static void pump(Socket from, Socket to) {
        daemon(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // the other side closed
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
