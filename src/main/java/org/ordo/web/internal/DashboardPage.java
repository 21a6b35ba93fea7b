package org.ordo.web.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ordo.identity.Actor;
import org.ordo.inventory.StockLevel;
import org.ordo.inventory.StockLevelSearch;
import org.ordo.orders.OrderStatus;
import org.ordo.platform.CompanyCalendar;
import org.ordo.platform.Csv;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.reporting.KeyFigures;
import org.ordo.reporting.RiskAlerts;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard: today's orders and revenue, orders by status, backorders, overdue invoices, low stock and the key figures
 * of a period (default: the last 30 days, today included), with charts drawn by Chart.js from configurations built here.
 * Users who may not see reports land on the orders instead.
 */
@Controller
class DashboardPage {

    static final int DEFAULT_DAYS = 30;
    static final int LOW_STOCK_SHOWN = 10;
    static final int RISKS_SHOWN = 8;

    /** Colours of the statuses in the chart, in the spirit of the badges on the order pages. */
    private static final Map<OrderStatus, String> STATUS_COLOURS = Map.of(
            OrderStatus.DRAFT,
            "#adb5bd",
            OrderStatus.PLACED,
            "#6ea8fe",
            OrderStatus.CONFIRMED,
            "#0d6efd",
            OrderStatus.IN_FULFILLMENT,
            "#6f42c1",
            OrderStatus.PARTIALLY_SHIPPED,
            "#d63384",
            OrderStatus.SHIPPED,
            "#fd7e14",
            OrderStatus.DELIVERED,
            "#20c997",
            OrderStatus.COMPLETED,
            "#198754",
            OrderStatus.ON_HOLD,
            "#ffc107",
            OrderStatus.CANCELLED,
            "#dc3545");

    private static final List<String> REVENUE_COLOURS = List.of("#198754", "#0dcaf0", "#6610f2");

    private final KeyFigures figures;
    private final RiskAlerts risks;
    private final StockLevelSearch stock;
    private final MessageSource messages;
    private final JsonMapper json;
    private final CompanyCalendar calendar;
    private final ViolationTexts violations;

    DashboardPage(
            KeyFigures figures,
            RiskAlerts risks,
            StockLevelSearch stock,
            MessageSource messages,
            JsonMapper json,
            ViolationTexts violations,
            CompanyCalendar calendar) {
        this.calendar = calendar;
        this.figures = figures;
        this.risks = risks;
        this.stock = stock;
        this.messages = messages;
        this.json = json;
        this.violations = violations;
    }

    /** The key figures of the period as CSV, one row per figure; a malformed or reversed period is a 400. */
    @GetMapping("/dashboard/key-figures.csv")
    @PreAuthorize(PageAccess.MANAGERS)
    ResponseEntity<String> keyFiguresCsv(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = calendar.today();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = date("from", from, today.minusDays(DEFAULT_DAYS - 1), errors);
        LocalDate end = date("to", to, today, errors);
        if (!errors.isEmpty()) {
            throw OrdoException.invalid(errors.keySet().iterator().next(), "must be a date such as 2026-11-21");
        }
        KeyFigures.Csv csv = figures.csv(start, end);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(csv.fileName())
                                .build()
                                .toString())
                .body(csv.text());
    }

    /** The start page: the dashboard for those who may see it, the orders for everyone else. */
    @GetMapping("/")
    String home(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        return PageAccess.mayUseDashboard(Actor.current())
                ? dashboard(from, to, model)
                : "redirect:" + PageAccess.home(Actor.current());
    }

    @GetMapping("/dashboard")
    @PreAuthorize(PageAccess.MANAGERS)
    String dashboard(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        LocalDate today = calendar.today();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = date("from", from, today.minusDays(DEFAULT_DAYS - 1), errors);
        LocalDate end = date("to", to, today, errors);
        KeyFigures.Summary summary = null;
        if (errors.isEmpty()) {
            try {
                summary = figures.summary(start, end);
            } catch (OrdoException invalid) {
                for (FieldViolation v : invalid.violations()) {
                    errors.put(v.field(), violations.of(v));
                }
            }
        }
        if (summary == null) {
            // the period shown falls back to the default; the fields keep what was typed, with the reason next to them
            start = today.minusDays(DEFAULT_DAYS - 1);
            end = today;
            summary = figures.summary(start, end);
        }
        model.addAttribute("from", from == null ? start.toString() : from);
        model.addAttribute("to", to == null ? end.toString() : to);
        errors.replaceAll((field, key) -> key.startsWith("error.") ? text(key) : key);
        model.addAttribute("errors", errors);
        model.addAttribute("period", summary);
        model.addAttribute("service", figures.service(start, end));
        model.addAttribute("quotes", figures.quotations(start, end));
        model.addAttribute("mayQuote", PageAccess.mayTakeOrders(Actor.current()));

        List<KeyFigures.DaySales> todays = figures.salesByDay(today, today);
        model.addAttribute(
                "todayOrders",
                todays.stream().mapToLong(KeyFigures.DaySales::orders).sum());
        model.addAttribute(
                "todayRevenue",
                todays.stream().map(KeyFigures.DaySales::netRevenue).toList());

        Map<OrderStatus, Long> byStatus = figures.ordersByStatus(start, end);
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("backorders", figures.backorders());
        model.addAttribute("overdue", figures.overdue(today));
        PageResult<StockLevel> low = stock.levels(null, null, true, Paging.of(0, LOW_STOCK_SHOWN));
        model.addAttribute("lowStock", low);
        riskPanel(model);

        List<KeyFigures.DaySales> days = figures.salesByDay(start, end);
        model.addAttribute("ordersChart", json.writeValueAsString(ordersAndRevenue(start, end, days)));
        model.addAttribute("statusChart", json.writeValueAsString(statusChart(byStatus)));
        return "dashboard";
    }

    /** The risks the user's roles can act on: how many of each kind, and the most severe first. */
    private void riskPanel(Model model) {
        Set<RiskAlerts.Type> visible = RiskAlerts.Type.visibleTo(
                Actor.current().roles().stream().map(Enum::name).toList());
        List<RiskAlerts.Alert> alerts = visible.isEmpty() ? List.of() : risks.alerts(visible, null);
        Map<RiskAlerts.Type, Long> counts = new LinkedHashMap<>();
        visible.forEach(type -> counts.put(type, 0L));
        alerts.forEach(a -> counts.merge(a.type(), 1L, Long::sum));
        model.addAttribute("riskCounts", counts);
        model.addAttribute("risks", alerts.stream().limit(RISKS_SHOWN).toList());
        model.addAttribute("riskTotal", alerts.size());
    }

    /** Orders per day (bars, left axis) and net revenue per day and currency (lines, right axis); days without orders are 0. */
    Map<String, Object> ordersAndRevenue(LocalDate start, LocalDate end, List<KeyFigures.DaySales> days) {
        DailySeries series = DailySeries.of(start, end, days, new Formats());
        List<Object> datasets = new ArrayList<>();
        datasets.add(ordersDataset(series.orders()));
        int i = 0;
        for (String currency : series.revenue().keySet()) {
            String colour = REVENUE_COLOURS.get(i++ % REVENUE_COLOURS.size());
            datasets.add(revenueDataset(currency, series.revenueOnEachDay(currency), colour));
        }
        return Map.of(
                "type",
                "bar",
                "data",
                Map.of("labels", series.labels(), "datasets", datasets),
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
                        ordersAndRevenueScales(series.revenue().keySet())));
    }

    /**
     * The days of a period with their labels, the orders of each day (0 where there were none) and the net revenue of
     * each day per currency (only the days with sales).
     */
    private record DailySeries(
            List<String> labels, Map<LocalDate, Long> orders, Map<String, Map<LocalDate, BigDecimal>> revenue) {

        static DailySeries of(LocalDate start, LocalDate end, List<KeyFigures.DaySales> days, Formats fmt) {
            List<String> labels = new ArrayList<>();
            Map<LocalDate, Long> orders = new TreeMap<>();
            Map<String, Map<LocalDate, BigDecimal>> revenue = new TreeMap<>();
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                labels.add(fmt.day(d));
                orders.put(d, 0L);
            }
            for (KeyFigures.DaySales s : days) {
                orders.merge(s.day(), s.orders(), Long::sum);
                revenue.computeIfAbsent(s.currency(), c -> new TreeMap<>())
                        .merge(s.day(), s.netRevenue().amount(), BigDecimal::add);
            }
            return new DailySeries(labels, orders, revenue);
        }

        /** One currency's revenue on every day of the period, 0 on the days without sales in it. */
        List<BigDecimal> revenueOnEachDay(String currency) {
            List<BigDecimal> values = new ArrayList<>();
            for (LocalDate d : orders.keySet()) {
                values.add(revenue.get(currency).getOrDefault(d, BigDecimal.ZERO));
            }
            return values;
        }
    }

    private Map<String, Object> ordersDataset(Map<LocalDate, Long> orders) {
        return Map.of(
                "type",
                "bar",
                "label",
                text("dashboard.chart.orders"),
                "data",
                List.copyOf(orders.values()),
                "yAxisID",
                "orders",
                "backgroundColor",
                "rgba(13, 110, 253, 0.55)",
                "order",
                2);
    }

    private Map<String, Object> revenueDataset(String currency, List<BigDecimal> values, String colour) {
        return Map.of(
                "type",
                "line",
                "label",
                text("dashboard.chart.revenue", currency),
                "data",
                values,
                "yAxisID",
                "revenue",
                "borderColor",
                colour,
                "backgroundColor",
                colour,
                "tension",
                0,
                "pointRadius",
                2,
                "order",
                1);
    }

    /** The orders' axis on the left, counting whole orders; the revenue's on the right, naming its currencies. */
    private Map<String, Object> ordersAndRevenueScales(Set<String> currencies) {
        Map<String, Object> scales = new LinkedHashMap<>();
        scales.put(
                "orders",
                Map.of(
                        "type",
                        "linear",
                        "position",
                        "left",
                        "beginAtZero",
                        true,
                        "ticks",
                        Map.of("precision", 0),
                        "title",
                        Map.of("display", true, "text", text("dashboard.chart.orders"))));
        scales.put(
                "revenue",
                Map.of(
                        "type",
                        "linear",
                        "position",
                        "right",
                        "beginAtZero",
                        true,
                        "grid",
                        Map.of("drawOnChartArea", false),
                        "title",
                        Map.of(
                                "display",
                                true,
                                "text",
                                text("dashboard.chart.revenueAxis", String.join(", ", currencies)))));
        return scales;
    }

    Map<String, Object> statusChart(Map<OrderStatus, Long> byStatus) {
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (OrderStatus status : new TreeSet<>(byStatus.keySet())) {
            labels.add(text("order.status." + status.name()));
            counts.add(byStatus.get(status));
            colours.add(STATUS_COLOURS.get(status));
        }
        return Map.of(
                "type",
                "doughnut",
                "data",
                Map.of("labels", labels, "datasets", List.of(Map.of("data", counts, "backgroundColor", colours))),
                "options",
                Map.of(
                        "responsive",
                        true,
                        "maintainAspectRatio",
                        false,
                        "animation",
                        false,
                        "plugins",
                        Map.of("legend", Map.of("position", "right"))));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A date parameter, its default when absent; a malformed one is reported next to its field. */
    private static LocalDate date(String field, String value, LocalDate fallback, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "error.date");
            return fallback;
        }
    }
}
