package org.ordo.imports.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.ordo.imports.Imports;
import org.ordo.platform.Csv;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.shared.CommonRule;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Imports")
class ImportController {

    /** Who may import at all; which kinds each may import is {@link ImportPolicy}'s. */
    private static final String IMPORTERS = "hasAnyRole('ADMIN','SALES','WAREHOUSE')";

    /** How many problems the job's answer lists; all of them are in the CSV of errors. */
    private static final int ERRORS_SHOWN = 1000;

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    record JobView(Imports.Job job, List<Imports.RowOutcome> errors) {}

    @PostMapping("/api/imports")
    @PreAuthorize(IMPORTERS)
    @Operation(
            summary = "Import a CSV file",
            description = "Checks the file (UTF-8, ';' or ',', known columns) and runs it in the background: 202 with "
                    + "the job. kind: orders, products, customers, prices or stock-counts; dryRun=true shows what "
                    + "each row would do without saving.",
            // a form upload: the mapping does not insist on it, so that a caller without the role hears 403, not 415
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE)))
    ResponseEntity<Imports.Job> start(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "dryRun", required = false) String dryRun) {
        Imports.Job job =
                imports.start(kind, file == null ? null : file.getOriginalFilename(), bytes(file), flag(dryRun));
        return ResponseEntity.accepted()
                .location(URI.create("/api/imports/" + job.id()))
                .body(job);
    }

    @PostMapping("/api/imports/{id}/apply")
    @PreAuthorize(IMPORTERS)
    @Operation(
            summary = "Apply a dry run",
            description = "Runs the file of a finished dry run for real: 202 with the new job.")
    ResponseEntity<Imports.Job> apply(@PathVariable UUID id) {
        Imports.Job job = imports.apply(id);
        return ResponseEntity.accepted()
                .location(URI.create("/api/imports/" + job.id()))
                .body(job);
    }

    @GetMapping("/api/imports")
    @PreAuthorize(IMPORTERS)
    PageResult<Imports.Job> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return imports.list(Paging.of(page, size));
    }

    @GetMapping("/api/imports/{id}")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "An import's progress", description = "Status, counts and the rejected rows' problems.")
    JobView get(@PathVariable UUID id) {
        Imports.Job job = imports.find(id).orElseThrow(() -> OrdoException.notFound("import", id));
        return new JobView(job, imports.errors(id, ERRORS_SHOWN));
    }

    @GetMapping("/api/imports/{id}/rows")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "What became of each row", description = "By line; a dry run's WOULD_APPLY rows included.")
    PageResult<Imports.RowOutcome> rows(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return imports.rows(id, Paging.of(page, size));
    }

    @GetMapping("/api/imports/{id}/errors")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "The rejected rows as CSV", description = "line, column, reason: to fix the file by.")
    ResponseEntity<String> errors(@PathVariable UUID id) {
        List<List<Object>> rows = imports.errors(id, Integer.MAX_VALUE).stream()
                .map(e -> List.<Object>of(e.line(), e.column() == null ? "" : e.column(), e.reason()))
                .toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"")
                .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .body(Csv.of(List.of("line", "column", "reason"), rows));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean flag(String dryRun) {
        if (dryRun == null || dryRun.isBlank()) {
            return false;
        }
        return switch (dryRun.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw OrdoException.invalid(List.of(CommonRule.ONE_OF.at("dryRun", List.of("true", "false"))));
        };
    }
}
