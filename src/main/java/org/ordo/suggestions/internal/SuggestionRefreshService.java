package org.ordo.suggestions.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.ordo.orders.BuyingPatterns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pairs bought together, recomputed daily and on request. One node runs it: the refresh takes the row of
 * {@code suggestion_lock} with FOR UPDATE SKIP LOCKED and holds it until it commits; a refresh that finds it taken
 * skips. The pairs are replaced in the same transaction, so suggestions read the old pairs until the new ones are in.
 */
@Component
class SuggestionRefreshService {

    private static final Logger log = LoggerFactory.getLogger(SuggestionRefreshService.class);

    /** One refresh; {@code ran} is false when another node held the lock (the other fields are then null). */
    record Refresh(boolean ran, Integer pairs, Instant historySince, Instant startedAt, Instant finishedAt) {}

    private final BuyingPatterns patterns;
    private final SuggestionStore store;
    private final SuggestionProperties properties;
    private final TransactionTemplate tx;

    SuggestionRefreshService(
            BuyingPatterns patterns, SuggestionStore store, SuggestionProperties properties, TransactionTemplate tx) {
        this.patterns = patterns;
        this.store = store;
        this.properties = properties;
        this.tx = tx;
    }

    @Scheduled(cron = "${ordo.suggestions.refresh-cron:0 45 3 * * *}", zone = "UTC")
    void daily() {
        Refresh refresh = refresh();
        if (refresh.ran()) {
            log.info("suggestions: {} pairs bought together since {}", refresh.pairs(), refresh.historySince());
        } else {
            log.info("suggestions: another node is refreshing them");
        }
    }

    /**
     * A node that was down at the daily time, a fresh installation or the demo would otherwise suggest nothing bought
     * together until the next night: an hourly look refreshes when no refresh finished within a day.
     */
    @Scheduled(
            fixedDelayString = "${ordo.suggestions.catch-up:PT1H}",
            initialDelayString = "${ordo.suggestions.catch-up-first:PT2M}")
    void catchUp() {
        Instant dayAgo = Instant.now().minus(Duration.ofHours(25));
        if (store.lastRefresh().map(last -> last.isBefore(dayAgo)).orElse(true)) {
            daily();
        }
    }

    /** Recomputes the pairs bought together now. */
    Refresh refresh() {
        return tx.execute(status -> {
            if (!store.lockRefresh()) {
                return new Refresh(false, null, null, null, null);
            }
            Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant since = properties.historySince(started);
            int pairs = patterns.rebuildPairs(since, properties.minOrdersTogether(), properties.partnersPerSku());
            Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
            store.saveRefresh(started, finished, since, pairs, node());
            return new Refresh(true, pairs, since, started, finished);
        });
    }

    private static String node() {
        return System.getenv().getOrDefault("HOSTNAME", "node") + "/"
                + ProcessHandle.current().pid();
    }
}
