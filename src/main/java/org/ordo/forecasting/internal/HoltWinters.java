package org.ordo.forecasting.internal;

/**
 * Additive Holt–Winters: level, trend and one seasonal term per week of the season, each smoothed by its own weight.
 * Additive, not multiplicative, because weekly demand of a SKU has weeks of zero, where a seasonal factor (demand
 * divided by level) is undefined or jumps.
 *
 * <p>The start needs two full seasons: the level and trend from the means of the first two, the seasonal terms as the
 * first season's deviations from that trend line. The smoothing runs from the second season on.
 */
final class HoltWinters implements ForecastMethod {

    static final String NAME = "HOLT_WINTERS";

    private final int season;

    HoltWinters(int season) {
        this.season = season;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean fits(int historyWeeks) {
        return historyWeeks >= 2 * season;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        if (!fits(history.length)) {
            return new SeasonalNaive(season).forecast(history, horizon);
        }
        Smoother best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (double alpha : COARSE_WEIGHTS) {
            for (double beta : COARSE_WEIGHTS) {
                for (double gamma : COARSE_WEIGHTS) {
                    Smoother s = start(history, alpha, beta, gamma);
                    double sse = 0;
                    for (int t = season; t < history.length && sse < bestError; t++) {
                        double error = history[t] - s.update(history[t], t % season);
                        sse += error * error;
                    }
                    if (sse < bestError) {
                        bestError = sse;
                        best = s;
                    }
                }
            }
        }
        return best.project(history.length, horizon);
    }

    /** The state after the first season, from the means of the first two. */
    Smoother start(double[] history, double alpha, double beta, double gamma) {
        double first = mean(history, 0);
        double second = mean(history, season);
        double trend = (second - first) / season;
        double middle = (season - 1) / 2.0;
        double[] seasonal = new double[season];
        for (int i = 0; i < season; i++) {
            seasonal[i] = history[i] - (first + trend * (i - middle));
        }
        return new Smoother(alpha, beta, gamma, first + trend * middle, trend, seasonal);
    }

    private double mean(double[] history, int from) {
        double sum = 0;
        for (int i = from; i < from + season; i++) {
            sum += history[i];
        }
        return sum / season;
    }

    /** Level, trend and seasonal terms as they stand after the last week seen. */
    static final class Smoother {
        private final double alpha;
        private final double beta;
        private final double gamma;
        double level;
        double trend;
        final double[] seasonal;

        Smoother(double alpha, double beta, double gamma, double level, double trend, double[] seasonal) {
            this.alpha = alpha;
            this.beta = beta;
            this.gamma = gamma;
            this.level = level;
            this.trend = trend;
            this.seasonal = seasonal;
        }

        /** Takes the demand of one week (its position {@code index} in the season); returns what was forecast for it. */
        double update(double demand, int index) {
            double forecast = level + trend + seasonal[index];
            double previous = level;
            level = alpha * (demand - seasonal[index]) + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
            seasonal[index] = gamma * (demand - level) + (1 - gamma) * seasonal[index];
            return forecast;
        }

        /** The {@code horizon} weeks after a history of {@code seen} weeks. */
        double[] project(int seen, int horizon) {
            double[] out = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                out[h] = level + (h + 1) * trend + seasonal[(seen + h) % seasonal.length];
            }
            return out;
        }
    }
}
