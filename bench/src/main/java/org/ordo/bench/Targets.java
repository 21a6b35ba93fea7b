package org.ordo.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance targets of docs/performance.md, read from one run's results: each figure with its target and
 * met, missed or not run (its scenario was not chosen). With {@code --check} a miss makes the exit status 1.
 */
final class Targets {

    private record Figure(String name, OptionalDouble measured, String unit, String target, boolean met) {

        String verdict() {
            return measured.isEmpty() ? "not run" : met ? "met" : "MISSED";
        }
    }

    private Targets() {}

    static int run(Bench.Args args) throws IOException {
        List<Results.Row> rows = Results.read(args.get("results"));
        List<Figure> figures = new ArrayList<>();
        Optional<Results.Row> cost = first(rows, r -> r.scenario().startsWith("1 cost per"));
        figures.add(atMost("statements per 10-line order", fromNotes(cost, "statements"), "", 12));
        figures.add(atMost("round trips per 10-line order", fromNotes(cost, "round trips"), "", 6));
        // background jobs (mail, risk scans) commit a few transactions a second of their own during the load
        figures.add(atMost(
                "transactions per 10-line order (5 % for background jobs)", fromNotes(cost, "transactions"), "", 1.05));
        figures.add(atMost("JVM CPU per 10-line order", fromNotes(cost, "JVM CPU"), " core-ms", 1.5));
        figures.add(atLeast(
                "scenario 1 peak against the minimal baseline's peak",
                ratioOfPeaks(rows, "ordo-25", "baseline"),
                "×",
                1.0));
        figures.add(atLeast(
                "scenario 1 peak against the equal-work baseline's peak",
                ratioOfPeaks(rows, "ordo-25", "baseline-equal"),
                "×",
                1.5));
        figures.add(atMost(
                "1-line order, 1 client, p50", p50(rows, "2 order size (JDK 25)", "1 client, 1 lines"), " ms", 2));
        figures.add(p99AtEightyPercent(rows));
        figures.add(atMost(
                "mixed day, ship one order, p50 at 4 clients", p50(rows, "3 mixed day, ship", "4 clients"), " ms", 60));
        String given = args.get("scale-orders", "");
        String scale = given.isBlank() ? "?" : String.format(Locale.ROOT, "%,d", Long.parseLong(given));
        figures.add(below(
                "key figures of a year at " + scale + " orders, p50",
                p50(rows, "6 data at scale", "key figures, one year"),
                " ms",
                200));
        figures.add(below(
                "sales by month for a year at " + scale + " orders, p50",
                p50(rows, "6 data at scale", "sales by month, one year"),
                " ms",
                100));
        System.out.println("| figure | measured | target | |");
        System.out.println("|---|---:|---:|---|");
        for (Figure f : figures) {
            String measured = f.measured().isPresent()
                    ? String.format(Locale.ROOT, "%.2f%s", f.measured().getAsDouble(), f.unit())
                    : "";
            System.out.printf("| %s | %s | %s | %s |%n", f.name(), measured, f.target(), f.verdict());
        }
        boolean missed = figures.stream().anyMatch(f -> f.measured().isPresent() && !f.met());
        return missed && args.values().containsKey("check") ? 1 : 0;
    }

    private static Figure atMost(String name, OptionalDouble v, String unit, double limit) {
        return new Figure(name, v, unit, "≤ " + number(limit) + unit, v.isPresent() && v.getAsDouble() <= limit);
    }

    private static Figure below(String name, OptionalDouble v, String unit, double limit) {
        return new Figure(name, v, unit, "< " + number(limit) + unit, v.isPresent() && v.getAsDouble() < limit);
    }

    private static Figure atLeast(String name, OptionalDouble v, String unit, double limit) {
        return new Figure(name, v, unit, "≥ " + number(limit) + unit, v.isPresent() && v.getAsDouble() >= limit);
    }

    /** Closed-loop levels give no exact 80 %: the busiest level at or below 80 % of the peak stands for it. */
    private static Figure p99AtEightyPercent(List<Results.Row> rows) {
        List<Results.Row> levels =
                rows.stream().filter(r -> r.group().equals("ordo-25")).toList();
        double peak = levels.stream().mapToDouble(Results.Row::perSecond).max().orElse(Double.NaN);
        Optional<Results.Row> level = levels.stream()
                .filter(r -> r.perSecond() <= 0.8 * peak)
                .max(Comparator.comparingDouble(Results.Row::perSecond));
        String name = "p99 at 80 % of the peak"
                + level.map(r -> " (" + r.level() + ")").orElse("");
        return below(name, level.map(r -> OptionalDouble.of(r.p99())).orElse(OptionalDouble.empty()), " ms", 50);
    }

    private static OptionalDouble ratioOfPeaks(List<Results.Row> rows, String group, String against) {
        OptionalDouble top = peak(rows, group);
        OptionalDouble base = peak(rows, against);
        return top.isPresent() && base.isPresent() && base.getAsDouble() > 0
                ? OptionalDouble.of(top.getAsDouble() / base.getAsDouble())
                : OptionalDouble.empty();
    }

    private static OptionalDouble peak(List<Results.Row> rows, String group) {
        return rows.stream()
                .filter(r -> r.group().equals(group) && !Double.isNaN(r.perSecond()))
                .mapToDouble(Results.Row::perSecond)
                .max();
    }

    private static OptionalDouble p50(List<Results.Row> rows, String scenario, String level) {
        return first(rows, r -> r.scenario().equals(scenario) && r.level().equals(level))
                .filter(r -> !Double.isNaN(r.p50()))
                .map(r -> OptionalDouble.of(r.p50()))
                .orElse(OptionalDouble.empty());
    }

    private static OptionalDouble fromNotes(Optional<Results.Row> row, String label) {
        if (row.isEmpty()) {
            return OptionalDouble.empty();
        }
        Matcher m = Pattern.compile(Pattern.quote(label) + " ([0-9.]+)")
                .matcher(row.get().notes());
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    private static Optional<Results.Row> first(List<Results.Row> rows, Predicate<Results.Row> which) {
        return rows.stream().filter(which).findFirst();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
