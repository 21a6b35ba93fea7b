package org.ordo.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTests {

    /** A method that always forecasts the same number: its backtest errors are known in advance. */
    private record Fixed(String name, double value) implements ForecastMethod {
        @Override
        public double[] forecast(double[] history, int horizon) {
            double[] out = new double[horizon];
            Arrays.fill(out, value);
            return out;
        }
    }

    @Test
    void theBacktestChoosesTheMethodWithTheLowestError() {
        double[] y = new double[30];
        Arrays.fill(y, 10);
        y[28] = 4; // seasonal naive (naive here) misses weeks 29 and 30
        Backtest backtest = new Backtest(List.of(new SeasonalNaive(52), new Fixed("NINE", 9), new Fixed("TEN", 10)));

        Backtest.Result result = backtest.run(y);

        assertThat(result.method()).isEqualTo("TEN");
        // 10 origins, up to 4 weeks ahead each: 34 forecasts of 10, of which the 4 of week 29 are 6 too high
        assertThat(result.wape()).isCloseTo(4 * 6.0 / (34 * 10 - 4 * 6), within(1e-9));
    }

    @Test
    void wapeAndMaseAreMeasuredAgainstTheSeasonalNaiveScale() {
        double[] y = new double[30];
        for (int t = 0; t < 30; t++) {
            y[t] = t % 2 == 0 ? 8 : 12; // naive errs by 4 every week in sample
        }
        Backtest backtest = new Backtest(List.of(new SeasonalNaive(52), new Fixed("TEN", 10)));

        Backtest.Result result = backtest.run(y);

        assertThat(result.method()).isEqualTo("TEN");
        // 34 forecasts (10 origins, up to 4 weeks ahead), each 2 off, of 344 units in all
        assertThat(result.wape()).isCloseTo(34 * 2.0 / 344, within(1e-9));
        assertThat(result.mase()).isCloseTo(2.0 / 4, within(1e-9));
        assertThat(result.seasonalNaiveWape()).isGreaterThan(result.wape());
        assertThat(result.errorDeviation()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aTieGoesToSeasonalNaive() {
        double[] y = new double[40];
        Arrays.fill(y, 5);
        Backtest.Result result = Backtest.standard().run(y);
        assertThat(result.method()).isEqualTo(SeasonalNaive.NAME);
        assertThat(result.wape()).isZero();
    }

    @Test
    void aShortHistoryIsNotBacktested() {
        Backtest.Result result = Backtest.standard().run(new double[] {1, 2, 3});
        assertThat(result.method()).isEqualTo(SeasonalNaive.NAME);
        assertThat(result.wape()).isNull();
        assertThat(result.mase()).isNull();
    }

    @Test
    void anIntermittentSeriesIsForecastBetterThanBySeasonalNaive() {
        double[] y = new double[120];
        for (int t = 4; t < 120; t += 5) {
            y[t] = 12; // every 5th week, so the week a year earlier is rarely a week with demand
        }
        Backtest.Result result = Backtest.standard().run(y);
        assertThat(result.wape()).isLessThan(result.seasonalNaiveWape());
    }
}
