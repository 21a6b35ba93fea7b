package org.ordo.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The forecast figures on the benchmark's year of history (bench/ scenario 6, {@code Scale.load}), computed from the
 * same formulas in Java instead of loading a million orders into PostgreSQL: order g of N is placed at now − (N − g) ×
 * 365 days / N, has 1 + g mod 5 lines, line i sells SKU {@code BENCH-((31g + 977i) mod 10000)} in a quantity of
 * 1 + (g + i) mod 3, and the order is cancelled when abs(hashint4(g)) mod 100 falls below 4 (5 and 10 in its last week
 * and two days). The weeks are cut as {@link ForecastService} cuts them. {@code -Dordo.bench.orders} sets N.
 */
class BenchHistoryFiguresTests {

    static final int SKUS = 10_000;

    /** PostgreSQL's hashint4: Jenkins' lookup3 final mix of one 32-bit word (hash_uint32). */
    static int hashint4(int k) {
        int a = 0x9e3779b9 + 4 + 3923095;
        int b = a;
        int c = a;
        a += k;
        c ^= b;
        c -= Integer.rotateLeft(b, 14);
        a ^= c;
        a -= Integer.rotateLeft(c, 11);
        b ^= a;
        b -= Integer.rotateLeft(a, 25);
        c ^= b;
        c -= Integer.rotateLeft(b, 16);
        a ^= c;
        a -= Integer.rotateLeft(c, 4);
        b ^= a;
        b -= Integer.rotateLeft(a, 14);
        c ^= b;
        c -= Integer.rotateLeft(b, 24);
        return c;
    }

    static Map<String, double[]> weeklyDemand(long orders, Instant now) {
        LocalDate currentWeek = now.atZone(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY);
        Map<String, Map<Long, Long>> perSku = new HashMap<>();
        double spacing = Duration.ofDays(365).toNanos() / (double) orders;
        for (long g = 1; g <= orders; g++) {
            Instant placed = now.minusNanos((long) ((orders - g) * spacing));
            Duration age = Duration.between(placed, now);
            int dice = Math.abs(hashint4((int) g)) % 100;
            int cancelBelow = age.toDays() >= 7 ? 4 : age.toDays() >= 2 ? 5 : 10;
            LocalDate week = placed.atZone(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY);
            if (dice < cancelBelow || !week.isBefore(currentWeek)) {
                continue;
            }
            long weekIndex = ChronoUnit.WEEKS.between(week, currentWeek);
            for (int i = 1; i <= 1 + g % 5; i++) {
                String sku = "BENCH-%05d".formatted((g * 31 + i * 977) % SKUS);
                perSku.computeIfAbsent(sku, k -> new HashMap<>()).merge(weekIndex, 1 + (g + i) % 3, Long::sum);
            }
        }
        Map<String, double[]> series = new TreeMap<>();
        perSku.forEach((sku, weeks) -> {
            long first =
                    weeks.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            double[] y = new double[(int) first];
            weeks.forEach((back, quantity) -> y[(int) (first - back)] = quantity);
            series.put(sku, y);
        });
        return series;
    }

    @Test
    void theBenchmarksYearOfHistoryIsForecastAtLeastAsWellAsBySeasonalNaive() throws Exception {
        long orders = Long.getLong("ordo.bench.orders", 1_000_000);
        Map<String, double[]> series = weeklyDemand(orders, Instant.parse("2026-12-04T12:00:00Z"));
        BacktestFigures figures = new BacktestFigures();
        series.values().forEach(figures::add);

        String table =
                figures.table("Benchmark history, %,d orders over a year, %,d SKUs".formatted(orders, series.size()));
        BacktestFigures.write("bench", table);
        System.out.println(table);

        assertThat(series).hasSize(SKUS);
        assertThat(figures.total().wape()).isLessThanOrEqualTo(figures.total().naiveWape());
    }
}
