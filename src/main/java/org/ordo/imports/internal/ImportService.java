package org.ordo.imports.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ordo.identity.Actor;
import org.ordo.imports.ImportKind;
import org.ordo.imports.ImportRule;
import org.ordo.imports.Imports;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Imports}: checks a file at once, keeps it with its job and hands the job to {@link ImportRunService}. */
@Component
class ImportService implements Imports {

    private final ImportStore store;
    private final ImportRunService runner;
    private final TransactionTemplate tx;
    private final long maxFileBytes;

    ImportService(
            ImportStore store,
            ImportRunService runner,
            TransactionTemplate tx,
            @Value("${ordo.imports.max-file-bytes:4000000}") long maxFileBytes) {
        this.store = store;
        this.runner = runner;
        this.tx = tx;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public Job start(String kindCode, String fileName, byte[] content, boolean dryRun) {
        ImportKind kind = allowedKind(kindCode);
        if (content == null || content.length == 0) {
            throw OrdoException.invalid(List.of(CommonRule.REQUIRED.at("file")));
        }
        if (content.length > maxFileBytes) {
            throw OrdoException.invalid(List.of(ImportRule.FILE_TOO_LARGE.at("file", maxFileBytes)));
        }
        return queue(kind, fileName, CsvFile.decode(content), dryRun);
    }

    @Override
    public List<ImportKind> kindsAllowed() {
        return ImportPolicy.kindsFor(Actor.current()).stream().sorted().toList();
    }

    @Override
    public Job apply(UUID dryRunId) {
        Job dryRun = find(dryRunId).orElseThrow(() -> OrdoException.notFound("import", dryRunId));
        if (!dryRun.dryRun() || !dryRun.status().equals("DONE")) {
            throw OrdoException.invalid(List.of(ImportRule.NOT_A_DRY_RUN.at("id")));
        }
        ImportKind kind = allowedKind(dryRun.kind());
        return queue(kind, dryRun.fileName(), store.content(dryRunId).orElseThrow(), false);
    }

    private Job queue(ImportKind kind, String fileName, String text, boolean dryRun) {
        RowImporter importer = runner.importer(kind);
        List<CsvFile.Row> rows = CsvFile.read(text, importer.columns(), importer.required());
        Actor actor = Actor.current();
        Job job = new Job(
                UUID.randomUUID(),
                kind.code(),
                fileName == null ? null : fileName.substring(Math.max(0, fileName.length() - 255)),
                dryRun,
                "QUEUED",
                actor.username(),
                rows.size(),
                0,
                0,
                0,
                0,
                null,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null);
        String roles = actor.roles().stream().map(Enum::name).collect(Collectors.joining(","));
        tx.executeWithoutResult(status -> {
            store.insert(job, text, roles, importer.units(rows).size());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.submit(job.id());
                }
            });
        });
        return job;
    }

    private static ImportKind allowedKind(String code) {
        ImportKind kind = ImportKind.of(code == null ? "" : code.trim())
                .orElseThrow(() -> OrdoException.invalid(List.of(
                        code == null || code.isBlank()
                                ? CommonRule.REQUIRED.at("kind")
                                : CommonRule.ONE_OF.at("kind", ImportKind.codes()))));
        List<String> allowed = ImportPolicy.kindsFor(Actor.current()).stream()
                .map(ImportKind::code)
                .toList();
        if (!allowed.contains(kind.code())) {
            FieldViolation violation = ImportRule.KIND_NOT_ALLOWED.at("kind", allowed);
            throw OrdoException.forbidden("You may not import " + kind.code() + ".", List.of(violation));
        }
        return kind;
    }

    @Override
    public Optional<Job> find(UUID id) {
        Actor actor = Actor.current();
        return store.find(id)
                .filter(job -> ImportPolicy.seesAll(actor) || job.owner().equals(actor.username()));
    }

    @Override
    public PageResult<Job> list(Paging paging) {
        Actor actor = Actor.current();
        return store.list(ImportPolicy.seesAll(actor) ? null : actor.username(), paging);
    }

    @Override
    public PageResult<RowOutcome> rows(UUID id, Paging paging) {
        Job job = find(id).orElseThrow(() -> OrdoException.notFound("import", id));
        return store.rows(job.id(), paging);
    }

    @Override
    public List<RowOutcome> errors(UUID id, int limit) {
        Job job = find(id).orElseThrow(() -> OrdoException.notFound("import", id));
        return store.errors(job.id(), limit);
    }
}
