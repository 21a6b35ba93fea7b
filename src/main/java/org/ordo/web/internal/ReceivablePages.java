package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.identity.Actor;
import org.ordo.invoicing.Accounting;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Csv;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.reporting.AgingReport;
import org.ordo.shared.Money;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receivables: the overdue invoices with their reminder level and the dunning run started by hand (a background job whose
 * progress the page polls), the background jobs' own pages, and AR aging per customer with a stacked bar chart per currency.
 */
@Controller
class ReceivablePages {

    static final int PAGE_SIZE = 25;
    /** The chart shows the customers owing most; the table shows them all. */
    static final int CUSTOMERS_IN_CHART = 15;

    static final int AGING_PAGE_SIZE = 50;
    static final List<String> BUCKETS = List.of("current", "days1To30", "days31To60", "days61To90", "over90");
    private static final List<String> BUCKET_COLOURS = List.of("#198754", "#ffc107", "#fd7e14", "#dc3545", "#842029");

    private final Accounting accounting;
    private final AgingReport aging;
    private final PageJobs jobs;
    private final MessageSource messages;
    private final JsonMapper json;
    private final CompanyCalendar calendar;

    ReceivablePages(
            Accounting accounting,
            AgingReport aging,
            PageJobs jobs,
            MessageSource messages,
            JsonMapper json,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.accounting = accounting;
        this.aging = aging;
        this.jobs = jobs;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/accounting/reminders")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String reminders(@RequestParam(required = false) String page, Model model) {
        LocalDate today = calendar.today();
        PageResult<Accounting.Overdue> result =
                accounting.overdue(today, Paging.of(AccountingPages.pageNumber(page), PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Math.max(0, (int) ((result.totalItems() - 1) / PAGE_SIZE)));
        model.addAttribute("tab", "reminders");
        return "accounting/reminders";
    }

    @GetMapping("/accounting/reminders.csv")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    ResponseEntity<?> remindersCsv() {
        LocalDate today = calendar.today();
        List<List<Object>> rows = new ArrayList<>();
        int page = 0;
        PageResult<Accounting.Overdue> result;
        do {
            result = accounting.overdue(today, Paging.of(page++, Paging.MAX_SIZE));
            for (Accounting.Overdue o : result.items()) {
                rows.add(List.of(
                        o.number(),
                        o.customerName() == null ? "" : o.customerName(),
                        o.status().name(),
                        o.dueDate().toString(),
                        o.daysPastDue(),
                        o.amountDue().currencyCode(),
                        o.amountDue().amount(),
                        o.reminderLevel(),
                        o.lastReminderAt() == null ? "" : o.lastReminderAt().toString()));
            }
        } while (result.items().size() == Paging.MAX_SIZE
                && page < AccountingPages.DIRECT_EXPORT_LIMIT / Paging.MAX_SIZE);
        return AccountingPages.csvResponse(
                "overdue-" + today + ".csv",
                Csv.of(
                        List.of(
                                "number",
                                "customer",
                                "status",
                                "dueDate",
                                "daysPastDue",
                                "currency",
                                "amountDue",
                                "reminderLevel",
                                "lastReminderAt"),
                        rows));
    }

    /** Starts the dunning run in the background; the page then polls its progress. */
    @PostMapping("/accounting/reminders/run")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String runReminders(RedirectAttributes redirect) {
        try {
            String id = jobs.start(
                    "dunning",
                    Actor.current().username(),
                    progress -> accounting.runDunning((done, total) -> {
                        progress.total(total);
                        progress.done(done);
                    }));
            return "redirect:/accounting/jobs/" + id;
        } catch (IllegalStateException busy) {
            redirect.addFlashAttribute("refused", "accounting.job.busy");
            return "redirect:/accounting/reminders";
        }
    }

    @GetMapping("/accounting/jobs/{id}")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String job(@PathVariable String id, Model model) {
        PageJobs.View job = ownJob(id);
        model.addAttribute("job", job);
        model.addAttribute("tab", "dunning".equals(job.kind()) ? "reminders" : "invoices");
        return "accounting/job";
    }

    /** The progress fragment htmx polls while the job runs; once it is done the fragment carries no trigger and polling stops. */
    @GetMapping("/accounting/jobs/{id}/progress")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", ownJob(id));
        return "accounting/job :: progress";
    }

    @GetMapping("/accounting/jobs/{id}/download")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    ResponseEntity<?> download(@PathVariable String id) {
        PageJobs.View job = ownJob(id);
        if (!(job.result() instanceof AccountingPages.ExportFile file)) {
            throw OrdoException.notFound("Export", id);
        }
        return AccountingPages.csvResponse(file.fileName(), file.csv());
    }

    private PageJobs.View ownJob(String id) {
        return jobs.find(id, Actor.current().username()).orElseThrow(() -> OrdoException.notFound("Job", id));
    }

    /** The aging's day as chosen, for the paging links of its customer table. */
    public record AgingQuery(String asOf) {

        public String query(int page) {
            return ListLink.to("/accounting/aging").filter("asOf", asOf).page(page);
        }
    }

    @GetMapping("/accounting/aging")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    String aging(
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String page,
            Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = day(asOf, errors);
        AgingReport.Aging report = aging.asOf(day);
        // the totals and the chart cover everyone; the table pages, so thousands of customers owing make no giant page
        List<AgingReport.CustomerRow> customers = report.customers();
        int lastPage = Math.max(0, (customers.size() - 1) / AGING_PAGE_SIZE);
        int pageNumber = Math.min(Downloads.page(page), lastPage);
        model.addAttribute(
                "rows",
                customers.subList(
                        Math.min(customers.size(), pageNumber * AGING_PAGE_SIZE),
                        Math.min(customers.size(), (pageNumber + 1) * AGING_PAGE_SIZE)));
        model.addAttribute("page", pageNumber);
        model.addAttribute("lastPage", lastPage);
        model.addAttribute("filter", new AgingQuery(errors.isEmpty() ? asOf : null));
        model.addAttribute("asOf", asOf == null || asOf.isBlank() ? day.toString() : asOf);
        model.addAttribute("errors", errors);
        model.addAttribute("report", report);
        model.addAttribute("buckets", BUCKETS);
        List<Map<String, Object>> charts = new ArrayList<>();
        for (AgingReport.TotalRow total : report.totals()) {
            charts.add(Map.of(
                    "currency", total.currency(), "config", json.writeValueAsString(chart(report, total.currency()))));
        }
        model.addAttribute("charts", charts);
        model.addAttribute("tab", "aging");
        return "accounting/aging";
    }

    @GetMapping("/accounting/aging.csv")
    @PreAuthorize(PageAccess.ACCOUNTANTS)
    ResponseEntity<?> agingCsv(@RequestParam(required = false) String asOf) {
        LocalDate day = day(asOf, new LinkedHashMap<>());
        AgingReport.Aging report = aging.asOf(day);
        List<List<Object>> rows = new ArrayList<>();
        for (AgingReport.CustomerRow r : report.customers()) {
            rows.add(row(r.customerId().toString(), r.customerName(), r.currency(), r.buckets()));
        }
        for (AgingReport.TotalRow t : report.totals()) {
            rows.add(row("", "TOTAL", t.currency(), t.buckets()));
        }
        return AccountingPages.csvResponse(
                "ar-aging-" + day + ".csv",
                Csv.of(
                        List.of(
                                "customerId",
                                "customer",
                                "currency",
                                "current",
                                "days1To30",
                                "days31To60",
                                "days61To90",
                                "over90",
                                "total",
                                "invoices"),
                        rows));
    }

    private static List<Object> row(String id, String name, String currency, AgingReport.Buckets b) {
        List<Object> row = new ArrayList<>(List.of(id, name == null ? "" : name, currency));
        b.amounts().forEach(m -> row.add(m.amount()));
        row.add(b.total().amount());
        row.add(b.invoices());
        return row;
    }

    /** Customers (those owing most, in one currency) on the x axis, one stacked dataset per bucket. */
    Map<String, Object> chart(AgingReport.Aging report, String currency) {
        List<AgingReport.CustomerRow> rows = report.customers().stream()
                .filter(r -> r.currency().equals(currency))
                .sorted(Comparator.comparing((AgingReport.CustomerRow r) ->
                                r.buckets().total().amount())
                        .reversed())
                .limit(CUSTOMERS_IN_CHART)
                .toList();
        List<String> labels = rows.stream()
                .map(r -> r.customerName() == null ? r.customerId().toString() : r.customerName())
                .toList();
        List<Object> datasets = new ArrayList<>();
        for (int b = 0; b < BUCKETS.size(); b++) {
            int bucket = b;
            List<BigDecimal> values = rows.stream()
                    .map(r -> r.buckets().amounts().get(bucket))
                    .map(Money::amount)
                    .toList();
            datasets.add(Map.of(
                    "label",
                    text("accounting.aging." + BUCKETS.get(b)),
                    "data",
                    values,
                    "backgroundColor",
                    BUCKET_COLOURS.get(b),
                    "stack",
                    "open"));
        }
        Map<String, Object> scales = new LinkedHashMap<>();
        scales.put("x", Map.of("stacked", true));
        scales.put(
                "y",
                Map.of(
                        "stacked",
                        true,
                        "beginAtZero",
                        true,
                        "title",
                        Map.of("display", true, "text", text("accounting.aging.axis", currency))));
        return Map.of(
                "type",
                "bar",
                "data",
                Map.of("labels", labels, "datasets", datasets),
                "options",
                Map.of(
                        "responsive",
                        true,
                        "maintainAspectRatio",
                        false,
                        "animation",
                        false,
                        "interaction",
                        Map.of("mode", "index", "intersect", false),
                        "scales",
                        scales));
    }

    private LocalDate day(String value, Map<String, String> errors) {
        LocalDate today = calendar.today();
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put("asOf", text("error.date"));
            return today;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
