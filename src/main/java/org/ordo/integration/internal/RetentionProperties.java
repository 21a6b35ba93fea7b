package org.ordo.integration.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.integration.retention.*}: how long what was sent is kept. A delivery (with its log) is pruned
 * {@code delivered} after it was delivered, or {@code dead} after it was given up; a Kafka publication {@code delivered}
 * after the broker acknowledged it; an event once nothing of it is left to send and it is older than {@code delivered}
 * (replays reach back no further). The event publication registry's completed publications go after
 * {@code eventPublications}. The job runs by {@code cron} (UTC) on one node, {@code batch} rows per transaction.
 */
@ConfigurationProperties("ordo.integration.retention")
record RetentionProperties(
        @DefaultValue("30d") Duration delivered,
        @DefaultValue("90d") Duration dead,
        @DefaultValue("7d") Duration eventPublications,
        @DefaultValue("0 40 3 * * *") String cron,
        @DefaultValue("500") int batch) {}
