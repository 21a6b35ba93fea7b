package org.ordo.reporting.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ordo.platform.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes independent key figures at the same time, each on its own connection in a read-only transaction: a report
 * over a year of a big database is then as slow as its slowest figure, not the sum of them. Few threads, so that reports
 * never take more than a few of the connections order placement needs.
 */
@Component
class Figures {

    static final int THREADS = 4;

    private final ExecutorService pool;
    private final TransactionTemplate readOnly;
    private final JdbcClient jdbc;
    private final boolean postgres;

    Figures(PlatformTransactionManager transactions, JdbcClient jdbc, Database database) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "report-figures-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
        this.postgres = database.isPostgres();
    }

    <T> CompletableFuture<T> start(Supplier<T> figure) {
        return CompletableFuture.supplyAsync(
                () -> readOnly.execute(status -> {
                    if (postgres) {
                        // Each figure is one pass over up to a year of rows, and the figures already run side by side:
                        // compiling
                        // the pass (JIT) costs more than it saves, and parallel workers would only compete with the
                        // other figures
                        // for the same cores (measured in docs/performance.md, scenario 6).
                        // (set_config with is_local = true is SET LOCAL: both in one round trip, gone at the
                        // transaction's end)
                        jdbc.sql(
                                        "SELECT set_config('jit', 'off', true) AS jit, "
                                                + "set_config('max_parallel_workers_per_gather', '0', true) AS parallel_workers")
                                .query((rs, n) -> rs.getString("jit"))
                                .single();
                    }
                    return figure.get();
                }),
                pool);
    }

    /** The figure's value; a figure that failed throws what it threw. */
    static <T> T value(CompletableFuture<T> figure) {
        try {
            return figure.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
