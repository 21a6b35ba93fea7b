package org.ordo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecordedTimeTests {

    @Test
    void aThreadsClockSetBackRunsOnFromThereAndIsRestoredAfterwards() {
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));

        Instant[] seen = RecordedTime.at(tenDaysAgo, () -> new Instant[] {RecordedTime.now(), RecordedTime.now()});

        assertThat(seen[0]).isBetween(tenDaysAgo, tenDaysAgo.plusSeconds(5));
        assertThat(seen[1]).isAfterOrEqualTo(seen[0]);
        assertThat(RecordedTime.now()).isAfter(Instant.now().minusSeconds(5));
        assertThat(RecordedTime.today()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void otherThreadsKeepTheRealTime() {
        Instant other = RecordedTime.at(
                Instant.now().minus(Duration.ofDays(3)),
                () -> CompletableFuture.supplyAsync(RecordedTime::now).join());

        assertThat(other).isAfter(Instant.now().minusSeconds(5));
    }

    @Test
    void theClockCannotBeSetAhead() {
        assertThatThrownBy(() -> RecordedTime.runAt(Instant.now().plusSeconds(60), () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
