package org.ordo.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.integration.EventType;
import org.ordo.testing.Api;
import org.ordo.testing.Fixtures;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox retention: what was sent goes after its period, in batches; nothing still to be sent ever goes. */
@OrdoTest
class OutboxRetentionTests {

    private static final RetentionProperties RETENTION =
            new RetentionProperties(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(7), "-", 2);

    @LocalServerPort
    int port;

    @Autowired
    OutboxService outbox;

    @Autowired
    OutboxRetentionService retention;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CompletedEventPublications completed;

    Api admin;
    UUID subscription;

    @BeforeEach
    void subscribe() {
        admin = Api.at(port).asAdmin();
        subscription = UUID.fromString(admin.post(
                        "/api/webhooks",
                        Map.of("url", "http://localhost:9/nowhere", "eventTypes", List.of("purchase_order.received")))
                .expect(201)
                .json()
                .get("id")
                .asString());
    }

    @AfterEach
    void unsubscribe() {
        admin.delete("/api/webhooks/" + subscription).expect(200);
    }

    @Test
    void deliveredAndDeadDeliveriesGoAfterTheirPeriodsAndNothingStillToBeSentEverGoes() {
        UUID deliveredLongAgo = sent("DELIVERED", 31);
        UUID deliveredLately = sent("DELIVERED", 29);
        UUID deadLately = sent("DEAD", 31);
        UUID deadLongAgo = sent("DEAD", 91);
        UUID pendingForMonths = sent("PENDING", 200);
        UUID unsentLongAgo = event(40, false);
        UUID unsentLately = event(20, false);
        UUID secondDeliveredLongAgo = sent("DELIVERED", 35);
        UUID thirdDeliveredLongAgo = sent("DELIVERED", 45);

        OutboxRetentionService.Pruned pruned = retention.prune(RETENTION);

        assertThat(pruned.ran()).isTrue();
        assertThat(pruned.deliveries()).isGreaterThanOrEqualTo(4);
        assertThat(eventsLeft(
                        deliveredLongAgo,
                        deliveredLately,
                        deadLately,
                        deadLongAgo,
                        pendingForMonths,
                        unsentLongAgo,
                        unsentLately,
                        secondDeliveredLongAgo,
                        thirdDeliveredLongAgo))
                .containsExactlyInAnyOrder(deliveredLately, deadLately, pendingForMonths, unsentLately);
        assertThat(attemptsOf(deliveredLately)).isEqualTo(1);
        assertThat(attemptsOf(deadLately)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM webhook_delivery WHERE event_id = ?", String.class, pendingForMonths))
                .isEqualTo("PENDING");
    }

    @Test
    void completedEventPublicationsGoAfterTheirPeriodAndIncompleteOnesStay() {
        Fixtures fixtures = new Fixtures(port);
        String sku = fixtures.product("10.00");
        fixtures.receive(sku, fixtures.warehouse(), 3);
        admin.post("/api/orders", Fixtures.order(fixtures.customer("1000.00"), sku, 1))
                .expect(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> !completed.findAll().isEmpty());
        Instant before = Instant.now();

        retention.prune(new RetentionProperties(
                RETENTION.delivered(), RETENTION.dead(), Duration.ZERO, RETENTION.cron(), RETENTION.batch()));

        assertThat(completed.findAll().stream()
                        .filter(p -> p.getCompletionDate()
                                .map(at -> at.isBefore(before))
                                .orElse(false)))
                .isEmpty();
    }

    @Test
    void aNodeFindingTheJobTakenPrunesNothing() throws Exception {
        UUID deliveredLongAgo = sent("DELIVERED", 31);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread otherNode = new Thread(() -> tx.executeWithoutResult(s -> {
            jdbc.queryForList("SELECT name FROM integration_job_lock WHERE name = 'retention' FOR UPDATE");
            taken.countDown();
            awaitLatch(done);
        }));
        otherNode.start();
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        OutboxRetentionService.Pruned pruned;
        try {
            pruned = retention.prune(RETENTION);
        } finally {
            done.countDown();
            otherNode.join();
        }

        assertThat(pruned.ran()).isFalse();
        assertThat(eventsLeft(deliveredLongAgo)).containsExactly(deliveredLongAgo);
        assertThat(retention.prune(RETENTION).ran()).isTrue();
        assertThat(eventsLeft(deliveredLongAgo)).isEmpty();
    }

    /**
     * An event written {@code daysAgo} with a delivery to this test's subscription, left in {@code status} by one attempt
     * then (none when pending).
     */
    private UUID sent(String status, int daysAgo) {
        UUID id = event(daysAgo, true);
        Timestamp then = Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo)));
        jdbc.update(
                "UPDATE webhook_delivery SET queued_at = ?, next_attempt_at = ? WHERE event_id = ?", then, then, id);
        if (!"PENDING".equals(status)) {
            jdbc.update(
                    "UPDATE webhook_delivery SET status = ?, attempts = 1, delivered_at = ? WHERE event_id = ?",
                    status,
                    "DELIVERED".equals(status) ? then : null,
                    id);
            jdbc.update(
                    "INSERT INTO webhook_attempt (id, delivery_id, subscription_id, attempted_at, duration_ms, "
                            + "request_headers, status_code) SELECT ?, id, subscription_id, ?, 5, 'webhook-id: x', ? "
                            + "FROM webhook_delivery WHERE event_id = ?",
                    UUID.randomUUID(),
                    then,
                    "DELIVERED".equals(status) ? 200 : 500,
                    id);
        }
        return id;
    }

    /** An event written {@code daysAgo}, queued for this test's subscription only or for none. */
    private UUID event(int daysAgo, boolean queued) {
        UUID purchaseOrder = UUID.randomUUID();
        tx.executeWithoutResult(s -> outbox.record(EventType.PURCHASE_ORDER_RECEIVED, purchaseOrder, null, Map.of()));
        UUID id = jdbc.queryForObject(
                "SELECT id FROM integration_event WHERE aggregate_id = ?", UUID.class, purchaseOrder.toString());
        // other tests' subscriptions may want it too: theirs would keep it
        jdbc.update(
                "DELETE FROM webhook_delivery WHERE event_id = ? AND (subscription_id <> ? OR ?)",
                id,
                subscription,
                !queued);
        jdbc.update(
                "UPDATE integration_event SET occurred_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo))),
                id);
        return id;
    }

    private List<UUID> eventsLeft(UUID... ids) {
        return List.of(ids).stream()
                .filter(id ->
                        jdbc.queryForObject("SELECT COUNT(*) FROM integration_event WHERE id = ?", Long.class, id) > 0)
                .toList();
    }

    private long attemptsOf(UUID eventId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id "
                        + "WHERE d.event_id = ?",
                Long.class,
                eventId);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
