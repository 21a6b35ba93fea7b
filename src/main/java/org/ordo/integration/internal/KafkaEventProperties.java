package org.ordo.integration.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.events.kafka.*}: the broker the outbox is published to (off while {@code bootstrapServers} is unset). The
 * broker has {@code timeout} to acknowledge a record; an unacknowledged one is tried again after {@code firstRetry},
 * doubled per attempt up to {@code maxRetry}, never given up. A publisher's claim lasts {@code claimFor}: longer than
 * one send, so that only a dead node's claim expires. Topics are {@code topicPrefix} and the aggregate, e.g.
 * {@code ordo.order}.
 */
@ConfigurationProperties("ordo.events.kafka")
record KafkaEventProperties(
        String bootstrapServers,
        @DefaultValue("ordo.") String topicPrefix,
        @DefaultValue("PT2S") Duration sendDelay,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("PT1S") Duration firstRetry,
        @DefaultValue("PT5M") Duration maxRetry,
        @DefaultValue("PT2M") Duration claimFor,
        @DefaultValue("50") int batch) {

    boolean enabled() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }

    String topic(String aggregate) {
        return topicPrefix + aggregate;
    }
}
