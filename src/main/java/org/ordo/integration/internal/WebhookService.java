package org.ordo.integration.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.ordo.identity.AuditTrail;
import org.ordo.integration.Webhooks;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Subscriptions and replays. The secret is shown once, in the answer that created it; the audit never holds it. */
@Component
class WebhookService implements Webhooks {

    private static final String AUDIT_ENTITY = "WEBHOOK";

    private final WebhookSubscriptionStore subscriptions;
    private final WebhookDeliveryStore deliveries;
    private final IntegrationEventStore events;
    private final AuditTrail audit;

    WebhookService(
            WebhookSubscriptionStore subscriptions,
            WebhookDeliveryStore deliveries,
            IntegrationEventStore events,
            AuditTrail audit) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.events = events;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Subscription> subscriptions() {
        return subscriptions.all().stream().map(e -> view(e, false)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Subscription subscription(UUID id) {
        return view(endpoint(id), false);
    }

    @Override
    @Transactional
    public Subscription create(SubscriptionRequest request) {
        SubscriptionRequest r = request == null ? new SubscriptionRequest(null, null, null, null) : request;
        requireValid(WebhookPolicy.check(r, true));
        Instant now = now();
        WebhookSubscriptionStore.Endpoint e = new WebhookSubscriptionStore.Endpoint(
                UUID.randomUUID(),
                r.url(),
                r.secret() == null ? WebhookSignatures.newSecret() : r.secret(),
                List.copyOf(r.eventTypes()),
                r.enabled() == null || r.enabled(),
                now,
                now);
        subscriptions.insert(e);
        audit.record(AUDIT_ENTITY, e.id().toString(), "CREATED", null, view(e, false));
        return view(e, true);
    }

    @Override
    @Transactional
    public Subscription change(UUID id, SubscriptionRequest request) {
        SubscriptionRequest r = request == null ? new SubscriptionRequest(null, null, null, null) : request;
        requireValid(WebhookPolicy.check(r, false));
        WebhookSubscriptionStore.Endpoint was = endpoint(id);
        WebhookSubscriptionStore.Endpoint e = new WebhookSubscriptionStore.Endpoint(
                id,
                r.url() == null ? was.url() : r.url(),
                r.secret() == null ? was.secret() : r.secret(),
                r.eventTypes() == null ? was.eventTypes() : List.copyOf(r.eventTypes()),
                r.enabled() == null ? was.enabled() : r.enabled(),
                was.createdAt(),
                now());
        subscriptions.update(e);
        audit.record(AUDIT_ENTITY, id.toString(), "UPDATED", view(was, false), view(e, false));
        return view(e, false);
    }

    @Override
    @Transactional
    public Subscription disable(UUID id) {
        return change(id, new SubscriptionRequest(null, null, null, false));
    }

    @Override
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(UUID subscriptionId, int limit) {
        endpoint(subscriptionId);
        return deliveries.recent(subscriptionId, limit);
    }

    @Override
    @Transactional
    public int replay(UUID subscriptionId, Instant since) {
        if (since == null) {
            throw OrdoException.invalid(List.of(org.ordo.shared.CommonRule.REQUIRED.at("since")));
        }
        WebhookSubscriptionStore.Endpoint e = endpoint(subscriptionId);
        Instant now = now();
        int queued = 0;
        for (IntegrationEventStore.StoredEvent event : events.since(since)) {
            if (e.wants(event.type())) {
                deliveries.requeue(subscriptionId, event, now);
                queued++;
            }
        }
        return queued;
    }

    @Override
    @Transactional
    public WebhookDelivery replayDelivery(UUID subscriptionId, UUID deliveryId) {
        WebhookDelivery d = deliveries
                .find(subscriptionId, deliveryId)
                .orElseThrow(() -> OrdoException.notFound("Delivery", deliveryId));
        deliveries.requeue(subscriptionId, events.find(d.eventId()), now());
        return deliveries.find(subscriptionId, deliveryId).orElseThrow();
    }

    private WebhookSubscriptionStore.Endpoint endpoint(UUID id) {
        return subscriptions.find(id).orElseThrow(() -> OrdoException.notFound("Webhook", id));
    }

    private static void requireValid(List<FieldViolation> problems) {
        if (!problems.isEmpty()) {
            throw OrdoException.invalid(problems);
        }
    }

    private static Subscription view(WebhookSubscriptionStore.Endpoint e, boolean withSecret) {
        return new Subscription(
                e.id(),
                e.url(),
                e.eventTypes(),
                e.enabled(),
                withSecret ? e.secret() : null,
                e.createdAt(),
                e.updatedAt());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
