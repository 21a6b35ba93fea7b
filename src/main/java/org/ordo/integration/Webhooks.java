package org.ordo.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Webhook subscriptions, their delivery log and replays: for the API and the administrators' page. */
public interface Webhooks {

    /** A subscription as shown; {@code secret} is only filled in the answer that created it. */
    record Subscription(
            UUID id,
            String url,
            List<String> eventTypes,
            boolean enabled,
            String secret,
            Instant createdAt,
            Instant updatedAt) {}

    /** A new subscription or a change of one; a null field is left as it is (a new secret is generated if none given). */
    record SubscriptionRequest(String url, String secret, List<String> eventTypes, Boolean enabled) {}

    /** An event to one endpoint: PENDING (queued or retrying), DELIVERED, or DEAD (given up after a day). */
    record WebhookDelivery(
            UUID id,
            UUID eventId,
            String eventType,
            String orderingKey,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant deliveredAt,
            List<Attempt> log) {}

    /** One try: the headers sent, the answer's status and the start of its body, or the error; how long it took. */
    record Attempt(
            Instant at,
            long durationMillis,
            String requestHeaders,
            Integer status,
            String responseBody,
            String error) {}

    List<Subscription> subscriptions();

    Subscription subscription(UUID id);

    Subscription create(SubscriptionRequest request);

    Subscription change(UUID id, SubscriptionRequest request);

    /** Stops deliveries to it; what is pending stays in the log and is sent if it is enabled again. */
    Subscription disable(UUID id);

    /** Newest first, at most {@code limit}. */
    List<WebhookDelivery> deliveries(UUID subscriptionId, int limit);

    /** Sends again every event since then that the subscription wants; the number queued. */
    int replay(UUID subscriptionId, Instant since);

    /** Sends one delivery again, under its same webhook-id. */
    WebhookDelivery replayDelivery(UUID subscriptionId, UUID deliveryId);
}
