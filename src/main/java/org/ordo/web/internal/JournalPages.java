package org.ordo.web.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.ordo.invoicing.AccountingJournal;
import org.ordo.platform.CompanyCalendar;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The accounting journal for a date range (this month by default): how many entries and what they debit and credit per
 * currency, and the download as CSV or JSON, the same as {@code GET /api/accounting/journal?from=&to=}.
 */
@Controller
class JournalPages {

    private final AccountingJournal journal;
    private final CompanyCalendar calendar;
    private final MessageSource messages;

    JournalPages(AccountingJournal journal, CompanyCalendar calendar, MessageSource messages) {
        this.journal = journal;
        this.calendar = calendar;
        this.messages = messages;
    }

    /** What the entries of one currency debit and credit in all: equal, as every entry balances. */
    public record Total(String currency, long lines, BigDecimal debit, BigDecimal credit) {}

    @GetMapping("/accounting/journal")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String journal(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = calendar.today();
        LocalDate first = day("from", from, today.withDayOfMonth(1), errors);
        LocalDate last = day("to", to, today, errors);
        AccountingJournal.Page page = journal.between(first, last);
        Map<String, Total> totals = new TreeMap<>();
        for (AccountingJournal.Entry e : page.entries()) {
            for (AccountingJournal.Line l : e.lines()) {
                Total t =
                        totals.getOrDefault(l.currency(), new Total(l.currency(), 0, BigDecimal.ZERO, BigDecimal.ZERO));
                totals.put(
                        l.currency(),
                        new Total(
                                l.currency(),
                                t.lines() + 1,
                                t.debit().add(new BigDecimal(l.debit())),
                                t.credit().add(new BigDecimal(l.credit()))));
            }
        }
        model.addAttribute("from", first.toString());
        model.addAttribute("fromDay", first);
        model.addAttribute("toDay", last);
        model.addAttribute("to", last.toString());
        model.addAttribute("entries", page.entries().size());
        model.addAttribute("totals", totals.values());
        model.addAttribute("errors", errors);
        model.addAttribute("tab", "journal");
        return "accounting/journal";
    }

    @GetMapping("/accounting/journal.csv")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    ResponseEntity<?> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = calendar.today();
        LocalDate first = day("from", from, today.withDayOfMonth(1), new LinkedHashMap<>());
        LocalDate last = day("to", to, today, new LinkedHashMap<>());
        return AccountingPages.csvResponse(
                "journal-" + first + "-" + last + ".csv", AccountingJournal.csv(journal.between(first, last)));
    }

    @GetMapping("/accounting/journal.json")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    ResponseEntity<AccountingJournal.Page> json(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = calendar.today();
        LocalDate first = day("from", from, today.withDayOfMonth(1), new LinkedHashMap<>());
        LocalDate last = day("to", to, today, new LinkedHashMap<>());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("journal-" + first + "-" + last + ".json")
                                .build()
                                .toString())
                .body(journal.between(first, last));
    }

    private LocalDate day(String field, String value, LocalDate otherwise, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, messages.getMessage("error.date", null, LocaleContextHolder.getLocale()));
            return otherwise;
        }
    }
}
