package org.ordo.forecasting.internal;

/**
 * Each week as the same week a season (52 weeks) earlier; with less than a season of history, the last week (naive).
 * The benchmark every other method has to beat, and the scale of MASE.
 */
final class SeasonalNaive implements ForecastMethod {

    static final String NAME = "SEASONAL_NAIVE";

    private final int season;

    SeasonalNaive(int season) {
        this.season = season;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        double[] out = new double[horizon];
        int n = history.length;
        if (n == 0) {
            return out;
        }
        for (int h = 0; h < horizon; h++) {
            out[h] = n >= season ? history[n - season + h % season] : history[n - 1];
        }
        return out;
    }

    /**
     * Mean absolute in-sample error of this method's one-step forecasts (lag {@code season}, or 1 when the history is
     * shorter than a season and a bit): the scale of MASE. Zero for a constant series.
     */
    double inSampleMeanAbsoluteError(double[] history) {
        int lag = history.length > season ? season : 1;
        double sum = 0;
        int count = 0;
        for (int t = lag; t < history.length; t++) {
            sum += Math.abs(history[t] - history[t - lag]);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }
}
