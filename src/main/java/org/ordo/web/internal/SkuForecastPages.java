package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.catalog.Catalog;
import org.ordo.catalog.ProductSnapshot;
import org.ordo.forecasting.ForecastReports;
import org.ordo.forecasting.StockPolicies;
import org.ordo.identity.Actor;
import org.ordo.inventory.StockKeeping;
import org.ordo.inventory.StockLevel;
import org.ordo.shared.FieldViolation;
import org.ordo.shared.OrdoException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * One SKU's forecast: weekly history and forecast in one chart, the backtest's error, and the stock policy of each
 * warehouse, which those who plan stock compute at a service level or set by hand through the forecasting module's
 * policy service. What it refuses is shown at the field, by rule code, in the user's language.
 */
@Controller
class SkuForecastPages {

    static final int WEEKS_AHEAD = 12;

    private final ForecastReports forecasts;
    private final StockPolicies policies;
    private final StockKeeping stock;
    private final Catalog catalog;
    private final ViolationTexts violations;
    private final MessageSource messages;
    private final ForecastChart chart;

    SkuForecastPages(
            ForecastReports forecasts,
            StockPolicies policies,
            StockKeeping stock,
            Catalog catalog,
            ViolationTexts violations,
            MessageSource messages,
            JsonMapper json) {
        this.forecasts = forecasts;
        this.policies = policies;
        this.stock = stock;
        this.catalog = catalog;
        this.violations = violations;
        this.messages = messages;
        this.chart = new ForecastChart(messages, json);
    }

    /** The policy forms as typed; {@code mode} is {@code computed} or {@code manual}. */
    public record PolicyForm(
            String mode,
            String warehouse,
            String serviceLevel,
            String leadTimeDays,
            String safetyStock,
            String reorderPoint) {

        static PolicyForm blank(String warehouse) {
            return new PolicyForm("computed", warehouse, "95", "", "", "");
        }
    }

    /** How a computed policy came about, with decimals for the formats. */
    public record ComputationView(
            BigDecimal serviceLevel,
            BigDecimal z,
            int leadTimeDays,
            String leadTimeFrom,
            BigDecimal expectedDemand,
            BigDecimal standardDeviation,
            String method)
            implements Serializable {

        static ComputationView of(StockPolicies.Computation c) {
            return c == null
                    ? null
                    : new ComputationView(
                            BigDecimal.valueOf(c.serviceLevel()),
                            decimal(c.z()),
                            c.leadTimeDays(),
                            c.leadTimeFrom(),
                            decimal(c.expectedDemand()),
                            decimal(c.standardDeviation()),
                            c.method());
        }

        private static BigDecimal decimal(double value) {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
        }
    }

    @GetMapping("/purchasing/forecasts/{sku}")
    @PreAuthorize(PageAccess.FORECAST_READERS)
    String forecast(@PathVariable String sku, @RequestParam(required = false) String warehouse, Model model) {
        String chosen = warehouse == null || warehouse.isBlank() ? null : warehouse.trim();
        return page(sku, chosen, PolicyForm.blank(chosen), Map.of(), model);
    }

    /** A policy just saved, kept in the session for the page after the redirect; {@code computation} null by hand. */
    public record SavedPolicy(String warehouse, long safetyStock, long reorderPoint, ComputationView computation)
            implements Serializable {}

    @PostMapping("/purchasing/forecasts/{sku}")
    @PreAuthorize(PageAccess.STOCK_PLANNERS)
    String setPolicy(
            @PathVariable String sku,
            @RequestParam(required = false) String view,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String serviceLevel,
            @RequestParam(required = false) String leadTimeDays,
            @RequestParam(required = false) String safetyStock,
            @RequestParam(required = false) String reorderPoint,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        PolicyForm form = new PolicyForm(
                "manual".equals(mode) ? "manual" : "computed",
                warehouse,
                serviceLevel,
                leadTimeDays,
                safetyStock,
                reorderPoint);
        Map<String, String> errors = new LinkedHashMap<>();
        StockPolicies.PolicyRequest request = request(form, errors);
        String shown = view == null || view.isBlank() ? null : view;
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(sku, shown, form, errors, model);
        }
        try {
            StockPolicies.PolicyView saved = policies.set(sku, warehouse == null ? "" : warehouse, request);
            redirect.addFlashAttribute(
                    "saved",
                    new SavedPolicy(
                            saved.warehouse(),
                            saved.safetyStock(),
                            saved.reorderPoint(),
                            ComputationView.of(saved.computation())));
            return "redirect:"
                    + ListLink.to("/purchasing/forecasts/" + sku)
                            .filter("warehouse", shown)
                            .build();
        } catch (OrdoException refused) {
            for (FieldViolation v : refused.violations()) {
                errors.putIfAbsent(v.field(), violations.of(v));
            }
            if (errors.isEmpty()) {
                errors.put("policy", refused.getMessage());
            }
            response.setStatus(WarehousePages.status(refused));
            return page(sku, shown, form, errors, model);
        }
    }

    /** The request the typed form stands for; what cannot be read as a number is named in {@code errors}. */
    private StockPolicies.PolicyRequest request(PolicyForm form, Map<String, String> errors) {
        if ("manual".equals(form.mode())) {
            return new StockPolicies.PolicyRequest(
                    whole("safetyStock", form.safetyStock(), errors),
                    whole("reorderPoint", form.reorderPoint(), errors),
                    false,
                    null,
                    null);
        }
        Double level = null;
        String typed = form.serviceLevel() == null
                ? ""
                : form.serviceLevel().replace("%", "").trim();
        if (!typed.isEmpty()) {
            try {
                level = new BigDecimal(typed).movePointLeft(2).doubleValue();
            } catch (NumberFormatException e) {
                errors.put("serviceLevel", text("forecast.policy.percentNumber"));
            }
        }
        Long lead = whole("leadTimeDays", form.leadTimeDays(), errors);
        return new StockPolicies.PolicyRequest(
                null, null, true, level, lead == null ? null : (int) Math.min(Integer.MAX_VALUE, lead));
    }

    private Long whole(String field, String typed, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(typed.trim());
        } catch (NumberFormatException e) {
            errors.put(field, text("warehouse.stock.wholeNumber"));
            return null;
        }
    }

    private String page(String sku, String warehouse, PolicyForm form, Map<String, String> errors, Model model) {
        ForecastReports.ForecastView forecast = forecasts.forecast(sku, warehouse, WEEKS_AHEAD);
        ForecastReports.BacktestView backtest = forecast.backtest();
        List<StockLevel> levels = new ArrayList<>();
        stock.warehouses().forEach(w -> stock.level(w.code(), sku).ifPresent(levels::add));
        model.addAttribute("sku", sku);
        model.addAttribute(
                "productName", catalog.find(sku).map(ProductSnapshot::name).orElse(sku));
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("warehouses", stock.warehouses());
        model.addAttribute("forecast", forecast);
        model.addAttribute("mase", ForecastPages.decimal(backtest.mase()));
        model.addAttribute("wape", ForecastPages.decimal(backtest.wape()));
        model.addAttribute("seasonalNaiveWape", ForecastPages.decimal(backtest.seasonalNaiveWape()));
        model.addAttribute("chart", chart.json(forecast));
        model.addAttribute("levels", levels);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayPlan", PageAccess.mayPlanStock(Actor.current()));
        return "planning/forecast";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
