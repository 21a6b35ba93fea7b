package org.ordo.forecasting.internal;

/**
 * A way of forecasting weekly demand: it fits its own parameters to a history (by the smallest in-sample one-step
 * squared error) and projects the weeks after it. Pure: no I/O, so each is tested on series whose answer is known.
 */
interface ForecastMethod {

    /** The name stored with a backtest and shown by the API, e.g. {@code SES}. */
    String name();

    /** Whether a history this long is enough for the method (Holt–Winters needs two seasons to start). */
    default boolean fits(int historyWeeks) {
        return historyWeeks >= 1;
    }

    /** Demand of the {@code horizon} weeks after {@code history}; an empty history forecasts zero. */
    double[] forecast(double[] history, int horizon);

    /** Smoothing weights tried by the grid search: coarse enough to stay cheap, fine enough near the usual values. */
    double[] WEIGHTS = {0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    /** The weights for methods with two or three of them, where the full grid would cost its cube. */
    double[] COARSE_WEIGHTS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
}
