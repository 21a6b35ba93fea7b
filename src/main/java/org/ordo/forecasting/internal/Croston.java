package org.ordo.forecasting.internal;

import java.util.Arrays;

/**
 * Croston's method for intermittent demand: the size of a demand and the weeks between demands are smoothed
 * separately, each only in a week with demand; the forecast is size divided by interval (units per week). Both start
 * at the first demand (its size, and the weeks up to and including it).
 */
final class Croston implements ForecastMethod {

    static final String NAME = "CROSTON";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        double best = Double.POSITIVE_INFINITY;
        double rate = 0;
        for (double alpha : WEIGHTS) {
            double[] run = smooth(history, alpha);
            if (run[1] < best) {
                best = run[1];
                rate = run[0];
            }
        }
        double[] out = new double[horizon];
        Arrays.fill(out, rate);
        return out;
    }

    /** The final rate (units per week) and the sum of squared one-step errors after the first demand. */
    static double[] smooth(double[] history, double alpha) {
        double size = 0;
        double interval = 0;
        double sse = 0;
        int sinceLast = 0;
        boolean started = false;
        for (double demand : history) {
            sinceLast++;
            if (started) {
                double error = demand - size / interval;
                sse += error * error;
            }
            if (demand > 0) {
                if (started) {
                    size += alpha * (demand - size);
                    interval += alpha * (sinceLast - interval);
                } else {
                    size = demand;
                    interval = sinceLast;
                    started = true;
                }
                sinceLast = 0;
            }
        }
        return new double[] {started ? size / interval : 0, sse};
    }
}
