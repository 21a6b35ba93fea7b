package org.ordo.bench;

import java.util.Locale;

/**
 * What one order costs, from counters read before and after a load on an Ordo process that has the database to
 * itself: {@code orders,statements,transactions,roundTrips,cpuTicks} (orders in the database, pg_stat_statements
 * calls of the application's role, commits and rollbacks, round trips counted by {@link PgRoundTrips}, the JVM's
 * user and system CPU in clock ticks, and of that the JIT compiler's and the GC's threads). Appends one row whose notes
 * the targets table reads.
 */
final class Cost {

    private Cost() {}

    static int run(Bench.Args args) throws Exception {
        long[] before = counters(args.get("before"));
        long[] after = counters(args.get("after"));
        long orders = after[0] - before[0];
        if (orders <= 0) {
            System.err.println("no order was placed while the cost was measured");
            return 1;
        }
        double hz = Double.parseDouble(args.get("hz", "100"));
        String notes = String.format(
                Locale.ROOT,
                "statements %.1f; round trips %.1f; transactions %.2f; JVM CPU %.2f core-ms (JIT compiler %.2f, GC %.2f);"
                        + " over %d orders",
                (double) (after[1] - before[1]) / orders,
                (double) (after[3] - before[3]) / orders,
                (double) (after[2] - before[2]) / orders,
                (after[4] - before[4]) * 1000.0 / hz / orders,
                (after[5] - before[5]) * 1000.0 / hz / orders,
                (after[6] - before[6]) * 1000.0 / hz / orders,
                orders);
        Results.append(
                args.get("out"),
                new Results.Row(
                        "1 cost per 10-line order (JDK 25)",
                        args.get("level", "4 clients"),
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        "",
                        "",
                        notes));
        return 0;
    }

    private static long[] counters(String csv) {
        String[] parts = csv.trim().split(",");
        if (parts.length != 7) {
            throw new IllegalArgumentException(
                    "expected orders,statements,transactions,roundTrips,cpuTicks,jitTicks,gcTicks: " + csv);
        }
        long[] values = new long[7];
        for (int i = 0; i < 7; i++) {
            values[i] = Long.parseLong(parts[i].trim());
        }
        return values;
    }
}
