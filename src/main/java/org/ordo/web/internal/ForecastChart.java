package org.ordo.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordo.forecasting.ForecastReports;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Chart.js configuration of a SKU's weekly demand and its forecast: two lines on one axis of weeks, the forecast
 * continuing where the history ends (it starts at the last week of history, so the lines join).
 */
final class ForecastChart {

    /** At most this many week labels on the axis: readable at phone width. */
    private static final int MOST_TICKS = 8;

    private final MessageSource messages;
    private final JsonMapper json;

    ForecastChart(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String json(ForecastReports.ForecastView forecast) {
        List<ForecastReports.Week> history = forecast.history();
        List<ForecastReports.Week> ahead = forecast.forecast();
        List<String> labels = new ArrayList<>();
        List<Double> demand = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            labels.add(history.get(i).weekStart().toString());
            demand.add(history.get(i).quantity());
            expected.add(i == history.size() - 1 ? history.get(i).quantity() : null);
        }
        for (ForecastReports.Week w : ahead) {
            labels.add(w.weekStart().toString());
            demand.add(null);
            expected.add(w.quantity());
        }
        boolean dense = labels.size() > 40;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "line");
        config.put(
                "data",
                Map.of(
                        "labels",
                        labels,
                        "datasets",
                        List.of(
                                line(text("forecast.chart.history"), demand, "#0d6efd", false, dense),
                                line(text("forecast.chart.forecast"), expected, "#fd7e14", true, dense))));
        config.put("options", options());
        return json.writeValueAsString(config);
    }

    private static Map<String, Object> line(
            String label, List<Double> data, String colour, boolean dashed, boolean dense) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("label", label);
        line.put("data", data);
        line.put("borderColor", colour);
        line.put("backgroundColor", colour);
        line.put("borderWidth", 2);
        line.put("pointRadius", dense ? 0 : 2);
        line.put("tension", 0);
        line.put("spanGaps", false);
        if (dashed) {
            line.put("borderDash", List.of(6, 4));
        }
        return line;
    }

    private Map<String, Object> options() {
        return Map.of(
                "responsive",
                true,
                "maintainAspectRatio",
                false,
                "interaction",
                Map.of("mode", "index", "intersect", false),
                "plugins",
                Map.of("legend", Map.of("position", "bottom", "labels", Map.of("usePointStyle", true))),
                "scales",
                Map.of(
                        "x",
                        Map.of(
                                "ticks",
                                Map.of("autoSkip", true, "maxTicksLimit", MOST_TICKS, "maxRotation", 0),
                                "title",
                                Map.of("display", true, "text", text("forecast.chart.weekAxis"))),
                        "y",
                        Map.of(
                                "beginAtZero",
                                true,
                                "title",
                                Map.of("display", true, "text", text("forecast.chart.unitsAxis")))));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
