package org.ordo.forecasting.internal;

/** A level that follows the demand by a weight alpha; the forecast is flat at the last level. */
final class SimpleExponentialSmoothing implements ForecastMethod {

    static final String NAME = "SES";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        double[] out = new double[horizon];
        if (history.length == 0) {
            return out;
        }
        double best = Double.POSITIVE_INFINITY;
        double level = history[0];
        for (double alpha : WEIGHTS) {
            double[] run = smooth(history, alpha);
            if (run[1] < best) {
                best = run[1];
                level = run[0];
            }
        }
        java.util.Arrays.fill(out, level);
        return out;
    }

    /** The final level and the sum of squared one-step errors of smoothing with {@code alpha}. */
    static double[] smooth(double[] history, double alpha) {
        double level = history[0];
        double sse = 0;
        for (int t = 1; t < history.length; t++) {
            double error = history[t] - level;
            sse += error * error;
            level += alpha * error;
        }
        return new double[] {level, sse};
    }
}
