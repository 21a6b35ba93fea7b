package org.ordo.integration.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prunes the outbox daily ({@link RetentionProperties}): deliveries and their log once delivered or given up long
 * enough ago, acknowledged Kafka publications, then the events nothing is left to send of, and the event publication
 * registry's completed publications. Nothing pending is ever pruned. One node runs it: the run holds the job's row in
 * {@code integration_job_lock} (FOR UPDATE SKIP LOCKED) while it deletes in short transactions of a batch each, so that
 * senders and replays are never held up for long.
 */
@Component
class OutboxRetentionService {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetentionService.class);

    /** What a run deleted; {@code ran} false when another node held the job. */
    record Pruned(boolean ran, int deliveries, int publications, int events) {}

    private final OutboxRetentionStore store;
    private final RetentionProperties properties;
    private final CompletedEventPublications completed;
    private final TransactionTemplate job;
    private final TransactionTemplate batch;

    OutboxRetentionService(
            OutboxRetentionStore store,
            RetentionProperties properties,
            CompletedEventPublications completed,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.properties = properties;
        this.completed = completed;
        this.job = new TransactionTemplate(transactions);
        this.batch = new TransactionTemplate(transactions);
        this.batch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(cron = "${ordo.integration.retention.cron:0 40 3 * * *}", zone = "UTC")
    void daily() {
        Pruned pruned = prune(properties);
        if (pruned.ran()) {
            log.info(
                    "outbox retention: {} deliveries, {} Kafka publications, {} events pruned",
                    pruned.deliveries(),
                    pruned.publications(),
                    pruned.events());
        } else {
            log.info("outbox retention: another node is running it");
        }
    }

    /** Prunes by {@code retention} as of now, unless another node holds the job. */
    Pruned prune(RetentionProperties retention) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant delivered = now.minus(retention.delivered());
        Instant dead = now.minus(retention.dead());
        int size = retention.batch();
        Pruned pruned = job.execute(status -> {
            if (!store.claimJob()) {
                return new Pruned(false, 0, 0, 0);
            }
            int deliveries = inBatches(() -> store.pruneDeliveries("DELIVERED", delivered, size), size)
                    + inBatches(() -> store.pruneDeliveries("DEAD", dead, size), size);
            int publications = inBatches(() -> store.prunePublications(delivered, size), size);
            int events = inBatches(() -> store.pruneEvents(delivered, size), size);
            batch.executeWithoutResult(s -> completed.deletePublicationsOlderThan(retention.eventPublications()));
            store.jobRan(now, WebhookDeliveryService.node());
            return new Pruned(true, deliveries, publications, events);
        });
        return pruned == null ? new Pruned(false, 0, 0, 0) : pruned;
    }

    /** Runs {@code deleteBatch} in a transaction of its own until a batch comes back short; how many in all. */
    private int inBatches(IntSupplier deleteBatch, int size) {
        int total = 0;
        while (true) {
            Integer deleted = batch.execute(status -> deleteBatch.getAsInt());
            int n = deleted == null ? 0 : deleted;
            total += n;
            if (n < size) {
                return total;
            }
        }
    }
}
