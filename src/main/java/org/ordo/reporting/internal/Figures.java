package org.ordo.reporting.internal;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Computes independent key figures at the same time, each on its own connection: a report over a year of a big
 * database is then as slow as its slowest figure, not the sum of them. Few threads, so that reports never take more than
 * a few of the connections order placement needs.
 */
@Component
class Figures {

    static final int THREADS = 4;

    private final ExecutorService pool;

    Figures() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "report-figures-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    <T> CompletableFuture<T> start(Supplier<T> figure) {
        return CompletableFuture.supplyAsync(figure, pool);
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
