package org.ordo.forecasting.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table of docs/forecasting.md: per method chosen, how many SKUs, their median MASE, and WAPE against seasonal naive
 * on the same weeks. Two measures: in the backtest window (where the choice was made, so the chosen method can only tie
 * or beat seasonal naive there) and, for series long enough, on a holdout of the last 13 weeks, with the method chosen
 * by a backtest that ended before them.
 */
final class BacktestFigures {

    static final int HOLDOUT = 13;

    private final Backtest backtest = Backtest.standard();
    private final Map<String, Row> rows = new TreeMap<>();
    private final Row total = new Row();
    private final Row holdout = new Row();

    /** Sums of one group of SKUs. */
    static final class Row {
        int skus;
        int beating;
        double error;
        double naiveError;
        double demand;
        final List<Double> mase = new ArrayList<>();

        void add(double e, double naive, double d, Double m) {
            skus++;
            error += e;
            naiveError += naive;
            demand += d;
            if (e < naive) {
                beating++;
            }
            if (m != null) {
                mase.add(m);
            }
        }

        double wape() {
            return error / demand;
        }

        double naiveWape() {
            return naiveError / demand;
        }

        String medianMase() {
            if (mase.isEmpty()) {
                return "–";
            }
            double[] sorted =
                    mase.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return format(sorted[sorted.length / 2]);
        }
    }

    void add(double[] series) {
        Backtest.Result r = backtest.run(series);
        if (r.wape() == null) {
            return;
        }
        rows.computeIfAbsent(r.method(), k -> new Row())
                .add(r.absoluteError(), r.seasonalNaiveAbsoluteError(), r.testedDemand(), r.mase());
        total.add(r.absoluteError(), r.seasonalNaiveAbsoluteError(), r.testedDemand(), r.mase());
        if (series.length >= 3 * HOLDOUT) {
            int origin = series.length - HOLDOUT;
            Backtest.Result chosenBefore = backtest.run(Arrays.copyOf(series, origin));
            double[] chosen = Backtest.score(backtest.method(chosenBefore.method()), series, origin);
            double[] naive = Backtest.score(new SeasonalNaive(Backtest.SEASON), series, origin);
            if (chosen[1] > 0) {
                holdout.add(chosen[0], naive[0], chosen[1], null);
            }
        }
    }

    Row total() {
        return total;
    }

    Row holdout() {
        return holdout;
    }

    String table(String title) {
        StringBuilder out = new StringBuilder("### " + title + "\n\n");
        out.append("| method chosen | SKUs | median MASE | WAPE | seasonal-naive WAPE |\n|---|---:|---:|---:|---:|\n");
        rows.forEach((method, row) -> out.append(line(method, row)));
        out.append(line("**all (backtest window)**", total));
        if (holdout.skus > 0) {
            out.append(line("**all (13-week holdout, chosen before it)**", holdout));
        }
        out.append("\nSKUs whose chosen method beats seasonal naive in the backtest window: ")
                .append(total.beating)
                .append(" of ")
                .append(total.skus);
        if (holdout.skus > 0) {
            out.append("; on the holdout: ")
                    .append(holdout.beating)
                    .append(" of ")
                    .append(holdout.skus);
        }
        return out.append(".\n").toString();
    }

    private static String line(String name, Row row) {
        return "| %s | %d | %s | %s | %s |%n"
                .formatted(name, row.skus, row.medianMase(), format(row.wape()), format(row.naiveWape()));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static void write(String name, String table) throws IOException {
        Path dir = Path.of("target", "forecast-figures");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".md"), table);
    }
}
