package org.ordo.imports.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ordo.imports.ImportKind;
import org.ordo.imports.ImportRule;
import org.ordo.imports.Imports.RowOutcome;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs in the background, unit by unit (a row, or an order's rows). A unit that applies is committed with
 * its outcome and the job's progress in one transaction; a refused one is rolled back whole and its outcome recorded
 * after; a dry run's units are always rolled back. So the job's {@code next_unit} is exactly where to carry on: jobs
 * queued but not started, or running on a node silent for {@code ordo.imports.stale-after}, are taken up again by the
 * sweep of any node.
 */
@Component
class ImportRunService {

    private static final Logger log = LoggerFactory.getLogger(ImportRunService.class);

    private final ImportStore store;
    private final TransactionTemplate tx;
    private final Map<ImportKind, RowImporter> importers;
    private final Duration staleAfter;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "import-worker");
        thread.setDaemon(true);
        return thread;
    });

    ImportRunService(
            ImportStore store,
            TransactionTemplate tx,
            List<RowImporter> importers,
            @Value("${ordo.imports.stale-after:PT2M}") Duration staleAfter) {
        this.store = store;
        this.tx = tx;
        this.importers = importers.stream().collect(Collectors.toMap(RowImporter::kind, Function.identity()));
        this.staleAfter = staleAfter;
    }

    RowImporter importer(ImportKind kind) {
        return importers.get(kind);
    }

    /** Runs the job soon on this node, after the caller's transaction has committed it. */
    void submit(UUID jobId) {
        workers.submit(() -> run(jobId));
    }

    @Scheduled(fixedDelayString = "${ordo.imports.sweep:PT30S}", initialDelayString = "${ordo.imports.sweep:PT30S}")
    void sweep() {
        Instant now = Instant.now();
        store.waiting(now.minus(Duration.ofSeconds(10)), now.minus(staleAfter)).forEach(this::submit);
    }

    void run(UUID jobId) {
        Instant now = Instant.now();
        store.claim(jobId, now, now.minus(staleAfter)).ifPresent(work -> {
            try {
                actAs(work);
                process(work);
                store.finish(work.id(), "DONE", null, Instant.now());
            } catch (RuntimeException e) {
                log.warn("import {} stopped", work.id(), e);
                store.finish(work.id(), "FAILED", "Stopped after an unexpected error: " + e, Instant.now());
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    private void process(ImportStore.Work work) {
        RowImporter importer = importers.get(ImportKind.of(work.kind()).orElseThrow());
        List<List<CsvFile.Row>> units =
                importer.units(CsvFile.read(work.content(), importer.columns(), importer.required()));
        for (int unit = work.nextUnit(); unit < units.size(); unit++) {
            List<CsvFile.Row> rows = units.get(unit);
            int index = unit;
            List<RowOutcome> notYetRecorded = attempt(work, importer, rows, index);
            if (notYetRecorded != null) {
                tx.executeWithoutResult(status -> store.recordUnit(work.id(), index, notYetRecorded, Instant.now()));
            }
        }
    }

    /**
     * Applies the unit and records it in the same transaction; returns null then. A dry run's unit is rolled back and a
     * refused one too: then its outcomes are returned to be recorded on their own.
     */
    private List<RowOutcome> attempt(ImportStore.Work work, RowImporter importer, List<CsvFile.Row> rows, int index) {
        try {
            return tx.execute(status -> {
                List<RowOutcome> applied = importer.apply(rows);
                if (work.dryRun()) {
                    status.setRollbackOnly();
                    return applied.stream().map(o -> wouldApply(importer, o)).toList();
                }
                store.recordUnit(work.id(), index, applied, Instant.now());
                return null;
            });
        } catch (RowRejected e) {
            return importer.rejected(rows, e.line(), e.violations());
        } catch (OrdoException e) {
            return importer.rejected(rows, null, violations(e));
        } catch (DataIntegrityViolationException e) {
            // another import placed the same order meanwhile, or a value the database refused
            return importer.rejected(
                    rows,
                    null,
                    List.of(ImportRule.UNEXPECTED.at(null, e.getClass().getSimpleName())));
        } catch (DataAccessException e) {
            throw e; // the database is away: the job stops where it is, to be carried on
        } catch (RuntimeException e) {
            log.warn("import {}: a row failed unexpectedly", work.id(), e);
            return importer.rejected(
                    rows,
                    null,
                    List.of(ImportRule.UNEXPECTED.at(null, e.getClass().getSimpleName())));
        }
    }

    private static List<FieldViolation> violations(OrdoException e) {
        if (!e.violations().isEmpty()) {
            return e.violations();
        }
        return new ArrayList<>(List.of(new FieldViolation(null, e.getMessage(), e.errorCode(), List.of())));
    }

    /** A dry run's outcome; the number an order or customer got is not shown, as it was rolled back with it. */
    private static RowOutcome wouldApply(RowImporter importer, RowOutcome o) {
        if (!o.outcome().equals(RowImporter.APPLIED)) {
            return o;
        }
        boolean numbered = importer.kind() == ImportKind.ORDERS || importer.kind() == ImportKind.CUSTOMERS;
        return new RowOutcome(
                o.line(), "WOULD_APPLY", o.column(), o.reason(), o.reasonCode(), numbered ? null : o.result());
    }

    /** The rows are recorded as the uploader's doing, with the roles the uploader had. */
    private static void actAs(ImportStore.Work work) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(
                        work.ownerRoles().split(","))
                .filter(r -> !r.isBlank())
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(work.owner(), null, authorities));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
