package org.ordo.forecasting.internal;

import java.util.Arrays;

/**
 * Teunter–Syntetos–Babai: smooths the probability that a week has demand every week, and the size of a demand in the
 * weeks that have one; the forecast is their product. Unlike Croston it lowers the forecast while no demand comes, so
 * an item that stopped selling fades out. Starts from the share of weeks with demand and their mean size.
 */
final class Tsb implements ForecastMethod {

    static final String NAME = "TSB";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        double best = Double.POSITIVE_INFINITY;
        double rate = 0;
        for (double alpha : COARSE_WEIGHTS) {
            for (double beta : COARSE_WEIGHTS) {
                double[] run = smooth(history, alpha, beta);
                if (run[1] < best) {
                    best = run[1];
                    rate = run[0];
                }
            }
        }
        double[] out = new double[horizon];
        Arrays.fill(out, rate);
        return out;
    }

    /** The final rate and the sum of squared one-step errors, with {@code alpha} for the size, {@code beta} for the probability. */
    static double[] smooth(double[] history, double alpha, double beta) {
        int demands = 0;
        double total = 0;
        for (double demand : history) {
            if (demand > 0) {
                demands++;
                total += demand;
            }
        }
        if (demands == 0) {
            return new double[] {0, 0};
        }
        double probability = (double) demands / history.length;
        double size = total / demands;
        double sse = 0;
        for (double demand : history) {
            double error = demand - probability * size;
            sse += error * error;
            if (demand > 0) {
                probability += beta * (1 - probability);
                size += alpha * (demand - size);
            } else {
                probability -= beta * probability;
            }
        }
        return new double[] {probability * size, sse};
    }
}
