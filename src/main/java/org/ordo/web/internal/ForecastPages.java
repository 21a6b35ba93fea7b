package org.ordo.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.ordo.forecasting.ForecastReports;
import org.ordo.identity.Actor;
import org.ordo.platform.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The overview of every SKU's forecast: the method its backtest chose, its errors beside seasonal naive's, and whether it
 * beats them; searched by SKU and paged. Buyers run the backtest again from here.
 */
@Controller
class ForecastPages {

    static final int PAGE_SIZE = 50;

    private final ForecastReports forecasts;

    ForecastPages(ForecastReports forecasts) {
        this.forecasts = forecasts;
    }

    /** One SKU's row with its errors as decimals for the formats; {@code beats} null when unknown. */
    public record Row(
            String sku, String method, BigDecimal mase, BigDecimal wape, BigDecimal seasonalNaiveWape, Boolean beats) {}

    /** The search as typed, for the page links. */
    public record Search(String sku) {

        public String query(int page) {
            return ListLink.to("/purchasing/forecasts").filter("sku", sku).page(page);
        }
    }

    @GetMapping("/purchasing/forecasts")
    @PreAuthorize(PageAccess.FORECAST_READERS)
    String overview(
            @RequestParam(required = false) String sku, @RequestParam(required = false) String page, Model model) {
        ForecastReports.Overview overview = forecasts.overview(null);
        String search = sku == null ? "" : sku.trim();
        List<Row> rows = overview.items().stream()
                .filter(i -> i.sku().toUpperCase(Locale.ROOT).contains(search.toUpperCase(Locale.ROOT)))
                .map(i -> new Row(
                        i.sku(),
                        i.method(),
                        decimal(i.mase()),
                        decimal(i.wape()),
                        decimal(i.seasonalNaiveWape()),
                        i.beatsSeasonalNaive()))
                .toList();
        int number = Downloads.page(page);
        int first = Math.min(number * PAGE_SIZE, rows.size());
        PageResult<Row> result = new PageResult<>(
                rows.subList(first, Math.min(first + PAGE_SIZE, rows.size())), number, PAGE_SIZE, rows.size());
        model.addAttribute("overview", overview);
        model.addAttribute("wape", decimal(overview.wape()));
        model.addAttribute("seasonalNaiveWape", decimal(overview.seasonalNaiveWape()));
        model.addAttribute("search", new Search(search));
        model.addAttribute("result", result);
        model.addAttribute("lastPage", Downloads.lastPage(result));
        model.addAttribute("mayRun", PageAccess.mayBuy(Actor.current()));
        return "planning/forecasts";
    }

    /** Runs the backtest now; while another run is under way the page says so and nothing changes. */
    @PostMapping("/purchasing/forecasts/runs")
    @PreAuthorize(PageAccess.BUYERS)
    String run(HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return forecasts
                .run()
                .map(r -> {
                    redirect.addFlashAttribute(
                            "done", new WarehousePages.Done("forecast.run.done", List.of(r.skus(), r.series())));
                    return "redirect:/purchasing/forecasts";
                })
                .orElseGet(() -> {
                    response.setStatus(HttpServletResponse.SC_CONFLICT);
                    model.addAttribute("busy", true);
                    return overview(null, null, model);
                });
    }

    static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN);
    }
}
