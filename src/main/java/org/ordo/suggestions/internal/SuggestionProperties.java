package org.ordo.suggestions.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.suggestions.*}: orders of the last {@code historyMonths} count; a pair of SKUs is "bought together" from
 * {@code minOrdersTogether} orders on (one shared order is chance); each SKU keeps its {@code partnersPerSku} best
 * partners. The refresh runs daily at {@code refreshCron} (UTC).
 */
@ConfigurationProperties("ordo.suggestions")
record SuggestionProperties(
        @DefaultValue("12") int historyMonths,
        @DefaultValue("2") int minOrdersTogether,
        @DefaultValue("50") int partnersPerSku,
        @DefaultValue("0 45 3 * * *") String refreshCron) {

    /** The start of the history window that ends at {@code now}. */
    Instant historySince(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(historyMonths).toInstant();
    }
}
