package org.ordo.integration.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordo.integration.EventType;
import org.ordo.integration.Webhooks;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/webhooks}: administrators subscribe other systems to the event catalogue (docs/events.md). */
@RestController
@Tag(name = "Webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** The body of a replay: events written at or after {@code since} are sent again. */
    record ReplayRequest(Instant since) {}

    @PostMapping("/api/webhooks")
    @Operation(
            summary = "Subscribe an endpoint to events",
            description = "url: https (http only to localhost); secret: whsec_ and a base64 key of 24 to 64 bytes, "
                    + "generated when not given and shown only in this answer; eventTypes: names of the catalogue "
                    + "or * for all.")
    ResponseEntity<Webhooks.Subscription> create(@RequestBody(required = false) Webhooks.SubscriptionRequest request) {
        Webhooks.Subscription created = webhooks.create(request);
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/webhooks")
    @Operation(summary = "The webhook subscriptions", description = "Oldest first; secrets are never shown again.")
    List<Webhooks.Subscription> list() {
        return webhooks.subscriptions();
    }

    @GetMapping("/api/webhooks/event-types")
    @Operation(summary = "The event catalogue", description = "Every event type with its aggregate and version.")
    List<Map<String, Object>> eventTypes() {
        return java.util.Arrays.stream(EventType.values())
                .map(t -> Map.<String, Object>of("type", t.key(), "aggregate", t.aggregate(), "version", t.version()))
                .toList();
    }

    @GetMapping("/api/webhooks/{id}")
    @Operation(summary = "One webhook subscription")
    Webhooks.Subscription one(@PathVariable UUID id) {
        return webhooks.subscription(id);
    }

    @PatchMapping("/api/webhooks/{id}")
    @Operation(
            summary = "Change a webhook subscription",
            description = "Any of url, secret, eventTypes, enabled; the others stay as they are.")
    Webhooks.Subscription change(@PathVariable UUID id, @RequestBody Webhooks.SubscriptionRequest request) {
        return webhooks.change(id, request);
    }

    @DeleteMapping("/api/webhooks/{id}")
    @Operation(
            summary = "Disable a webhook subscription",
            description = "Nothing more is sent; its delivery log stays, and PATCH enabled=true resumes it.")
    Webhooks.Subscription disable(@PathVariable UUID id) {
        return webhooks.disable(id);
    }

    @GetMapping("/api/webhooks/{id}/deliveries")
    @Operation(
            summary = "The delivery log of an endpoint",
            description = "Newest first: each event's status (PENDING, DELIVERED, DEAD) and every attempt with the "
                    + "headers sent, the answer's status and the start of its body, or the error, and its duration.")
    List<Webhooks.WebhookDelivery> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw OrdoException.invalid(List.of(CommonRule.AT_MOST.at("limit", 500)));
        }
        return webhooks.deliveries(id, limit);
    }

    @PostMapping("/api/webhooks/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send events again",
            description = "Every event since {since} that the subscription wants, under its same webhook-id.")
    Map<String, Object> replay(@PathVariable UUID id, @RequestBody(required = false) ReplayRequest request) {
        return Map.of("queued", webhooks.replay(id, request == null ? null : request.since()));
    }

    @PostMapping("/api/webhooks/{id}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send one delivery again", description = "Under its same webhook-id.")
    Webhooks.WebhookDelivery replayOne(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return webhooks.replayDelivery(id, deliveryId);
    }
}
