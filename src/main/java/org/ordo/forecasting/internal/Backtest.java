package org.ordo.forecasting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin evaluation of every method on one series, and the choice among them. The last {@link #ORIGINS} weeks
 * (at most a third of the history) are forecast again and again: from each origin, each method is fitted on the weeks
 * before it and forecasts up to {@link #HORIZON} weeks ahead, which are compared with what happened. The method with
 * the smallest mean absolute error wins; on a tie the one listed first (the simpler), so seasonal naive wins unless
 * another method does strictly better.
 *
 * <p>WAPE is the sum of absolute errors over the sum of demand; MASE the mean absolute error over the mean absolute
 * in-sample one-step error of seasonal naive on the weeks before the first origin (naive when those are less than a
 * season). The standard deviation of the chosen method's one-week-ahead errors is kept for safety stock.
 */
final class Backtest {

    static final int SEASON = 52;
    static final int ORIGINS = 13;
    static final int HORIZON = 4;
    /** Fewer weeks than this are not backtested: seasonal naive (naive) is used, with no error figures. */
    static final int MINIMUM_WEEKS = 6;

    /**
     * The outcome for one series. {@code mase}, {@code wape} and {@code seasonalNaiveWape} are null when they cannot
     * be computed (too short a history, no demand in the test weeks, or a scale of zero).
     */
    record Result(
            String method,
            Double mase,
            Double wape,
            Double seasonalNaiveWape,
            double errorDeviation,
            int weeks,
            int evaluatedForecasts,
            double absoluteError,
            double seasonalNaiveAbsoluteError,
            double testedDemand) {}

    private final List<ForecastMethod> methods;

    Backtest(List<ForecastMethod> methods) {
        this.methods = List.copyOf(methods);
    }

    /** Seasonal naive, SES, Holt–Winters, Croston and TSB with a season of 52 weeks: what Ordo uses. */
    static Backtest standard() {
        return new Backtest(List.of(
                new SeasonalNaive(SEASON),
                new SimpleExponentialSmoothing(),
                new HoltWinters(SEASON),
                new Croston(),
                new Tsb()));
    }

    /** The method of this name, or seasonal naive. */
    ForecastMethod method(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst().orElse(methods.get(0));
    }

    /** Forecast with one method, never below zero (demand is not negative; a falling trend may project so). */
    static double[] forecast(ForecastMethod method, double[] history, int horizon) {
        double[] raw = method.fits(history.length)
                ? method.forecast(history, horizon)
                : new SeasonalNaive(SEASON).forecast(history, horizon);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Math.max(0, raw[i]);
        }
        return raw;
    }

    Result run(double[] history) {
        int n = history.length;
        String baseline = methods.get(0).name();
        if (n < MINIMUM_WEEKS) {
            return new Result(baseline, null, null, null, 0, n, 0, 0, 0, 0);
        }
        int firstOrigin = n - Math.min(ORIGINS, n / 3);
        Map<String, Errors> errors = new LinkedHashMap<>();
        for (ForecastMethod method : methods) {
            if (method.fits(firstOrigin)) {
                errors.put(method.name(), evaluate(method, history, firstOrigin));
            }
        }
        Errors chosen = errors.values().stream()
                .reduce((a, b) -> b.absolute < a.absolute ? b : a)
                .orElseThrow();
        double[] training = Arrays.copyOf(history, firstOrigin);
        double scale = new SeasonalNaive(SEASON).inSampleMeanAbsoluteError(training);
        Errors seasonalNaive = errors.get(baseline);
        return new Result(
                chosen.method,
                scale == 0 ? null : chosen.absolute / chosen.count / scale,
                chosen.wape(),
                seasonalNaive.wape(),
                chosen.oneStepDeviation(),
                n,
                chosen.count,
                chosen.absolute,
                seasonalNaive.absolute,
                chosen.actual);
    }

    /**
     * The sum of absolute errors and the sum of demand of {@code method} forecasting from every origin from
     * {@code firstOrigin} on, as the backtest scores it: for measuring a choice on weeks it was not made on.
     */
    static double[] score(ForecastMethod method, double[] history, int firstOrigin) {
        Errors errors = evaluate(method, history, firstOrigin);
        return new double[] {errors.absolute, errors.actual};
    }

    private static Errors evaluate(ForecastMethod method, double[] history, int firstOrigin) {
        Errors errors = new Errors(method.name());
        for (int origin = firstOrigin; origin < history.length; origin++) {
            int horizon = Math.min(HORIZON, history.length - origin);
            double[] forecast = forecast(method, Arrays.copyOf(history, origin), horizon);
            for (int h = 0; h < horizon; h++) {
                errors.add(history[origin + h], forecast[h], h == 0);
            }
        }
        return errors;
    }

    /** The errors one method made in the backtest. */
    private static final class Errors {
        final String method;
        double absolute;
        double actual;
        int count;
        final List<Double> oneStep = new ArrayList<>();

        Errors(String method) {
            this.method = method;
        }

        void add(double actualDemand, double forecast, boolean oneWeekAhead) {
            double error = actualDemand - forecast;
            absolute += Math.abs(error);
            actual += Math.abs(actualDemand);
            count++;
            if (oneWeekAhead) {
                oneStep.add(error);
            }
        }

        Double wape() {
            return actual == 0 ? null : absolute / actual;
        }

        /** Root mean square of the one-week-ahead errors: their spread around zero, bias included. */
        double oneStepDeviation() {
            double sum = 0;
            for (double e : oneStep) {
                sum += e * e;
            }
            return oneStep.isEmpty() ? 0 : Math.sqrt(sum / oneStep.size());
        }
    }
}
