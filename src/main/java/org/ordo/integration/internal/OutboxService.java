package org.ordo.integration.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        record(List.of(type), aggregateId, orderId, data);
    }

    /**
     * Several events about one thing with the same data, numbered in this order: one insert and one look at the
     * subscriptions; the events are read back for their numbers only when a delivery or a Kafka publication needs them.
     */
    @Transactional
    void record(List<EventType> types, Object aggregateId, UUID orderId, Object data) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<IntegrationEventStore.NewEvent> written = new ArrayList<>();
        for (EventType type : types) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type.key());
            body.put("version", type.version());
            body.put("timestamp", now.toString());
            body.put("data", data);
            written.add(new IntegrationEventStore.NewEvent(
                    UUID.randomUUID(),
                    type.key(),
                    type.version(),
                    type.aggregate(),
                    String.valueOf(aggregateId),
                    orderId != null ? "order:" + orderId : type.aggregate() + ":" + aggregateId,
                    now,
                    json.writeValueAsString(body)));
        }
        List<WebhookSubscriptionStore.Endpoint> endpoints = subscriptions.enabled();
        events.insert(written);
        for (IntegrationEventStore.NewEvent e : written) {
            List<WebhookSubscriptionStore.Endpoint> wanting = endpoints.stream()
                    .filter(endpoint -> endpoint.wants(e.type()))
                    .toList();
            if (wanting.isEmpty() && !kafka.enabled()) {
                continue;
            }
            IntegrationEventStore.StoredEvent event = events.find(e.id());
            wanting.forEach(endpoint -> deliveries.queue(endpoint.id(), event, now));
            if (kafka.enabled()) {
                publications.queue(event, now);
            }
        }
    }
}
