package org.ordo.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ordo.testing.Api;
import org.ordo.testing.OrdoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** One node runs the backtest: a run that finds the lock taken skips, and the API says so with a 409. */
@OrdoTest
class ForecastRunTests {

    @LocalServerPort
    int port;

    @Autowired
    ForecastRunService runs;

    @Autowired
    ForecastStore store;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aRunWhileAnotherHoldsTheLockSkipsAndTheApiAnswersConflict() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            assertThat(store.lockRun()).isTrue();
            held.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(runs.run()).isEmpty();
            Api.at(port).asAdmin().post("/api/forecasts/runs", Map.of()).expect(409);
        } finally {
            done.countDown();
            other.get(30, TimeUnit.SECONDS);
        }
        assertThat(runs.run()).isPresent();
    }
}
