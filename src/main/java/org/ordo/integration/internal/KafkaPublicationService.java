package org.ordo.integration.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka, on every node, only where {@code ordo.events.kafka.bootstrap-servers} is set. A run
 * claims due events in a short transaction (FOR UPDATE SKIP LOCKED, so two nodes never publish the same row at once),
 * sends each outside any transaction and marks it published only once the broker acknowledged it (acks=all, idempotent
 * producer). At least once: a node that dies between the ack and the mark leaves the row to be published again under
 * the same event id, which consumers deduplicate on.
 */
@Component
@ConditionalOnProperty(prefix = "ordo.events.kafka", name = "bootstrap-servers")
class KafkaPublicationService implements DisposableBean {

    static final String EVENT_ID_HEADER = "ordo-event-id";
    static final String EVENT_TYPE_HEADER = "ordo-event-type";

    private static final Logger log = LoggerFactory.getLogger(KafkaPublicationService.class);

    private final KafkaPublicationStore store;
    private final KafkaEventProperties properties;
    private final TransactionTemplate tx;
    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final String node = WebhookDeliveryService.node();

    KafkaPublicationService(
            KafkaPublicationStore store, KafkaEventProperties properties, PlatformTransactionManager transactions) {
        this.store = store;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.producers = new DefaultKafkaProducerFactory<>(producerConfig(properties));
        this.kafka = new KafkaTemplate<>(producers);
    }

    private static Map<String, Object> producerConfig(KafkaEventProperties properties) {
        int timeout = (int) properties.timeout().toMillis();
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                timeout,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                timeout,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeout);
    }

    @Scheduled(fixedDelayString = "${ordo.events.kafka.send-delay:PT2S}")
    void scheduled() {
        while (publishDue() > 0) {
            // another batch: the ones just published may have freed an aggregate's next event
        }
    }

    /** Publishes one batch of due events; how many were tried. */
    int publishDue() {
        Instant now = now();
        List<UUID> claimed =
                tx.execute(status -> store.claim(now, now.plus(properties.claimFor()), node, properties.batch()));
        if (claimed == null) {
            return 0;
        }
        for (UUID id : claimed) {
            publish(store.claimed(id));
        }
        return claimed.size();
    }

    private void publish(KafkaPublicationStore.Claimed event) {
        try {
            send(event);
            tx.executeWithoutResult(status -> store.published(event.eventId(), now()));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String error =
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            log.warn(
                    "Kafka publication of event {} failed (attempt {}): {}",
                    event.eventId(),
                    event.attempts() + 1,
                    error);
            Instant next = now().plus(backoff(event.attempts() + 1));
            tx.executeWithoutResult(status -> store.failed(event.eventId(), error, next));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(KafkaPublicationStore.Claimed event)
            throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(properties.topic(event.aggregate()), event.aggregateId(), event.body());
        record.headers().add(EVENT_ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EVENT_TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        // waits for the broker's ack: the row is marked published only once the record is stored
        kafka.send(record).get(properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    /** Doubled per attempt up to the maximum, with up to a fifth of jitter either way. */
    private Duration backoff(int attempts) {
        long doubled = properties.firstRetry().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long delay = Math.min(doubled, properties.maxRetry().toMillis());
        return Duration.ofMillis(
                Math.round(delay * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
