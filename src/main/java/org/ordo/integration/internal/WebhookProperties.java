package org.ordo.integration.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.webhooks.*}: how deliveries are sent. A receiver gets {@code timeout} to answer; a failed delivery is tried
 * again after {@code firstRetry}, doubled per attempt up to {@code maxRetry}, each with up to a fifth of jitter either
 * way, until {@code retryFor} after it was queued, then it is DEAD. A sender's claim on a delivery lasts
 * {@code claimFor}: longer than one send, so that only a dead node's claim expires.
 */
@ConfigurationProperties("ordo.webhooks")
record WebhookProperties(
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("PT10S") Duration firstRetry,
        @DefaultValue("PT1H") Duration maxRetry,
        @DefaultValue("P1D") Duration retryFor,
        @DefaultValue("PT2M") Duration claimFor,
        @DefaultValue("50") int batch) {}
