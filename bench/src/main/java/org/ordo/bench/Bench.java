package org.ordo.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of the benchmark tools; {@code bench/run.sh} calls one command per step:
 * <ul>
 *   <li>{@code load}: bulk-loads the benchmark catalog, stock and customers by JDBC batches;</li>
 *   <li>{@code ordo}: places orders through the HTTP API with closed-loop clients for a fixed time;</li>
 *   <li>{@code mixed}: scenario 3, a mixed day of placing, looking up, shipping, paying, cancelling and changing;</li>
 *   <li>{@code baseline}: the same placement as plain JDBC statements, one per round trip;</li>
 *   <li>{@code check}: the consistency endpoint and an independent oversell count;</li>
 *   <li>{@code scale-load}, {@code scale-time}: scenario 6, a year of order history bulk-loaded, then read requests timed;</li>
 *   <li>{@code cost}: what one order cost (statements, round trips, transactions, JVM CPU) from counters;</li>
 *   <li>{@code pg-round-trips}: a proxy in front of PostgreSQL that counts round trips;</li>
 *   <li>{@code table}: prints the collected results; {@code targets}: the performance targets, met or missed.</li>
 * </ul>
 * Every command appends its result as one tab-separated row to {@code --out}.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: Bench load|ordo|baseline|check|table --option=value ...");
            System.exit(2);
        }
        Args args = Args.parse(argv);
        int status = switch (argv[0]) {
            case "load" -> Loader.run(args);
            case "ordo" -> OrdoLoad.run(args);
            case "baseline" -> Baseline.run(args);
            case "check" -> Check.run(args);
            case "mixed" -> MixedDay.run(args);
            case "scale-load" -> Scale.load(args);
            case "scale-time" -> Scale.time(args);
            case "table" -> Results.printTable(args);
            case "targets" -> Targets.run(args);
            case "cost" -> Cost.run(args);
            case "pg-round-trips" -> PgRoundTrips.run(args);
            default -> {
                System.err.println("unknown command " + argv[0]);
                yield 2;
            }
        };
        System.exit(status);
    }

    /** {@code --name=value} options after the command. */
    record Args(Map<String, String> values) {

        static Args parse(String[] argv) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 1; i < argv.length; i++) {
                String a = argv[i];
                if (!a.startsWith("--")) {
                    throw new IllegalArgumentException("expected --name=value, got " + a);
                }
                int eq = a.indexOf('=');
                values.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
            }
            return new Args(values);
        }

        String get(String name) {
            String v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return v;
        }

        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int integer(String name, int fallback) {
            return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
        }
    }
}
