package org.ordo.integration.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.ordo.integration.EventType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event into the outbox with one delivery per enabled subscription that wants it (and, where Kafka is on, its
 * publication), in the caller's transaction:
 * what is written commits or rolls back with the change it tells of.
 */
@Component
class OutboxService {

    private final IntegrationEventStore events;
    private final WebhookSubscriptionStore subscriptions;
    private final WebhookDeliveryStore deliveries;
    private final KafkaPublicationStore publications;
    private final KafkaEventProperties kafka;
    private final JsonMapper json;

    OutboxService(
            IntegrationEventStore events,
            WebhookSubscriptionStore subscriptions,
            WebhookDeliveryStore deliveries,
            KafkaPublicationStore publications,
            KafkaEventProperties kafka,
            JsonMapper json) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.publications = publications;
        this.kafka = kafka;
        this.json = json;
    }

    /**
     * {@code aggregateId} names what the event is about; {@code orderId} the order whose events keep their order (null:
     * the aggregate's own events keep theirs).
     */
    @Transactional
    void record(EventType type, Object aggregateId, UUID orderId, Object data) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.key());
        body.put("version", type.version());
        body.put("timestamp", now.toString());
        body.put("data", data);
        String orderingKey = orderId != null ? "order:" + orderId : type.aggregate() + ":" + aggregateId;
        IntegrationEventStore.StoredEvent event = events.insert(
                UUID.randomUUID(),
                type.key(),
                type.version(),
                type.aggregate(),
                String.valueOf(aggregateId),
                orderingKey,
                now,
                json.writeValueAsString(body));
        for (WebhookSubscriptionStore.Endpoint endpoint : subscriptions.enabled()) {
            if (endpoint.wants(type.key())) {
                deliveries.queue(endpoint.id(), event, now);
            }
        }
        if (kafka.enabled()) {
            publications.queue(event, now);
        }
    }
}
