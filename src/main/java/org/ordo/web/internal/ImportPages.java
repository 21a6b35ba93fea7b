package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.ordo.imports.Imports;
import org.ordo.platform.Csv;
import org.ordo.platform.Paging;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /imports}: upload a CSV file of a kind the user may import, as a dry run (each row's outcome, nothing saved)
 * or for real; a job's page follows its progress by reloading itself until it is finished, then shows every row's
 * outcome, the problems to download as CSV, and for a dry run the button that applies it.
 */
@Controller
class ImportPages {

    /** The rows a job's page shows; the rest are in the API and, for problems, in the CSV. */
    private static final int ROWS_SHOWN = 500;

    private final Imports imports;
    private final ViolationTexts violations;

    ImportPages(Imports imports, ViolationTexts violations) {
        this.imports = imports;
        this.violations = violations;
    }

    @GetMapping("/imports")
    @PreAuthorize(PageAccess.IMPORTERS)
    String start(Model model) {
        return form(model, "", true, List.of());
    }

    @PostMapping("/imports")
    @PreAuthorize(PageAccess.IMPORTERS)
    String upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String dryRun,
            Model model,
            HttpServletResponse response) {
        boolean dry = dryRun != null;
        try {
            Imports.Job job = imports.start(kind, file == null ? null : file.getOriginalFilename(), bytes(file), dry);
            return "redirect:/imports/" + job.id();
        } catch (OrdoException refused) {
            AdminForms.status(refused, response);
            List<String> problems = refused.violations().isEmpty()
                    ? List.of(refused.getMessage())
                    : refused.violations().stream().map(violations::of).toList();
            return form(model, kind == null ? "" : kind, dry, problems);
        }
    }

    private String form(Model model, String kind, boolean dryRun, List<String> problems) {
        model.addAttribute("kinds", imports.kindsAllowed());
        model.addAttribute("kind", kind);
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("problems", problems);
        model.addAttribute("jobs", imports.list(Paging.of(0, 20)).items());
        return "imports/start";
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize(PageAccess.IMPORTERS)
    String job(@PathVariable UUID id, Model model) {
        Imports.Job job = imports.find(id).orElseThrow(() -> OrdoException.notFound("import", id));
        model.addAttribute("job", job);
        model.addAttribute("rows", imports.rows(id, new Paging(0, ROWS_SHOWN)));
        model.addAttribute("percent", job.totalRows() == 0 ? 100 : job.processedRows() * 100 / job.totalRows());
        return "imports/job";
    }

    @PostMapping("/imports/{id}/apply")
    @PreAuthorize(PageAccess.IMPORTERS)
    String apply(@PathVariable UUID id) {
        return "redirect:/imports/" + imports.apply(id).id();
    }

    @GetMapping("/imports/{id}/errors.csv")
    @PreAuthorize(PageAccess.IMPORTERS)
    ResponseEntity<String> errors(@PathVariable UUID id) {
        List<List<Object>> rows = imports.errors(id, Integer.MAX_VALUE).stream()
                .map(e -> List.<Object>of(e.line(), e.column() == null ? "" : e.column(), e.reason()))
                .toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-errors.csv\"")
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
}
