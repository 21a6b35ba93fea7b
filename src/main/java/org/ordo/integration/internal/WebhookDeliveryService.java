package org.ordo.integration.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the outbox to the endpoints, on every node: a run claims due deliveries in a short transaction (FOR UPDATE SKIP
 * LOCKED, so two nodes never claim the same one), sends them outside any transaction, and records each outcome. A node
 * that dies mid-send leaves its claims to expire; another node then sends them again under the same webhook-id. At
 * least once, then: receivers deduplicate on the webhook-id.
 */
@Component
class WebhookDeliveryService {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryService.class);

    private final WebhookDeliveryStore store;
    private final RetryBackoff retries;
    private final WebhookProperties properties;
    private final TransactionTemplate tx;
    private final HttpClient http;
    private final String node = node();

    WebhookDeliveryService(
            WebhookDeliveryStore store,
            RetryBackoff retries,
            WebhookProperties properties,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.retries = retries;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${ordo.webhooks.send-delay:PT2S}")
    void scheduled() {
        while (sendDue() > 0) {
            // another batch: the ones just delivered may have freed an order's next event
        }
    }

    /** Sends one batch of due deliveries; how many were tried. */
    int sendDue() {
        List<UUID> claimed = claim();
        for (UUID id : claimed) {
            deliver(id);
        }
        return claimed.size();
    }

    /** Claims due deliveries for this node, committed before anything is sent. */
    List<UUID> claim() {
        Instant now = now();
        List<UUID> ids =
                tx.execute(status -> store.claim(now, now.plus(properties.claimFor()), node, properties.batch()));
        return ids == null ? List.of() : ids;
    }

    void deliver(UUID id) {
        WebhookDeliveryStore.Claimed d = store.claimed(id);
        Instant at = now();
        WebhookDeliveryStore.Outcome outcome = send(d, at);
        Instant next = outcome.delivered() ? null : retries.next(d.attempts() + 1, d.queuedAt(), now());
        if (!outcome.delivered()) {
            log.warn(
                    "Webhook delivery {} to {} failed (attempt {}): {}",
                    id,
                    d.url(),
                    d.attempts() + 1,
                    outcome.error() != null ? outcome.error() : outcome.status());
        }
        tx.executeWithoutResult(status -> store.attempted(d, at, outcome, next));
    }

    private WebhookDeliveryStore.Outcome send(WebhookDeliveryStore.Claimed d, Instant at) {
        String timestamp = String.valueOf(at.getEpochSecond());
        String webhookId = d.eventId().toString();
        String signature = WebhookSignatures.sign(d.secret(), webhookId, timestamp, d.body());
        String headers =
                "webhook-id: " + webhookId + "\nwebhook-timestamp: " + timestamp + "\nwebhook-signature: " + signature;
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Ordo-Webhooks")
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", timestamp)
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new WebhookDeliveryStore.Outcome(
                    millisSince(start), headers, response.statusCode(), response.body(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookDeliveryStore.Outcome(millisSince(start), headers, null, null, "interrupted");
        } catch (java.io.IOException | RuntimeException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new WebhookDeliveryStore.Outcome(millisSince(start), headers, null, null, error);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static String node() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":"
                    + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "node:" + ProcessHandle.current().pid();
        }
    }
}
