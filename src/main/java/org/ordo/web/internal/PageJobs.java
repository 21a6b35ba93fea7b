package org.ordo.web.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Long actions of the pages (a dunning run, a bulk export) run here, off the request thread: the page starts a job and polls
 * its progress ({@code done} of {@code total}), then shows its result. A job runs as the user who started it (their security
 * context goes with it, so the audit trail names them), and only that user may read it; a finished job is forgotten after
 * {@link #KEEP}, a running one after {@link #GIVE_UP}. Jobs live in this node's memory: they are for the session that started
 * them, not for anything that must survive a restart (which the modules' own work, committed in the database, does).
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

    private static final class Job implements Progress {

        final String id;
        final String kind;
        final String owner;
        final Instant startedAt;
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        volatile State state = State.RUNNING;
        volatile Object result;
        volatile Instant finishedAt;

        Job(String id, String kind, String owner, Instant startedAt) {
            this.id = id;
            this.kind = kind;
            this.owner = owner;
            this.startedAt = startedAt;
        }

        @Override
        public void total(int value) {
            total.set(Math.max(0, value));
        }

        @Override
        public void done(int value) {
            done.set(Math.max(0, value));
        }

        View view() {
            return new View(
                    id,
                    kind,
                    owner,
                    total.get(),
                    done.get(),
                    state,
                    result,
                    List.copyOf(errors),
                    startedAt,
                    finishedAt);
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final Clock clock;

    PageJobs() {
        this(Clock.systemUTC(), 2);
    }

    PageJobs(Clock clock, int threads) {
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
        long running = jobs.values().stream()
                .filter(j -> j.owner.equals(owner) && j.state == State.RUNNING)
                .count();
        if (running >= MAX_RUNNING_PER_OWNER) {
            throw new IllegalStateException(owner + " already has " + running + " jobs running");
        }
        Job job = new Job(UUID.randomUUID().toString(), kind, owner, clock.instant());
        jobs.put(job.id, job);
        Runnable task = () -> {
            try {
                job.result = work.apply(job);
                job.state = State.DONE;
            } catch (RuntimeException | Error e) {
                log.warn("page job {} ({}) of {} failed", job.id, kind, owner, e);
                job.errors.add(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                job.state = State.FAILED;
            } finally {
                job.finishedAt = clock.instant();
            }
        };
        try {
            workers.execute(new DelegatingSecurityContextRunnable(task, SecurityContextHolder.getContext()));
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id);
            throw new IllegalStateException("page jobs are shutting down", e);
        }
        return job.id;
    }

    /** The job, if it exists and {@code owner} started it; anyone else is told it does not exist. */
    Optional<View> find(String id, String owner) {
        expire();
        Job job = id == null ? null : jobs.get(id);
        if (job == null || !job.owner.equals(owner)) {
            return Optional.empty();
        }
        return Optional.of(job.view());
    }

    /** Forgets finished jobs older than {@link #KEEP} and running ones older than {@link #GIVE_UP}. */
    void expire() {
        Instant now = clock.instant();
        jobs.values()
                .removeIf(j -> j.finishedAt != null
                        ? j.finishedAt.plus(KEEP).isBefore(now)
                        : j.startedAt.plus(GIVE_UP).isBefore(now));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
