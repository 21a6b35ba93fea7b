package org.ordo.invoicing.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ordo.invoicing.AccountingJournal;
import org.ordo.platform.Csv;
import org.ordo.shared.CommonRule;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/accounting/journal} for accounting systems, ADMIN and ACCOUNTING: the entries of a date range
 * ({@code from}, {@code to}, both included), or the entries booked after a cursor ({@code after}; the answer's
 * {@code cursor} is what to ask after next time, in the CSV the {@code Ordo-Journal-Cursor} header).
 */
@RestController
@Tag(name = "Accounting")
class JournalController {

    static final String CURSOR_HEADER = "Ordo-Journal-Cursor";
    private static final String ACCOUNTANTS = "hasAnyRole('ADMIN','ACCOUNTING')";
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 5000;

    private final AccountingJournal journal;

    JournalController(AccountingJournal journal) {
        this.journal = journal;
    }

    @GetMapping(path = "/api/accounting/journal", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ACCOUNTANTS)
    AccountingJournal.Page journal(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit) {
        if (after == null) {
            LocalDate first = day("from", from);
            LocalDate last = day("to", to);
            if (first != null && last != null && last.isBefore(first)) {
                throw OrdoException.invalid("to", "must not be before from");
            }
            return journal.between(first, last);
        }
        List<FieldViolation> invalid = new ArrayList<>();
        if (from != null || to != null) {
            invalid.add(new FieldViolation(from != null ? "from" : "to", "cannot be combined with after"));
        }
        if (after < 0) {
            invalid.add(CommonRule.ZERO_OR_GREATER.at("after"));
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            invalid.add(new FieldViolation("limit", "must be from 1 to " + MAX_LIMIT));
        }
        if (!invalid.isEmpty()) {
            throw OrdoException.invalid(invalid);
        }
        return journal.after(after, limit == null ? DEFAULT_LIMIT : limit);
    }

    /** One row per line, the entry's fields repeated on each. */
    @GetMapping(path = "/api/accounting/journal", produces = "text/csv")
    @PreAuthorize(ACCOUNTANTS)
    ResponseEntity<String> journalCsv(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit) {
        AccountingJournal.Page page = journal(from, to, after, limit);
        String name = after != null
                ? "journal-after-" + after + ".csv"
                : "journal-" + (from == null ? "start" : from) + "-" + (to == null ? "now" : to) + ".csv";
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString());
        if (page.cursor() != null) {
            response.header(CURSOR_HEADER, page.cursor().toString());
        }
        return response.body(AccountingJournal.csv(page));
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw OrdoException.invalid(List.of(CommonRule.MALFORMED.at(field, "a date such as 2026-11-21")));
        }
    }
}
