package org.ordo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop clients: each sends its next request when the previous answer arrived, for a warm-up and then a fixed
 * measured window. Only calls that start and end inside the window count, so throughput is completions ÷ window.
 * Every loop is bounded by the clock; a client stuck past the end is abandoned (daemon thread) and reported.
 */
final class ClosedLoop {

    /** One call; returns null when it succeeded, else a short description of the failure. */
    interface Call {
        String perform() throws Exception;
    }

    record Result(long completed, double seconds, Histogram latencyMicros, Map<String, Long> errors, int stuckClients) {

        double perSecond() {
            return completed / seconds;
        }

        double millis(double percentile) {
            return latencyMicros.getTotalCount() == 0
                    ? Double.NaN
                    : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * A load whose requests failed, that placed nothing or whose clients hung tells nothing about speed: the
         * scenarios here expect every request to succeed, so any of these fails the run (and the CI smoke).
         */
        boolean failed() {
            return completed == 0 || errorCount() > 0 || stuckClients > 0;
        }

        String errorSummary() {
            return errors.isEmpty() ? "" : "errors " + new TreeMap<>(errors);
        }
    }

    private ClosedLoop() {}

    static Result run(
            int clients, double warmupSeconds, double measureSeconds, java.util.function.IntFunction<Call> callFactory)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureStart = start + (long) (warmupSeconds * 1e9);
        long measureEnd = measureStart + (long) (measureSeconds * 1e9);
        List<Histogram> histograms = new ArrayList<>();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        AtomicLong completed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Call call = callFactory.apply(i);
            Histogram histogram = new Histogram(120_000_000L, 3);
            histograms.add(histogram);
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < measureEnd) {
                            long t0 = System.nanoTime();
                            String error;
                            try {
                                error = call.perform();
                            } catch (Exception e) {
                                error = e.getClass().getSimpleName();
                            }
                            long t1 = System.nanoTime();
                            if (t0 >= measureStart && t1 <= measureEnd) {
                                if (error == null) {
                                    histogram.recordValue(Math.min((t1 - t0) / 1000, 120_000_000L));
                                    completed.incrementAndGet();
                                } else {
                                    errors.merge(error, 1L, Long::sum);
                                }
                            } else if (error != null && t0 < measureStart) {
                                errors.merge("warm-up " + error, 1L, Long::sum);
                            }
                        }
                    },
                    "client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        int stuck = 0;
        for (Thread t : threads) {
            long waitMillis = Math.max(1, (measureEnd - System.nanoTime()) / 1_000_000 + 60_000);
            t.join(waitMillis);
            if (t.isAlive()) {
                stuck++;
            }
        }
        Histogram all = new Histogram(120_000_000L, 3);
        // a stuck client's histogram may still be written to: merge only finished ones
        for (int i = 0; i < threads.size(); i++) {
            if (!threads.get(i).isAlive()) {
                all.add(histograms.get(i));
            }
        }
        return new Result(completed.get(), measureSeconds, all, errors, stuck);
    }
}
