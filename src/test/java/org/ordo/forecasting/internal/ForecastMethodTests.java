package org.ordo.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ForecastMethodTests {

    private static double[] constant(int weeks, double value) {
        double[] y = new double[weeks];
        Arrays.fill(y, value);
        return y;
    }

    private static double[] trend(int weeks, double start, double slope) {
        double[] y = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            y[t] = start + slope * t;
        }
        return y;
    }

    /** A 52-week pattern of its own (a peak in weeks 45–50), repeated. */
    private static double[] seasonal(int weeks) {
        double[] y = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            int week = t % 52;
            y[t] = 20 + (week >= 45 && week <= 50 ? 40 : 0) + (week % 4) * 3;
        }
        return y;
    }

    /** {@code size} units every {@code every}-th week, nothing in between. */
    private static double[] intermittent(int weeks, int every, double size) {
        double[] y = new double[weeks];
        for (int t = every - 1; t < weeks; t += every) {
            y[t] = size;
        }
        return y;
    }

    @Test
    void aConstantSeriesIsForecastExactly() {
        double[] y = constant(120, 7);
        for (ForecastMethod method : new ForecastMethod[] {
            new SeasonalNaive(52), new SimpleExponentialSmoothing(), new HoltWinters(52), new Croston(), new Tsb()
        }) {
            assertThat(method.forecast(y, 4)).as(method.name()).containsOnly(7.0);
        }
    }

    @Test
    void holtWintersContinuesALinearTrend() {
        double[] forecast = new HoltWinters(52).forecast(trend(110, 10, 0.5), 3);
        assertThat(forecast[0]).isCloseTo(10 + 0.5 * 110, within(1e-6));
        assertThat(forecast[2]).isCloseTo(10 + 0.5 * 112, within(1e-6));
    }

    @Test
    void holtWintersAndSeasonalNaiveRepeatAPureSeasonalPattern() {
        double[] y = seasonal(156);
        double[] expected = Arrays.copyOfRange(seasonal(156 + 8), 156, 164);
        assertThat(new HoltWinters(52).forecast(y, 8)).containsExactly(expected, within(1e-6));
        assertThat(new SeasonalNaive(52).forecast(y, 8)).containsExactly(expected, within(1e-9));
    }

    @Test
    void seasonalNaiveFallsBackToTheLastWeekWithLessThanASeasonOfHistory() {
        assertThat(new SeasonalNaive(52).forecast(new double[] {3, 9, 4}, 2)).containsExactly(4.0, 4.0);
    }

    @Test
    void exponentialSmoothingFollowsALevelShift() {
        double[] y = new double[60];
        Arrays.fill(y, 0, 30, 10);
        Arrays.fill(y, 30, 60, 30);
        assertThat(new SimpleExponentialSmoothing().forecast(y, 1)[0]).isCloseTo(30, within(1e-3));
    }

    @Test
    void crostonRecoversTheDemandRateOfAnIntermittentSeries() {
        // 12 units every 4th week: a rate of 3 units a week whatever the weight
        assertThat(new Croston().forecast(intermittent(80, 4, 12), 2)).containsOnly(3.0);
    }

    @Test
    void tsbRecoversTheDemandRateOfAnIntermittentSeries() {
        assertThat(new Tsb().forecast(intermittent(80, 4, 12), 1)[0]).isCloseTo(3.0, within(0.6));
    }

    @Test
    void tsbLowersItsForecastWhenAnItemStopsSellingAndCrostonDoesNot() {
        double[] y = Arrays.copyOf(intermittent(60, 3, 6), 90); // 30 weeks without demand at the end
        assertThat(new Tsb().forecast(y, 1)[0]).isLessThan(0.5);
        assertThat(new Croston().forecast(y, 1)[0]).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void holtWintersNeedsTwoSeasonsAndOtherwiseForecastsSeasonalNaive() {
        HoltWinters hw = new HoltWinters(52);
        assertThat(hw.fits(103)).isFalse();
        assertThat(hw.fits(104)).isTrue();
        assertThat(hw.forecast(new double[] {1, 2, 5}, 2)).containsExactly(5.0, 5.0);
    }

    /**
     * Unistat Statistics Software, manual section 9.2.3 "Winters' Additive Seasonal" (unistat.com/923), example on the
     * Cola Sales series with level weight 0.2, trend weight 0.1, seasonal weight 0.05 and a period of 12: row 1 ends at
     * level 411.1948 and trend 10.6955; row 2 has demand 229, forecast 202.5518 and ends at level 427.1800, trend
     * 11.2245 and seasonal -218.2806. The seasonal term row 2 starts from is what its forecast leaves after level and
     * trend.
     */
    @Test
    void holtWintersReproducesAPublishedAdditiveExample() {
        double[] seasonal = new double[12];
        seasonal[1] = 202.5518 - 411.1948 - 10.6955;
        HoltWinters.Smoother smoother = new HoltWinters.Smoother(0.2, 0.1, 0.05, 411.1948, 10.6955, seasonal);

        double forecast = smoother.update(229, 1);

        assertThat(forecast).isCloseTo(202.5518, within(1e-4));
        assertThat(smoother.level).isCloseTo(427.1800, within(1e-3));
        assertThat(smoother.trend).isCloseTo(11.2245, within(1e-3));
        assertThat(smoother.seasonal[1]).isCloseTo(-218.2806, within(1e-3));
    }

    @Test
    void aNegativeProjectionIsCutAtZero() {
        double[] falling = trend(110, 60, -0.5);
        double[] forecast = Backtest.forecast(new HoltWinters(52), falling, 12);
        assertThat(Arrays.stream(forecast).min().orElseThrow()).isZero();
    }
}
