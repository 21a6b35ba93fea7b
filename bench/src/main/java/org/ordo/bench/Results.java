package org.ordo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results file: one tab-separated row per measurement. {@code group} names a series (e.g. the baseline), and a
 * row with {@code compareTo} gets the ratio of its throughput to the row of that series at the same level.
 */
final class Results {

    record Row(
            String scenario,
            String level,
            double perSecond,
            double p50,
            double p95,
            double p99,
            String group,
            String compareTo,
            String notes) {

        String line() {
            return String.join(
                    "\t",
                    scenario,
                    level,
                    fmt(perSecond),
                    fmt(p50),
                    fmt(p95),
                    fmt(p99),
                    group,
                    compareTo,
                    notes.replace('\t', ' ').replace('\n', ' '));
        }

        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            return new Row(
                    f[0], f[1], num(f[2]), num(f[3]), num(f[4]), num(f[5]), f[6], f[7], f.length > 8 ? f[8] : "");
        }
    }

    private Results() {}

    static void append(String file, Row row) throws IOException {
        Files.writeString(
                Path.of(file),
                row.line() + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.println(row.line());
    }

    static List<Row> read(String file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(Row.parse(line));
            }
        }
        return rows;
    }

    static int printTable(Bench.Args args) throws IOException {
        List<Row> rows = read(args.get("results"));
        System.out.println("| scenario | level | orders/s | p50 ms | p95 ms | p99 ms | ratio | notes |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---|");
        for (Row r : rows) {
            String ratio = "";
            if (!r.compareTo().isEmpty()) {
                for (Row other : rows) {
                    if (other.group().equals(r.compareTo())
                            && other.level().equals(r.level())
                            && other.perSecond() > 0) {
                        ratio = String.format(Locale.ROOT, "%.2f×", r.perSecond() / other.perSecond());
                    }
                }
            }
            System.out.printf(
                    "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.scenario(),
                    r.level(),
                    fmt(r.perSecond()),
                    fmt(r.p50()),
                    fmt(r.p95()),
                    fmt(r.p99()),
                    ratio,
                    r.notes());
        }
        return 0;
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
