package org.ordo.web.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Long actions of the pages (a dunning run, a bulk export) run here, off the request thread: the page starts a job and polls
 * its progress ({@code done} of {@code total}), then shows its result. A job runs as the user who started it (their security
 * context goes with it, so the audit trail names them), and only that user may read it; a finished job is forgotten after
 * {@link #KEEP}, a running one after {@link #GIVE_UP}. A job runs on the node that started it; its progress and result are
 * kept in the database ({@link PageJobStore}), so any node answers the polls. A node that stops fails the jobs it was
 * running: the reminder run is idempotent (a reminder level is sent once) and can be started again.
 */
@Component
class PageJobs {

    private static final Logger log = LoggerFactory.getLogger(PageJobs.class);
    static final Duration KEEP = Duration.ofMinutes(30);
    static final Duration GIVE_UP = Duration.ofHours(2);
    /** More running jobs than this per user are refused; a double click starts one job, not ten. */
    static final int MAX_RUNNING_PER_OWNER = 3;

    enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /** What a job tells the one running it: how far it is. */
    interface Progress {

        void total(int total);

        void done(int done);
    }

    /** A snapshot of a job for its owner's page; {@code result} is whatever the work returned (null while running). */
    record View(
            String id,
            String kind,
            String owner,
            int total,
            int done,
            State state,
            Object result,
            List<String> errors,
            Instant startedAt,
            Instant finishedAt) {

        public boolean running() {
            return state == State.RUNNING;
        }

        /** 0..100, for a progress bar; 0 while the total is not known yet. */
        public int percent() {
            return total <= 0 ? (state == State.RUNNING ? 0 : 100) : Math.min(100, (int) (100L * done / total));
        }
    }

    /** A job running on this node: counts in memory, written to the store when the total or the percentage changes. */
    private final class Job implements Progress {

        final String id;
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        private int writtenTotal;
        private int writtenPercent;

        Job(String id) {
            this.id = id;
        }

        @Override
        public void total(int value) {
            total.set(Math.max(0, value));
            write();
        }

        @Override
        public void done(int value) {
            done.set(Math.max(0, value));
            write();
        }

        /** At most about a hundred writes a job, however many steps it reports. */
        private synchronized void write() {
            int t = total.get();
            int percent = t <= 0 ? 0 : (int) (100L * done.get() / t);
            if (t != writtenTotal || percent != writtenPercent) {
                writtenTotal = t;
                writtenPercent = percent;
                store.progress(id, t, done.get());
            }
        }
    }

    private final PageJobStore store;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final Clock clock;

    @Autowired
    PageJobs(PageJobStore store) {
        this(store, Clock.systemUTC(), 2);
    }

    PageJobs(PageJobStore store, Clock clock, int threads) {
        this.store = store;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "page-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts {@code work} in the background as the current user and returns the job's id at once.
     *
     * @throws IllegalStateException when the owner already has {@link #MAX_RUNNING_PER_OWNER} jobs running
     */
    String start(String kind, String owner, Function<Progress, Object> work) {
        expire();
        long running = store.running(owner);
        if (running >= MAX_RUNNING_PER_OWNER) {
            throw new IllegalStateException(owner + " already has " + running + " jobs running");
        }
        Job job = new Job(UUID.randomUUID().toString());
        store.insert(job.id, kind, owner, clock.instant());
        runningHere.add(job.id);
        Runnable task = () -> {
            try {
                Object result = work.apply(job);
                finish(job, State.DONE, result, List.of());
            } catch (RuntimeException | Error e) {
                log.warn("page job {} ({}) of {} failed", job.id, kind, owner, e);
                finish(
                        job,
                        State.FAILED,
                        null,
                        List.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        };
        try {
            workers.execute(new DelegatingSecurityContextRunnable(task, SecurityContextHolder.getContext()));
        } catch (RejectedExecutionException e) {
            finish(job, State.FAILED, null, List.of("page jobs are shutting down"));
            throw new IllegalStateException("page jobs are shutting down", e);
        }
        return job.id;
    }

    private void finish(Job job, State state, Object result, List<String> errors) {
        try {
            store.finish(job.id, state, job.total.get(), job.done.get(), result, errors, clock.instant());
        } finally {
            runningHere.remove(job.id);
        }
    }

    /** The job, if it exists and {@code owner} started it; anyone else is told it does not exist. */
    Optional<View> find(String id, String owner) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.find(id).filter(job -> job.owner().equals(owner) && !expired(job, now));
    }

    private static boolean expired(View job, Instant now) {
        return job.finishedAt() != null
                ? job.finishedAt().plus(KEEP).isBefore(now)
                : job.startedAt().plus(GIVE_UP).isBefore(now);
    }

    /** Deletes finished jobs older than {@link #KEEP} and running ones older than {@link #GIVE_UP}. */
    void expire() {
        Instant now = clock.instant();
        store.deleteOld(now.minus(KEEP), now.minus(GIVE_UP));
    }

    /** The jobs this node was running end as failed: nobody will finish them, and their owners may start them again. */
    @PreDestroy
    void stop() {
        workers.shutdownNow();
        for (String id : List.copyOf(runningHere)) {
            try {
                store.finish(id, State.FAILED, 0, 0, null, List.of("stopped with its server"), clock.instant());
            } catch (RuntimeException e) {
                log.warn("page job {} could not be marked failed on shutdown", id, e);
            }
        }
    }
}
