package org.ordo.reporting.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Csv;
import org.ordo.shared.OrdoException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportController {

    private static final String MANAGERS = "hasAnyRole('ADMIN','SALES','ACCOUNTING')";

    record SalesRows(Period period, String groupBy, List<SalesReportQueries.Row> rows) {}

    private final KeyFigureReportQueries keyFigures;
    private final ArAgingQueries aging;
    private final CompanyCalendar calendar;

    ReportController(KeyFigureReportQueries keyFigures, ArAgingQueries aging, CompanyCalendar calendar) {
        this.calendar = calendar;
        this.keyFigures = keyFigures;
        this.aging = aging;
    }

    @GetMapping(path = "/api/reports/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(MANAGERS)
    Kpis kpis(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "90") int slowMoverDays) {
        return keyFigures.kpis(Period.parse(from, to, calendar.zone()), slowMoverDays);
    }

    /** The same figures as CSV, one row per figure. */
    @GetMapping(path = "/api/reports/kpis", produces = "text/csv")
    @PreAuthorize(MANAGERS)
    ResponseEntity<String> kpisCsv(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "90") int slowMoverDays) {
        Kpis kpis = kpis(from, to, slowMoverDays);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(KeyFigureCsvRenderer.fileName(kpis.period()))
                                .build()
                                .toString())
                .body(KeyFigureCsvRenderer.csv(kpis));
    }

    @GetMapping(path = "/api/reports/sales", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(MANAGERS)
    @Transactional(readOnly = true)
    SalesRows sales(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy) {
        Period period = Period.parse(from, to, calendar.zone());
        SalesReportQueries.GroupBy grouping = SalesReportQueries.groupBy(groupBy);
        return new SalesRows(period, grouping.name().toLowerCase(), keyFigures.salesRows(period, grouping));
    }

    @GetMapping(path = "/api/reports/sales", produces = "text/csv")
    @PreAuthorize(MANAGERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> salesCsv(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy) {
        SalesRows report = sales(from, to, groupBy);
        List<List<Object>> rows = new ArrayList<>();
        for (SalesReportQueries.Row r : report.rows()) {
            rows.add(List.of(
                    r.key(), r.label() == null ? "" : r.label(), r.currency(), r.orders(), r.units(), r.netRevenue()));
        }
        String csv = Csv.of(List.of(report.groupBy(), "label", "currency", "orders", "units", "netRevenue"), rows);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("sales-" + report.groupBy() + "-"
                                        + report.period().from() + "-"
                                        + report.period().to() + ".csv")
                                .build()
                                .toString())
                .body(csv);
    }

    @GetMapping(path = "/api/reports/ar-aging", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(MANAGERS)
    @Transactional(readOnly = true)
    ArAgingQueries.Report arAging(
            @RequestParam(required = false) String asOf, @RequestParam(required = false) UUID customerId) {
        return aging.asOf(day(asOf), customerId);
    }

    @GetMapping(path = "/api/reports/ar-aging", produces = "text/csv")
    @PreAuthorize(MANAGERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> arAgingCsv(
            @RequestParam(required = false) String asOf, @RequestParam(required = false) UUID customerId) {
        ArAgingQueries.Report report = arAging(asOf, customerId);
        List<List<Object>> rows = new ArrayList<>();
        for (ArAgingQueries.CustomerRow r : report.customers()) {
            rows.add(agingRow(r.customerId().toString(), r.customerName(), r.currency(), r.buckets()));
        }
        for (ArAgingQueries.TotalRow t : report.totals()) {
            rows.add(agingRow("", "TOTAL", t.currency(), t.buckets()));
        }
        String csv = Csv.of(
                List.of(
                        "customerId",
                        "customerName",
                        "currency",
                        "current",
                        "days1To30",
                        "days31To60",
                        "days61To90",
                        "over90",
                        "total",
                        "invoices"),
                rows);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("ar-aging-" + report.asOf() + ".csv")
                                .build()
                                .toString())
                .body(csv);
    }

    private static List<Object> agingRow(String customerId, String name, String currency, ArAgingQueries.Buckets b) {
        List<Object> row = new ArrayList<>(List.of(customerId, name, currency));
        row.addAll(List.of((Object[]) ArAgingQueries.amounts(b)));
        row.add(b.invoices());
        return row;
    }

    /** A date such as 2026-11-21; the company's today when absent. */
    private LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return calendar.today();
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw OrdoException.invalid("asOf", "must be a date such as 2026-11-21");
        }
    }
}
